using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PuppeteerSharp;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>
/// The report as a person sees it: rendered by Debian's chromium (headless, <c>/usr/bin/chromium</c>, which
/// <c>.ci/run</c> installs when it is missing; no browser is ever downloaded) through PuppeteerSharp, and
/// checked on the rendered page: the diagrams are SVG, every fact and every quote is there, quotes are
/// highlighted, the coverage figures are those <c>coverage</c> prints, every internal link resolves, the search box filters, nothing is logged as an error; the
/// hostile corpus's Mermaid text is parsed by the real mermaid. The seed report's screenshot is saved in
/// the test output (<c>report.png</c>, <c>report-document.png</c>) and, when <c>DOMAINMODEL_REPORT_SCREENSHOT</c> names a
/// folder, there too (how docs/images/ gets them).
/// </summary>
public sealed class BrowserReportTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Seed_report_renders_with_every_fact_quote_link_and_diagram()
    {
        using var output = new TempCorpus();
        var result = ToolRun.InProcess("report", ToolRun.Seeds, "--output", output["report"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var expectedFacts = ExpectedFacts(ToolRun.Seeds);

        await using var browser = await Launch(output["profile"]);
        await using var page = await browser.NewPageAsync();
        var errors = Collect(page);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        await Open(page, output["report/index.html"]);

        Assert.Equal("rendered", await page.EvaluateExpressionAsync<string>("document.body.getAttribute('data-diagrams')"));
        Assert.Equal(new[] { "diagram-schema", "diagram-timeline", "diagram-graph" }, await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('figure')).filter(f => f.querySelector('pre.mermaid > svg') && f.querySelector('svg').getBBox().width > 100).map(f => f.id)"));
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('figure svg[aria-roledescription=\"error\"], .error-icon').length"));

        // Every fact of the model, in order, each with its heading.
        Assert.Equal(expectedFacts, await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('[data-fact-id]')).map(f => f.getAttribute('data-kind') + ':' + f.getAttribute('data-fact-id'))"));
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('[data-fact-id]')).filter(f => !f.querySelector('h4') || f.offsetHeight === 0).length"));

        // Every quote highlighted: a mark lists it, and marks are painted.
        var quotes = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('li[data-quote-id]')).map(l => l.getAttribute('data-quote-id'))");
        Assert.Equal(ReportTests.DistinctQuotes(ToolRun.Seeds), quotes.Length);
        var unmarked = await page.EvaluateExpressionAsync<string[]>(
            "(() => { const marked = new Set(); document.querySelectorAll('mark[data-quote]').forEach(m => m.getAttribute('data-quote').split(' ').forEach(q => marked.add(q)));" +
            " return Array.from(document.querySelectorAll('li[data-quote-id]')).map(l => l.getAttribute('data-quote-id')).filter(q => !marked.has(q)); })()");
        Assert.Empty(unmarked);
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>(
            "Array.from(document.querySelectorAll('mark')).filter(m => getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)').length"));

        // Every internal link resolves to an element of the page.
        var links = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('a[href^=\"#\"]').length");
        Assert.True(links > 1000, links + " links");
        Assert.Empty(await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('a[href^=\"#\"]')).map(a => a.getAttribute('href')).filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))"));
        Assert.Empty(await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('a[href]:not([href^=\"#\"])')).map(a => a.href)"));

        // The coverage figures as painted: those 'coverage' prints, per document and in total.
        var coverage = ReportTests.CoverageFigures(ToolRun.Seeds);
        Assert.Equal(coverage.Rows, await page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('#coverage-documents tr[data-coverage]')).map(r => Array.from(r.cells).slice(0, 5).map(c => c.innerText.trim()).join('|'))"));
        Assert.Equal(coverage.Total, await page.EvaluateExpressionAsync<string>(
            "Array.from(document.querySelector('#coverage-documents tr[data-coverage-total]').cells).slice(0, 5).map(c => c.innerText.trim()).join('|')"));
        Assert.Equal(coverage.Summary, await page.EvaluateExpressionAsync<string>("document.getElementById('coverage-summary').innerText.trim()"));

        // The screenshots, before the search changes the page: the top (figures, diagrams) and a document with its quotes.
        await Screenshot(page, null, "report.png");
        await Screenshot(page, "documents", "report-document.png");

        // The search box filters the facts as one types, and shows them all again when cleared.
        await page.TypeAsync("#search", "hmeimim");
        var shown = await page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('[data-fact-id]')).filter(f => !f.hidden).map(f => f.getAttribute('data-fact-id'))");
        Assert.Contains("hmeimim-lease", shown);
        Assert.Contains("hmeimim", shown);
        Assert.InRange(shown.Length, 2, 30);
        Assert.True(await page.EvaluateExpressionAsync<bool>("Array.from(document.querySelectorAll('[data-fact-id]')).filter(f => !f.hidden).every(f => f.textContent.toLowerCase().includes('hmeimim'))"));
        Assert.Equal(shown.Length + " of " + expectedFacts.Length + " facts", await page.EvaluateExpressionAsync<string>("document.getElementById('search-count').textContent"));
        await page.EvaluateExpressionAsync("(() => { const s = document.getElementById('search'); s.value = ''; s.dispatchEvent(new Event('input')); })()");
        Assert.Equal(expectedFacts.Length, await page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('[data-fact-id]')).filter(f => !f.hidden).length"));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Hostile_names_never_break_the_diagrams()
    {
        using var corpus = DiagramTests.Hostile();
        var result = ToolRun.InProcess("report", corpus.Root, "--output", corpus["report"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var diagrams = new[]
        {
            ToolRun.InProcess("diagram", "schema", corpus.Root).Out,
            ToolRun.InProcess("diagram", "timeline", corpus.Root).Out,
            ToolRun.InProcess("diagram", "graph", corpus.Root).Out,
            ToolRun.InProcess("diagram", "graph", corpus.Root, "--kind", "End").Out,
            ToolRun.InProcess("diagram", "graph", corpus.Root, "--around", "end", "--depth", "2").Out,
        };

        await using var browser = await Launch(corpus["profile"]);
        await using var page = await browser.NewPageAsync();
        var errors = Collect(page);
        await Open(page, corpus["report/index.html"]);
        Assert.Equal("rendered", await page.EvaluateExpressionAsync<string>("document.body.getAttribute('data-diagrams')"));
        Assert.Equal(3, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('figure pre.mermaid > svg').length"));

        // The real mermaid parses each diagram (a syntax error rejects), and renders the names as written.
        foreach (var diagram in diagrams)
        {
            Assert.NotEmpty(diagram);
            var parsed = await page.EvaluateFunctionAsync<string>("text => mermaid.parse(text).then(r => r.diagramType, e => 'error: ' + e.message)", diagram);
            Assert.DoesNotContain("error", parsed, StringComparison.Ordinal);
        }

        var graph = await page.EvaluateFunctionAsync<string>(
            "async text => { const { svg } = await mermaid.render('hostile', text); const d = document.createElement('div'); d.innerHTML = svg; document.body.appendChild(d); const t = d.textContent; d.remove(); return t; }",
            diagrams[4]);
        Assert.Contains("Quote \" bracket ] [ ( ) { } ; # %% colon: pipe | <b>tag</b> & amp `tick`", graph, StringComparison.Ordinal);
        Assert.Contains("東京 – Zürich’s “event” %%{init: {}}%% <script>alert(1)</script>", graph, StringComparison.Ordinal);
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.scripts.length"));
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("Array.from(document.querySelectorAll('b')).filter(b => b.textContent === 'tag').length"));

        Assert.Empty(errors);
    }

    private static string[] ExpectedFacts(string corpus) => ReportTests.View(corpus).Facts.Select(f => f.Kind.Name + ":" + f.Id).ToArray();

    /// <summary>Saves the viewport (scrolled to the element <paramref name="anchor"/>) in the test output and, with DOMAINMODEL_REPORT_SCREENSHOT, in that folder.</summary>
    private static async Task Screenshot(IPage page, string? anchor, string name)
    {
        await page.EvaluateFunctionAsync("id => id ? document.getElementById(id).scrollIntoView() : window.scrollTo(0, 0)", anchor ?? string.Empty);
        var shot = Path.Combine(AppContext.BaseDirectory, name);
        await page.ScreenshotAsync(shot, new ScreenshotOptions { Type = ScreenshotType.Png });
        if (Environment.GetEnvironmentVariable("DOMAINMODEL_REPORT_SCREENSHOT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.Copy(shot, Path.Combine(folder, name), overwrite: true);
        }
    }

    private static async Task<IBrowser> Launch(string profile)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does it when it is missing).");
        Directory.CreateDirectory(profile);
        return await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            UserDataDir = profile,
            Timeout = (int)s_timeout.TotalMilliseconds,
            ProtocolTimeout = (int)s_timeout.TotalMilliseconds,
            Args = new[]
            {
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            },
        });
    }

    private static List<string> Collect(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                lock (errors)
                {
                    errors.Add("console: " + e.Message.Text);
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (errors)
            {
                errors.Add("page: " + e.Message);
            }
        };
        page.RequestFailed += (_, e) =>
        {
            lock (errors)
            {
                errors.Add("request failed: " + e.Request.Url);
            }
        };
        return errors;
    }

    private static async Task Open(IPage page, string path)
    {
        page.DefaultTimeout = (int)s_timeout.TotalMilliseconds;
        await page.GoToAsync(new Uri(path).AbsoluteUri, WaitUntilNavigation.Load);
        await page.WaitForSelectorAsync("body[data-diagrams]");
    }
}
