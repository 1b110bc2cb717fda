using System;
using System.IO;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>Bad usage and bad input: a clear message on standard error, exit 2 (usage) or 1 (input), never a stack trace.</summary>
public sealed class BadUsageTests
{
    [Theory]
    [InlineData(new[] { "chek", "seeds" }, "Unrecognized command or argument 'chek'.")]
    [InlineData(new string[0], "Required command was not provided.")]
    [InlineData(new[] { "check" }, "Required argument missing for command: 'check'.")]
    [InlineData(new[] { "check", "SEEDS", "--bogus" }, "Unrecognized option '--bogus'.")]
    [InlineData(new[] { "check", "SEEDS", "-p", "NoEquals" }, "'-p NoEquals' is not Name=Value")]
    [InlineData(new[] { "check", "no/such/folder" }, "'no/such/folder' does not exist")]
    public void Bad_usage_exits_2_with_a_message(string[] args, string message)
    {
        var result = ToolRun.InProcess(Array.ConvertAll(args, a => a == "SEEDS" ? ToolRun.Seeds : a));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("error: " + message, result.Error, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public void Help_is_on_stdout_and_exits_0()
    {
        var result = ToolRun.InProcess("--help");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("check", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);

        var check = ToolRun.InProcess("check", "--help");
        Assert.Contains("--warnaserror", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_no_schema_exits_1_and_says_so()
    {
        var result = ToolRun.InProcess("check", Path.Combine(ToolRun.Seeds, "facts"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: No schema in '" + Path.Combine(ToolRun.Seeds, "facts") + "': no *.schema.yaml file was found (14 facts files, 0 documents).", result.Error, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public void An_unreadable_file_exits_1_and_names_it()
    {
        // A dangling link is unreadable whoever runs the test (a file without read permission is readable by root).
        using var corpus = new TempCorpus(("a.schema.yaml", "kinds: {}\n"));
        File.CreateSymbolicLink(corpus["gone.facts.yaml"], corpus["nowhere.facts.yaml"]);
        var result = ToolRun.InProcess("check", corpus.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Cannot read '" + corpus["gone.facts.yaml"] + "': ", result.Error, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public void A_file_that_is_not_an_input_is_bad_usage()
    {
        var result = ToolRun.InProcess("check", Path.Combine(ToolRun.Seeds, "tools", "check_corpus.py"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a DomainModel input (*.schema.yaml, *.facts.yaml, *.txt or *.md).", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_standard_output_exits_1_with_a_message()
    {
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = ToolApp.Run(new[] { "check", "--warnaserror", ToolRun.Seeds, "-p", "DomainModelNamespace=bad ns" }, new ToolConsole(new ClosedWriter(), stderr));
        Assert.Equal(1, exitCode);
        Assert.Equal("error: cannot write the output: Broken pipe\n", stderr.ToString());
    }

    internal static void NoStackTrace(ToolResult result)
    {
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Standard output whose reader has gone: every write fails as a broken pipe does.</summary>
    private sealed class ClosedWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void Write(string? value) => throw new IOException("Broken pipe");

        public override void WriteLine(string? value) => throw new IOException("Broken pipe");

        public override void Flush() => throw new IOException("Broken pipe");
    }
}
