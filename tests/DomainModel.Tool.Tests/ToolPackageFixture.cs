using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using DomainModel.PackageTests;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>
/// Packs DomainModel.Tool once per test run into a folder feed (the package tests' fixture: its own build
/// output, an empty NuGet cache) and installs it from there with <c>dotnet tool install --tool-path</c>,
/// as a user would.
/// </summary>
public sealed class ToolPackageFixture : PackageFixture
{
    public ToolPackageFixture()
        : base(new[] { "src/DomainModel.Tool/DomainModel.Tool.csproj" }, Array.Empty<string>())
    {
        ToolPath = Path.Combine(Root, "tools");
        var (exitCode, output) = Run(Root, "tool", "install", "DomainModel.Tool", "--tool-path", ToolPath, "--add-source", Feed);
        Assert.True(exitCode == 0, "dotnet tool install failed:\n" + output);
        Command = Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "domainmodel.exe" : "domainmodel");
        Assert.True(File.Exists(Command), "no domainmodel command in " + ToolPath + ":\n" + output);
    }

    /// <summary>The folder the tool was installed into.</summary>
    public string ToolPath { get; }

    /// <summary>The installed <c>domainmodel</c> command.</summary>
    public string Command { get; }

    /// <summary>Runs the installed command as a real process, standard output and error apart.</summary>
    public ToolResult Tool(string workingDirectory, params string[] args) => Process(Command, workingDirectory, args);

    /// <summary>Runs a program with the environment of the fixture's dotnet runs, standard output and error apart.</summary>
    public ToolResult Process(string fileName, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(fileName, workingDirectory, args);
        start.RedirectStandardInput = true;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.Append(e.Data).Append('\n'); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 3 minutes:\n{stdout}\n{stderr}");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.ToString(), stderr.ToString());
    }
}

[CollectionDefinition("tool-package")]
public sealed class ToolPackageCollection : ICollectionFixture<ToolPackageFixture>
{
}
