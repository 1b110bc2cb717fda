using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>Regression tests for defects found while reviewing the seed snapshots.</summary>
public class GeneratedCodeTests
{
    private const string ItemSchema = """
        kinds:
          Item:
            description: An item.
            fields:
              name: { type: string, required: true, description: The name. }
              ratio: { type: decimal, description: A ratio. }
              delta: { type: integer, description: A delta. }
        """;

    [Fact]
    public void Ids_that_spell_the_catalogs_own_members_compile_and_resolve()
    {
        var ids = new[] { "at", "create", "build-index", "ids", "row", "row0", "rows0", "rows-in", "utf8-row", "string-row", "s-facts", "s-index", "s-offsets" };
        var facts = "kind: Item\ndocument: doc.txt\nfacts:\n" + string.Concat(ids.Select(id => $"  - id: {id}\n    name: N {id}\n    evidence: [hello world]\n"));
        var run = GeneratorHarness.Run(Corpus(ItemSchema, facts));
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);

        var items = run.Load().GetType("DomainModel.Items", throwOnError: true)!;
        foreach (var id in ids)
        {
            var property = DomainModel.Generators.Naming.Names.ToPascal(id);
            var fact = items.GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Assert.Equal("N " + id, fact.GetType().GetProperty("Name")!.GetValue(fact));
            Assert.Same(fact, items.GetMethod("Get")!.Invoke(null, new object[] { id }));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seed_corpus_compiles_without_warnings_or_doc_comment_errors_with_and_without_NotNullWhen(bool netCoreApp)
    {
        // netstandard2.0 and .NET Framework consumers do not define NETCOREAPP3_0_OR_GREATER: Get must not warn (CS8603) there.
        // They also get string rows (no UTF-8 literals), so both row layouts are compiled here.
        var parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose).WithPreprocessorSymbols(netCoreApp ? new[] { "NETCOREAPP3_0_OR_GREATER" } : Array.Empty<string>());
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DomainModelGenerator().AsSourceGenerator() },
            GeneratorHarness.SeedFiles().Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            parseOptions,
            new TestOptionsProvider(netCoreApp ? GeneratorHarness.Net10Properties : GeneratorHarness.NetStandard20Properties),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var compilation = GeneratorHarness.Compilation().WithOptions(GeneratorHarness.Compilation().Options.WithWarningLevel(9999));
        var run = GeneratorHarness.Run(driver, compilation);

        Assert.Empty(run.DiagnosticLines);
        var warnings = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.Empty(warnings);
        Assert.Contains(run.Output.SyntaxTrees, t => t.GetText().ToString().Contains("NotNullWhen", StringComparison.Ordinal));
        Assert.Equal(netCoreApp, run.Sources["Leader.Rows0.g.cs"].Contains("\"u8;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_kind_without_facts_compiles_without_warnings_in_both_row_layouts(bool utf8)
    {
        // No chunk at all: the catalog must not declare helpers or fields it never reads (CS0414 and
        // friends would break a consumer that treats warnings as errors).
        var schema = ItemSchema + "\n  Empty:\n    description: A kind without facts.\n    fields:\n      other: { type: Item, description: x }\n";
        var facts = "kind: Item\ndocument: doc.txt\nfacts:\n  - id: one\n    name: One\n    evidence: [hello world]\n";
        var options = new Dictionary<string, string> { ["build_property.DomainModelUtf8Rows"] = utf8 ? "true" : "false" };
        var driver = GeneratorHarness.Driver(Corpus(schema, facts).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), options);
        var compilation = GeneratorHarness.Compilation().WithOptions(GeneratorHarness.Compilation().Options.WithWarningLevel(9999));
        var run = GeneratorHarness.Run(driver, compilation);

        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Contains("public static int Count => 0;", run.Sources["Empty.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("Empty.Rows0.g.cs", run.Sources.Keys);
        Assert.Equal(utf8, run.Sources["Item.Rows0.g.cs"].Contains("\"u8;", StringComparison.Ordinal));

        var empties = run.Load().GetType("DomainModel.Empties", throwOnError: true)!;
        Assert.Equal(0, empties.GetProperty("Count")!.GetValue(null));
        Assert.Equal(false, empties.GetMethod("TryGet")!.Invoke(null, new object?[] { "one", null }));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("sv-SE")]
    [InlineData("ar-SA")]
    public void Fact_ToString_is_culture_invariant(string culture)
    {
        var facts = """
            kind: Item
            document: doc.txt
            facts:
              - id: first
                name: First
                ratio: 1.5
                delta: -3
                evidence: [hello world]
            """;
        var run = GeneratorHarness.Run(Corpus(ItemSchema, facts));
        Assert.Empty(run.CompileErrors);
        var fact = run.Load().GetType("DomainModel.Items", throwOnError: true)!.GetProperty("First")!.GetValue(null)!;

        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            // The culture is in effect and would change these numbers if they were printed with it.
            Assert.True(1.5m.ToString(CultureInfo.CurrentCulture) != "1.5" || (-3L).ToString(CultureInfo.CurrentCulture) != "-3");
            Assert.Equal("Item { Id = first, Name = First, Ratio = 1.5, Delta = -3 }", fact.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    [Fact]
    public void Strings_with_escapes_and_row_separators_round_trip_through_the_generated_literals()
    {
        var facts = """
            kind: Item
            document: doc.txt
            facts:
              - id: odd
                name: "tab\there \"quoted\" back\\slash line\nbreak sep\x1Fsep esc\x1Besc nul\0end"
                evidence: [hello world]
            """;
        var run = GeneratorHarness.Run(Corpus(ItemSchema, facts));
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);
        var fact = run.Load().GetType("DomainModel.Items", throwOnError: true)!.GetProperty("Odd")!.GetValue(null)!;
        Assert.Equal("tab\there \"quoted\" back\\slash line\nbreak sep\u001Fsep esc\u001Besc nul\0end", fact.GetType().GetProperty("Name")!.GetValue(fact));

        // Common control characters use their short escapes in the generated source; a line feed in a
        // value is the row's own escape ('`n'), as rows are the lines of one literal per chunk.
        Assert.Contains("tab\\there \\\"quoted\\\" back\\\\slash line`nbreak sep\\u001Fsep", run.Sources["Item.Rows0.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Packed_rows_round_trip_any_text_and_show_no_invisible_character()
    {
        // Two UTF-8 bytes per character: pairs land anywhere in UTF-16 (controls, bidi marks, line
        // separators, surrogates); those must be escapes in the source and come back as the same bytes.
        var name = "tab\there \"quoted\" back\\slash sep\x1F esc\x1B nul\0 \u202E\u2028\u0085 é 😀 日本 سلام \uFEFF line\nbreak row|^~}`n end";
        var facts = "kind: Item\ndocument: doc.txt\nfacts:\n"
            + "  - id: odd\n    name: " + Yaml(name) + "\n    evidence: [hello world]\n"
            + "  - id: plain\n    name: x\n    evidence: [hello world]\n";
        var options = new Dictionary<string, string> { ["build_property.DomainModelUtf8Rows"] = "true", ["build_property.DomainModelPackRows"] = "true" };
        var run = GeneratorHarness.Run(Corpus(ItemSchema, facts), options: options);
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);
        var chunk = run.Sources["Item.Rows0.g.cs"];
        var start = chunk.IndexOf("_PackedRows0 => \"", StringComparison.Ordinal) + "_PackedRows0 => \"".Length;
        var literal = chunk.Substring(start, chunk.IndexOf("\";", start, StringComparison.Ordinal) - start);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] == '\\')
            {
                Assert.Equal('u', literal[i + 1]);
                i += 5;
                continue;
            }

            Assert.True(DomainModel.Generators.Emit.PackedRows.IsShownAsIs(literal[i]), $"U+{(int)literal[i]:X4} is raw in the packed literal");
        }

        var items = run.Load().GetType("DomainModel.Items", throwOnError: true)!;
        var odd = items.GetMethod("Get")!.Invoke(null, new object[] { "odd" })!;
        Assert.Equal(name, odd.GetType().GetProperty("Name")!.GetValue(odd));
        Assert.Same(odd, items.GetProperty("Odd")!.GetValue(null));
        var plain = items.GetProperty("Plain")!.GetValue(null)!;
        Assert.Equal("x", plain.GetType().GetProperty("Name")!.GetValue(plain));

        static string Yaml(string text)
        {
            var b = new StringBuilder("\"");
            foreach (var c in text)
            {
                b.Append(c < ' ' || c is '"' or '\\' or '\u2028' or '\u0085' or '\uFEFF' or '\u202E' ? $"\\u{(int)c:X4}" : c.ToString());
            }

            return b.Append('"').ToString();
        }
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("string")]
    [InlineData("packed")]
    public void Kinds_with_more_facts_than_one_row_chunk_compile_and_resolve_every_fact(string layout)
    {
        var utf8 = layout != "string";
        var count = DomainModel.Generators.Layout.Chunking.RowsPerChunk + 5;
        var facts = new StringBuilder("kind: Item\ndocument: doc.txt\nfacts:\n");
        for (var i = 0; i < count; i++)
        {
            facts.Append(CultureInfo.InvariantCulture, $"  - id: item{i:D5}\n    name: Item {i}\n    evidence: [hello world]\n");
        }

        var options = new Dictionary<string, string>
        {
            ["build_property.DomainModelUtf8Rows"] = utf8 ? "true" : "false",
            ["build_property.DomainModelPackRows"] = layout == "packed" ? "true" : "auto",
        };
        var run = GeneratorHarness.Run(Corpus(ItemSchema, facts.ToString()), options: options);
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);
        var kind = run.Sources["Item.g.cs"];

        // The catalog hands its literals to the runtime's FactTable: one form for all five, one switch arm per literal.
        Assert.Contains(
            $"new global::DomainModel.FactTable<global::DomainModel.Item>(\"Item\", {count}, 256, _Create, \"{(layout == "utf8" ? "u" : layout == "string" ? "s" : "q")}\", "
            + (layout == "utf8" ? "null, _Utf8Rows);" : "_StringRows);"),
            kind,
            StringComparison.Ordinal);
        Assert.Contains(layout == "packed" ? "4 => _PackedRows4," : "4 => _Rows4,", kind, StringComparison.Ordinal);
        Assert.Equal(layout == "utf8", kind.Contains("private static global::System.ReadOnlySpan<byte> _Utf8Rows(int literal) => literal switch", StringComparison.Ordinal));
        Assert.Equal(layout != "utf8", kind.Contains("private static string _StringRows(int literal) => literal switch", StringComparison.Ordinal));
        Assert.Contains(
            layout switch
            {
                "utf8" => "private static global::System.ReadOnlySpan<byte> _Rows4 => \"",
                "string" => "private const string _Rows4 = \"",
                _ => "private static string _PackedRows4 => \"",
            },
            run.Sources["Item.Rows1.g.cs"],
            StringComparison.Ordinal);

        // A chunk file holds 1,024 rows in literals of 256: the first file literals 0 to 3, the second literal 4.
        var literal = layout == "packed" ? "_PackedRows" : "_Rows";
        var declared = new System.Text.RegularExpressions.Regex(@"(?:_PackedRows|_Rows)(\d+) (?:=>|=) ");
        Assert.Equal(new[] { "0", "1", "2", "3" }, declared.Matches(run.Sources["Item.Rows0.g.cs"]).Select(m => m.Groups[1].Value));
        Assert.Equal(new[] { "4" }, declared.Matches(run.Sources["Item.Rows1.g.cs"]).Select(m => m.Groups[1].Value));
        Assert.Contains($"{literal}3 ", run.Sources["Item.Rows0.g.cs"], StringComparison.Ordinal);

        Assert.Equal(layout == "packed", run.Sources["Item.Rows0.g.cs"].Contains("private static string _PackedRows0 => \"", StringComparison.Ordinal));

        // Lookup by id (the index is built from the rows of every chunk) agrees with the index order.
        var items = run.Load().GetType("DomainModel.Items", throwOnError: true)!;
        var all = (System.Collections.IEnumerable)items.GetProperty("All")!.GetValue(null)!;
        var position = 0;
        foreach (var fact in all)
        {
            Assert.Equal($"item{position:D5}", fact.GetType().GetProperty("Id")!.GetValue(fact));
            Assert.Same(fact, items.GetMethod("Get")!.Invoke(null, new object[] { $"item{position:D5}" }));
            Assert.Equal($"Item {position}", fact.GetType().GetProperty("Name")!.GetValue(fact));
            position++;
        }

        Assert.Equal(count, position);
    }

    /// <summary>
    /// A kind whose chunks have different forms: a chunk with a lone surrogate (possible in an editor
    /// buffer) cannot be UTF-8 and is a string literal, the others UTF-8 or packed. The forms string says
    /// which literal is which (its last character standing for the rest), and every fact comes back,
    /// the lone surrogate too.
    /// </summary>
    [Theory]
    [InlineData("false", "\"uuuussssu\", _StringRows, _Utf8Rows);")]
    [InlineData("true", "\"qqqqssssq\", _StringRows);")]
    public void A_kind_can_mix_literal_forms_and_every_fact_resolves(string pack, string table)
    {
        var count = (2 * DomainModel.Generators.Layout.Chunking.RowsPerChunk) + 5;
        var lone = DomainModel.Generators.Layout.Chunking.RowsPerChunk + 7;
        var facts = new StringBuilder("kind: Item\ndocument: doc.txt\nfacts:\n");
        for (var i = 0; i < count; i++)
        {
            facts.Append(CultureInfo.InvariantCulture, $"  - id: item{i:D5}\n    name: 'Item {i}{(i == lone ? " \uD800" : string.Empty)}'\n    evidence: [hello world]\n");
        }

        var options = new Dictionary<string, string>
        {
            ["build_property.DomainModelUtf8Rows"] = "true",
            ["build_property.DomainModelPackRows"] = pack,
        };
        var run = GeneratorHarness.Run(Corpus(ItemSchema, facts.ToString()), options: options);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("_Create, " + table, run.Sources["Item.g.cs"], StringComparison.Ordinal);

        var items = run.Load().GetType("DomainModel.Items", throwOnError: true)!;
        var all = ((System.Collections.IEnumerable)items.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();
        Assert.Equal(count, all.Count);
        for (var i = count - 1; i >= 0; i -= 97)
        {
            var fact = items.GetMethod("Get")!.Invoke(null, new object[] { $"item{i:D5}" })!;
            Assert.Same(all[i], fact);
            Assert.Equal($"Item {i}" + (i == lone ? " \uD800" : string.Empty), fact.GetType().GetProperty("Name")!.GetValue(fact));
        }

        var odd = items.GetMethod("Get")!.Invoke(null, new object[] { $"item{lone:D5}" })!;
        Assert.Equal($"Item {lone} \uD800", odd.GetType().GetProperty("Name")!.GetValue(odd));
    }

    /// <summary>
    /// The first lookups by id search the rows (ordered by id, ordinal) without building the id index; from
    /// the 65th on, the index answers. Both must agree on every id, on ids that are prefixes of others or
    /// sort between them, and on ids that do not exist, in every row layout and across chunks.
    /// </summary>
    [Theory]
    [InlineData("utf8")]
    [InlineData("string")]
    [InlineData("packed")]
    public void Lookups_by_id_search_the_rows_first_then_use_the_index(string layout)
    {
        var ids = new List<string> { "a", "a-b", "a-b-c", "a0", "a_c", "ab", "b", "b-a" };
        for (var i = 0; ids.Count < DomainModel.Generators.Layout.Chunking.RowsPerChunk + 40; i++)
        {
            ids.Add($"m{i:D4}");
        }

        ids.Add("z");
        var facts = new StringBuilder("kind: Item\ndocument: doc.txt\nfacts:\n");
        foreach (var id in ids)
        {
            facts.Append(CultureInfo.InvariantCulture, $"  - id: {id}\n    name: Name of {id}\n    evidence: [hello world]\n");
        }

        var options = new Dictionary<string, string>
        {
            ["build_property.DomainModelUtf8Rows"] = layout == "string" ? "false" : "true",
            ["build_property.DomainModelPackRows"] = layout == "packed" ? "true" : "false",
        };
        var run = GeneratorHarness.Run(Corpus(ItemSchema, facts.ToString()), options: options);
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);
        var items = run.Load().GetType("DomainModel.Items", throwOnError: true)!;
        // The catalog's FactTable says whether it has built its id index (internal: read by reflection).
        var table = items.GetField("s_table", BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!;
        var indexed = table.GetType().GetProperty("IsIndexed", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var index = table.GetType().GetField("_index", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var tryGet = items.GetMethod("TryGet")!;

        string? Lookup(string id)
        {
            var args = new object?[] { id, null };
            return (bool)tryGet.Invoke(null, args)! ? (string)args[1]!.GetType().GetProperty("Name")!.GetValue(args[1])! : null;
        }

        // Absent ids: before the first, after the last, between two, prefixes and extensions of present ones.
        var absent = new[] { "", "-", "0", "A", "a-", "a-b-", "a-b-c-d", "a1", "aa", "b-", "m", "m0000-x", "m9999", "za", "~" };
        var expected = ids.ToDictionary(id => id, id => "Name of " + id);
        var order = ids.Where((_, i) => i % 50 == 0).Concat(new[] { "a", "a-b", "a-b-c", "a0", "a_c", "ab", "b", "b-a", "z", ids[1023], ids[1024], ids[^2] }).ToList();
        var asked = 0;
        foreach (var id in order.Concat(absent))
        {
            Assert.Equal(expected.GetValueOrDefault(id), Lookup(id));
            asked++;
        }

        Assert.True(asked <= DomainModel.Generators.Emit.Emitter.SearchesBeforeIndex, $"{asked} lookups: the test must stay within the searched ones");
        Assert.False((bool)indexed.GetValue(table)!);

        // Then the index: every id once (a search or two first, then the index), and the absent ones again.
        foreach (var id in ids.Concat(absent))
        {
            Assert.Equal(expected.GetValueOrDefault(id), Lookup(id));
        }

        Assert.True((bool)indexed.GetValue(table)!);
        Assert.Equal(ids.Count, ((System.Collections.IDictionary)index.GetValue(table)!).Count);
    }

    /// <summary>
    /// DomainModelEvidenceDocs=false leaves the remarks (id and evidence) out of the named properties' doc
    /// comments (about half of a large catalog's source, see docs/performance.md) and nothing else: the
    /// summaries, the facts, their evidence in Provenance and the record docs are the same.
    /// </summary>
    [Fact]
    public void Evidence_docs_option_leaves_only_the_evidence_list_out()
    {
        var full = GeneratorHarness.Run(GeneratorHarness.SeedFiles());
        var slim = GeneratorHarness.Run(GeneratorHarness.SeedFiles(), options: new Dictionary<string, string> { ["build_property.DomainModelEvidenceDocs"] = "false" });
        Assert.Empty(slim.DiagnosticLines);
        Assert.Empty(slim.CompileErrors);
        Assert.Equal(full.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal), slim.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));

        var chunk = slim.Sources["Leader.Rows0.g.cs"];
        Assert.Contains("/// <summary>Vladimir Putin</summary>\n        public static global::DomainModel.Leader VladimirPutin => _At(", chunk, StringComparison.Ordinal);
        Assert.DoesNotContain("<remarks>", chunk, StringComparison.Ordinal);
        Assert.Contains("<list type=\"bullet\">", full.Sources["Leader.Rows0.g.cs"], StringComparison.Ordinal);

        // The summaries are the same; only the remarks of named properties differ; every other line of every source is the same.
        Assert.Equal(
            full.Sources["Leader.Rows0.g.cs"].Split('\n').Where(line => line.TrimStart().StartsWith("/// <summary>", StringComparison.Ordinal)),
            chunk.Split('\n').Where(line => line.TrimStart().StartsWith("/// <summary>", StringComparison.Ordinal)));
        foreach (var (hint, text) in full.Sources)
        {
            var kept = text.Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal) || !hint.Contains(".Rows", StringComparison.Ordinal));
            var slimKept = slim.Sources[hint].Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal) || !hint.Contains(".Rows", StringComparison.Ordinal));
            Assert.Equal(kept, slimKept);
        }

        var putin = slim.Load().GetType("DomainModel.Leaders", throwOnError: true)!.GetProperty("VladimirPutin")!.GetValue(null)!;
        var provenance = putin.GetType().GetProperty("Provenance")!.GetValue(putin)!;
        Assert.NotEmpty((System.Collections.IEnumerable)provenance.GetType().GetProperty("Evidence")!.GetValue(provenance)!);
    }

    [Fact]
    public void Chunks_of_rows_keep_nullable_annotations_but_not_nullable_warnings()
    {
        // A chunk turns nullable warnings off (the compiler then skips its flow analysis, a large part of
        // the compile of a big catalog) but not annotations: a consumer with <Nullable>enable</Nullable>
        // must still see the fact properties as non-nullable, not oblivious.
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles());
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);

        var chunks = run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".Rows0.g.cs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(chunks);
        foreach (var tree in chunks)
        {
            var model = run.Output.GetSemanticModel(tree);
            foreach (var property in tree.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>())
            {
                Assert.Equal(NullableContext.AnnotationsEnabled, model.GetNullableContext(property.SpanStart) & NullableContext.Enabled);
            }
        }

        var kind = run.Output.SyntaxTrees.Single(t => System.IO.Path.GetFileName(t.FilePath) == "Leader.g.cs");
        Assert.Equal(NullableContext.Enabled, run.Output.GetSemanticModel(kind).GetNullableContext(kind.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>().First().SpanStart) & NullableContext.Enabled);

        var putin = run.Output.GetTypeByMetadataName("DomainModel.Leaders")!.GetMembers("VladimirPutin").OfType<IPropertySymbol>().Single();
        Assert.Equal(NullableAnnotation.NotAnnotated, putin.NullableAnnotation);
        Assert.Equal(NullableAnnotation.NotAnnotated, putin.Type.NullableAnnotation);
    }

    internal static (string Path, string Text)[] Corpus(string schema, string facts) =>
        new[] { ("/p/items.schema.yaml", schema), ("/p/items.facts.yaml", facts), ("/p/doc.txt", "hello world") };
}
