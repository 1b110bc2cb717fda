using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using DomainModel.Benchmarks.Corpus;
using DomainModel.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DomainModel.Benchmarks;

/// <summary>An input file held in memory, as the IDE or the compiler passes it.</summary>
public sealed class MemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// The global options a net10.0 project passes to the generator (build/DomainModel.Generators.props makes
/// them visible): the benchmarks measure what a real .NET 10 consumer gets, UTF-8 rows included.
/// </summary>
public sealed class Net10Options : AnalyzerConfigOptionsProvider
{
    public static readonly Net10Options Instance = new();

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Globals();

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty.Instance;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty.Instance;

    private sealed class Globals : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = key switch
            {
                "build_property.TargetFrameworkIdentifier" => ".NETCoreApp",
                "build_property.TargetFrameworkVersion" => "v10.0",
                _ => null!,
            };

            // DM_BENCH_PROPERTIES="DomainModelPackRows=false;DomainModelUtf8Rows=false": MSBuild properties for experiments.
            foreach (var pair in (Environment.GetEnvironmentVariable("DM_BENCH_PROPERTIES") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                if (eq > 0 && key == "build_property." + pair.Substring(0, eq).Trim())
                {
                    value = pair.Substring(eq + 1).Trim();
                }
            }

            return value is not null;
        }
    }

    private sealed class Empty : AnalyzerConfigOptions
    {
        public static readonly Empty Instance = new();

        public override bool TryGetValue(string key, out string value)
        {
            value = null!;
            return false;
        }
    }
}

/// <summary>Drivers, compilations and loading, shared by the benchmarks and the fresh-process runner.</summary>
public static class Harness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// How <see cref="Emit(IEnumerable{ValueTuple{string, SourceText}}, string, string, OutputKind)"/> parses the
    /// generated sources' XML doc comments (<c>--docmode</c>): <c>parse</c> (the default, as
    /// <see cref="ParseOptions"/>), <c>none</c> (what csc does without <c>/doc</c>, i.e. a project without
    /// GenerateDocumentationFile), <c>diagnose</c>, or <c>doc</c> (Diagnose and the XML documentation file
    /// written to memory: what csc does with <c>/doc</c>).
    /// </summary>
    public static string DocMode { get; private set; } = "parse";

    public static DocumentationMode EmitDocumentationMode => DocMode switch
    {
        "none" => DocumentationMode.None,
        "parse" => DocumentationMode.Parse,
        _ => DocumentationMode.Diagnose,
    };

    /// <summary>Removes <c>--docmode none|parse|diagnose|doc</c> from the arguments and applies it.</summary>
    public static string[] TakeDocMode(string[] args)
    {
        var at = Array.IndexOf(args, "--docmode");
        if (at < 0)
        {
            return args;
        }

        var mode = at + 1 < args.Length ? args[at + 1] : "";
        if (mode is not ("none" or "parse" or "diagnose" or "doc"))
        {
            throw new ArgumentException("--docmode takes none, parse, diagnose or doc, not '" + mode + "'");
        }

        DocMode = mode;
        return args.Where((_, i) => i != at && i != at + 1).ToArray();
    }

    /// <summary>The corpus style every benchmark generates (<c>--style plain|mixed</c>, default plain).</summary>
    public static CorpusStyle Style { get; private set; } = CorpusStyle.Plain;

    /// <summary>Takes <c>--style plain|mixed</c> out of the arguments.</summary>
    public static string[] TakeStyle(string[] args)
    {
        var at = Array.IndexOf(args, "--style");
        if (at < 0)
        {
            return args;
        }

        Style = (at + 1 < args.Length ? args[at + 1] : "") switch
        {
            "plain" => CorpusStyle.Plain,
            "mixed" => CorpusStyle.Mixed,
            var other => throw new ArgumentException("--style takes plain or mixed, not '" + other + "'"),
        };
        return args.Where((_, i) => i != at && i != at + 1).ToArray();
    }

    /// <summary>The synthetic corpus of <paramref name="facts"/> facts in the chosen <see cref="Style"/>.</summary>
    public static SyntheticCorpus Corpus(int facts) => SyntheticCorpus.Generate(facts, style: Style);

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, string name = "Facts", OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        CSharpCompilation.Create(
            name,
            trees,
            References,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release, deterministic: true)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    /// <summary>The .NET 10 reference assemblies and DomainModel.Runtime, which generated code uses (CS1701/CS1702 suppressed, as the SDK does).</summary>
    public static readonly IReadOnlyList<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(DomainModel.FactDate).Assembly.Location)).ToList();

    public static CSharpCompilation Compilation(string userCode = "") =>
        Compilation(userCode.Length == 0 ? Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "User.cs") });

    public static List<AdditionalText> Texts(SyntheticCorpus corpus) =>
        corpus.GeneratorInputs.Select(f => (AdditionalText)new MemoryText(f.Path, f.Text)).ToList();

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts, bool track = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new DomainModelGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            Net10Options.Instance,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Runs the generator once on the corpus and returns the generated sources (hint name, text).</summary>
    /// <summary>
    /// The generated sources for the corpus, generated as in a project that holds <see cref="ProbeSource"/>
    /// (the code the benchmarks compile with them): the generator sees it, so the facts it names are named
    /// in kinds past DomainModelMaxNamedFactsPerKind (facts named on use).
    /// </summary>
    public static IReadOnlyList<(string HintName, SourceText Text)> Generate(SyntheticCorpus corpus, out ImmutableArray<Diagnostic> diagnostics)
    {
        var driver = Driver(Texts(corpus)).RunGenerators(Compilation(ProbeSource(corpus)));
        var result = driver.GetRunResult();
        diagnostics = result.Diagnostics;
        return result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText)).ToList();
    }

    public static void ThrowOnErrors(IEnumerable<Diagnostic> diagnostics, string what)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{what}: {errors.Count} errors, first: {errors[0]}");
        }
    }

    /// <summary>Compiles generated sources plus <paramref name="userCode"/> and emits the assembly bytes.</summary>
    public static byte[] Emit(IEnumerable<(string HintName, SourceText Text)> sources, string userCode, string name, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        Emit(sources, userCode, name, out _, out _, kind);

    /// <summary>As above, with the warnings reported (id×count) and the size of the XML documentation file (0 unless <c>--docmode doc</c>).</summary>
    public static byte[] Emit(IEnumerable<(string HintName, SourceText Text)> sources, string userCode, string name, out string warnings, out long xmlBytes, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
    {
        var options = ParseOptions.WithDocumentationMode(EmitDocumentationMode);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, path: s.HintName)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(userCode, options, path: "User.cs"));
        using var stream = new MemoryStream();
        using var xml = DocMode == "doc" ? new MemoryStream() : null;
        var result = Compilation(trees, name, kind).Emit(stream, xmlDocumentationStream: xml);
        ThrowOnErrors(result.Diagnostics, "Emit of " + name);
        warnings = string.Join(" ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + "×" + g.Count()));
        warnings = warnings.Length == 0 ? "0" : warnings;
        if (Environment.GetEnvironmentVariable("DM_SHOW_WARNINGS") == "1")
        {
            foreach (var warning in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Take(10))
            {
                Console.Error.WriteLine(warning);
            }
        }
        xmlBytes = xml?.Length ?? 0;
        return stream.ToArray();
    }

    public static Assembly Load(byte[] image)
    {
        var context = new AssemblyLoadContext("facts-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(new MemoryStream(image));
    }

    /// <summary>
    /// A class compiled into the generated assembly, so benchmarks call typed code through delegates
    /// (no reflection, no boxing on the measured path).
    /// </summary>
    public static string Pascal(string slug) => string.Concat(slug.Split('-', '_').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

    public static string ProbeSource(SyntheticCorpus corpus) => $$"""
namespace DomainModel.Probe
{
    public static class Probe
    {
        public static string FirstId => "{{corpus.Ids["Leader"][0]}}";
        public static string LastId => "{{corpus.Ids["Leader"][^1]}}";

        /// <summary>The first fact a consumer touches, by its named property (Leaders.VladimirPutin style).</summary>
        public static string First() => global::DomainModel.Leaders.{{Pascal(corpus.Ids["Leader"][0])}}.Name;

        /// <summary>The first fact, by id: builds the id index of the catalog first.</summary>
        public static string FirstById() => global::DomainModel.Leaders.Get(FirstId).Name;

        /// <summary>The last fact of the largest catalog, by id and by position.</summary>
        public static string Last() => global::DomainModel.Events.Get("{{corpus.Ids["Event"][^1]}}").Name + global::DomainModel.Events.All[global::DomainModel.Events.Count - 1].Id;

        public static bool Lookup(string id) => global::DomainModel.Leaders.TryGet(id, out var fact) && fact.Id.Length > 0;

        public static int Enumerate()
        {
            var n = 0;
            foreach (var fact in global::DomainModel.Leaders.All)
            {
                n += fact.Id.Length;
            }

            return n;
        }
    }
}
""";
}
