using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Generated output is a pure function of the inputs' contents: the same bytes on every run, in every
/// culture, whatever order the compiler passes the AdditionalFiles in; and so are the diagnostics.
/// </summary>
public class DeterminismTests
{
    public static readonly TheoryData<string> Cultures = new() { "tr-TR", "de-DE", "fi-FI", "ar-SA" };

    public static readonly TheoryData<int> ShuffleSeeds = new() { 1, 7, 42, 1234, 20251015 };

    /// <summary>
    /// Values whose text depends on the culture if anything formats or compares with it: decimals,
    /// negative numbers, a Turkish dotted/dotless I in names and enum values, and ids that sort
    /// differently under linguistic comparison ('_' before '-' in CLDR, after it in ordinal).
    /// </summary>
    private const string CultureSchema = """
        enums:
          Indicator:
            description: An indicator with an I in its name.
            values: [iron, idle, in-use]
        kinds:
          Item:
            plural: Items
            description: An item whose values print differently in other cultures.
            fields:
              title: { type: string, required: true, description: The title. }
              ratio: { type: decimal, description: A ratio. }
              delta: { type: integer, description: A delta. }
              share: { type: percent, description: A share. }
              price: { type: money, description: A price. }
              size: { type: quantity, description: A size. }
              when: { type: date, description: A date. }
              indicator: { type: Indicator, description: An indicator. }
              is_in: { type: boolean, description: Whether it is in. }
        """;

    private const string CultureFacts = """
        kind: Item
        document: notes.txt
        facts:
          - id: wine
            title: Wine in Istanbul
            ratio: -1234567.891
            delta: -42
            share: 12.5%
            price: 1234.56 EUR
            size: { value: 0.75, unit: litres, qualifier: about }
            when: 1950s
            indicator: in-use
            is_in: true
            evidence: [Istanbul ist schön]
            note: 'Read as -1234567.891, -42, 12.5%, 1234.56 EUR, 0.75 and the 1950s'
          - id: vine
            title: VINE IN İZMİR
            ratio: 0.5
            evidence: [Istanbul ist schön]
            note: 'Ratio 0.5 as read'
          - id: x-c
            title: x-c
            evidence: [Istanbul ist schön]
          - id: x_b
            title: x_b
            evidence: [Istanbul ist schön]
          - id: idle-item
            title: ıdle
            indicator: idle
            evidence: [Istanbul ist schön]
        """;

    [Fact]
    public void Two_runs_produce_byte_identical_sources()
    {
        var first = Generate(GeneratorHarness.SeedFiles());
        var second = Generate(GeneratorHarness.SeedFiles());
        AssertIdentical(first, second);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Output_and_diagnostics_do_not_depend_on_the_current_culture(string culture)
    {
        var corpora = new[] { GeneratorHarness.SeedFiles(), CultureCorpus(), BrokenCorpus() };
        var baseline = WithCulture(CultureInfo.InvariantCulture, () => corpora.Select(Generate).ToList());
        var localized = WithCulture(new CultureInfo(culture), () =>
        {
            // The culture really is in effect on the thread that runs the generator.
            Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
            Assert.Equal(culture, CultureInfo.CurrentUICulture.Name);
            return corpora.Select(Generate).ToList();
        });

        Assert.Equal(CultureInfo.InvariantCulture, CultureInfo.CurrentCulture);
        for (var i = 0; i < corpora.Length; i++)
        {
            AssertIdentical(baseline[i], localized[i]);
        }

        Assert.NotEmpty(baseline[2].Diagnostics);
    }

    [Fact]
    public void Culture_corpus_exercises_culture_sensitive_values()
    {
        // Guards the corpus above: its values really would print differently under these cultures.
        var output = Generate(CultureCorpus());
        Assert.Empty(output.Diagnostics);
        var item = output.Sources["Item.g.cs"] + output.Sources["Item.Rows0.g.cs"];
        Assert.Contains("-1234567.891", item, StringComparison.Ordinal);
        Assert.Contains("1234.56 EUR", item, StringComparison.Ordinal);
        Assert.Contains("0.75 1 litres", item, StringComparison.Ordinal);
        Assert.NotEqual("-1234567.891", (-1234567.891m).ToString(new CultureInfo("de-DE")));
        Assert.NotEqual("-42", (-42L).ToString(new CultureInfo("fi-FI")));
        Assert.NotEqual("I", "i".ToUpper(new CultureInfo("tr-TR")));
        Assert.NotEqual(Math.Sign(string.CompareOrdinal("x-c", "x_b")), Math.Sign(string.Compare("x-c", "x_b", new CultureInfo("fi-FI"), CompareOptions.None)));

        // Ids in ordinal order ('-' before '_'), whatever a linguistic comparison would say.
        // The rows (one per line, each starting with its id) are in index order.
        var rows = output.Sources["Item.Rows0.g.cs"];
        rows = rows.Substring(rows.IndexOf("_Rows0 => \"", StringComparison.Ordinal) + "_Rows0 => \"".Length);
        var ids = rows.Substring(0, rows.IndexOf("\"u8;", StringComparison.Ordinal)).Split("\\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Substring(0, r.IndexOf('|', StringComparison.Ordinal)));
        Assert.Equal(new[] { "idle-item", "vine", "wine", "x-c", "x_b" }, ids);
    }

    [Fact]
    public void Reversed_file_order_gives_identical_sources_and_diagnostics()
    {
        foreach (var corpus in new[] { GeneratorHarness.SeedFiles(), CultureCorpus(), BrokenCorpus() })
        {
            AssertIdentical(Generate(corpus), Generate(corpus.Reverse().ToList()));
        }
    }

    [Theory]
    [MemberData(nameof(ShuffleSeeds))]
    public void Shuffled_file_order_gives_identical_sources_and_diagnostics(int seed)
    {
        foreach (var corpus in new[] { GeneratorHarness.SeedFiles(), BrokenCorpus() })
        {
            var shuffled = Shuffle(corpus, seed);
            Assert.NotEqual(corpus.Select(f => f.Path), shuffled.Select(f => f.Path));
            AssertIdentical(Generate(corpus), Generate(shuffled));
        }
    }

    [Fact]
    public void Broken_corpus_reports_the_expected_kinds_of_diagnostics()
    {
        // Guards the corpus used for the diagnostics comparisons: it really produces diagnostics, from several stages.
        var ids = Generate(BrokenCorpus()).Diagnostics.Select(d => d.Split(' ')[1]).Distinct().ToList();
        Assert.True(ids.Count >= 4, string.Join(", ", ids));
    }

    [Fact]
    public void Every_generated_file_has_the_generated_code_header_and_attribute()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles());
        Assert.NotEmpty(run.Sources);
        var version = typeof(DomainModelGenerator).Assembly.GetName().Version!.ToString(3);
        var attribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"DomainModel.Generators\", \"" + version + "\")]";
        var attributed = new Dictionary<string, int>(StringComparer.Ordinal);
        var partsElsewhere = new List<string>();
        foreach (var (hint, source) in run.Sources)
        {
            // A chunk of rows keeps nullable annotations but not warnings (see Emitter.ChunkHeader).
            var header = hint.Contains(".Rows", StringComparison.Ordinal) ? "// <auto-generated/>\n#nullable enable annotations\n#nullable disable warnings\n" : "// <auto-generated/>\n#nullable enable\n";
            Assert.StartsWith(header, source, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", source, StringComparison.Ordinal);
            Assert.EndsWith("}\n", source, StringComparison.Ordinal);

            // Every type declared in a namespace carries the attribute, not just the first one. A partial
            // class split over files (a catalog and its chunks of rows) carries it once: the attribute
            // cannot be repeated (CS0579), and it applies to the whole class.
            var root = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot();
            var types = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Parent is BaseNamespaceDeclarationSyntax).ToList();
            Assert.NotEmpty(types);
            foreach (var type in types)
            {
                var has = type.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "global::System.CodeDom.Compiler.GeneratedCode");
                attributed[type.Identifier.Text] = attributed.GetValueOrDefault(type.Identifier.Text) + (has ? 1 : 0);
                if (!has)
                {
                    Assert.True(type.Modifiers.Any(m => m.Text == "partial"), $"{hint}: {type.Identifier.Text} has no [GeneratedCode]");
                    partsElsewhere.Add(type.Identifier.Text);
                }
            }

            if (types.Any(t => t.AttributeLists.Count > 0))
            {
                Assert.Contains(attribute, source, StringComparison.Ordinal);
            }
        }

        Assert.All(attributed, a => Assert.True(a.Value == 1, $"{a.Key} has [GeneratedCode] on {a.Value} declarations"));
        Assert.Contains("Leaders", partsElsewhere); // the chunks of rows are such parts
    }

    // ----------------------------------------------------------------------------------------------

    /// <summary>What one run produced: each source's bytes and checksum, and the diagnostics in reported order.</summary>
    private sealed record Output(IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<string, string> Bytes, IReadOnlyList<string> Diagnostics);

    private static Output Generate(IReadOnlyList<(string Path, string Text)> files)
    {
        var run = GeneratorHarness.Run(files);
        var generated = run.Result.Results.Single().GeneratedSources;
        var bytes = generated.ToDictionary(
            s => s.HintName,
            s => $"{s.SourceText.Encoding?.WebName}:{Convert.ToHexString(s.SourceText.GetChecksum().ToArray())}:{Convert.ToHexString(Encoding.UTF8.GetBytes(s.SourceText.ToString()))}",
            StringComparer.Ordinal);
        var diagnostics = run.GeneratorDiagnostics
            .Select(d => $"{GeneratorRun.Format(d)} {d.Id} {d.Severity} {d.Location.GetLineSpan().Span} {d.GetMessage(CultureInfo.InvariantCulture)}")
            .ToList();
        return new Output(run.Sources, bytes, diagnostics);
    }

    private static void AssertIdentical(Output expected, Output actual)
    {
        Assert.Equal(expected.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (hint, source) in expected.Sources)
        {
            Assert.True(source == actual.Sources[hint], $"{hint} differs:\n{DomainModel.Testing.Snapshot.Diff(source, actual.Sources[hint])}");
            Assert.Equal(expected.Bytes[hint], actual.Bytes[hint]);
        }

        // Same diagnostics, in the same order (the compiler prints them in the order they are reported).
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culturePrevious, uiPrevious) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culturePrevious;
            CultureInfo.CurrentUICulture = uiPrevious;
        }
    }

    private static List<(string Path, string Text)> Shuffle(IReadOnlyList<(string Path, string Text)> files, int seed)
    {
        var random = new Random(seed);
        var list = files.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static List<(string Path, string Text)> CultureCorpus() => new()
    {
        ("/culture/items.schema.yaml", CultureSchema),
        ("/culture/items.facts.yaml", CultureFacts),
        ("/culture/notes.txt", "Notizen: Istanbul ist schön, İzmir auch."),
    };

    /// <summary>The seeds with problems in several files, several stages and across files.</summary>
    private static List<(string Path, string Text)> BrokenCorpus()
    {
        var files = GeneratorHarness.SeedFiles().Select(f => f.Path switch
        {
            var p when p.EndsWith("/bases.facts.yaml", StringComparison.Ordinal) => (f.Path, Edit(f.Text, "base_type: naval", "base_type: navel\n    colour: grey")),
            var p when p.EndsWith("/leaders.facts.yaml", StringComparison.Ordinal) => (f.Path, Edit(f.Text, "'Russian President Vladimir Putin'", "'Russian President Vladimir Poutine'")),
            var p when p.EndsWith("/reforms.facts.yaml", StringComparison.Ordinal) => (f.Path, Edit(f.Text, "kind: Reform", "kind: Reforms")),
            _ => f,
        }).ToList();

        // Across files: the same id in a second Leader file, evidence from a missing document, a broken schema.
        files.Add(("/seeds/facts/more-leaders.facts.yaml", """
            kind: Leader
            document: 000_6b0556799bcd713d.txt
            facts:
              - id: vladimir-putin
                name: Vladimir Putin (again)
                evidence: [Russian President Vladimir Putin]
              - id: someone
                name: Someone
                country: atlantis
                evidence:
                  - quote: a quote
                    document: missing.txt
              - id: Not-A-Slug
                name: Bad id
                evidence: [Russian President Vladimir Putin]
              - id: no-evidence
                name: No evidence
            """));
        files.Add(("/seeds/schema/extra.schema.yaml", """
            kinds:
              Widget:
                description: A widget.
                colour: red
                fields:
                  size: { type: sise, description: Its size. }
            """));
        files.Add(("/seeds/facts/unreadable.facts.yaml", "kind: Leader\nfacts: [unclosed\n"));
        return files;
    }

    private static string Edit(string text, string from, string to)
    {
        text = text.Replace("\r\n", "\n");
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }
}
