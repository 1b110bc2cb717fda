using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Incremental behaviour at scale, asserted by the driver's step reasons (never by time), and the
/// named-property cap. Compiling tens of thousands of facts takes longer than a test should: that is
/// measured by benchmarks/DomainModel.Benchmarks (EmitBenchmarks and the 'scale' command).
/// </summary>
public class ScaleTests
{
    private const string Schema = """
kinds:
  Item:
    description: A synthetic fact.
    fields:
      name: { type: string, required: true, description: The name. }
      next: { type: Item, description: Another item. }
      price: { type: money, description: A price. }
      tags: { type: list<string>, description: Tags. }
""";

    /// <summary>Facts of one kind spread over <paramref name="files"/> files, each quoting the one document.</summary>
    private static List<(string Path, string Text)> Corpus(int facts, int files, string? edit = null)
    {
        var result = new List<(string, string)> { ("/s/items.schema.yaml", Schema) };
        var document = new StringBuilder();
        for (var f = 0; f < files; f++)
        {
            var yaml = new StringBuilder("kind: Item\ndocument: doc.txt\nfacts:\n");
            for (var i = f; i < facts; i += files)
            {
                var name = i == 0 && edit is not null ? edit : $"Item number {i}";
                yaml.Append($"  - id: item-{i}\n    name: {name}\n    next: item-{(i * 7919) % facts}\n    price: {i} USD\n    tags: [a, b]\n    evidence: ['Item {i} was seen.']\n    note: 'Priced at {i} USD'\n");
            }

            result.Add(($"/f/{f:D3}.facts.yaml", yaml.ToString()));
        }

        for (var i = 0; i < facts; i++)
        {
            document.Append($"Item {i} was seen. ");
        }

        result.Add(("/d/doc.txt", document.ToString()));
        return result;
    }

    private static Dictionary<string, Dictionary<IncrementalStepRunReason, int>> Reasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results[0].TrackedSteps.ToDictionary(
            s => s.Key,
            s => s.Value.SelectMany(step => step.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count()));

    private static int Count(Dictionary<string, Dictionary<IncrementalStepRunReason, int>> steps, string step, IncrementalStepRunReason reason) =>
        steps.TryGetValue(step, out var reasons) && reasons.TryGetValue(reason, out var n) ? n : 0;

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public void Edit_to_a_CSharp_file_reruns_nothing()
    {
        var files = Corpus(5_000, 20);
        var driver = GeneratorHarness.Driver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)));
        driver = driver.RunGenerators(GeneratorHarness.Compilation("class A { }"));
        driver = driver.RunGenerators(GeneratorHarness.Compilation("class A { int X => 1; }"));

        var steps = Reasons(driver);
        foreach (var (name, reasons) in steps.Where(s => s.Key != "Compilation"))
        {
            Assert.True(reasons.Keys.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged), $"{name}: {string.Join(", ", reasons)}");
        }

        var yaml = files.Count(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal));
        var factsFiles = files.Count(f => f.Path.EndsWith(".facts.yaml", StringComparison.Ordinal));
        Assert.Equal(yaml, Count(steps, TrackingNames.Parse, IncrementalStepRunReason.Cached));
        Assert.Equal(factsFiles, Count(steps, TrackingNames.ValidateFile, IncrementalStepRunReason.Cached));
        Assert.Equal(factsFiles, Count(steps, TrackingNames.LayoutFile, IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void Edit_to_one_facts_file_revalidates_that_file_and_reemits_one_chunk()
    {
        var files = Corpus(5_000, 20);
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(texts).RunGenerators(compilation);

        var edited = Corpus(5_000, 20, edit: "Item number zero, renamed")[1];
        driver = driver.ReplaceAdditionalText(texts[1], new InMemoryAdditionalText(edited.Path, edited.Text)).RunGenerators(compilation);

        var steps = Reasons(driver);
        var yaml = files.Count(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal));
        var factsFiles = files.Count(f => f.Path.EndsWith(".facts.yaml", StringComparison.Ordinal));
        var chunks = (5_000 + Layout.Chunking.RowsPerChunk - 1) / Layout.Chunking.RowsPerChunk;
        Assert.Equal(1, Count(steps, TrackingNames.Parse, IncrementalStepRunReason.Modified));
        Assert.Equal(yaml - 1, Count(steps, TrackingNames.Parse, IncrementalStepRunReason.Cached));
        Assert.Equal(0, Count(steps, TrackingNames.FileIds, IncrementalStepRunReason.Modified));
        Assert.Equal(1, Count(steps, TrackingNames.IdIndex, IncrementalStepRunReason.Cached));
        Assert.Equal(1, Count(steps, TrackingNames.Schema, IncrementalStepRunReason.Cached));
        Assert.Equal(1, Count(steps, TrackingNames.ValidateFile, IncrementalStepRunReason.Modified));
        Assert.Equal(factsFiles - 1, Count(steps, TrackingNames.ValidateFile, IncrementalStepRunReason.Cached));
        Assert.Equal(1, Count(steps, TrackingNames.LayoutFile, IncrementalStepRunReason.Modified));
        Assert.Equal(factsFiles - 1, Count(steps, TrackingNames.LayoutFile, IncrementalStepRunReason.Cached));
        Assert.Equal(1, Count(steps, TrackingNames.Chunks, IncrementalStepRunReason.Modified));
        Assert.Equal(chunks - 1, Count(steps, TrackingNames.Chunks, IncrementalStepRunReason.Unchanged));
        Assert.Equal(1, Count(steps, TrackingNames.KindModels, IncrementalStepRunReason.Unchanged));

        var chunk = driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == "Item.Rows0.g.cs");
        Assert.Contains("item-0|Item number zero, renamed|", chunk.SourceText.ToString(), StringComparison.Ordinal); // its row, not only its doc comment
    }

    [Fact]
    public void Sixty_thousand_facts_of_one_kind_are_named_on_use()
    {
        // Past DomainModelMaxNamedFactsPerKind (10,000 by default) only the facts the code names get a
        // property: here two of 60,000, named three ways (qualified, nameof, using static).
        var files = Corpus(60_000, 10);
        var user = """
            using static DomainModel.Items;
            public static class User
            {
                public static string Last => DomainModel.Items.Item59999.Name;
                public static string Seventh => nameof(Item7);
                public static decimal Price => Item7.Price!.Value.Amount;
            }
            """;
        var run = GeneratorHarness.Run(files, user);

        var capped = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DM0023", capped.Id);
        Assert.Equal(DiagnosticSeverity.Info, capped.Severity);
        Assert.Equal("Kind 'Item' has 60000 facts, more than DomainModelMaxNamedFactsPerKind (10000): only the facts your code names (Items.SomeFact) get a named property, and all of them are reachable through Items.Get, TryGet and All. A library that ships these facts to other assemblies should raise DomainModelMaxNamedFactsPerKind (at most 60000) so that every fact's name is part of its API.", capped.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.CompileErrors);
        var sources = run.Sources;
        Assert.Equal(59, sources.Keys.Count(k => k.StartsWith("Item.Rows", StringComparison.Ordinal)));
        var all = string.Concat(sources.Values);
        Assert.Equal(2, CountOf(all, "public static global::DomainModel.Item Item"));
        var named = sources["Items.Named.g.cs"];
        Assert.Contains("public static global::DomainModel.Item Item7 => _At(", named, StringComparison.Ordinal);
        Assert.Contains("public static global::DomainModel.Item Item59999 => _At(", named, StringComparison.Ordinal);
        Assert.True(named.IndexOf("Item59999 =>", StringComparison.Ordinal) < named.IndexOf("Item7 =>", StringComparison.Ordinal), "in index (id) order: item-59999 sorts before item-7");

        // The named facts are the facts: values read back from the rows.
        var type = run.Load().GetType("User")!;
        Assert.Equal("Item number 59999", type.GetProperty("Last")!.GetValue(null));
        Assert.Equal("Item7", type.GetProperty("Seventh")!.GetValue(null));
        Assert.Equal(7m, type.GetProperty("Price")!.GetValue(null));
        Assert.DoesNotContain("CS8103", string.Concat(run.GeneratorDiagnostics.Select(d => d.Id)));
    }

    [Fact]
    public void A_misspelled_fact_of_a_kind_named_on_use_is_a_compile_error()
    {
        var run = GeneratorHarness.Run(Corpus(12_000, 4), "public static class User { public static object A => DomainModel.Items.Item12000; public static object B => DomainModel.Items.Item11999; }");

        var error = Assert.Single(run.CompileErrors);
        Assert.Equal("CS0117", error.Id);
        Assert.Contains("'Items' does not contain a definition for 'Item12000'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(1, CountOf(run.Sources["Items.Named.g.cs"], "public static global::DomainModel.Item Item"));
    }

    [Fact]
    public void A_kind_within_the_cap_names_every_fact_and_writes_no_named_on_use_file()
    {
        var run = GeneratorHarness.Run(Corpus(10_000, 4), "public static class User { public static object A => DomainModel.Items.Item9999; }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Equal(10_000, CountOf(string.Concat(run.Sources.Values), "public static global::DomainModel.Item Item"));
        Assert.DoesNotContain("Items.Named.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Naming_one_more_fact_emits_only_the_named_on_use_file_again()
    {
        var files = Corpus(12_000, 4);
        var parse = GeneratorHarness.ParseOptions;
        var tree = CSharpSyntaxTree.ParseText("public static class User { public static object A => DomainModel.Items.Item1; }", parse, path: "User.cs");
        var compilation = GeneratorHarness.Compilation().AddSyntaxTrees(tree);
        var first = GeneratorHarness.Run(GeneratorHarness.Driver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), null), compilation);
        Assert.Equal(1, CountOf(first.Sources["Items.Named.g.cs"], "public static global::DomainModel.Item Item"));

        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From("public static class User { public static object A => DomainModel.Items.Item1; public static object B => DomainModel.Items.Item2; }")));
        var second = GeneratorHarness.Run(first.Driver, edited);

        Assert.Empty(second.CompileErrors);
        Assert.Equal(2, CountOf(second.Sources["Items.Named.g.cs"], "public static global::DomainModel.Item Item"));
        var steps = Reasons(second.Driver);
        Assert.Equal(1, Count(steps, TrackingNames.Identifiers, IncrementalStepRunReason.Modified));
        Assert.Equal(1, Count(steps, TrackingNames.NamedOnUse, IncrementalStepRunReason.Modified));
        Assert.Equal(0, Count(steps, TrackingNames.Chunks, IncrementalStepRunReason.Modified));
        Assert.Equal(0, Count(steps, TrackingNames.ValidateFile, IncrementalStepRunReason.Modified));
        Assert.Equal(1, Count(steps, TrackingNames.Assemble, IncrementalStepRunReason.Cached));
    }

    /// <summary>
    /// Both row layouts: UTF-8 literals need C# 11 (parse options) and a target framework that gets the
    /// runtime asset with the span-based decoder (.NET Core 3.0+, .NET Standard 2.1: MSBuild properties, as
    /// build/DomainModel.Generators.props passes them); DomainModelUtf8Rows overrides the target framework
    /// check. Otherwise string constants.
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.Latest, ".NETCoreApp", "v10.0", null, true)]
    [InlineData(LanguageVersion.CSharp11, ".NETCoreApp", "v3.0", null, true)]
    [InlineData(LanguageVersion.CSharp11, ".NETCoreApp", "v2.1", null, false)] // the runtime's netstandard2.0 asset: no span API
    [InlineData(LanguageVersion.CSharp11, ".NETStandard", "v2.1", null, true)]
    [InlineData(LanguageVersion.CSharp10, ".NETCoreApp", "v10.0", null, false)] // no UTF-8 literals before C# 11
    [InlineData(LanguageVersion.Latest, ".NETStandard", "v2.0", null, false)] // no Encoding.GetString(ReadOnlySpan<byte>)
    [InlineData(LanguageVersion.Latest, ".NETCoreApp", "v2.0", null, false)]
    [InlineData(LanguageVersion.Latest, ".NETFramework", "v4.8", null, false)]
    [InlineData(LanguageVersion.Latest, null, null, null, false)] // nothing known about the target: the safe layout
    [InlineData(LanguageVersion.Latest, ".NETCoreApp", "v10.0", "false", false)]
    [InlineData(LanguageVersion.Latest, null, null, "true", true)]
    [InlineData(LanguageVersion.CSharp10, null, null, "true", false)] // the override cannot give C# 10 UTF-8 literals
    public void Rows_round_trip_markers_and_line_feeds(LanguageVersion version, string? framework, string? frameworkVersion, string? utf8Rows, bool utf8)
    {
        const string schema = """
kinds:
  Note:
    description: Text with every marker the row encoding uses.
    fields:
      text: { type: string, required: true, description: The text. }
      parts: { type: list<string>, description: Parts. }
""";
        const string odd = "a|b^c~d}e`f\\g\"h `n";
        var facts = $$"""
kind: Note
document: doc.txt
facts:
  - id: markers
    text: '{{odd}}'
    parts: ['{{odd}}', '', '^']
    evidence: ['the text']
    note: "line one\nline two"
  - id: other
    text: "caf\u00E9 \U0001F600"
    evidence: ['the text']
""";
        var parse = new CSharpParseOptions(version);
        var properties = new Dictionary<string, string>();
        if (framework is not null)
        {
            properties["build_property.TargetFrameworkIdentifier"] = framework;
            properties["build_property.TargetFrameworkVersion"] = frameworkVersion!;
        }

        if (utf8Rows is not null)
        {
            properties["build_property.DomainModelUtf8Rows"] = utf8Rows;
        }

        var driver = CSharpGeneratorDriver.Create(
            new[] { new DomainModelGenerator().AsSourceGenerator() },
            new[] { ("/s/n.schema.yaml", schema), ("/f/n.facts.yaml", facts), ("/d/doc.txt", "the text") }.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Item1, f.Item2)),
            parse,
            new TestOptionsProvider(properties));
        var compilation = GeneratorHarness.Compilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText("class User { }", parse));
        var run = GeneratorHarness.Run(driver, compilation);
        Assert.Equal(Array.Empty<string>(), run.GeneratorDiagnostics.Select(d => d.ToString()));
        Assert.Empty(run.CompileErrors);
        Assert.Contains(utf8 ? "_Rows0 => \"" : "_Rows0 = \"", run.Sources["Note.Rows0.g.cs"]);

        // Lookup by id reads the ids from the rows, in both layouts.
        var catalog = run.Load().GetType("DomainModel.Notes")!;
        dynamic markers = catalog.GetProperty("Markers")!.GetValue(null)!;
        Assert.Same(markers, catalog.GetMethod("Get")!.Invoke(null, new object[] { "markers" }));
        Assert.Same(catalog.GetProperty("Other")!.GetValue(null), catalog.GetMethod("Get")!.Invoke(null, new object[] { "other" }));
        Assert.Equal(false, catalog.GetMethod("TryGet")!.Invoke(null, new object?[] { "markers|", null }));
        Assert.Equal(odd, (string)markers.Text);
        Assert.Equal(new[] { odd, "", "^" }, ((IEnumerable<string>)markers.Parts).ToArray());
        Assert.Equal("line one\nline two", (string?)markers.Provenance.Note);
        dynamic other = catalog.GetProperty("Other")!.GetValue(null)!;
        Assert.Equal("caf\u00E9 \U0001F600", (string)other.Text);
    }

    [Theory]
    [InlineData("Item 3 was seen.", null)]
    [InlineData("Item 3  was\n seen.", null)]
    [InlineData("Item 3 was seen. Item 4", null)]
    [InlineData("Item 3 was seen!", "DM0021")]
    [InlineData("Item 99999 was seen.", "DM0021")]
    [InlineData("tem", null)]
    [InlineData("xyz", "DM0021")]
    public void Quotes_are_found_in_the_document_only_when_they_occur(string quote, string? diagnostic)
    {
        var files = Corpus(10, 1);
        files[1] = (files[1].Path, files[1].Text.Replace("'Item 3 was seen.'", "'" + quote.Replace("\n", "\n      ") + "'"));
        var run = GeneratorHarness.Run(files);
        Assert.Equal(diagnostic is null ? Array.Empty<string>() : new[] { diagnostic }, run.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Seed_facts_all_decode()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles());
        Assert.Empty(run.CompileErrors);
        var assembly = run.Load();
        var kinds = (System.Collections.IEnumerable)assembly.GetType("DomainModel.FactCatalog")!.GetProperty("Kinds")!.GetValue(null)!;
        var count = 0;
        foreach (dynamic kind in kinds)
        {
            // Every fact of the kind decodes: All lists Count facts, in id order, each the one Get returns,
            // and its printed form starts with its kind and its own id (read from its row).
            string name = kind.Name;
            var catalog = assembly.GetType("DomainModel." + (string)kind.Plural)!;
            var all = ((System.Collections.IEnumerable)kind.All).Cast<object>().ToList();
            Assert.Equal((int)catalog.GetProperty("Count")!.GetValue(null)!, all.Count);
            var ids = all.Select(f => (string)((dynamic)f).Id).ToList();
            Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
            foreach (var fact in all)
            {
                string id = ((dynamic)fact).Id;
                Assert.Same(fact, catalog.GetMethod("Get")!.Invoke(null, new object[] { id }));
                Assert.StartsWith($"{name} {{ Id = {id}, ", fact.ToString(), StringComparison.Ordinal);
            }

            count += all.Count;
        }

        // As many facts as the seed facts files hold (read with the parse stage).
        var seedFacts = GeneratorHarness.SeedFiles()
            .Where(f => f.Path.EndsWith(".facts.yaml", StringComparison.Ordinal))
            .Sum(f => DomainModel.Generators.Parsing.InputParser.Parse(f.Path, DomainModel.Generators.Model.FileRole.Facts, f.Text, default).Facts!.Facts.Count);
        Assert.Equal(seedFacts, count);
        dynamic putin = assembly.GetType("DomainModel.Leaders")!.GetProperty("VladimirPutin")!.GetValue(null)!;
        Assert.Equal("Vladimir Putin", (string)putin.Name);
        Assert.Equal("vladimir-putin", (string)putin.Id);
    }
}
