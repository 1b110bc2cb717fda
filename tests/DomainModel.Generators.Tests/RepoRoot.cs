using System;
using System.IO;

namespace DomainModel.Generators.Tests;

/// <summary>The repository root: the first directory above the test binaries that holds DomainModel.sln.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> s_path = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "DomainModel.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DomainModel.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Path => s_path.Value;
}
