using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace DomainModel.PackageTests;

/// <summary>
/// Packs DomainModel.Runtime, DomainModel.Generators and DomainModel into a temporary folder feed from a
/// copy of the working tree (so the test never races the solution build, and the packages are built as
/// on a fresh clone), with an empty NuGet cache so a stale package of the same version can never be used.
/// </summary>
public class PackageFixture : IDisposable
{
    public PackageFixture()
        : this(new[] { "src/DomainModel.Runtime/DomainModel.Runtime.csproj", "generators/DomainModel.Generators/DomainModel.Generators.csproj", "src/DomainModel/DomainModel.csproj" }, new[] { "DomainModel.Consumer", "Generators.Consumer", "TwoCorpora.Consumer" })
    {
    }

    /// <summary>Packs <paramref name="projects"/> (paths from the repository root) and copies <paramref name="samples"/> (folders of samples/).</summary>
    protected PackageFixture(IReadOnlyList<string> projects, IEnumerable<string> samples)
    {
        Projects = projects;
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "domainmodel-package-tests-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "nuget-packages");
        Pack(CopyWorkingTree(Path.Combine(Root, "clone")), Feed);

        // Consumers live outside the repository, so its Directory.Build.props and central package versions do not apply.
        foreach (var sample in samples)
        {
            CopySample(sample, Path.Combine(Root, sample));
        }

        File.WriteAllText(Path.Combine(Root, "nuget.config"),
            $"<configuration><packageSources><clear /><add key=\"local\" value=\"{Feed}\" /></packageSources></configuration>");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />");
    }

    public string RepoRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    /// <summary>The projects the fixture packs (paths from the repository root).</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>The files the fixture packs: both packages and the library's symbol package.</summary>
    public static IReadOnlyList<string> PackageFiles { get; } =
        new[] { "DomainModel.Runtime.1.0.0.nupkg", "DomainModel.Runtime.1.0.0.snupkg", "DomainModel.Generators.1.0.0.nupkg", "DomainModel.1.0.0.nupkg", "DomainModel.1.0.0.snupkg" };

    /// <summary>
    /// Copies the repository's working tree (uncommitted changes included; no .git, build output or
    /// test results) to <paramref name="target"/>, as a fresh clone would have it.
    /// </summary>
    public string CopyWorkingTree(string target)
    {
        Copy(RepoRoot, target);
        return target;
    }

    /// <summary>Copies a sample consumer to <paramref name="target"/> (under <see cref="Root"/>: it restores from the feed).</summary>
    public void CopySample(string sample, string target) => Copy(Path.Combine(RepoRoot, "samples", sample), target);

    /// <summary>Copies a folder of this project's Assets/ (test consumers that are not samples) to <paramref name="target"/>.</summary>
    public void CopyAsset(string asset, string target) => Copy(Path.Combine(RepoRoot, "tests", "DomainModel.PackageTests", "Assets", asset), target);

    /// <summary>Packs the fixture's projects from the repository copy at <paramref name="clone"/> into <paramref name="feed"/>.</summary>
    public void Pack(string clone, string feed)
    {
        Directory.CreateDirectory(feed);
        foreach (var project in Projects)
        {
            var result = Run(clone, "pack", Path.Combine(clone, project), "-c", "Release", "-o", feed);
            Assert.True(result.ExitCode == 0, $"dotnet pack {project} in {clone} failed:\n{result.Output}");
        }
    }

    public (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
    {
        var start = StartInfo("dotnet", workingDirectory, args);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in 5 minutes:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>How the fixture starts a program: output redirected, the fixture's NuGet cache, no MSBuild of the test host.</summary>
    public ProcessStartInfo StartInfo(string fileName, string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NUGET_PACKAGES"] = Packages;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        return start;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the OS cleans it.
        }
    }

    /// <summary>Copies a tree without git metadata, build output or test results.</summary>
    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part =>
                    part is ".git" or "bin" or "obj" or "artifacts" or "TestResults" or "BenchmarkDotNet.Artifacts"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DomainModel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DomainModel.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition("packages")]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
}
