using BenchmarkDotNet.Attributes;
using DomainModel.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;

namespace DomainModel.Benchmarks;

/// <summary>
/// Cold generator run (parse, validate, emit every file: a fresh driver, as on a clean build) against
/// YamlDotNet's event parser alone over the same YAML text (the floor: the generator parses with it).
/// </summary>
[Heavy]
public class ColdRunBenchmarks
{
    private List<AdditionalText> _texts = null!;
    private List<CorpusFile> _yaml = null!;
    private Compilation _compilation = null!;

    public static IEnumerable<int> Sizes => Bench.Sizes();

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Harness.Corpus(Facts);
        _texts = Harness.Texts(corpus);
        _yaml = corpus.YamlFiles.ToList();
        _compilation = Harness.Compilation();
        var run = Harness.Driver(_texts).RunGenerators(_compilation).GetRunResult();
        Harness.ThrowOnErrors(run.Diagnostics, "generator");
        Console.WriteLine($"// {Facts} facts: {corpus.YamlBytes / 1048576.0:F1} MB of YAML in {_yaml.Count} files, {run.Diagnostics.Length} diagnostics, {run.GeneratedTrees.Length} generated files");
    }

    [Benchmark(Baseline = true, Description = "YamlDotNet Parser only")]
    public int YamlParseOnly() => ParseFloor(_yaml);

    /// <summary>The parse floor: YamlDotNet's event parser over every file, each event read and nothing built.</summary>
    public static int ParseFloor(IEnumerable<CorpusFile> files)
    {
        var events = 0;
        foreach (var file in files)
        {
            var parser = new Parser(new StringReader(file.Text));
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    [Benchmark(Description = "Generator, cold")]
    public GeneratorDriver GeneratorCold() => Harness.Driver(_texts).RunGenerators(_compilation);
}

/// <summary>
/// Incremental runs on a warm driver: an edit to a C# file only, and an edit to one of the 100 YAML
/// files (one fact's name), each against a cold run of the same corpus. Each invocation toggles between
/// two states, so every run sees a real change. The step reasons are checked in the setup.
/// </summary>
[Heavy]
public class IncrementalBenchmarks
{
    private List<AdditionalText> _texts = null!;
    private Compilation[] _compilations = null!;
    private AdditionalText[] _variants = null!;
    private GeneratorDriver _driver = null!;
    private int _turn;

    public static IEnumerable<int> Sizes => Bench.Sizes();

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Harness.Corpus(Facts);
        _texts = Harness.Texts(corpus);
        _compilations = new[] { Harness.Compilation("class User { int X => 1; }"), Harness.Compilation("class User { int X => 2; }") };
        var (index, edited) = corpus.EditOneLeaderName();
        var original = _texts.First(t => t.Path == corpus.FactsFiles[index].Path);
        _variants = new[] { original, new MemoryText(edited.Path, edited.Text) };
        _driver = Harness.Driver(_texts).RunGenerators(_compilations[0]);
        _turn = 0;
        Console.WriteLine("// " + StepCheck.Describe(corpus));
    }

    [Benchmark(Baseline = true, Description = "Cold run")]
    public GeneratorDriver Cold() => Harness.Driver(_texts).RunGenerators(_compilations[0]);

    [Benchmark(Description = "Edit a C# file")]
    public GeneratorDriver EditCSharp()
    {
        _turn ^= 1;
        return _driver = _driver.RunGenerators(_compilations[_turn]);
    }

    [Benchmark(Description = "Edit 1 of 100 YAML files")]
    public GeneratorDriver EditOneYaml()
    {
        var from = _variants[_turn];
        _turn ^= 1;
        return _driver = _driver.ReplaceAdditionalText(from, _variants[_turn]).RunGenerators(_compilations[0]);
    }
}

/// <summary>Roslyn parse, compile and emit of the generated code (what the build does after the generator).</summary>
[Heavy]
public class EmitBenchmarks
{
    private IReadOnlyList<(string HintName, Microsoft.CodeAnalysis.Text.SourceText Text)> _sources = null!;
    private string _probe = null!;

    public static IEnumerable<int> Sizes => Bench.Sizes();

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Harness.Corpus(Facts);
        _sources = Harness.Generate(corpus, out var diagnostics);
        Harness.ThrowOnErrors(diagnostics, "generator");
        _probe = Harness.ProbeSource(corpus);
        Console.WriteLine($"// {Facts} facts: {_sources.Sum(s => (long)s.Text.Length) / 1e6:F1} M chars of generated C# in {_sources.Count} files, --docmode {Harness.DocMode}");
    }

    [Benchmark(Description = "Parse + compile + emit")]
    public int CompileAndEmit() => Harness.Emit(_sources, _probe, "Facts").Length;
}
