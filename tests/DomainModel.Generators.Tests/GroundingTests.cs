using System;
using System.Linq;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>Evidence is checked at build time: a quote the document does not contain is an error at its YAML position.</summary>
public class GroundingTests
{
    private const string Original = "the Hmeimim base, which Al-Sharaa pledged to lease long-term for $100 million annually";

    [Fact]
    public void Changing_one_word_of_a_seed_quote_reports_DM0021_at_the_quote()
    {
        var files = GeneratorHarness.SeedFiles().ToList();
        var index = files.FindIndex(f => f.Path.EndsWith("/agreements.facts.yaml", StringComparison.Ordinal));
        Assert.True(index >= 0, "seeds/facts/agreements.facts.yaml");
        var text = files[index].Text;
        Assert.Contains(Original, text);
        var mutated = text.Replace(Original, Original.Replace("lease", "rent", StringComparison.Ordinal), StringComparison.Ordinal);
        files[index] = (files[index].Path, mutated);

        // Expected position: the line holding the quote, at its opening quote character (one-based).
        var lines = mutated.Replace("\r\n", "\n").Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("pledged to rent long-term", StringComparison.Ordinal));
        var column = lines[line].IndexOf('\'') + 1;

        var run = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DM0021", diagnostic.Id);
        Assert.Equal($"agreements.facts.yaml({line + 1},{column}): DM0021", GeneratorRun.Format(diagnostic));
        Assert.Contains("then differs at 'rent'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.CompileErrors); // the rest of the model still generates
    }

    [Fact]
    public void Quotes_match_across_line_breaks_and_repeated_spaces()
    {
        var run = GeneratorHarness.Run(new[]
        {
            ("/m/a.schema.yaml", "kinds:\n  Note:\n    description: A note.\n    fields:\n      text: { type: string, description: Text. }\n"),
            ("/m/a.facts.yaml", "kind: Note\ndocument: doc.txt\nfacts:\n  - id: one\n    evidence: [\"quick   brown\\nfox\"]\n  - id: two\n    evidence: [\"quick brown cat\"]\n"),
            ("/m/doc.txt", "The quick\r\n  brown fox jumps."),
        });

        Assert.Equal(new[] { "a.facts.yaml(7,16): DM0021" }, run.DiagnosticLines);
    }
}
