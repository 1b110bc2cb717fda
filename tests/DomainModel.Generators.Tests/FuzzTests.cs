using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.CodeAnalysis;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Fuzzing with CsCheck. Every case must end in generated code or in DM diagnostics whose locations are
/// real (a file among the inputs, a line and column inside it): never an exception, CS8785 or a hang, and
/// the generated code must parse (and, where checked, compile). CI runs a bounded number of cases; set
/// DOMAINMODEL_FUZZ_ITERATIONS for a soak run, and CsCheck_Seed to replay a reported failure. See docs/fuzzing.md.
/// </summary>
public class FuzzTests
{
    /// <summary>Cases per test: small in CI, as many as asked for in a soak run.</summary>
    private static readonly long s_iterations =
        long.TryParse(Environment.GetEnvironmentVariable("DOMAINMODEL_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;

    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(60);

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> s_seeds = new(GeneratorHarness.SeedFiles);

    /// <summary>Fragments that YAML, our schema language or the C# emitter find interesting.</summary>
    private static readonly string[] s_snippets =
    [
        ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!", "!!str ", "%", "@", "`", "'", "\"", "|", ">", "? ",
        "\t", "\n", "\r\n", "\r", " ", "  ", "    ", "\uFEFF", "\0", "\u2028", "\u0085", "\u202E", "\u001F", "\u001E", "\u0018", "\u001B", "😀", "\uD800", "é",
        "---\n", "...\n", "\\", "\\u", "\\x", "~", "null", "true", "yes", "2025-02-30", "2025-13", "0000s", "1e9", "-0", "99999999999999999999", "USD", "usd",
        "list<", "list<list<string>>", "<<: ", "kinds:", "enums:", "facts:", "fields:", "values: [a, b]", "id: ", "- id: x\n", "type: ", "type: Money",
        "required: true", "description: x", "plural: Count", "Leader", "Leaders", "Money", "FactCatalog", "Id", "all", "count", "row0", "event", "class",
        "evidence: []", "evidence: [\"x\"]", "document: nowhere.txt", "stance: contradicts", "{ amount: 1, currency: EUR }", "{ value: 5, unit: x, qualifier: about }",
    ];

    [Fact]
    public void Mutated_seed_files_never_crash_and_report_real_positions()
    {
        var seeds = s_seeds.Value;
        var yaml = Enumerable.Range(0, seeds.Count).Where(i => seeds[i].Path.EndsWith(".yaml", StringComparison.Ordinal)).ToArray();
        var mutation = Gen.Select(Gen.Int[0, 8], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, s_snippets.Length - 1], Gen.Int[1, 40]);
        var gen = Gen.Select(Gen.Int[0, yaml.Length - 1], mutation.Array[1, 6]);
        var cases = 0;
        gen.Sample((file, mutations) =>
        {
            var index = yaml[file];
            var inputs = seeds.ToArray();
            inputs[index] = (inputs[index].Path, mutations.Aggregate(inputs[index].Text, Mutate));
            Check(inputs, compile: ++cases % 25 == 1);
        }, iter: s_iterations > 0 ? s_iterations : 150, threads: 1, print: x => $"{s_seeds.Value[yaml[x.Item1]].Path} with {string.Join("; ", x.Item2.Select(m => m.ToString()))}");
    }

    [Fact]
    public void Random_YAML_ish_text_never_crashes()
    {
        var fragment = Gen.OneOf(
            Gen.Int[0, s_snippets.Length - 1].Select(i => s_snippets[i]),
            Gen.String[Gen.Char["abcxyz019 :-_[]{},#&*!|>'\"\n\t\\%@`?<>"], 1, 6],
            Gen.Char['\0', '\uFFFF'].Select(c => c.ToString()));
        var text = fragment.Array[0, 60].Select(parts => string.Concat(parts));
        var gen = Gen.Select(text, text, Gen.Bool);
        gen.Sample((schema, facts, withBaseline) =>
        {
            var inputs = new List<(string Path, string Text)> { (Root + "r.schema.yaml", schema), (Root + "r.facts.yaml", "kind: Thing\ndocument: baseline.txt\nfacts:\n" + facts) };
            if (withBaseline)
            {
                inputs.AddRange(Baseline);
            }

            Check(inputs, compile: false);
        }, iter: s_iterations > 0 ? s_iterations : 300, threads: 1, print: x => $"schema:\n{Escape(x.Item1)}\nfacts:\n{Escape(x.Item2)}");
    }

    /// <summary>
    /// Well-formed YAML, random model: names from pools of valid, invalid, reserved and colliding names, values
    /// valid and not. Exercises validation and emission; the generated code must always compile.
    /// </summary>
    [Fact]
    public void Random_models_always_generate_code_that_compiles()
    {
        string[] typeNames = ["Thing", "Other", "Things", "THING", "Money", "Id", "thing", "Count", "Row", "System", "Factcatalog", "Leader", "Status", "Statuses"];
        string[] plurals = ["", "", "", "Things", "Count", "Ids", "Other", "Row3", "Money", "Stuff", "Stuff"];
        string[] fieldNames = ["name", "a1", "a_1", "id", "note", "event", "class", "thing", "other", "kind", "to_string", "x", "ref", "refs", "when", "cost", "size", "pct", "flag", "2nd", "ok_"];
        string[] types = ["string", "integer", "decimal", "boolean", "date", "money", "quantity", "percent", "Thing", "Other", "Status", "list<string>", "list<Thing>", "list<Other>", "list<Status>", "list<date>", "Nation", "list<list<string>>", "String"];
        string[] ids = ["a", "b", "al-sharaa", "al_sharaa", "all", "count", "at", "row0", "things", "Bad", "9x", "event", "ok", "c-1", "c1"];
        string[] values = ["x", "", "42", "-7", "3.5", "true", "2025", "2025-07", "2025-02-30", "1950s", "0000s", "5 USD", "5 usd", "{ amount: 5, currency: EUR }", "500 people", "{ value: 1, unit: u, qualifier: about }", "78%", "a", "b", "zz", "[a, b]", "[]", "[x, \"\"]", "active", "retired", "null", "{ nested: map }", "\"\\u202E\\u0000\\u001F\"", "Russia"];

        var field = Gen.Select(Gen.Int[0, fieldNames.Length - 1], Gen.Int[0, types.Length - 1], Gen.Bool);
        var kind = Gen.Select(Gen.Int[0, typeNames.Length - 1], Gen.Int[0, plurals.Length - 1], field.Array[0, 5]);
        var fact = Gen.Select(Gen.Int[0, ids.Length - 1], Gen.Select(Gen.Int[0, fieldNames.Length - 1], Gen.Int[0, values.Length - 1]).Array[0, 5], Gen.Int[0, 3]);
        var factsFile = Gen.Select(Gen.Int[0, typeNames.Length - 1], fact.Array[0, 6]);
        var gen = Gen.Select(kind.Array[1, 3], factsFile.Array[0, 3], Gen.Bool);
        gen.Sample((kinds, files, statusEnum) =>
        {
            var schema = new StringBuilder("kinds:\n");
            foreach (var (name, plural, fields) in kinds)
            {
                schema.Append("  ").Append(typeNames[name]).Append(":\n    description: d\n");
                if (plurals[plural].Length > 0)
                {
                    schema.Append("    plural: ").Append(plurals[plural]).Append('\n');
                }

                schema.Append("    fields:").Append(fields.Length == 0 ? " {}\n" : "\n");
                foreach (var f in fields.DistinctBy(f => fieldNames[f.Item1]))
                {
                    schema.Append("      ").Append(fieldNames[f.Item1]).Append(": { type: '").Append(types[f.Item2]).Append("', required: ").Append(f.Item3 ? "true" : "false").Append(", description: d }\n");
                }
            }

            if (statusEnum)
            {
                schema.Append("enums:\n  Status:\n    description: s\n    values: [active, retired, at-least, at_least]\n");
            }

            var inputs = new List<(string Path, string Text)> { (Root + "m.schema.yaml", schema.ToString()) };
            inputs.AddRange(Baseline);
            for (var i = 0; i < files.Length; i++)
            {
                var text = new StringBuilder("kind: ").Append(typeNames[files[i].Item1]).Append("\ndocument: baseline.txt\nfacts:\n");
                foreach (var (id, entries, evidence) in files[i].Item2)
                {
                    text.Append("  - id: ").Append(ids[id]).Append('\n');
                    foreach (var (key, value) in entries.DistinctBy(e => fieldNames[e.Item1]).Where(e => fieldNames[e.Item1] is not "id"))
                    {
                        text.Append("    ").Append(fieldNames[key]).Append(": ").Append(values[value]).Append('\n');
                    }

                    text.Append(evidence switch { 0 => string.Empty, 1 => "    evidence: []\n", 2 => "    evidence: [Russia]\n", _ => "    evidence: [Moscow, { quote: Syria, stance: contradicts }]\n" });
                }

                inputs.Add((Root + $"m{i}.facts.yaml", text.ToString()));
            }

            Check(inputs, compile: true);
        }, iter: s_iterations > 0 ? s_iterations : 120, threads: 1, print: x => "(see the YAML built from this case)");
    }

    /// <summary>Runs one case with a hang guard and checks every invariant.</summary>
    private static void Check(IReadOnlyList<(string Path, string Text)> inputs, bool compile)
    {
        var task = Task.Run(() => GeneratorHarness.Run(inputs));
        if (!task.Wait(s_hang))
        {
            throw new TimeoutException($"The generator did not finish within {s_hang.TotalSeconds} s.");
        }

        var run = task.Result;
        NoCrash(run);
        foreach (var d in run.GeneratorDiagnostics)
        {
            Assert.StartsWith("DM", d.Id, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(d.GetMessage(CultureInfo.InvariantCulture)));
        }

        LocationsAreValid(run, inputs);
        foreach (var tree in run.Result.GeneratedTrees)
        {
            var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{tree.FilePath} does not parse: {string.Join("\n", errors.Take(5))}");
        }

        if (compile)
        {
            var errors = run.CompileErrors;
            Assert.True(errors.Count == 0, "Generated code does not compile:\n" + string.Join("\n", errors.Take(10)) + "\nDiagnostics:\n" + Describe(run) + "\nInputs:\n" + string.Join("\n", inputs.Where(i => !i.Path.Contains("baseline", StringComparison.Ordinal) && !i.Path.StartsWith("/seeds/", StringComparison.Ordinal)).Select(i => $"--- {i.Path}\n{i.Text}")));
        }
    }

    private static string Mutate(string text, (int Kind, double At, double To, int Snippet, int Length) m)
    {
        var at = (int)(m.At * text.Length);
        var snippet = s_snippets[m.Snippet];
        var lines = text.Split('\n').ToList();
        var line = (int)(m.At * (lines.Count - 1));
        var other = (int)(m.To * (lines.Count - 1));
        switch (m.Kind)
        {
            case 0: // insert
                return text.Insert(at, snippet);
            case 1: // delete
                return text.Remove(at, Math.Min(m.Length, text.Length - at));
            case 2: // replace
                return text.Remove(at, Math.Min(m.Length, text.Length - at)).Insert(at, snippet);
            case 3: // swap two lines
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join("\n", lines);
            case 4: // duplicate a line
                lines.Insert(other, lines[line]);
                return string.Join("\n", lines);
            case 5: // truncate
                return text.Substring(0, at);
            case 6: // re-indent a line
                lines[line] = m.Length % 2 == 0 ? new string(' ', m.Length % 7) + lines[line].TrimStart() : lines[line].TrimStart();
                return string.Join("\n", lines);
            case 7: // move a line
                var moved = lines[line];
                lines.RemoveAt(line);
                lines.Insert(Math.Min(other, lines.Count), moved);
                return string.Join("\n", lines);
            default: // replace one character with an arbitrary one
                return text.Length == 0 ? snippet : text.Remove(Math.Min(at, text.Length - 1), 1).Insert(Math.Min(at, text.Length - 1), ((char)(m.To * 0xFFFF)).ToString());
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' or '\n' ? c.ToString() : $"\\u{(int)c:X4}"));
}
