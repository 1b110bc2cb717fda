using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Reading edge cases found by new users and by differential fuzzing against YamlDotNet: tagged nulls,
/// names that end in a line break, positions YamlDotNet gets wrong, names too long for C#, empty
/// enums and quotes, one diagnostic per typo, and hints for indentation and tabs.
/// </summary>
public class ParsingEdgeCaseTests
{
    private const string Schema = """
        kinds:
          Leader:
            description: A person.
            fields:
              name: { type: string, required: true, description: Name. }
              alpha: { type: string, description: A. }
              tags: { type: list<string>, description: Tags. }
        """;

    private static string Facts(string fields) =>
        "kind: Leader\ndocument: baseline.txt\nfacts:\n  - id: putin\n    name: P\n" + fields + "    evidence: [Russia]\n";

    private static IReadOnlyDictionary<string, RawNode> FieldsOf(string text)
    {
        var parsed = InputParser.Parse("/proj/a.facts.yaml", FileRole.Facts, text, CancellationToken.None);
        Assert.Empty(parsed.Diagnostics);
        return parsed.Facts!.Facts.Single().Fields.ToDictionary(e => e.Key.Value, e => e.Value, StringComparer.Ordinal);
    }

    // ---- tagged nulls -------------------------------------------------------------------------

    [Fact]
    public void A_tagged_null_spelling_is_a_string_and_a_plain_one_is_absent()
    {
        var fields = FieldsOf(Facts("    a: !!str null\n    b: ! ~\n    c: !!str\n    d: null\n    e: ~\n    f:\n    g: NULL\n"));
        Assert.Equal(("null", false), Scalar(fields["a"]));
        Assert.Equal(("~", false), Scalar(fields["b"]));
        Assert.Equal((string.Empty, false), Scalar(fields["c"]));
        Assert.True(((RawScalar)fields["d"]).IsNull);
        Assert.True(((RawScalar)fields["e"]).IsNull);
        Assert.True(((RawScalar)fields["f"]).IsNull);
        Assert.True(((RawScalar)fields["g"]).IsNull);

        static (string, bool) Scalar(RawNode node) => (((RawScalar)node).Value, ((RawScalar)node).IsNull);
    }

    [Fact]
    public void A_tagged_null_in_a_list_is_an_item_and_a_tagged_null_string_is_its_value()
    {
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("l.facts.yaml", Facts("    alpha: !!str null\n    tags: [!!str null, ! ~]\n")));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void The_fast_path_and_yamldotnet_agree_on_tagged_and_plain_nulls()
    {
        foreach (var text in new[] { "a: !!str null\n", "a: null\n", "a: [!!str null, null, ~]\n", "a: ! ~\n", "a:\n" })
        {
            var fast = YamlReader.Read("/a.yaml", text, new List<DiagnosticInfo>(), CancellationToken.None);
            var full = YamlReader.ReadWithYamlDotNet("/a.yaml", 0, text, new List<DiagnosticInfo>(), CancellationToken.None);
            Assert.Equal(full, fast);
        }
    }

    // ---- names ending in a line break -----------------------------------------------------------

    [Theory]
    [InlineData("  - id: \"c0x0\\n\"\n", 7, 9)]
    [InlineData("  - id: |\n      c0x0\n", 7, 9)]
    public void An_id_with_a_final_line_break_is_not_a_slug(string second, int line, int column)
    {
        var facts = "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: c0x0\n    name: A\n    evidence: [Russia]\n" + second + "    name: B\n    evidence: [Russia]\n";
        var run = RunWithBaseline(("c.facts.yaml", facts));
        Expect(run, "DM0008", "c.facts.yaml", line, column, "is not a valid fact id");
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Kind_field_and_enum_value_names_with_a_final_line_break_are_invalid()
    {
        var run = RunWithBaseline(("n.schema.yaml", "kinds:\n  \"Thing\\n\":\n    description: T.\n    fields: {}\n  Other:\n    description: O.\n    plural: \"Others\\n\"\n    fields:\n      \"size\\n\": { type: string, description: S. }\nenums:\n  Level:\n    description: L.\n    values: [\"low\\n\"]\n"));
        Expect(run, "DM0008", "n.schema.yaml", 2, 3, "is not a valid kind name");
        Expect(run, "DM0008", "n.schema.yaml", 7, 13, "is not a valid plural");
        Expect(run, "DM0008", "n.schema.yaml", 9, 7, "is not a valid field name");
        Expect(run, "DM0008", "n.schema.yaml", 13, 14, "is not a valid enum value");
        Assert.Empty(run.CompileErrors);
    }

    // ---- positions from the text, not from YamlDotNet's line and column --------------------------

    [Fact]
    public void A_broken_surrogate_escape_is_reported_at_its_quote_on_its_line()
    {
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("l.facts.yaml", Facts("    alpha: \"\\uD83D\\uD\"\n")));
        Expect(run, "DM0001", "l.facts.yaml", 6, 12, "surrogate", "\\U0001F600");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void A_broken_surrogate_escape_at_the_end_of_the_file_is_reported_inside_the_file()
    {
        var text = "kind: Leader\nfacts:\n  - id: x\n    name: \"\\uD83D\\uD\"";
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("z.facts.yaml", text));
        Expect(run, "DM0001", "z.facts.yaml", 4, 11, "surrogate");
        WithinText(run, "/proj/z.facts.yaml", text);
    }

    [Fact]
    public void Positions_at_the_end_of_a_file_without_a_final_line_break_stay_in_the_file()
    {
        var text = "kind: Leader\nfacts:\n  - id: x\n? a: b";
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("z.facts.yaml", text));
        Expect(run, "DM0003", "z.facts.yaml", 4, 3, "not a scalar");
        WithinText(run, "/proj/z.facts.yaml", text);
        var map = new LineMap(text);
        Assert.Equal(new TextPos(text.Length, 4, 7), map.At(text.Length + 1));
    }

    /// <summary>Every diagnostic in <paramref name="path"/> starts and ends inside the text: span, lines and columns.</summary>
    private static void WithinText(GeneratorRun run, string path, string text)
    {
        var lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;
        foreach (var d in run.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == path))
        {
            var span = d.Location.GetLineSpan();
            Assert.True(d.Location.SourceSpan.End <= text.Length, $"span past the end of the file: {d}");
            foreach (var at in new[] { span.StartLinePosition, span.EndLinePosition })
            {
                Assert.True(at.Line < lines.Count, $"line {at.Line + 1} past the end of the file: {d}");
                Assert.True(at.Character <= lines[at.Line].End - lines[at.Line].Start, $"column {at.Character + 1} past the end of line {at.Line + 1}: {d}");
            }
        }
    }

    [Theory]
    [InlineData("a\nb", 2, 2, 1)]
    [InlineData("a\r\nb", 3, 2, 1)]
    [InlineData("a\rb", 2, 2, 1)]
    [InlineData("a\u2028b\u0085c\u2029d", 6, 4, 1)]
    [InlineData("\U0001F600x", 2, 1, 3)]
    public void Line_and_column_count_every_line_break_and_utf16_units(string text, int index, int line, int column) =>
        Assert.Equal(new TextPos(index, line, column), new LineMap(text).At(index));

    [Fact]
    public void A_tab_is_reported_on_its_own_line()
    {
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("z.facts.yaml", "kind: Leader\nfacts:\n  - id: x\n\tname: y\n"));
        Expect(run, "DM0001", "z.facts.yaml", 4, 1, "tab", "Indent with spaces");
        var trailing = RunWithBaseline(("l.schema.yaml", Schema), ("z.facts.yaml", "kind: Leader\nfacts:\n  - id: x\n    name: y\n\t\n"));
        Expect(trailing, "DM0001", "z.facts.yaml", 5, 1, "tab", "Indent with spaces");
    }

    [Theory]
    [InlineData("kind: Leader\n  document: x\nfacts: []\n", 2, "deeper than 'kind'", "(column 1)")]
    [InlineData("kind: Leader\nfacts:\n  - id: x\n\n      name: y\n", 5, "deeper than 'id'", "(column 5)")]
    public void An_over_indented_line_gets_a_hint_about_indentation(string text, int line, string deeper, string column)
    {
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("z.facts.yaml", text));
        var d = run.GeneratorDiagnostics.Single(x => x.Id == "DM0001");
        Assert.Equal(line, Position(d).Line);
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(deeper, message, StringComparison.Ordinal);
        Assert.Contains(column, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Quote a value that contains", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_with_colon_space_keeps_the_quoting_hint()
    {
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("z.facts.yaml", "kind: Leader\nfacts:\n  - id: x\n    name: a: b\n"));
        var d = run.GeneratorDiagnostics.Single(x => x.Id == "DM0001");
        Assert.Contains("Quote a value that contains ': '", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    // ---- names too long for C# ----------------------------------------------------------------

    [Fact]
    public void Names_of_the_longest_allowed_length_compile()
    {
        var n = InputParser.MaxNameLength;
        var kind = "K" + new string('k', n - 1);
        var plural = "P" + new string('p', n - 1);
        var field = new string('f', n);
        var enumName = "E" + new string('e', n - 1);
        var value = new string('v', n);
        var id = new string('i', n);
        var schema = $"kinds:\n  {kind}:\n    plural: {plural}\n    description: K.\n    fields:\n      {field}: {{ type: {enumName}, description: F. }}\nenums:\n  {enumName}:\n    description: E.\n    values: [{value}]\n";
        var facts = $"kind: {kind}\ndocument: baseline.txt\nfacts:\n  - id: {id}\n    {field}: {value}\n    evidence: [Russia]\n";
        var run = RunWithBaseline(("long.schema.yaml", schema), ("long.facts.yaml", facts));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
    }

    [Fact]
    public void Longer_names_are_reported_at_their_yaml_position()
    {
        var n = InputParser.MaxNameLength + 1;
        var schema = $"kinds:\n  Thing:\n    plural: {"P" + new string('p', n - 1)}\n    description: K.\n    fields:\n      {new string('f', n)}: {{ type: string, description: F. }}\n  {"K" + new string('k', n - 1)}:\n    description: K.\nenums:\n  Level:\n    description: E.\n    values: [{new string('v', n)}, low]\n";
        var facts = $"kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: {new string('i', n)}\n    evidence: [Russia]\n  - id: ok\n    evidence: [Russia]\n";
        var run = RunWithBaseline(("long.schema.yaml", schema), ("long.facts.yaml", facts));
        Expect(run, "DM0002", "long.schema.yaml", 3, 13, "The plural", $"({n} characters)", $"limit of {n - 1} characters", "Shorten it");
        Expect(run, "DM0002", "long.schema.yaml", 6, 7, "The field name");
        Expect(run, "DM0002", "long.schema.yaml", 7, 3, "The kind name");
        Expect(run, "DM0002", "long.schema.yaml", 12, 14, "The enum value");
        Expect(run, "DM0002", "long.facts.yaml", 4, 9, "The fact id");
        Assert.Equal(5, run.GeneratorDiagnostics.Length);
        Assert.Empty(run.CompileErrors);
    }

    // ---- empty enums and quotes ---------------------------------------------------------------

    [Fact]
    public void An_enum_without_values_is_reported()
    {
        var run = RunWithBaseline(("e.schema.yaml", "enums:\n  Level:\n    description: L.\n    values: []\n"));
        Expect(run, "DM0007", "e.schema.yaml", 4, 13, "'values' must be a sequence of at least one value, not an empty sequence", "enum 'Level'");
        BaselineStillGenerates(run);
    }

    [Theory]
    [InlineData("[\"\"]", 6, 16)]
    [InlineData("[{ quote: '  ' }]", 6, 25)]
    public void An_empty_quote_is_reported_as_empty_not_as_missing_from_the_document(string evidence, int line, int column)
    {
        var facts = $"kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: {evidence}\n";
        var run = RunWithBaseline(("c.facts.yaml", facts));
        Expect(run, "DM0013", "c.facts.yaml", line, column, "Invalid quote value", "copied verbatim");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "DM0021");
    }

    // ---- one typo, one diagnostic ---------------------------------------------------------------

    [Fact]
    public void A_misspelt_required_schema_key_is_one_diagnostic()
    {
        var run = RunWithBaseline(("t.schema.yaml", "kinds:\n  Thing:\n    description: T.\n    fields:\n      size: { tpye: string, description: S. }\n"));
        Expect(run, "DM0005", "t.schema.yaml", 5, 15, "Unknown key 'tpye'", "Did you mean 'type'?");
        Assert.Single(run.GeneratorDiagnostics);
    }

    [Fact]
    public void An_unrelated_unknown_key_keeps_the_missing_key_diagnostic()
    {
        var run = RunWithBaseline(("t.schema.yaml", "kinds:\n  Thing:\n    description: T.\n    fields:\n      size: { colour: string, description: S. }\n"));
        Expect(run, "DM0005", "t.schema.yaml", 5, 15, "Unknown key 'colour'");
        Expect(run, "DM0006", "t.schema.yaml", 5, 13, "missing required key 'type'");
    }
}
