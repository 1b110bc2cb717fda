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
