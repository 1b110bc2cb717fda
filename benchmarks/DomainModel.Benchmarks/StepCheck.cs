using DomainModel.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace DomainModel.Benchmarks;

/// <summary>
/// Checks the incremental behaviour by the driver's step reasons (not by time): after an edit to a C#
/// file every step (other than the compilation input itself) is Cached or Unchanged; after an edit to one YAML file exactly one Parse output
/// is Modified. Throws when that does not hold, so a benchmark never times a pipeline that redoes work.
/// </summary>
public static class StepCheck
{
    public static string Describe(SyntheticCorpus corpus)
    {
        var texts = Harness.Texts(corpus);
        var driver = Harness.Driver(texts, track: true).RunGenerators(Harness.Compilation("class User { int X => 1; }"));
        driver = driver.RunGenerators(Harness.Compilation("class User { int X => 2; }"));
        var csharp = Reasons(driver.GetRunResult());
        // The compilation itself is the edited input; every step derived from it must be Cached or Unchanged.
        var notCached = csharp.Where(s => s.Key != "Compilation" && s.Value.Keys.Any(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))).ToList();
        if (notCached.Count > 0)
        {
            throw new InvalidOperationException("C# edit re-ran steps: " + Format(notCached));
        }

        var (index, edited) = corpus.EditOneLeaderName();
        var original = texts.First(t => t.Path == corpus.FactsFiles[index].Path);
        driver = driver.ReplaceAdditionalText(original, new MemoryText(edited.Path, edited.Text)).RunGenerators(Harness.Compilation("class User { int X => 2; }"));
        var yaml = Reasons(driver.GetRunResult());
        var parsed = yaml["Parse"].GetValueOrDefault(IncrementalStepRunReason.Modified);
        if (parsed != 1)
        {
            throw new InvalidOperationException($"YAML edit re-parsed {parsed} files: " + Format(yaml));
        }

        return "C# edit: " + Format(csharp) + " || YAML edit: " + Format(yaml);
    }

    public static Dictionary<string, Dictionary<IncrementalStepRunReason, int>> Reasons(GeneratorDriverRunResult result)
    {
        var steps = result.Results[0].TrackedSteps.Select(s => (s.Key, s.Value))
            .Concat(result.Results[0].TrackedOutputSteps.Select(s => ("out:" + s.Key, s.Value)));
        return steps.ToDictionary(
            s => s.Item1,
            s => s.Item2.SelectMany(step => step.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key, g => g.Count()));
    }

    public static string Format(IEnumerable<KeyValuePair<string, Dictionary<IncrementalStepRunReason, int>>> steps) =>
        string.Join("; ", steps.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + " " + string.Join(",", s.Value.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"))));
}
