using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary><c>domainmodel coverage</c>: the cited share of each document's sentences and the uncited ones.</summary>
public sealed class CoverageTests
{
    internal static TempCorpus Corpus() => new(
        ("s.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      name: { type: string, required: true, description: x }\n"),
        ("a.facts.yaml", """
            kind: Thing
            document: report.txt
            facts:
              - id: one
                name: One
                evidence: ['Mr. Putin met Al-Sharaa', 'in Moscow. Talks']
              - id: two
                name: Two
                evidence: [{ quote: 'It cost $2.5 billion', document: other.md }]
            """),
        ("report.txt", "A Summit Headline\nMr. Putin met Al-Sharaa on Oct. 15 in Moscow. Talks lasted three hours. Nobody said \u201CWhy?\u201D Later, a dinner.\n"),
        ("other.md", "It cost $2.5 billion. That was all.\n"),
        ("unused.txt", "Nothing cites this. Or this.\n"));

    [Fact]
    public void Coverage_lists_per_document_the_cited_share_and_the_uncited_sentences()
    {
        using var corpus = Corpus();
        var result = ToolRun.InProcess("coverage", corpus.Root);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            new[]
            {
                $"{corpus["other.md"]}: 50.0% of 2 sentences cited (1); 1 uncited:",
                $"  {corpus["other.md"]}(1): That was all.",
                $"{corpus["report.txt"]}: 40.0% of 5 sentences cited (2); 3 uncited:",
                $"  {corpus["report.txt"]}(1): A Summit Headline",
                $"  {corpus["report.txt"]}(2): Nobody said \u201CWhy?\u201D",
                $"  {corpus["report.txt"]}(2): Later, a dinner.",
                $"{corpus["unused.txt"]}: 0.0% of 2 sentences cited (0); 2 uncited:",
                $"  {corpus["unused.txt"]}(1): Nothing cites this.",
                $"  {corpus["unused.txt"]}(1): Or this.",
            },
            result.Lines);
        Assert.Equal("33.3% of 9 sentences cited in 3 documents.\n", result.Error);
    }

    [Fact]
    public void Coverage_as_json_and_with_a_threshold()
    {
        using var corpus = Corpus();
        var result = ToolRun.InProcess("coverage", corpus.Root, "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var report = json.RootElement.EnumerateArray().Single(d => d.GetProperty("document").GetString() == "report.txt");
        Assert.Equal(5, report.GetProperty("sentences").GetInt32());
        Assert.Equal(2, report.GetProperty("cited").GetInt32());
        Assert.Equal(40.0m, report.GetProperty("percent").GetDecimal());
        Assert.Equal(new[] { 1, 2, 2 }, report.GetProperty("uncited").EnumerateArray().Select(s => s.GetProperty("line").GetInt32()));

        Assert.Equal(0, ToolRun.InProcess("coverage", corpus.Root, "--fail-under", "0").ExitCode);
        Assert.Equal(1, ToolRun.InProcess("coverage", corpus.Root, "--fail-under", "30").ExitCode);
        Assert.Equal(2, ToolRun.InProcess("coverage", corpus.Root, "--fail-under", "101").ExitCode);
    }

    [Fact]
    public void Coverage_of_the_seeds_counts_every_sentence_of_the_report()
    {
        var result = ToolRun.InProcess("coverage", ToolRun.Seeds);
        Assert.True(result.ExitCode == 0, result.ToString());
        var head = result.Lines[0];
        Assert.Matches(@"^.+000_6b0556799bcd713d\.txt: \d+\.\d% of \d+ sentences cited \(\d+\); \d+ uncited:$", head);
        Assert.Equal(int.Parse(head.Split("; ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), result.Lines.Count - 1);
    }
}
