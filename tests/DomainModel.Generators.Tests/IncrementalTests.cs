using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using DomainModel.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The pipeline caches: unrelated edits re-run nothing, an edit to one input re-runs only what depends
/// on it, and no step output holds compilation state (symbols, syntax, locations, semantic models).
/// </summary>
public class IncrementalTests
{
    private const string ExtraDocumentPath = "/seeds/documents/extra-notes.txt";
    private const string SeedDocumentName = "000_6b0556799bcd713d.txt";

    /// <summary>Every TrackingNames constant: each must show up as a tracked step, or the tests below prove nothing.</summary>
    public static readonly string[] AllTrackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly IncrementalStepRunReason[] CachedOrUnchanged = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    [Fact]
    public void Every_tracking_name_is_a_tracked_step_with_outputs()
    {
        var (_, first) = Start(SeedTexts(), UserCode(), namedOnUse: true);
        var steps = first.Result.Results.Single().TrackedSteps;

        // Every constant names exactly one step of the wiring, and every step the wiring names is a constant.
        var wiring = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoRoot.Path, "generators", "DomainModel.Generators", "DomainModelGenerator.cs"));
        var named = System.Text.RegularExpressions.Regex.Matches(wiring, @"WithTrackingName\(TrackingNames\.(\w+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(AllTrackingNames.OrderBy(n => n, StringComparer.Ordinal), named.OrderBy(n => n, StringComparer.Ordinal));
        foreach (var name in AllTrackingNames)
        {
            Assert.True(steps.ContainsKey(name), $"step '{name}' is not tracked");
            Assert.NotEmpty(steps[name].SelectMany(s => s.Outputs));
        }
    }

    [Fact]
    public void No_step_reads_the_compilation()
    {
        // The pipeline never combines with CompilationProvider (UTF-8 support comes from the parse
        // options and MSBuild properties): the driver then tracks no "Compilation" input step at all.
        var (_, first) = Start(SeedTexts(), UserCode());
        var steps = first.Result.Results.Single().TrackedSteps;
        Assert.DoesNotContain("Compilation", steps.Keys);
        Assert.Contains("ParseOptions", steps.Keys);
        Assert.True(Assert.Single(Outputs(steps, TrackingNames.Utf8Rows)).Value is DomainModel.Generators.Model.RowMode { Utf8: true, Pack: null });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Adding_an_unrelated_syntax_tree_reruns_nothing(bool namedOnUse)
    {
        var compilation = UserCode();
        var (_, first) = Start(SeedTexts(), compilation, namedOnUse);
        var second = GeneratorHarness.Run(first.Driver, compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Unrelated { class Added { int X => 1; } }", GeneratorHarness.ParseOptions, path: "Added.cs")));

        AssertNothingReran(first, second, namedOnUse);
    }

    [Fact]
    public void The_same_texts_in_new_AdditionalText_objects_parse_nothing_again()
    {
        // What the compiler server's cached pipeline (enable-generator-cache) gets on every build: the files
        // read again into new objects. Only the step that reads them runs; from their texts on, all is cached.
        var texts = SeedTexts();
        var compilation = UserCode();
        var (_, first) = Start(texts, compilation);
        var reread = texts.Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.GetText()!.ToString())).ToImmutableArray();
        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalTexts(reread), compilation);
        var steps = second.Result.Results.Single().TrackedSteps;

        Assert.All(Outputs(steps, TrackingNames.InputFiles), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        foreach (var name in AllTrackingNames.Where(n => n != TrackingNames.InputFiles && !s_namedOnUseSteps.Contains(n)))
        {
            AssertAll(steps, name, CachedOrUnchanged);
        }

        Assert.Equal(texts.Count(t => t.Path.EndsWith(".yaml", StringComparison.Ordinal)), Outputs(steps, TrackingNames.InputTexts).Count(o => o.Reason == IncrementalStepRunReason.Unchanged));

        // Not parsed again at all (Cached), rather than parsed to an equal model (Unchanged).
        AssertAll(steps, TrackingNames.Parse, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.Documents, IncrementalStepRunReason.Cached);
        AssertAllSourceOutputs(second, CachedOrUnchanged);
        Assert.Empty(ChangedSources(first, second));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Editing_an_unrelated_syntax_tree_reruns_nothing(bool namedOnUse)
    {
        var compilation = UserCode();
        var (_, first) = Start(SeedTexts(), compilation, namedOnUse);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n")));
        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertNothingReran(first, second, namedOnUse);
    }

    [Fact]
    public void Editing_one_facts_file_reparses_and_revalidates_that_file_and_reemits_only_the_chunk_of_the_fact()
    {
        var texts = SeedTexts();
        var compilation = UserCode();
        var (_, first) = Start(texts, compilation);
        var leaders = texts.Single(t => t.Path.EndsWith("/leaders.facts.yaml", StringComparison.Ordinal));
        var driver = first.Driver.ReplaceAdditionalText(leaders, new InMemoryAdditionalText(leaders.Path, Edit(leaders, "name: Vladimir Putin\n", "name: Vladimir Poutine\n")));
        var second = GeneratorHarness.Run(driver, compilation);
        var steps = second.Result.Results.Single().TrackedSteps;

        // Parse: exactly the edited file is re-parsed to a different model; every other file is cached.
        var parse = Outputs(steps, TrackingNames.Parse);
        Assert.Equal(texts.Count(t => t.Path.EndsWith(".yaml", StringComparison.Ordinal)), parse.Count);
        var modified = Assert.Single(parse, o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, modified.Reason);
        Assert.Equal(leaders.Path, ((ParsedFile)modified.Value).Path);

        // The documents, options, schema and ids are untouched (a value edit leaves the ids equal); only
        // the edited file is validated again, and the assembly runs again because its input changed.
        AssertAll(steps, TrackingNames.Documents, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.Options, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.Schema, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.FileIds, CachedOrUnchanged);
        AssertAll(steps, TrackingNames.IdIndex, CachedOrUnchanged);
        var validated = Outputs(steps, TrackingNames.ValidateFile);
        var revalidated = Assert.Single(validated, o => !CachedOrUnchanged.Contains(o.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, revalidated.Reason);
        Assert.Equal(leaders.Path, ((FileResult)revalidated.Value).Path);
        var relaidOut = Assert.Single(Outputs(steps, TrackingNames.LayoutFile), o => !CachedOrUnchanged.Contains(o.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, relaidOut.Reason);
        Assert.Equal(leaders.Path, ((LaidOutFile)relaidOut.Value).Path);
        AssertAll(steps, TrackingNames.DocumentProblems, IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(steps, TrackingNames.Assemble)).Reason);

        // KindModels: no kind's record or catalog changed (the name is in a row and a named property).
        var kinds = Outputs(steps, TrackingNames.KindModels);
        Assert.Equal(SeedKindCount(), kinds.Count);
        AssertAll(steps, TrackingNames.KindModels, CachedOrUnchanged);
        Assert.Contains(kinds, o => KindOf(o.Value) == "Leader");
        AssertAll(steps, TrackingNames.EnumModels, CachedOrUnchanged);
        AssertAll(steps, TrackingNames.CatalogModel, CachedOrUnchanged);

        // Chunks: only the one holding the edited fact changed.
        var chunk = Assert.Single(Outputs(steps, TrackingNames.Chunks), o => !CachedOrUnchanged.Contains(o.Reason));
        Assert.Equal(IncrementalStepRunReason.Modified, chunk.Reason);
        Assert.Equal(("Leader", 0), (((ChunkModel)chunk.Value).Kind, ((ChunkModel)chunk.Value).Number));

        // Source outputs: one re-run (Leader.Rows0.g.cs); the rest cached or unchanged.
        var sourceOutputs = second.Result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        var rerun = Assert.Single(sourceOutputs, o => !CachedOrUnchanged.Contains(o.Reason) && HintNamesOf(o.Value).Count > 0);
        Assert.Equal(new[] { "Leader.Rows0.g.cs" }, HintNamesOf(rerun.Value));

        Assert.Equal(ChangedSources(first, second), new[] { "Leader.Rows0.g.cs" });
        Assert.Contains("vladimir-putin|Vladimir Poutine|", second.Sources["Leader.Rows0.g.cs"], StringComparison.Ordinal); // the row, not only its doc comment
        Assert.Contains("/// <summary>Vladimir Poutine</summary>", second.Sources["Leader.Rows0.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_document_reruns_the_documents_step_only_for_that_document()
    {
        var texts = SeedTexts(withExtraDocument: true);
        var compilation = UserCode();
        var (_, first) = Start(texts, compilation);
        Assert.Empty(first.DiagnosticLines);
        var extra = texts.Single(t => t.Path == ExtraDocumentPath);
        var driver = first.Driver.ReplaceAdditionalText(extra, new InMemoryAdditionalText(extra.Path, Edit(extra, "first draft", "second draft")));
        var second = GeneratorHarness.Run(driver, compilation);
        var steps = second.Result.Results.Single().TrackedSteps;

        var documents = Outputs(steps, TrackingNames.Documents);
        Assert.Equal(texts.Count(t => DomainModel.Generators.Parsing.DocumentReader.IsDocument(t.Path)), documents.Count);
        var modified = Assert.Single(documents, o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, modified.Reason);
        Assert.Equal(ExtraDocumentPath, ((DocumentText)modified.Value).Path);

        // No YAML file is re-parsed; the facts files are validated again (their quotes are checked against
        // the documents), give the same results, and nothing is re-emitted.
        AssertAll(steps, TrackingNames.Parse, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.ValidateFile, IncrementalStepRunReason.Unchanged);
        foreach (var name in new[] { TrackingNames.LayoutFile, TrackingNames.Schema, TrackingNames.IdIndex, TrackingNames.Assemble, TrackingNames.KindModels, TrackingNames.Chunks, TrackingNames.EnumModels, TrackingNames.CatalogModel })
        {
            AssertAll(steps, name, CachedOrUnchanged);
        }

        AssertAllSourceOutputs(second, CachedOrUnchanged);
        Assert.Empty(ChangedSources(first, second));
    }

    [Fact]
    public void Editing_the_quoted_document_without_breaking_a_quote_reruns_only_its_documents_step()
    {
        var texts = SeedTexts(withExtraDocument: true);
        var compilation = UserCode();
        var (_, first) = Start(texts, compilation);
        var seed = texts.Single(t => t.Path.EndsWith("/" + SeedDocumentName, StringComparison.Ordinal));
        var driver = first.Driver.ReplaceAdditionalText(seed, new InMemoryAdditionalText(seed.Path, seed.GetText()!.ToString() + "\n\nA paragraph added later.\n"));
        var second = GeneratorHarness.Run(driver, compilation);
        var steps = second.Result.Results.Single().TrackedSteps;

        var modified = Assert.Single(Outputs(steps, TrackingNames.Documents), o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(SeedDocumentName, ((DocumentText)modified.Value).Name);
        AssertAll(steps, TrackingNames.Parse, IncrementalStepRunReason.Cached);
        AssertAll(steps, TrackingNames.KindModels, CachedOrUnchanged);
        AssertAllSourceOutputs(second, CachedOrUnchanged);
        Assert.Empty(second.DiagnosticLines);
    }

    [Fact]
    public void No_tracked_step_output_holds_compilation_state()
    {
        var texts = SeedTexts(withExtraDocument: true);
        var compilation = UserCode();
        var (_, first) = Start(texts, compilation, namedOnUse: true);
        var leaders = texts.Single(t => t.Path.EndsWith("/leaders.facts.yaml", StringComparison.Ordinal));
        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(leaders, new InMemoryAdditionalText(leaders.Path, Edit(leaders, "name: Vladimir Putin\n", "name: V. Putin\n"))), compilation);

        // A broken input too, so the diagnostics (as data) are walked as well.
        var broken = texts.Select(t => t.Path.EndsWith("/bases.facts.yaml", StringComparison.Ordinal)
            ? new InMemoryAdditionalText(t.Path, Edit(t, "base_type: naval", "base_type: navel\n    colour: grey"))
            : t).ToList();
        var third = GeneratorHarness.Run(GeneratorHarness.Driver(broken, s_namedOnUse), compilation);
        Assert.NotEmpty(third.DiagnosticLines);

        foreach (var run in new[] { first, second, third })
        {
            var steps = run.Result.Results.Single().TrackedSteps;
            foreach (var name in AllTrackingNames)
            {
                foreach (var output in steps[name].SelectMany(s => s.Outputs))
                {
                    Assert.Empty(ModelGraph.FindBanned(output.Value, name));
                }
            }
        }
    }

    [Fact]
    public void Model_graph_walk_finds_compilation_state_wherever_it_is_held()
    {
        var compilation = GeneratorHarness.Compilation("class C { }");
        var tree = compilation.SyntaxTrees.Single();
        var symbol = compilation.GetTypeByMetadataName("C")!;

        Assert.Empty(ModelGraph.FindBanned(new ParsedFile("/a.facts.yaml", FileRole.Facts, null, null, EquatableArray<Diagnostics.DiagnosticInfo>.Empty), "clean"));
        Assert.NotEmpty(ModelGraph.FindBanned(("x", new object[] { 1, Location.None }), "location in a tuple"));
        Assert.NotEmpty(ModelGraph.FindBanned(new EquatableArray<Holder>(new[] { new Holder(symbol) }), "symbol in an equatable array"));
        Assert.NotEmpty(ModelGraph.FindBanned(new Holder(tree.GetRoot()), "syntax node in a record"));
        Assert.NotEmpty(ModelGraph.FindBanned(new List<Holder> { new(compilation) }, "compilation in a list"));
        Assert.NotEmpty(ModelGraph.FindBanned(new Dictionary<string, Holder> { ["k"] = new(compilation.GetSemanticModel(tree)) }, "semantic model in a dictionary"));
    }

    // ----------------------------------------------------------------------------------------------

    private static void AssertNothingReran(GeneratorRun first, GeneratorRun second, bool namedOnUse)
    {
        var before = first.Result.Results.Single().TrackedSteps;
        var after = second.Result.Results.Single().TrackedSteps;
        foreach (var name in AllTrackingNames)
        {
            if (!namedOnUse && s_namedOnUseSteps.Contains(name) && !after.ContainsKey(name))
            {
                continue; // the driver tracks them only when some kind is past the cap
            }

            Assert.True(after.ContainsKey(name), $"step '{name}' is not tracked");
            if (name is TrackingNames.Identifiers or TrackingNames.UsedNames)
            {
                // The scan of C# files for facts named on use: only the added or edited file is scanned
                // again (its identifiers, then their match); what follows is cached.
                Assert.True(Outputs(after, name).Count(o => !CachedOrUnchanged.Contains(o.Reason)) <= 1, $"{name} re-ran for more than the edited file");
                continue;
            }

            AssertAll(after, name, CachedOrUnchanged);

            // Same outputs as before, step by step (the models are equatable, so this is what lets them cache).
            var outputsBefore = before[name].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            var outputsAfter = after[name].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
            Assert.Equal(outputsBefore, outputsAfter);
        }

        AssertAllSourceOutputs(second, CachedOrUnchanged);
        Assert.Empty(ChangedSources(first, second));
    }

    private static void AssertAll(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, string name, params IncrementalStepRunReason[] allowed)
    {
        var outputs = Outputs(steps, name);
        Assert.NotEmpty(outputs);
        var unexpected = outputs.Where(o => !allowed.Contains(o.Reason)).Select(o => $"{o.Reason}: {o.Value}").ToList();
        Assert.True(unexpected.Count == 0, $"{name} re-ran: {string.Join("; ", unexpected)}");
    }

    private static void AssertAllSourceOutputs(GeneratorRun run, IncrementalStepRunReason[] allowed)
    {
        var outputs = run.Result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, string name)
    {
        Assert.True(steps.ContainsKey(name), $"step '{name}' is not tracked");
        return steps[name].SelectMany(s => s.Outputs).ToList();
    }

    private static string KindOf(object kindModelsOutput) => ((KindOutput)kindModelsOutput).Kind.Name;

    /// <summary>
    /// The hint names in a source-output step's value. Roslyn keeps the sources as its internal
    /// GeneratedSourceText (with a HintName) in one of the tuple's items, so they are read by reflection.
    /// </summary>
    private static List<string> HintNamesOf(object sourceOutputValue) =>
        sourceOutputValue.GetType().GetFields()
            .Select(f => f.GetValue(sourceOutputValue))
            .OfType<IEnumerable>()
            .SelectMany(items => items.Cast<object>())
            .Where(item => item.GetType().Name == "GeneratedSourceText")
            .Select(item => (string)item.GetType().GetProperty("HintName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(item)!)
            .ToList();

    private static List<string> ChangedSources(GeneratorRun first, GeneratorRun second)
    {
        Assert.Equal(first.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal), second.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        return first.Sources.Where(s => second.Sources[s.Key] != s.Value).Select(s => s.Key).ToList();
    }

    /// <summary>
    /// DomainModelMaxNamedFactsPerKind=1 makes every seed kind name its facts on use: the scan of the C#
    /// files (Identifiers, UsedNames) and what follows it only run when some kind is past the cap.
    /// </summary>
    private static readonly Dictionary<string, string> s_namedOnUse = new() { ["build_property.DomainModelMaxNamedFactsPerKind"] = "1" };

    /// <summary>The steps that run only when some kind names its facts on use.</summary>
    private static readonly string[] s_namedOnUseSteps = { TrackingNames.UsageCandidates, TrackingNames.Identifiers, TrackingNames.UsedNames, TrackingNames.NamedOnUse };

    private static (GeneratorDriver Driver, GeneratorRun Run) Start(IReadOnlyList<AdditionalText> texts, Compilation compilation, bool namedOnUse = false)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Driver(texts, namedOnUse ? s_namedOnUse : null), compilation);
        Assert.Empty(run.CompileErrors);
        return (run.Driver, run);
    }

    private static CSharpCompilation UserCode() =>
        GeneratorHarness.Compilation("namespace User { class Reader { string Name => DomainModel.Leaders.VladimirPutin.Name; } }");

    private static List<AdditionalText> SeedTexts(bool withExtraDocument = false)
    {
        var texts = GeneratorHarness.SeedFiles().Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToList();
        if (withExtraDocument)
        {
            texts.Add(new InMemoryAdditionalText(ExtraDocumentPath, "Background notes, first draft. Not quoted by any fact yet.\n"));
        }

        return texts;
    }

    /// <summary>The kinds the seed schemas declare (read with the parse stage): one KindModels output each.</summary>
    private static int SeedKindCount() =>
        GeneratorHarness.SeedFiles()
            .Where(f => f.Path.EndsWith(".schema.yaml", StringComparison.Ordinal))
            .Sum(f => DomainModel.Generators.Parsing.InputParser.Parse(f.Path, FileRole.Schema, f.Text, default).Schema!.Kinds.Count);

    private static string Edit(AdditionalText text, string from, string to)
    {
        var content = text.GetText()!.ToString().Replace("\r\n", "\n");
        Assert.Contains(from, content);
        return content.Replace(from, to);
    }

    private sealed record Holder(object Value);
}

/// <summary>Walks an object graph by reflection (every instance field, every array element) looking for Roslyn compilation state.</summary>
internal static class ModelGraph
{
    private static readonly Type[] s_banned = { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel) };

    /// <summary>Paths (from <paramref name="root"/>) to every banned object found.</summary>
    public static List<string> FindBanned(object? value, string root)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(value, root, found, visited);
        return found;
    }

    private static void Visit(object? node, string path, List<string> found, HashSet<object> visited)
    {
        if (node is null)
        {
            return;
        }

        var type = node.GetType();
        if (s_banned.FirstOrDefault(b => b.IsInstanceOfType(node)) is { } banned)
        {
            found.Add($"{path}: {banned.Name} ({type.Name})");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type.IsPointer || node is string or decimal or DateTime or Type or Delegate)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(node))
        {
            return;
        }

        // Only fields and array elements are read: no user code runs (a lazy collection is not forced).
        if (node is Array array)
        {
            if (!type.GetElementType()!.IsPrimitive)
            {
                var i = 0;
                foreach (var item in array)
                {
                    Visit(item, $"{path}[{i++}]", found, visited);
                }
            }

            return;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Visit(field.GetValue(node), $"{path}.{field.Name}", found, visited);
                }
            }
        }
    }
}
