using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using DomainModel.Generators.Tests;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>
/// <c>domainmodel check</c> in process. That the pipeline reports what the build reports for every bad
/// input of the generator's own suite is asserted there (TestSupport runs both on each case); here the
/// tool itself, reading a corpus from disk, is held to a real generator run on the same files.
/// </summary>
public sealed class CheckTests
{
    public const string Schema = """
        kinds:
          Leader:
            description: A person.
            fields:
              name: { type: string, required: true, description: Name. }
              status: { type: Status, description: Status. }
              country: { type: Country, description: Country. }
              born: { type: date, description: Birth date. }
          Country:
            description: A country.
            fields:
              name: { type: string, required: true, description: Name. }
              rank: { type: strng, description: A misspelled type. }
        enums:
          Status:
            description: A status.
            values: [active, retired]
        """;

    public const string Leaders = """
        kind: Leader
        document: report.txt
        facts:
          - id: putin
            name: Vladimir Putin
            staus: active
            evidence: [Vladimir Putin met]
          - id: sharaa
            name: Ahmed al-Sharaa
            status: resting
            country: syra
            born: 1982-13-01
            evidence: ['al-Sharaa flew to Moscow']
          - id: putin
            name: Duplicate
            evidence: [Vladimir Putin met]
        """;

    public const string Countries = """
        kind: Country
        document: report.txt
        facts:
          - id: syria
            name: Syria
            evidence: [Syria]
        """;

    public const string Document = "Vladimir Putin met Ahmed al-Sharaa of Syria in Moscow on Wednesday.";

    public static TempCorpus BadCorpus() => new(
        ("schema/world.schema.yaml", Schema),
        ("facts/leaders.facts.yaml", Leaders),
        ("facts/countries.facts.yaml", Countries),
        ("facts/broken.facts.yaml", "kind: Country\nfacts: [a, b\n"),
        ("facts/empty.facts.yaml", string.Empty),
        ("documents/report.txt", Document));

    [Fact]
    public void Seeds_are_clean()
    {
        var result = ToolRun.InProcess("check", ToolRun.Seeds);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.Matches(@"^0 errors, 0 warnings in 5 schema files, 14 facts files and 1 document \(\d+ facts accepted\)\.\n$", result.Error);
    }

    [Fact]
    public void A_bad_corpus_gives_exactly_the_builds_diagnostics_in_the_compilers_format()
    {
        using var corpus = BadCorpus();
        var result = ToolRun.InProcess("check", corpus.Root);
        Assert.Equal(1, result.ExitCode);

        var build = Build(corpus.Inputs());
        Assert.Equal(build.OrderBy(l => l, StringComparer.Ordinal), result.Lines.OrderBy(l => l, StringComparer.Ordinal));

        // What the lines hold, spelled out (one-based line and column in the file on disk).
        var leaders = corpus["facts/leaders.facts.yaml"];
        Assert.Contains(result.Lines, l => l.StartsWith(leaders + "(6,5): error DM0005: Unknown key 'staus' in Leader 'putin'. Did you mean 'status'?", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith(leaders + "(10,13): error DM0013: Invalid Status value 'resting' for 'status'. Allowed values: active, retired.", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith(leaders + "(14,9): error DM0016: Duplicate Leader id 'putin' (first at 4:9).", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith(corpus["facts/broken.facts.yaml"] + "(3,1): error DM0001: YAML syntax error", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith(corpus["schema/world.schema.yaml"] + "(13,21): error DM0009: Unknown type 'strng'", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith(corpus["facts/empty.facts.yaml"] + "(1,1): warning DM0022: ", StringComparison.Ordinal));
        Assert.All(result.Lines, l => Assert.Matches(@"^/.+\(\d+,\d+\): (error|warning) DM\d{4}: .+ \(https://.+#dm\d{4}\)$", l));

        // Sorted by file and position, whatever order the files were found in.
        var files = result.Lines.Select(l => l[..l.IndexOf('(', StringComparison.Ordinal)]).ToList();
        Assert.Equal(files.OrderBy(f => f, StringComparer.Ordinal), files);
        Assert.Equal(8, result.Lines.Count);
        Assert.Equal("7 errors, 1 warning in 1 schema file, 4 facts files and 1 document (3 facts accepted).\n", result.Error);
    }

    [Fact]
    public void Warnings_alone_exit_0_unless_warnaserror()
    {
        using var corpus = new TempCorpus(("a.schema.yaml", Schema.Replace("strng", "string", StringComparison.Ordinal)), ("empty.facts.yaml", "# nothing yet\n"));
        var relaxed = ToolRun.InProcess("check", corpus.Root);
        Assert.True(relaxed.ExitCode == 0, relaxed.ToString());
        Assert.Equal(new[] { corpus["empty.facts.yaml"] + "(1,1): warning DM0022: 'empty.facts.yaml' holds no content and is ignored. Add content or remove the file from AdditionalFiles. (https://github.com/domainmodel/domainmodel/blob/main/docs/diagnostics.md#dm0022)" }, relaxed.Lines);

        var strict = ToolRun.InProcess("check", corpus.Root, "--warnaserror");
        Assert.Equal(1, strict.ExitCode);
        Assert.StartsWith(corpus["empty.facts.yaml"] + "(1,1): error DM0022: ", strict.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misnamed_YAML_file_is_DM0030_at_the_file_as_the_build_reports_it()
    {
        using var corpus = new TempCorpus(
            ("a.schema.yaml", Schema.Replace("strng", "string", StringComparison.Ordinal)),
            ("facts/grants.yaml", Countries),
            ("facts/leaders.YML", "kind: Leader\n"),
            ("report.txt", Document));
        var result = ToolRun.InProcess("check", corpus.Root);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            new[]
            {
                corpus["facts/grants.yaml"] + "(1,1): warning DM0030: 'grants.yaml' is not read: DomainModel reads schemas from *.schema.yaml and facts from *.facts.yaml files (or .yml). Rename it to 'grants.schema.yaml' or 'grants.facts.yaml', or remove it from AdditionalFiles. (https://github.com/domainmodel/domainmodel/blob/main/docs/diagnostics.md#dm0030)",
                corpus["facts/leaders.YML"] + "(1,1): warning DM0030: 'leaders.YML' is not read: DomainModel reads schemas from *.schema.yaml and facts from *.facts.yaml files (or .yml). Rename it to 'leaders.schema.yaml' or 'leaders.facts.yaml', or remove it from AdditionalFiles. (https://github.com/domainmodel/domainmodel/blob/main/docs/diagnostics.md#dm0030)",
            },
            result.Lines);
        Assert.Equal("0 errors, 2 warnings in 1 schema file, 0 facts files and 1 document (0 facts accepted).\n", result.Error);

        // Exactly what the build reports with the same AdditionalFiles.
        var files = new[] { "a.schema.yaml", "facts/grants.yaml", "facts/leaders.YML", "report.txt" }.Select(f => (corpus[f], File.ReadAllText(corpus[f]))).ToList();
        Assert.Equal(Build(files).OrderBy(l => l, StringComparer.Ordinal), result.Lines);

        // A file named on the command line is passed on too; --warnaserror makes the warning an error.
        var named = ToolRun.InProcess("check", corpus["a.schema.yaml"], corpus["facts/grants.yaml"], "--warnaserror");
        Assert.Equal(1, named.ExitCode);
        Assert.StartsWith(corpus["facts/grants.yaml"] + "(1,1): error DM0030: 'grants.yaml' is not read", named.Lines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void MSBuild_properties_are_passed_with_p_as_the_build_passes_them()
    {
        var result = ToolRun.InProcess("check", ToolRun.Seeds, "-p", "DomainModelNamespace=not a namespace", "--property:DomainModelMaxNamedFactsPerKind=lots");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, result.Lines.Count);
        Assert.StartsWith("warning DM0027: MSBuild property DomainModelNamespace has invalid value 'not a namespace'.", result.Lines[0], StringComparison.Ordinal);
        Assert.StartsWith("warning DM0027: MSBuild property DomainModelMaxNamedFactsPerKind has invalid value 'lots'.", result.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Several_folders_are_one_corpus_and_files_may_be_named()
    {
        var result = ToolRun.InProcess(
            "check",
            Path.Combine(ToolRun.Seeds, "schema"),
            Path.Combine(ToolRun.Seeds, "facts"),
            Path.Combine(ToolRun.Seeds, "documents", "000_6b0556799bcd713d.txt"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("0 errors, 0 warnings in 5 schema files, 14 facts files and 1 document", result.Error, StringComparison.Ordinal);

        // Without the document every quote is unchecked against it: the build's DM0003 for each facts file's document.
        var noDocument = ToolRun.InProcess("check", Path.Combine(ToolRun.Seeds, "schema"), Path.Combine(ToolRun.Seeds, "facts"));
        Assert.Equal(1, noDocument.ExitCode);
        Assert.NotEmpty(noDocument.Lines);
    }

    /// <summary>The generator's diagnostics for these inputs, through Roslyn's driver, as the compiler prints them.</summary>
    public static IReadOnlyList<string> Build(IReadOnlyList<(string Path, string Text)> inputs) =>
        GeneratorHarness.Run(inputs).GeneratorDiagnostics
            .Select(d => CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture))
            .ToList();
}
