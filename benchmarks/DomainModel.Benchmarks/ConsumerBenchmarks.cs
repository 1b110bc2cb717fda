using System.Reflection;
using BenchmarkDotNet.Attributes;
using DomainModel.Benchmarks.Corpus;

namespace DomainModel.Benchmarks;

/// <summary>
/// Warm lookups by id and enumeration, generated library against the same facts loaded at run time
/// with System.Text.Json (source-generated) and YamlDotNet into a Dictionary. The generated code is
/// called through delegates to a probe compiled into the generated assembly (typed calls, no reflection).
/// </summary>
public class LookupBenchmarks
{
    private Func<string, bool> _generatedLookup = null!;
    private Func<int> _generatedEnumerate = null!;
    private Dictionary<string, LeaderDto> _json = null!;
    private Dictionary<string, LeaderDto> _yaml = null!;
    private string[] _ids = null!;
    private int _next;

    public static IEnumerable<int> Sizes => Bench.Sizes();

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SyntheticCorpus.Generate(Facts);
        var probe = Consumer.Load(corpus);
        _generatedLookup = probe.GetMethod("Lookup")!.CreateDelegate<Func<string, bool>>();
        _generatedEnumerate = probe.GetMethod("Enumerate")!.CreateDelegate<Func<int>>();
        _json = Loaders.LeadersFromJson(corpus.FilesOfKind("Leader").Select(i => corpus.JsonFiles[i].Text));
        _yaml = Loaders.LeadersFromYaml(corpus.FilesOfKind("Leader").Select(i => corpus.FactsFiles[i].Text));
        var random = new Random(7);
        _ids = Enumerable.Range(0, 1024).Select(_ => corpus.Ids["Leader"][random.Next(corpus.Ids["Leader"].Count)]).ToArray();

        // Warm: build the index and materialize every fact once.
        _generatedEnumerate();
        foreach (var id in _ids)
        {
            _generatedLookup(id);
        }
    }

    [Benchmark(Baseline = true, Description = "Generated: Leaders.TryGet(id)")]
    public bool GeneratedLookup() => _generatedLookup(_ids[_next++ & 1023]);

    [Benchmark(Description = "System.Text.Json: Dictionary lookup")]
    public bool JsonLookup() => _json.TryGetValue(_ids[_next++ & 1023], out var fact) && fact.Id.Length > 0;

    [Benchmark(Description = "YamlDotNet: Dictionary lookup")]
    public bool YamlLookup() => _yaml.TryGetValue(_ids[_next++ & 1023], out var fact) && fact.Id.Length > 0;

    [Benchmark(Description = "Generated: foreach over Leaders.All", OperationsPerInvoke = 1)]
    public int GeneratedEnumerateAll() => _generatedEnumerate();
}

/// <summary>
/// In-process cold start: load the generated assembly (from bytes, into a new collectible context)
/// and read the first fact, against reading and deserializing the Leader files with System.Text.Json
/// or YamlDotNet and indexing them. Fresh-process times are in the <c>fresh</c> command.
/// </summary>
[Heavy]
public class ColdLoadBenchmarks
{
    private byte[] _image = null!;
    private List<string> _jsonFiles = null!;
    private List<string> _yamlFiles = null!;
    private string _id = null!;

    public static IEnumerable<int> Sizes => Bench.Sizes();

    [ParamsSource(nameof(Sizes))]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SyntheticCorpus.Generate(Facts);
        _image = Consumer.Image(corpus);
        var dir = Path.Combine(Path.GetTempPath(), "dm-load-" + Facts);
        corpus.WriteTo(dir);
        _jsonFiles = Directory.EnumerateFiles(Path.Combine(dir, "json"), "*-leaders.facts.json").Order(StringComparer.Ordinal).ToList();
        _yamlFiles = Directory.EnumerateFiles(Path.Combine(dir, "facts"), "*-leaders.facts.yaml").Order(StringComparer.Ordinal).ToList();
        _id = corpus.Ids["Leader"][0];
    }

    [Benchmark(Baseline = true, Description = "Generated: load assembly + first fact")]
    public object? Generated() => Harness.Load(_image).GetType("DomainModel.Probe.Probe")!.GetMethod("First")!.Invoke(null, null);

    [Benchmark(Description = "System.Text.Json: read + deserialize + index + first fact")]
    public string Json() => Loaders.LeadersFromJson(_jsonFiles.Select(File.ReadAllText))[_id].Name;

    [Benchmark(Description = "YamlDotNet: read + deserialize + index + first fact")]
    public string Yaml() => Loaders.LeadersFromYaml(_yamlFiles.Select(File.ReadAllText))[_id].Name;
}

/// <summary>Compiles the generated library of a corpus (with the probe) once per size and process.</summary>
public static class Consumer
{
    private static readonly Dictionary<int, byte[]> s_images = new();

    public static byte[] Image(SyntheticCorpus corpus)
    {
        if (!s_images.TryGetValue(corpus.FactCount, out var image))
        {
            var sources = Harness.Generate(corpus, out var diagnostics);
            Harness.ThrowOnErrors(diagnostics, "generator");
            s_images[corpus.FactCount] = image = Harness.Emit(sources, Harness.ProbeSource(corpus), "Facts" + corpus.FactCount);
        }

        return image;
    }

    public static Type Load(SyntheticCorpus corpus) => Harness.Load(Image(corpus)).GetType("DomainModel.Probe.Probe")!;
}
