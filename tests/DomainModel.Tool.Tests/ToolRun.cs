using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DomainModel.Tool.Tests;

/// <summary>The outcome of one run of the tool: exit code, standard output and standard error.</summary>
public sealed record ToolResult(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output's lines (without the final empty one).</summary>
    public IReadOnlyList<string> Lines => Out.Length == 0 ? Array.Empty<string>() : Out.TrimEnd('\n').Split('\n');

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

internal static class ToolRun
{
    /// <summary>The seed corpus in the repository.</summary>
    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Runs the command line in process, as <c>domainmodel args...</c> with redirected output.</summary>
    public static ToolResult InProcess(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = ToolApp.Run(args, new ToolConsole(stdout, stderr));
        return new ToolResult(exitCode, stdout.ToString(), stderr.ToString());
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

/// <summary>A corpus written to a temporary folder by a test (paths relative to it), deleted afterwards.</summary>
public sealed class TempCorpus : IDisposable
{
    public TempCorpus(params (string Path, string Text)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "domainmodel-tool-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Every input as the tool reads it (path, text), for running the generator on the same files.</summary>
    public IReadOnlyList<(string Path, string Text)> Inputs() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(Generators.Pipeline.CorpusPipeline.IsInput)
            .Select(p => (p, File.ReadAllText(p)))
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
