using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using DomainModel.Generators.Model;
using DomainModel.Generators.Validation;
using DomainModel.Tool.Commands;

namespace DomainModel.Tool.Report;

/// <summary>
/// The browsable report of a corpus: one static HTML page (<c>index.html</c>) beside the vendored mermaid
/// script (<c>mermaid.min.js</c>, embedded in the tool), which work offline and load nothing from a network.
/// The page holds the coverage figures (<c>coverage</c>'s), the three diagrams (<see cref="Mermaid"/>), each source document with
/// every evidence quote highlighted (<c>mark[data-quote]</c>, linked to the facts citing it), one section per
/// fact (<c>[data-fact-id]</c>: typed fields, references as links, evidence, note) and a search box. Every
/// text from the corpus is HTML-escaped; the same corpus gives the same bytes.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The vendored mermaid script's resource name (src/DomainModel.Tool/Report/vendor/mermaid.min.js).</summary>
    public const string MermaidResource = "DomainModel.Tool.Report.mermaid.min.js";

    /// <summary>The vendored mermaid's licence's resource name.</summary>
    public const string MermaidLicenseResource = "DomainModel.Tool.Report.mermaid.LICENSE";

    /// <summary>Writes <c>index.html</c>, <c>mermaid.min.js</c> and <c>mermaid.LICENSE</c> into <paramref name="folder"/> (created if needed).</summary>
    public static void Write(CorpusView view, IReadOnlyList<DocumentCoverage> coverage, string folder)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(folder, "index.html"), Render(view, coverage), utf8);
        Copy(MermaidResource, Path.Combine(folder, "mermaid.min.js"));
        Copy(MermaidLicenseResource, Path.Combine(folder, "mermaid.LICENSE"));
    }

    private static void Copy(string resource, string path)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The tool has no resource " + resource + ".");
        using var file = File.Create(path);
        stream.CopyTo(file);
    }

    /// <summary>The page's HTML, with the corpus's coverage as <see cref="CoverageCommand.Measure"/> gives it.</summary>
    public static string Render(CorpusView view, IReadOnlyList<DocumentCoverage> coverage)
    {
        var quotes = Quotes(view);
        var html = new StringBuilder(1 << 16);
        var title = "DomainModel report: " + string.Join(", ", view.Result.Documents.Select(d => d.Name));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(Html(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>").Append(Html(title)).Append("</h1>\n<label>Search facts <input id=\"search\" type=\"search\" placeholder=\"name, id, field value, quote\" autocomplete=\"off\"></label> <span id=\"search-count\" aria-live=\"polite\"></span>\n</header>\n");
        html.Append("<nav>\n<a href=\"#coverage\">Coverage</a> <a href=\"#diagrams\">Diagrams</a> <a href=\"#documents\">Documents</a> <a href=\"#facts\">Facts</a>:");
        foreach (var kind in view.Kinds)
        {
            html.Append(" <a href=\"#").Append(Attr(KindAnchor(kind.Name))).Append("\">").Append(Html(kind.Plural)).Append("</a>");
        }

        html.Append("\n</nav>\n<main>\n");
        Coverage(view, coverage, quotes, html);
        Diagrams(view, html);
        Documents(view, coverage, quotes, html);
        Facts(view, quotes, html);
        html.Append("</main>\n<script src=\"mermaid.min.js\"></script>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The anchor of a fact's section.</summary>
    public static string FactAnchor(string kind, string id) => "fact-" + kind + "-" + id;

    private static string KindAnchor(string kind) => "kind-" + kind;

    /// <summary>
    /// The coverage figures, <see cref="CoverageCommand"/>'s own (per document: sentences, cited sentences,
    /// their share as <c>coverage</c> prints it, uncited sentences; the total line <c>coverage</c> prints
    /// on standard error), the distinct quotes per document, and per kind its facts, evidence items and notes.
    /// </summary>
    private static void Coverage(CorpusView view, IReadOnlyList<DocumentCoverage> coverage, QuoteTable quotes, StringBuilder html)
    {
        html.Append("<section id=\"coverage\">\n<h2>Coverage</h2>\n<p>A sentence is cited when an evidence quote overlaps it (as <code>domainmodel coverage</code> counts).</p>\n")
            .Append("<table class=\"figures\" id=\"coverage-documents\">\n<thead><tr><th>Document</th><th>Sentences</th><th>Cited</th><th>Share</th><th>Uncited</th><th>Quotes</th></tr></thead>\n<tbody>\n");
        foreach (var document in coverage)
        {
            html.Append("<tr data-coverage=\"").Append(Attr(document.Name)).Append("\"><td>").Append(Html(document.Name)).Append("</td><td>").Append(I(document.Sentences))
                .Append("</td><td>").Append(I(document.Cited)).Append("</td><td>").Append(CoverageCommand.Percent(document.Percent))
                .Append("</td><td>").Append(I(document.Uncited.Count)).Append("</td><td>").Append(I(quotes.Of(document.Name).Count)).Append("</td></tr>\n");
        }

        var total = CoverageTotal.Of(coverage);
        html.Append("<tr data-coverage-total><th>All</th><th>").Append(I(total.Sentences)).Append("</th><th>").Append(I(total.Cited)).Append("</th><th>")
            .Append(CoverageCommand.Percent(total.Percent)).Append("</th><th>").Append(I(total.Sentences - total.Cited)).Append("</th><th>")
            .Append(I(quotes.Count)).Append("</th></tr>\n</tbody>\n</table>\n<p id=\"coverage-summary\">").Append(Html(CoverageCommand.Summary(coverage))).Append("</p>\n");

        html.Append("<table class=\"figures\">\n<thead><tr><th>Kind</th><th>Facts</th><th>Evidence items</th><th>With a note</th></tr></thead>\n<tbody>\n");
        foreach (var kind in view.Kinds)
        {
            var facts = view.FactsOf(kind.Name).ToList();
            html.Append("<tr><td><a href=\"#").Append(Attr(KindAnchor(kind.Name))).Append("\">").Append(Html(kind.Plural)).Append("</a></td><td>").Append(N(facts.Count))
                .Append("</td><td>").Append(N(facts.Sum(f => f.Fact.Evidence.Count))).Append("</td><td>").Append(N(facts.Count(f => f.Fact.Note is not null))).Append("</td></tr>\n");
        }

        html.Append("<tr><th>All</th><th>").Append(N(view.Facts.Count)).Append("</th><th>").Append(N(view.Facts.Sum(f => f.Fact.Evidence.Count)))
            .Append("</th><th>").Append(N(view.Facts.Count(f => f.Fact.Note is not null))).Append("</th></tr>\n</tbody>\n</table>\n</section>\n");
    }

    private static void Diagrams(CorpusView view, StringBuilder html)
    {
        html.Append("<section id=\"diagrams\">\n<h2>Diagrams</h2>\n");
        foreach (var (id, heading, text) in new[]
        {
            ("diagram-schema", "Schema", Mermaid.Schema(view)),
            ("diagram-timeline", "Timeline", Mermaid.Timeline(view)),
            ("diagram-graph", "Kinds and references", Mermaid.Graph(view)),
        })
        {
            html.Append("<figure id=\"").Append(id).Append("\">\n<figcaption>").Append(heading).Append("</figcaption>\n<pre class=\"mermaid\">")
                .Append(Html(text)).Append("</pre>\n</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void Documents(CorpusView view, IReadOnlyList<DocumentCoverage> coverage, QuoteTable quotes, StringBuilder html)
    {
        html.Append("<section id=\"documents\">\n<h2>Documents</h2>\n");
        var uncited = coverage.GroupBy(c => c.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Uncited, StringComparer.Ordinal);
        var number = 0;
        foreach (var document in view.Result.Documents)
        {
            number++;
            var list = quotes.Of(document.Name);
            html.Append("<article class=\"document\" id=\"document-").Append(N(number)).Append("\" data-document=\"").Append(Attr(document.Name)).Append("\">\n<h3>")
                .Append(Html(document.Name)).Append("</h3>\n<p class=\"document-text\">");
            Highlight(document, list.Where(q => q.Start >= 0).ToList(), html);
            html.Append("</p>\n<h4>Quotes</h4>\n<ol class=\"quotes\">\n");
            foreach (var quote in list)
            {
                html.Append("<li id=\"").Append(quote.Id).Append("\" data-quote-id=\"").Append(quote.Id).Append("\">");
                if (quote.Start >= 0)
                {
                    html.Append("<a href=\"#mark-").Append(quote.Id).Append("\">");
                }

                html.Append("“").Append(Html(quote.Text)).Append("”");
                html.Append(quote.Start >= 0 ? "</a>" : " (not found in the document)").Append(", cited by");
                foreach (var fact in quote.Facts)
                {
                    html.Append(' ').Append(FactLink(fact));
                }

                html.Append("</li>\n");
            }

            html.Append("</ol>\n");
            if (uncited.TryGetValue(document.Path, out var sentences) && sentences.Count > 0)
            {
                html.Append("<details class=\"uncited\">\n<summary>").Append(N(sentences.Count)).Append(sentences.Count == 1 ? " sentence" : " sentences")
                    .Append(" no fact cites</summary>\n<ol>\n");
                foreach (var sentence in sentences)
                {
                    html.Append("<li data-line=\"").Append(I(sentence.Line)).Append("\">").Append(Html(sentence.Text)).Append("</li>\n");
                }

                html.Append("</ol>\n</details>\n");
            }

            html.Append("</article>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>
    /// The document's (whitespace-normalized) text, each stretch covered by quotes in a <c>mark</c> whose
    /// <c>data-quote</c> lists them (ids separated by spaces); the stretch where a quote starts carries <c>id="mark-qN"</c>.
    /// </summary>
    private static void Highlight(DocumentText document, IReadOnlyList<QuoteEntry> quotes, StringBuilder html)
    {
        var text = document.Normalized;
        var bounds = new SortedSet<int> { 0, text.Length };
        foreach (var quote in quotes)
        {
            bounds.Add(quote.Start);
            bounds.Add(quote.End);
        }

        var points = bounds.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (start, end) = (points[i], points[i + 1]);
            var segment = text.Substring(start, end - start);
            var covering = quotes.Where(q => q.Start <= start && q.End >= end).ToList();
            if (covering.Count == 0)
            {
                html.Append(Html(segment));
                continue;
            }

            // A quote's first stretch is where it starts: the mark carries the id of the first quote starting
            // there; any other quote starting at the same place gets an empty span with its id just before.
            var starting = covering.Where(q => q.Start == start).ToList();
            foreach (var other in starting.Skip(1))
            {
                html.Append("<span id=\"mark-").Append(other.Id).Append("\"></span>");
            }

            html.Append("<mark data-quote=\"").Append(string.Join(" ", covering.Select(q => q.Id))).Append('"');
            if (starting.Count > 0)
            {
                html.Append(" id=\"mark-").Append(starting[0].Id).Append('"');
            }

            html.Append("><a href=\"#").Append(covering[0].Id).Append("\">").Append(Html(segment)).Append("</a></mark>");
        }
    }

    private static void Facts(CorpusView view, QuoteTable quotes, StringBuilder html)
    {
        html.Append("<section id=\"facts\">\n<h2>Facts</h2>\n");
        foreach (var kind in view.Kinds)
        {
            html.Append("<section class=\"kind\" id=\"").Append(Attr(KindAnchor(kind.Name))).Append("\">\n<h3>").Append(Html(kind.Plural)).Append("</h3>\n");
            if (kind.Description.Length > 0)
            {
                html.Append("<p class=\"description\">").Append(Html(kind.Description)).Append("</p>\n");
            }

            foreach (var fact in view.FactsOf(kind.Name))
            {
                Fact(view, quotes, fact, html);
            }

            html.Append("</section>\n");
        }

        html.Append("</section>\n");
    }

    private static void Fact(CorpusView view, QuoteTable quotes, FactView fact, StringBuilder html)
    {
        html.Append("<article class=\"fact\" id=\"").Append(Attr(FactAnchor(fact.Kind.Name, fact.Id))).Append("\" data-fact-id=\"").Append(Attr(fact.Id))
            .Append("\" data-kind=\"").Append(Attr(fact.Kind.Name)).Append("\">\n<h4>").Append(Html(fact.Label)).Append(" <code>").Append(Html(fact.Kind.Name + " " + fact.Id)).Append("</code></h4>\n<dl>\n");
        for (var f = 0; f < fact.Kind.Fields.Count && f < fact.Fact.Values.Count; f++)
        {
            var field = fact.Kind.Fields[f];
            var value = fact.Fact.Values[f];
            if (value.IsNull || (value.IsList && value.Count == 0))
            {
                continue;
            }

            html.Append("<dt title=\"").Append(Attr(field.Type.ToString())).Append("\">").Append(Html(field.Name)).Append("</dt><dd data-field=\"").Append(Attr(field.Name)).Append("\">");
            var items = view.Items(field, value);
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    html.Append(", ");
                }

                if (field.Type.Type == ScalarType.Reference && view.Find(field.Type.Target!, items[i]) is { } target)
                {
                    html.Append(FactLink(target));
                }
                else
                {
                    html.Append(Html(Display(field.Type.Type, items[i])));
                }
            }

            // How the value is reported: a date's basis, a list that is the source's examples.
            if (value.Basis != 0)
            {
                html.Append(" <small class=\"as-reported\">(").Append(DomainModel.Internal.RowFormat.DateBases[value.Basis]).Append(")</small>");
            }

            if (value.IsExamples)
            {
                html.Append(" <small class=\"as-reported\">(the source&#39;s examples)</small>");
            }

            html.Append("</dd>\n");
        }

        html.Append("</dl>\n<h5>Evidence</h5>\n<ul class=\"evidence\">\n");
        foreach (var item in fact.Fact.Evidence)
        {
            var quote = quotes.Find(item.Document, item.Quote);
            html.Append("<li>");
            html.Append(quote is null ? "<span>" : "<a href=\"#" + quote.Id + "\">");
            html.Append("“").Append(Html(item.Quote)).Append("”").Append(quote is null ? "</span>" : "</a>");
            html.Append(" (").Append(Html(item.Document)).Append(item.Contradicts ? ", contradicts" : string.Empty).Append(")</li>\n");
        }

        html.Append("</ul>\n");
        if (fact.Fact.Note is { } note)
        {
            html.Append("<p class=\"note\"><b>Note:</b> ").Append(Html(note)).Append("</p>\n");
        }

        html.Append("</article>\n");
    }

    /// <summary>A value's text as a reader wants it: a quantity's qualifier in words, a percent with its sign, a decade as 1990s.</summary>
    public static string Display(ScalarType type, string text)
    {
        switch (type)
        {
            case ScalarType.Date:
                return new DateValue(text.TrimEnd('\n')).Display;
            case ScalarType.Percent:
                return text + " %";
            case ScalarType.Quantity:
                var parts = text.Split(' ', 3);
                if (parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q < ValueConverter.Qualifiers.Length)
                {
                    return (q == DomainModel.Internal.RowFormat.UnspecifiedQualifier ? string.Empty : ValueConverter.Qualifiers[q].Replace('-', ' ') + " ") + parts[0] + " " + parts[2];
                }

                return text;
            default:
                return text;
        }
    }

    private static string FactLink(FactView fact) =>
        "<a class=\"ref\" href=\"#" + Attr(Uri.EscapeDataString(FactAnchor(fact.Kind.Name, fact.Id))) + "\" title=\"" + Attr(fact.Kind.Name + " " + fact.Id) + "\">" + Html(fact.Label) + "</a>";

    /// <summary>Text for HTML content: <c>&amp; &lt; &gt;</c> escaped (and quotes, so it is safe in attributes too).</summary>
    public static string Html(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static string Attr(string text) => Html(text);

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A number as <c>coverage</c> prints it (invariant, no grouping).</summary>
    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every distinct (document, quote) cited, numbered q1, q2, … by document, then position, then text.</summary>
    private static QuoteTable Quotes(CorpusView view)
    {
        var documents = view.Result.Documents.GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byKey = new Dictionary<(string, string), (string Text, int Start, List<FactView> Facts)>();
        foreach (var fact in view.Facts)
        {
            foreach (var item in fact.Fact.Evidence)
            {
                var normalized = DomainModel.Generators.Text.Whitespace.Normalize(item.Quote);
                var key = (item.Document, normalized);
                if (!byKey.TryGetValue(key, out var entry))
                {
                    var start = documents.TryGetValue(item.Document, out var document) && normalized.Length > 0 ? document.Normalized.IndexOf(normalized, StringComparison.Ordinal) : -1;
                    entry = (normalized, start, new List<FactView>());
                    byKey[key] = entry;
                }

                if (!entry.Facts.Contains(fact))
                {
                    entry.Facts.Add(fact);
                }
            }
        }

        var ordered = byKey
            .OrderBy(e => e.Key.Item1, StringComparer.Ordinal)
            .ThenBy(e => e.Value.Start < 0 ? int.MaxValue : e.Value.Start)
            .ThenBy(e => e.Key.Item2, StringComparer.Ordinal)
            .Select((e, i) => new QuoteEntry("q" + (i + 1).ToString(CultureInfo.InvariantCulture), e.Key.Item1, e.Value.Text, e.Value.Start, e.Value.Start < 0 ? -1 : e.Value.Start + e.Value.Text.Length, e.Value.Facts))
            .ToList();
        return new QuoteTable(ordered);
    }

    private sealed record QuoteEntry(string Id, string Document, string Text, int Start, int End, IReadOnlyList<FactView> Facts);

    private sealed class QuoteTable(IReadOnlyList<QuoteEntry> all)
    {
        private readonly Dictionary<(string, string), QuoteEntry> _byKey = all.ToDictionary(q => (q.Document, q.Text));

        public int Count => all.Count;

        public IReadOnlyList<QuoteEntry> Of(string document) => all.Where(q => q.Document == document).ToList();

        public QuoteEntry? Find(string document, string quote) => _byKey.TryGetValue((document, DomainModel.Generators.Text.Whitespace.Normalize(quote)), out var q) ? q : null;
    }

    private const string Style = """
        body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fafafa; }
        header { position: sticky; top: 0; background: #20324a; color: #fff; padding: .6em 1.2em; z-index: 2; }
        header h1 { font-size: 1.15em; margin: 0 0 .3em; }
        header input { font: inherit; padding: .2em .5em; width: 22em; }
        nav { padding: .5em 1.2em; background: #e8edf3; position: sticky; top: 4.6em; z-index: 1; }
        nav a { margin-right: .4em; }
        main { padding: 0 1.2em 3em; }
        h2 { border-bottom: 2px solid #20324a; margin-top: 1.6em; }
        table.figures { border-collapse: collapse; margin: .6em 0 1em; }
        table.figures td, table.figures th { border: 1px solid #c8d0da; padding: .2em .6em; text-align: right; }
        table.figures td:first-child, table.figures th:first-child { text-align: left; }
        figure { margin: 1em 0; overflow-x: auto; background: #fff; border: 1px solid #d8dee6; padding: .5em; }
        figcaption { font-weight: bold; }
        pre.mermaid { margin: 0; }
        .document-text { background: #fff; border: 1px solid #d8dee6; padding: 1em; max-width: 60em; }
        mark { background: #ffe58a; }
        mark a { color: inherit; text-decoration: none; }
        mark:target, li:target, article:target { outline: 3px solid #e07a00; }
        article.fact { background: #fff; border: 1px solid #d8dee6; border-radius: 4px; padding: .4em 1em; margin: .6em 0; max-width: 60em; }
        article.fact h4 { margin: .2em 0; }
        article.fact code { color: #5a6675; font-weight: normal; font-size: .85em; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .4em 0; }
        dt { color: #5a6675; }
        dd { margin: 0; }
        .note { color: #3c4a5c; font-size: .95em; }
        .as-reported { color: #5b6b7f; }
        [hidden] { display: none !important; }
        [id] { scroll-margin-top: 8em; }

        """;

    private const string Script = """
        (function () {
          'use strict';
          var facts = Array.prototype.slice.call(document.querySelectorAll('[data-fact-id]'));
          var input = document.getElementById('search');
          var count = document.getElementById('search-count');
          function filter() {
            var query = input.value.trim().toLowerCase();
            var shown = 0;
            facts.forEach(function (fact) {
              var hit = query === '' || fact.textContent.toLowerCase().indexOf(query) >= 0;
              fact.hidden = !hit;
              if (hit) { shown++; }
            });
            count.textContent = query === '' ? '' : shown + ' of ' + facts.length + ' facts';
          }
          input.addEventListener('input', filter);
          if (typeof mermaid === 'undefined') {
            document.body.setAttribute('data-diagrams', 'missing');
            return;
          }
          mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 1000000, maxEdges: 100000 });
          mermaid.run({ querySelector: 'pre.mermaid' }).then(function () {
            document.body.setAttribute('data-diagrams', 'rendered');
          }, function (error) {
            document.body.setAttribute('data-diagrams', 'failed');
            console.error('mermaid: ' + (error && error.message ? error.message : error));
          });
        }());

        """;
}
