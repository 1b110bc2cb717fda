using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// A small valid model (schema, facts, source document) that hostile inputs are run beside, to show that
/// one bad file leaves the others generated, plus assertions shared by the hardening tests.
/// </summary>
internal static class TestSupport
{
    public const string Root = "/proj/";

    public const string BaselineSchema = """
        kinds:
          Country:
            description: A country.
            fields:
              name: { type: string, required: true, description: The country's name. }
        """;

    public const string BaselineFacts = """
        kind: Country
        document: baseline.txt
        facts:
          - id: russia
            name: Russia
            evidence: [Russia]
        """;

    public const string BaselineDocument = "Russia and Syria met in Moscow.";

    public static (string Path, string Text)[] Baseline =>
    [
        (Root + "baseline.schema.yaml", BaselineSchema),
        (Root + "baseline.facts.yaml", BaselineFacts),
        (Root + "baseline.txt", BaselineDocument),
    ];

    /// <summary>Runs the generator on the files given (paths relative to /proj/), without the baseline.</summary>
    public static GeneratorRun Run(params (string Name, string Text)[] files) =>
        Run(null, files);

    public static GeneratorRun Run(IReadOnlyDictionary<string, string>? options, params (string Name, string Text)[] files) =>
        RunBoth(files.Select(f => (Root + f.Name, f.Text)).ToList(), options);

    /// <summary>Runs the generator on the files given plus the baseline model.</summary>
    public static GeneratorRun RunWithBaseline(params (string Name, string Text)[] files) =>
        RunBoth(Baseline.Concat(files.Select(f => (Root + f.Name, f.Text))).ToList(), null);

    /// <summary>
    /// Runs the generator, and the Roslyn-free pipeline that the domainmodel tool's check command prints
    /// (Pipeline/CorpusPipeline) on the same inputs and options: every case of the diagnostics and
    /// hostile-input tests also proves that the tool reports exactly what the build reports (same lines
    /// as the compiler prints them: path, line, column, severity, id and message).
    /// </summary>
    private static GeneratorRun RunBoth(IReadOnlyList<(string Path, string Text)> inputs, IReadOnlyDictionary<string, string>? options)
    {
        var run = GeneratorHarness.Run(inputs, options: options);
        // The tool emits no code: a fault injected in an emit step is the build's alone.
        var emitFault = FaultInjection.Stage?.StartsWith("emit:", StringComparison.Ordinal) == true;
        var build = run.GeneratorDiagnostics
            .Where(d => !(emitFault && d.Id == "DM0026"))
            .Select(d => Microsoft.CodeAnalysis.CSharp.CSharpDiagnosticFormatter.Instance.Format(d, CultureInfo.InvariantCulture))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        var tool = global::DomainModel.Generators.Pipeline.CorpusPipeline.Run(inputs, GeneratorHarness.Options(options)).Diagnostics
            .Select(d => global::DomainModel.Generators.Pipeline.CorpusPipeline.Format(d))
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(string.Join("\n", build), string.Join("\n", tool));
        return run;
    }

    /// <summary>The generator did not throw (no CS8785): its exception would drop all output.</summary>
    public static void NoCrash(GeneratorRun run)
    {
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    /// <summary>No crash, the baseline kind was generated, and everything generated compiles.</summary>
    public static void BaselineStillGenerates(GeneratorRun run)
    {
        NoCrash(run);
        Assert.Contains("Country.g.cs", run.Sources.Keys);
        Assert.Contains("DomainModel.Runtime.g.cs", run.Sources.Keys);
        Assert.Contains(".Country Russia => ", run.Sources["Country.Rows0.g.cs"], StringComparison.Ordinal); // its named property
        Assert.Empty(run.CompileErrors);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Location.GetLineSpan().Path?.EndsWith("baseline.schema.yaml", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Location.GetLineSpan().Path?.EndsWith("baseline.facts.yaml", StringComparison.Ordinal) == true);
    }

    /// <summary>
    /// Exactly one diagnostic with this id at this file, one-based line and column, whose message holds
    /// every fragment (the fix hint among them).
    /// </summary>
    public static Diagnostic Expect(GeneratorRun run, string id, string file, int line, int column, params string[] messageContains)
    {
        NoCrash(run);
        var matches = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count > 0, $"No {id}. Diagnostics:\n{Describe(run)}");
        var at = matches.Where(d => Position(d) == (file, line, column)).ToList();
        Assert.True(at.Count == 1, $"Expected one {id} at {file}({line},{column}). Diagnostics:\n{Describe(run)}");
        var message = at[0].GetMessage(CultureInfo.InvariantCulture);
        foreach (var fragment in messageContains)
        {
            Assert.Contains(fragment, message, StringComparison.Ordinal);
        }

        return at[0];
    }

    public static (string File, int Line, int Column) Position(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return (System.IO.Path.GetFileName(span.Path ?? string.Empty), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    public static string Describe(GeneratorRun run) =>
        string.Join("\n", run.GeneratorDiagnostics.Select(d => $"{GeneratorRun.Format(d)}: {d.GetMessage(CultureInfo.InvariantCulture)}"));

    /// <summary>Every diagnostic has a location inside one of the inputs (or none, for options), with a real line and column.</summary>
    public static void LocationsAreValid(GeneratorRun run, IReadOnlyList<(string Path, string Text)> inputs)
    {
        foreach (var d in run.GeneratorDiagnostics)
        {
            if (d.Location == Location.None)
            {
                Assert.True(d.Id is "DM0027" or "DM0026" or "DM0031", $"{d.Id} has no location: {d}");
                continue;
            }

            var span = d.Location.GetLineSpan();
            var input = inputs.Where(i => i.Path == span.Path).ToList();
            Assert.True(input.Count == 1, $"{d.Id} is reported in '{span.Path}', which is not an input");
            var text = input[0].Text;
            var lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;
            var line = span.StartLinePosition.Line;
            Assert.True(line < lines.Count, $"{d.Id} line {line + 1} is past the end of {span.Path} ({lines.Count} lines): {d}");
            var length = lines[line].End - lines[line].Start;
            Assert.True(span.StartLinePosition.Character <= length + 1, $"{d.Id} column {span.StartLinePosition.Character + 1} is past the end of line {line + 1} ({length} characters): {d}");
            Assert.True(span.EndLinePosition >= span.StartLinePosition, $"{d.Id} span is inverted: {d}");
        }
    }
}
