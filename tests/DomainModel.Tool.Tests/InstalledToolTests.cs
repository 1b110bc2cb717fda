using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>The packed tool, installed from the folder feed, run as a real process.</summary>
[Collection("tool-package")]
public sealed class InstalledToolTests(ToolPackageFixture fixture)
{
    [Fact]
    public void Installed_tool_checks_the_seeds()
    {
        var result = fixture.Tool(ToolRun.RepoRoot, "check", "seeds");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("0 errors, 0 warnings in 5 schema files, 14 facts files and 1 document", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', result.Error); // redirected: no progress line
    }

    [Fact]
    public void Installed_tool_reports_a_corpus_written_by_the_test_as_the_build_does()
    {
        using var corpus = CheckTests.BadCorpus();
        var result = fixture.Tool(corpus.Root, "check", ".");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.Lines, l => l.StartsWith("./facts/leaders.facts.yaml(6,5): error DM0005: Unknown key 'staus' in Leader 'putin'. Did you mean 'status'?", StringComparison.Ordinal));

        // The same lines as the build's, given the same paths.
        var build = CheckTests.Build(corpus.Inputs().Select(i => ("." + i.Path[corpus.Root.Length..], i.Text)).ToList());
        Assert.Equal(build.OrderBy(l => l, StringComparer.Ordinal), result.Lines.OrderBy(l => l, StringComparer.Ordinal));
    }

    [Fact]
    public void Installed_tool_reports_bad_usage_without_a_stack_trace()
    {
        var unknown = fixture.Tool(ToolRun.RepoRoot, "chek", "seeds");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("error: Unrecognized command or argument 'chek'.", unknown.Error, StringComparison.Ordinal);
        BadUsageTests.NoStackTrace(unknown);

        var missing = fixture.Tool(ToolRun.RepoRoot, "check", "no-such-folder");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("error: 'no-such-folder' does not exist (give a corpus folder: its schemas, facts and source documents).\n", missing.Error);

        var help = fixture.Tool(ToolRun.RepoRoot, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:\n  domainmodel [command] [options]", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_installs_as_a_local_tool_through_a_manifest()
    {
        var project = Path.Combine(fixture.Root, "local-tool");
        Directory.CreateDirectory(project);

        // The CLI caches where a local tool of a given id and version lives under the user's home: a home of
        // the test's own, so that an earlier run's 1.0.0 (in a deleted temporary cache) is never used.
        var home = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = Path.Combine(fixture.Root, "cli-home") };
        var manifest = fixture.Process("dotnet", project, new[] { "new", "tool-manifest" }, home);
        Assert.True(manifest.ExitCode == 0, manifest.ToString());
        var install = fixture.Process("dotnet", project, new[] { "tool", "install", "DomainModel.Tool", "--add-source", fixture.Feed }, home);
        Assert.True(install.ExitCode == 0, install.ToString());
        var manifestFile = Directory.EnumerateFiles(project, "dotnet-tools.json", SearchOption.AllDirectories).Single();
        Assert.Contains("\"domainmodel\"", File.ReadAllText(manifestFile), StringComparison.Ordinal);

        var run = fixture.Process("dotnet", project, new[] { "tool", "run", "domainmodel", "check", Path.Combine(ToolRun.RepoRoot, "seeds") }, home);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("0 errors, 0 warnings in 5 schema files", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_tool_exports_the_seeds_and_fails_cleanly_on_a_closed_stdout()
    {
        var export = fixture.Tool(ToolRun.RepoRoot, "export", "seeds", "--format", "json");
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Equal(DomainModel.Cli.JsonExporter.WriteToString(), export.Out);

        // The reader of the pipe goes away after 100 bytes: the tool says so on stderr and exits 1, no crash.
        var piped = fixture.Process("bash", ToolRun.RepoRoot, new[] { "-c", $"'{fixture.Command}' export seeds --format json | head -c 100 > /dev/null; echo \"exit ${{PIPESTATUS[0]}}\"" });
        Assert.Equal("exit 1\n", piped.Out);
        Assert.StartsWith("error: cannot write the output: ", piped.Error, StringComparison.Ordinal);
        BadUsageTests.NoStackTrace(piped);
    }
}
