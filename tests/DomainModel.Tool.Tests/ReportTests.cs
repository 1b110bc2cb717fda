using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary><c>domainmodel report DIR --output FOLDER</c>: the files written and the page's HTML (the browser test renders it).</summary>
public sealed class ReportTests
{
    [Fact]
    public void Seed_report_has_every_fact_every_quote_and_the_vendored_mermaid()
    {
        using var output = new TempCorpus();
        var folder = output["report"];
        var result = ToolRun.InProcess("report", ToolRun.Seeds, "--output", folder);
        Assert.True(result.ExitCode == 0, result.ToString());
        var view = View(ToolRun.Seeds);
        Assert.True(view.Facts.Count > 200, view.Facts.Count + " facts");
        Assert.Equal($"Report written to {Path.Combine(folder, "index.html")} ({view.Facts.Count} facts).\n", result.Error);
        Assert.Equal(new[] { "index.html", "mermaid.LICENSE", "mermaid.min.js" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(ToolRun.RepoRoot, "src/DomainModel.Tool/Report/vendor/mermaid.min.js")), File.ReadAllBytes(Path.Combine(folder, "mermaid.min.js")));

        var html = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.Equal(view.Facts.Count, Regex.Matches(html, "<article class=\"fact\" id=\"fact-[A-Za-z]+-[^\"]+\" data-fact-id=\"").Count);
        Assert.Contains("data-fact-id=\"moscow-summit-2025\" data-kind=\"Event\"", html, StringComparison.Ordinal);

        // Every quote is listed once and highlighted; every evidence item links to its quote.
        var quotes = Regex.Matches(html, "<li id=\"(q\\d+)\" data-quote-id=\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(DistinctQuotes(ToolRun.Seeds), quotes.Count);
        Assert.True(quotes.Count > 150, quotes.Count + " quotes");
        var marked = Regex.Matches(html, "<mark data-quote=\"([^\"]+)\"").SelectMany(m => m.Groups[1].Value.Split(' ')).ToHashSet();
        Assert.All(quotes, q => Assert.Contains(q, marked));
        Assert.DoesNotContain("not found in the document", html, StringComparison.Ordinal);

        // No script or style from anywhere but the folder.
        Assert.Equal(new[] { "mermaid.min.js" }, Regex.Matches(html, "<script src=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);

        // A typed field: a quantity's qualifier in words, a reference as a link.
        Assert.Contains("<dd data-field=\"duration\">more than 3 hours</dd>", html, StringComparison.Ordinal);

        // How a value is reported: a date's basis, the source's examples, a qualifier the author gave.
        Assert.Contains("<dd data-field=\"date\">2025-10-15 <small class=\"as-reported\">(resolved)</small></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"ref\" href=\"#fact-Organization-rosneft\" title=\"Organization rosneft\">Rosneft</a> <small class=\"as-reported\">(the source&#39;s examples)</small></dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-field=\"displaced\">rounded 13000000 people</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"ref\" href=\"#fact-Place-kremlin-grand-palace\"", html, StringComparison.Ordinal);
        Assert.Matches("<pre class=\"mermaid\">erDiagram\n    Agreement \\{", html);
    }

    [Fact]
    public void Report_escapes_hostile_text_and_is_byte_identical_across_runs()
    {
        using var corpus = DiagramTests.Hostile();
        var first = ToolRun.InProcess("report", corpus.Root, "-o", corpus["out1"]);
        var second = ToolRun.InProcess("report", corpus.Root, "-o", corpus["out2"]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var html = File.ReadAllText(corpus["out1/index.html"]);
        Assert.Equal(File.ReadAllBytes(corpus["out1/index.html"]), File.ReadAllBytes(corpus["out2/index.html"]));

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>tag", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Quote &quot; bracket ] [ ( ) { } ; # %% colon: pipe | &lt;b&gt;tag&lt;/b&gt; &amp; amp `tick`", html, StringComparison.Ordinal);
        Assert.Contains("the &lt;end&gt;.", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(html, "data-fact-id=\"").Count);

        // Overlapping and repeated quotes: each quote id is on a mark, the text is there once.
        Assert.Equal(new[] { "q1", "q2", "q3" }, Regex.Matches(html, "<li id=\"(q\\d+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<mark data-quote=\"q2\" id=\"mark-q2\"><a href=\"#q2\">東京 and Zürich</a></mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_report_shows_the_coverage_figures_coverage_prints()
    {
        using var output = new TempCorpus();
        var expected = CoverageFigures(ToolRun.Seeds);
        Assert.Matches(@"^000_6b0556799bcd713d\.txt\|\d+\|\d+\|\d+\.\d%\|\d+$", Assert.Single(expected.Rows));
        Assert.Equal(expected, ReportFigures(Report(output["report"], ToolRun.Seeds)));
    }

    [Fact]
    public void Report_shows_the_coverage_figures_coverage_prints_for_every_document_and_in_total()
    {
        using var corpus = CoverageTests.Corpus();
        var expected = CoverageFigures(corpus.Root);
        Assert.Equal(new[] { "other.md|2|1|50.0%|1", "report.txt|5|2|40.0%|3", "unused.txt|2|0|0.0%|2" }, expected.Rows);
        Assert.Equal("All|9|3|33.3%|6", expected.Total);
        Assert.Equal("33.3% of 9 sentences cited in 3 documents.", expected.Summary);
        var html = Report(corpus["report"], corpus.Root);
        Assert.Equal(expected, ReportFigures(html));

        // The uncited sentences are listed under their document, with their line.
        Assert.Contains("<details class=\"uncited\">\n<summary>3 sentences no fact cites</summary>\n<ol>\n<li data-line=\"1\">A Summit Headline</li>\n<li data-line=\"2\">Nobody said \u201CWhy?\u201D</li>\n<li data-line=\"2\">Later, a dinner.</li>\n</ol>\n</details>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_wrapped_counts_sentences_as_coverage_wrapped_does()
    {
        using var corpus = new TempCorpus(
            ("s.schema.yaml", "kinds:\n  Thing:\n    description: x\n"),
            ("a.facts.yaml", "kind: Thing\ndocument: wrapped.txt\nfacts:\n  - id: one\n    evidence: ['on here.']\n"),
            ("wrapped.txt", "The first sentence goes\non here. A second one\nends here.\n\nA new paragraph.\n"));
        var lines = CoverageFigures(corpus.Root);
        var wrapped = CoverageFigures(corpus.Root, "--wrapped");
        Assert.Equal(new[] { "wrapped.txt|5|1|20.0%|4" }, lines.Rows);
        Assert.Equal(new[] { "wrapped.txt|3|1|33.3%|2" }, wrapped.Rows);
        Assert.Equal(lines, ReportFigures(Report(corpus["lines"], corpus.Root)));
        Assert.Equal(wrapped, ReportFigures(Report(corpus["wrapped"], corpus.Root, "--wrapped")));
    }

    /// <summary>Writes the report of the corpus into <paramref name="folder"/> and returns its page.</summary>
    private static string Report(string folder, string corpus, params string[] options)
    {
        var result = ToolRun.InProcess(["report", corpus, "--output", folder, .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllText(Path.Combine(folder, "index.html"));
    }

    /// <summary>
    /// The figures <c>coverage</c> prints: per document "name|sentences|cited|share|uncited" (standard output),
    /// the total of those columns ("All|…") and the total line (standard error).
    /// </summary>
    internal static CoverageRows CoverageFigures(string corpus, params string[] options)
    {
        var result = ToolRun.InProcess(["coverage", corpus, .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = result.Lines.Where(l => !l.StartsWith("  ", StringComparison.Ordinal)).Select(line =>
        {
            var m = Regex.Match(line, @"^(?<path>.+): (?<share>\d+\.\d%) of (?<sentences>\d+) sentences cited \((?<cited>\d+)\); (?<uncited>\d+) uncited:$");
            Assert.True(m.Success, line);
            return $"{Path.GetFileName(m.Groups["path"].Value)}|{m.Groups["sentences"].Value}|{m.Groups["cited"].Value}|{m.Groups["share"].Value}|{m.Groups["uncited"].Value}";
        }).ToArray();
        var summary = result.Error.TrimEnd('\n');
        var total = Regex.Match(summary, @"^(?<share>\d+\.\d%) of (?<sentences>\d+) sentences cited in \d+ documents?\.$");
        Assert.True(total.Success, summary);
        var cited = rows.Sum(r => int.Parse(r.Split('|')[2], System.Globalization.CultureInfo.InvariantCulture));
        var sentences = int.Parse(total.Groups["sentences"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new CoverageRows(rows, $"All|{sentences}|{cited}|{total.Groups["share"].Value}|{sentences - cited}", summary);
    }

    /// <summary>The report's coverage table as the same rows, its total row and its total line.</summary>
    internal static CoverageRows ReportFigures(string html)
    {
        var rows = Regex.Matches(html, "<tr data-coverage=\"[^\"]*\"><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>\\d+</td></tr>")
            .Select(m => string.Join("|", m.Groups.Values.Skip(1).Select(g => g.Value))).ToArray();
        var total = Regex.Match(html, "<tr data-coverage-total><th>(All)</th><th>([^<]*)</th><th>([^<]*)</th><th>([^<]*)</th><th>([^<]*)</th><th>\\d+</th></tr>");
        var summary = Regex.Match(html, "<p id=\"coverage-summary\">([^<]*)</p>");
        Assert.True(total.Success && summary.Success, "no coverage total in the report");
        return new CoverageRows(rows, string.Join("|", total.Groups.Values.Skip(1).Select(g => g.Value)), summary.Groups[1].Value);
    }

    /// <summary>Coverage figures as text: a row per document, the total row, the total line.</summary>
    internal sealed record CoverageRows(string[] Rows, string Total, string Summary)
    {
        public bool Equals(CoverageRows? other) => other is not null && Rows.SequenceEqual(other.Rows) && Total == other.Total && Summary == other.Summary;

        public override int GetHashCode() => HashCode.Combine(Rows.Length, Total, Summary);

        public override string ToString() => string.Join("\n", Rows) + "\n" + Total + "\n" + Summary;
    }

    /// <summary>The validated model of a corpus, as the tool reads it.</summary>
    internal static Report.CorpusView View(string corpus) =>
        new(Generators.Pipeline.CorpusPipeline.Run(Corpus.Load(new[] { corpus }).Files));

    /// <summary>The distinct (document, quote) pairs the corpus's facts cite.</summary>
    internal static int DistinctQuotes(string corpus) =>
        View(corpus).Facts.SelectMany(f => f.Fact.Evidence).Select(e => (e.Document, Generators.Text.Whitespace.Normalize(e.Quote))).Distinct().Count();

    [Fact]
    public void Report_needs_an_output_folder()
    {
        var result = ToolRun.InProcess("report", ToolRun.Seeds);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output", result.Error, StringComparison.Ordinal);
    }
}
