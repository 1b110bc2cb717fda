using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using CsCheck;
using DomainModel.Generators.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Any text in the input reaches the generated code only as escaped C# literals and XML doc text: it
/// round-trips exactly (compiled, loaded and read back), cannot end a literal or comment or start a
/// directive, and never appears as a raw control, bidirectional (Trojan Source) or line-separator character.
/// </summary>
public class SafeEmissionTests
{
    /// <summary>Strings that have broken code generators, plus the row encoding's own control characters.</summary>
    public static readonly string[] Nasty =
    [
        "say \"hi\" and 'bye'",
        "back\\slash \\u0041 \\n \\",
        "line1\nline2",
        "crlf\r\nx",
        "cr\rx",
        "ls\u2028x",
        "ps\u2029x",
        "nel\u0085x",
        "end */ comment /* start // line",
        "</summary><script>&amp;</script> <see cref=\"X\"/> <![CDATA[x]]>",
        "#if DEBUG\n#error boom\n#endif",
        "#region\n#pragma warning disable\n#line 1 \"evil.cs\"",
        "nul\0x",
        "rlo\u202Eevil\u202C",
        "\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069",
        "marks\u200E\u200F\u061C\u202A\u202B\u202D",
        "\u0018\u001B\u001D\u001E\u001F",
        "a\u001Fb\u001Ec\u001Dd\u0018e\u001Bf",
        "\u0018",
        "\u001B",
        "trailing escape\u001B",
        "tab\there",
        "\u00A0nbsp \u3000 ideographic",
        "zero\u200Bwidth\u2060joiner",
        "bom\uFEFFx",
        "emoji 😀 and tag \U000E0041\U000E007F characters",
        "}\"; System.Environment.Exit(1); //",
        "@\"verbatim\" $\"{interp}\" \"\"\"raw\"\"\" {{ }}",
        "C1 \u0080\u0081\u009F controls, DEL \u007F",
        "private use \uE000, noncharacters \uFFFE\uFFFF \uFDD0",
        "   leading and trailing spaces   ",
        "- not a list",
        "null",
        "~",
        "",
    ];

    [Fact]
    public void Nasty_strings_round_trip_through_every_place_text_is_emitted()
    {
        var values = Nasty;
        var quotes = Nasty.Where(q => Text.Whitespace.Normalize(q).Length > 0).ToArray();
        var document = string.Join(" | ", quotes) + " | size 5";
        var description = string.Concat(Nasty);
        var schema = new StringBuilder()
            .Append("kinds:\n  Sample:\n    description: ").Append(Q(description)).Append('\n')
            .Append("    fields:\n")
            .Append("      text: { type: string, required: true, description: ").Append(Q(description)).Append(" }\n")
            .Append("      opt: { type: string, description: ").Append(Q(description)).Append(" }\n")
            .Append("      items: { type: list<string>, description: x }\n")
            .Append("      size: { type: quantity, description: x }\n")
            .Append("enums:\n  Mood:\n    description: ").Append(Q(description)).Append("\n    values: [calm]\n")
            .ToString();
        var facts = new StringBuilder("kind: Sample\ndocument: ").Append(Q("we\u202Eird\u001F name.txt")).Append("\nfacts:\n");
        for (var i = 0; i < values.Length; i++)
        {
            facts.Append("  - id: s").Append(i).Append('\n')
                .Append("    text: ").Append(Q(values[i])).Append('\n')
                .Append("    opt: ").Append(Q(values[i])).Append('\n')
                .Append("    items: [").Append(string.Join(", ", new[] { values[i], string.Empty, values[(i + 1) % values.Length], string.Empty }.Select(Q))).Append("]\n")
                .Append("    note: ").Append(Q(values[i])).Append('\n');
            if (values[i].Trim().Length > 0 && values[i].Trim() == values[i] && !values[i].Any(char.IsWhiteSpace))
            {
                // The quantity's value is stated by a quote of its own (DM0032 otherwise).
                facts.Append("    size: { value: 5, unit: ").Append(Q(values[i])).Append(" }\n")
                    .Append("    evidence:\n      - ").Append(Q(quotes[i % quotes.Length])).Append("\n      - 'size 5'\n");
            }
            else
            {
                facts.Append("    evidence:\n      - ").Append(Q(quotes[i % quotes.Length])).Append('\n');
            }
        }

        var run = GeneratorHarness.Run(
            [(Root + "s.schema.yaml", schema), (Root + "s.facts.yaml", facts.ToString()), (Root + "we\u202Eird\u001F name.txt", document)]);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, Describe(run));
        NoCrash(run);
        Assert.Empty(run.CompileErrors);
        AssertSourcesAreClean(run);

        var assembly = run.Load();
        var samples = assembly.GetType("DomainModel.Samples", throwOnError: true)!;
        for (var i = 0; i < values.Length; i++)
        {
            var fact = samples.GetProperty("S" + i.ToString(CultureInfo.InvariantCulture))!.GetValue(null)!;
            Assert.Equal(values[i], Get(fact, "Text"));
            Assert.Equal(values[i], Get(fact, "Opt"));
            Assert.Equal(new[] { values[i], string.Empty, values[(i + 1) % values.Length], string.Empty }, ((IEnumerable)Get(fact, "Items")!).Cast<string>().ToArray());
            var provenance = Get(fact, "Provenance")!;
            Assert.Equal(values[i], Get(provenance, "Note"));
            var evidence = ((IEnumerable)Get(provenance, "Evidence")!).Cast<object>().ToList();
            Assert.Equal(quotes[i % quotes.Length], Get(evidence[0], "Quote"));
            Assert.Equal("we\u202Eird\u001F name.txt", Get(evidence[0], "Document"));
            if (Get(fact, "Size") is { } size)
            {
                Assert.Equal(values[i], Get(size, "Unit"));
                Assert.Equal("size 5", Get(evidence[1], "Quote"));
            }

            Assert.Equal(Get(fact, "Size") is null ? 1 : 2, evidence.Count);
        }

        var kinds = (IEnumerable)assembly.GetType("DomainModel.FactCatalog", throwOnError: true)!.GetProperty("Kinds")!.GetValue(null)!;
        Assert.Equal(description, Get(kinds.Cast<object>().Single(), "Description"));
    }

    [Fact]
    public void XML_doc_comments_of_nasty_descriptions_are_well_formed()
    {
        var description = string.Concat(Nasty);
        var schema = "kinds:\n  Sample:\n    description: " + Q(description) + "\n    fields:\n      text: { type: string, description: " + Q(description) + " }\n"
            + "enums:\n  Mood:\n    description: " + Q(description) + "\n    values: [calm]\n";
        var facts = string.Concat(Nasty.Select((v, i) => $"  - id: s{i}\n    text: {Q(v)}\n    evidence: [{Q("x")}]\n    note: {Q(v)}\n"));
        var run = RunDiagnosingDocs(
            (Root + "s.schema.yaml", schema),
            (Root + "s.facts.yaml", "kind: Sample\ndocument: d.txt\nfacts:\n" + facts),
            (Root + "d.txt", "x"));
        Assert.True(run.GeneratorDiagnostics.IsEmpty, Describe(run));
        var docWarnings = run.Output.GetDiagnostics().Where(d => d.Id is "CS1570" or "CS1587" or "CS1572" or "CS1573" or "CS1574" or "CS1580" or "CS1584" or "CS1658").ToList();
        Assert.True(docWarnings.Count == 0, string.Join("\n", docWarnings));
        Assert.Empty(run.CompileErrors);
        AssertSourcesAreClean(run);
    }

    [Fact]
    public void Seed_corpus_docs_are_well_formed()
    {
        var run = RunDiagnosingDocs(GeneratorHarness.SeedFiles().ToArray());
        Assert.Empty(run.GeneratorDiagnostics);
        var docWarnings = run.Output.GetDiagnostics().Where(d => d.Id.StartsWith("CS15", StringComparison.Ordinal) || d.Id.StartsWith("CS16", StringComparison.Ordinal)).ToList();
        Assert.True(docWarnings.Count == 0, string.Join("\n", docWarnings));
        AssertSourcesAreClean(run);
    }

    [Fact]
    public void Lone_surrogates_in_raw_text_are_reported_or_escaped_never_emitted_raw()
    {
        // A file decoded from UTF-8 cannot hold a lone surrogate, but an editor buffer can.
        var schema = "kinds:\n  Sample:\n    description: 'lone \uD800 high and \uDC00 low'\n";
        var run = RunWithBaseline(("s.schema.yaml", schema));
        NoCrash(run);
        BaselineStillGenerates(run);
        AssertSourcesAreClean(run);
        if (run.Sources.TryGetValue("Sample.g.cs", out var source))
        {
            Assert.Contains("lone &#xFFFD; high", source, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "DM0001");
        }

        // Double-quoted escapes of lone surrogates are a YAML error at the string.
        var escaped = RunWithBaseline(("e.schema.yaml", "kinds:\n  Sample:\n    description: \"\\uD800\"\n"));
        Expect(escaped, "DM0001", "e.schema.yaml", 3, 18, "surrogates");
    }

    [Fact]
    public void Literal_round_trips_any_string_and_is_printable_ASCII_or_visible_text()
    {
        Gen.String[Gen.OneOf(Gen.Char['\0', '\u007F'], Gen.Char['\u0080', '\u00FF'], Gen.Char['\u2000', '\u206F'], Gen.Char['\uD7F0', '\uE010'], Gen.Char['\uFDD0', '\uFFFF'], Gen.Const('\u001B'), Gen.Const('"'), Gen.Const('\\')), 0, 40]
            .Sample(value =>
            {
                var literal = CSharp.Literal(value);
                AssertClean(literal, "literal");
                var expression = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
                Assert.Empty(expression.GetDiagnostics());
                Assert.Equal(value, expression.Token.ValueText);
            }, iter: 2000);
    }

    [Fact]
    public void Xml_doc_text_of_any_string_parses_without_warnings_and_is_clean()
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        Gen.String[Gen.OneOf(Gen.Char['\0', '\u007F'], Gen.Char['\u0080', '\u00FF'], Gen.Char['\u2000', '\u206F'], Gen.Char['\uD7F0', '\uE010'], Gen.Char['\uFFF0', '\uFFFF'], Gen.Const('<'), Gen.Const('&'), Gen.Const('\n')), 0, 40]
            .Sample(value =>
            {
                var writer = new SourceWriter();
                writer.Doc("summary", CSharp.Xml(value));
                writer.Line("public class C { }");
                var source = writer.ToString();
                AssertClean(source, "doc");
                var tree = CSharpSyntaxTree.ParseText(source, options);
                var warnings = tree.GetDiagnostics().ToList();
                Assert.True(warnings.Count == 0, string.Join("\n", warnings) + "\n" + source);
            }, iter: 1000);
    }

    /// <summary>Random values built from the row encoding's separators and escapes round-trip through one compile.</summary>
    [Fact]
    public void Random_values_over_the_row_alphabet_round_trip()
    {
        // The row encoding's own characters (RowEncoder: field, item and part separators, null marker, escape,
        // and 'n' of the escaped line feed), then controls, quotes and a bidi override.
        var alphabet = Gen.OneOf(
            Gen.Const('|'), Gen.Const('^'), Gen.Const('~'), Gen.Const('}'), Gen.Const('`'), Gen.Const('n'),
            Gen.Const('\u0018'), Gen.Const('\u001B'), Gen.Const('\u001D'), Gen.Const('\u001E'), Gen.Const('\u001F'), Gen.Const('a'), Gen.Const(' '), Gen.Const('\n'), Gen.Const('"'), Gen.Const('\\'), Gen.Const('\u202E'));
        var gen = Gen.Select(Gen.String[alphabet, 0, 6], Gen.String[alphabet, 0, 4].Array[0, 5], Gen.String[alphabet, 0, 5].Null());
        var samples = new List<(string Text, string[] Items, string? Note)>();
        gen.Sample(x => samples.Add(x), iter: 300, threads: 1);
        var schema = "kinds:\n  Sample:\n    description: x\n    fields:\n      text: { type: string, description: x }\n      items: { type: list<string>, description: x }\n";
        var facts = new StringBuilder("kind: Sample\ndocument: d.txt\nfacts:\n");
        for (var i = 0; i < samples.Count; i++)
        {
            facts.Append("  - id: s").Append(i).Append("\n    text: ").Append(Q(samples[i].Text))
                .Append("\n    items: [").Append(string.Join(", ", samples[i].Items.Select(Q))).Append("]\n    evidence: [x]\n");
            if (samples[i].Note is { } note)
            {
                facts.Append("    note: ").Append(Q(note)).Append('\n');
            }
        }

        var run = GeneratorHarness.Run([(Root + "s.schema.yaml", schema), (Root + "s.facts.yaml", facts.ToString()), (Root + "d.txt", "x")]);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, Describe(run));
        AssertSourcesAreClean(run);
        var samplesType = run.Load().GetType("DomainModel.Samples", throwOnError: true)!;
        for (var i = 0; i < samples.Count; i++)
        {
            var fact = samplesType.GetProperty("S" + i.ToString(CultureInfo.InvariantCulture))!.GetValue(null)!;
            Assert.Equal(samples[i].Text, Get(fact, "Text"));
            Assert.Equal(samples[i].Items, ((IEnumerable)Get(fact, "Items")!).Cast<string>().ToArray());
            Assert.Equal(samples[i].Note, Get(Get(fact, "Provenance")!, "Note"));
        }
    }

    /// <summary>A YAML double-quoted scalar that holds exactly <paramref name="value"/>: anything but printable ASCII is escaped.</summary>
    internal static string Q(string value)
    {
        var builder = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c >= ' ' && c <= '~')
            {
                builder.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append("\\U").Append(char.ConvertToUtf32(c, value[i + 1]).ToString("X8", CultureInfo.InvariantCulture));
                i++;
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    private static GeneratorRun RunDiagnosingDocs(params (string Path, string Text)[] files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var driver = CSharpGeneratorDriver.Create(
            [new DomainModelGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            parse,
            GeneratorHarness.OptionsProvider());
        return GeneratorHarness.Run(driver, GeneratorHarness.Compilation());
    }

    /// <summary>No generated source holds a raw control (other than '\n'), format (bidi), separator, private-use, unassigned or lone surrogate character.</summary>
    internal static void AssertSourcesAreClean(GeneratorRun run)
    {
        foreach (var (name, source) in run.Sources)
        {
            AssertClean(source, name);
        }
    }

    private static void AssertClean(string source, string name)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\n')
            {
                continue;
            }

            var visible = Text.VisibleText.IsVisible(source, i, out var width);
            Assert.True(visible, $"{name}: raw U+{(int)c:X4} at index {i}: \"{source.Substring(Math.Max(0, i - 40), Math.Min(80, source.Length - Math.Max(0, i - 40)))}\"");
            i += width - 1;
        }
    }

    private static object? Get(object instance, string property) =>
        instance.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetValue(instance);
}
