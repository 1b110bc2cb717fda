using System.Text.Json;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DomainModel.Benchmarks.Corpus;

/// <summary>
/// The run-time alternatives to the generated library: read the Leader facts files when the program
/// runs and index them by id. They read only the files of the kind asked for (the best case for a
/// run-time loader) and validate nothing (no reference, type or quote checks), so they do less
/// work than the generator does at build time.
/// </summary>
public static class Loaders
{
    public static Dictionary<string, LeaderDto> LeadersFromJson(IEnumerable<string> texts)
    {
        var index = new Dictionary<string, LeaderDto>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var file = JsonSerializer.Deserialize(text, CorpusJsonContext.Default.FactsFileDtoLeaderDto)!;
            foreach (var fact in file.Facts)
            {
                index.Add(fact.Id, fact);
            }
        }

        return index;
    }

    public static Dictionary<string, LeaderDto> LeadersFromYaml(IEnumerable<string> texts)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var index = new Dictionary<string, LeaderDto>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var file = deserializer.Deserialize<FactsFileDto<LeaderDto>>(text);
            foreach (var fact in file.Facts)
            {
                index.Add(fact.Id, fact);
            }
        }

        return index;
    }

    /// <summary>The Leader files of a corpus written by <see cref="SyntheticCorpus.WriteTo"/>.</summary>
    public static IEnumerable<string> ReadLeaderFiles(string directory, string format) =>
        Directory.EnumerateFiles(Path.Combine(directory, format == "json" ? "json" : "facts"), "*-leaders.facts." + (format == "json" ? "json" : "yaml"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(File.ReadAllText);
}
