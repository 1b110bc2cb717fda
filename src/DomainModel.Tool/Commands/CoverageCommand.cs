using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using DomainModel.Generators.Model;
using DomainModel.Generators.Pipeline;
using DomainModel.Generators.Validation;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel coverage DIR...</c>: per source document, the share of its sentences (see
/// <see cref="Sentences"/>) that at least one accepted fact's evidence quotes (a quote overlapping a
/// sentence cites it), and the sentences none cites: the places to look for missing facts.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(ToolConsole console)
    {
        var paths = ToolApp.PathsArgument("Corpus folders (or files), as for check.");
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (the default): a line per document and its uncited sentences; json: the same as one JSON array.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var wrapped = new Option<bool>("--wrapped")
        {
            Description = "The documents are hard-wrapped: only a blank line ends a paragraph (by default every line break ends a sentence).",
        };
        var failUnder = new Option<double?>("--fail-under")
        {
            Description = "Exit 1 when a document's coverage is below this percentage (0-100).",
            HelpName = "PERCENT",
        };
        failUnder.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } value && (value < 0 || value > 100 || double.IsNaN(value)))
            {
                result.AddError("--fail-under takes a percentage from 0 to 100.");
            }
        });
        var properties = ToolApp.PropertyOption();
        var command = new Command("coverage", "Reports, per source document, the share of its sentences that facts cite, and the sentences no fact cites.")
        {
            paths,
            format,
            wrapped,
            failUnder,
            properties,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(paths)!,
            parse.GetValue(format)!,
            parse.GetValue(wrapped),
            parse.GetValue(failUnder),
            ToolApp.Properties(parse.GetValue(properties))));
        return command;
    }

    public static int Run(ToolConsole console, string[] paths, string format, bool wrapped, double? failUnder, IReadOnlyDictionary<string, string> properties)
    {
        var (files, corpus) = ToolApp.Validated(console, paths, properties, "report");
        var texts = files.Files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var reports = Measure(corpus, texts, wrapped);
        if (format == "json")
        {
            WriteJson(console, reports);
        }
        else
        {
            WriteText(console, reports);
        }

        return failUnder is { } minimum && reports.Any(r => r.Percent < minimum) ? ToolApp.Failure : ToolApp.Success;
    }

    /// <summary>The coverage of every document of the corpus, by path (ordinal).</summary>
    public static IReadOnlyList<DocumentCoverage> Measure(CorpusResult corpus, IReadOnlyDictionary<string, string> texts, bool wrapped)
    {
        // Evidence names documents by file name; with two files of one name the first by path is the one
        // checked (DM0028), so it is the one cited.
        var byName = corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal).GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var quotes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var kind in corpus.Schema.Kinds)
        {
            foreach (var fact in corpus.Facts(kind.Name))
            {
                foreach (var evidence in fact.Evidence)
                {
                    if (byName.TryGetValue(evidence.Document, out var document))
                    {
                        if (!quotes.TryGetValue(document.Path, out var set))
                        {
                            quotes[document.Path] = set = new HashSet<string>(StringComparer.Ordinal);
                        }

                        set.Add(DomainModel.Generators.Text.Whitespace.Normalize(evidence.Quote));
                    }
                }
            }
        }

        var reports = new List<DocumentCoverage>();
        foreach (var document in corpus.Documents.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var sentences = Sentences.Split(texts.TryGetValue(document.Path, out var text) ? text : document.Normalized, wrapped);
            var cited = new bool[sentences.Count];
            foreach (var quote in quotes.TryGetValue(document.Path, out var set) ? set : Enumerable.Empty<string>())
            {
                if (quote.Length == 0)
                {
                    continue;
                }

                for (var at = document.Normalized.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = document.Normalized.IndexOf(quote, at + 1, StringComparison.Ordinal))
                {
                    Mark(sentences, cited, at, at + quote.Length);
                }
            }

            var citedCount = cited.Count(c => c);
            var uncited = sentences.Where((_, i) => !cited[i]).ToList();
            reports.Add(new DocumentCoverage(document.Path, document.Name, sentences.Count, citedCount, uncited));
        }

        return reports;
    }

    /// <summary>Marks the sentences that overlap [start, end) of the normalized text.</summary>
    private static void Mark(IReadOnlyList<Sentence> sentences, bool[] cited, int start, int end)
    {
        // The first sentence that ends after start (binary search: sentences are in order).
        int low = 0, high = sentences.Count - 1, first = sentences.Count;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (sentences[mid].End > start)
            {
                first = mid;
                high = mid - 1;
            }
            else
            {
                low = mid + 1;
            }
        }

        for (var i = first; i < sentences.Count && sentences[i].Start < end; i++)
        {
            cited[i] = true;
        }
    }

    private static void WriteText(ToolConsole console, IReadOnlyList<DocumentCoverage> reports)
    {
        foreach (var report in reports)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Path}: {Percent(report.Percent)} of {report.Sentences} sentences cited ({report.Cited}); {report.Uncited.Count} uncited:"));
            foreach (var sentence in report.Uncited)
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {report.Path}({sentence.Line}): {sentence.Text}"));
            }
        }

        console.Error.WriteLine(Summary(reports));
    }

    /// <summary>The total line: "61.4% of 57 sentences cited in 1 document." (standard error; the report shows it too).</summary>
    public static string Summary(IReadOnlyList<DocumentCoverage> reports)
    {
        var total = CoverageTotal.Of(reports);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Percent(total.Percent)} of {total.Sentences} sentences cited in {total.Documents} document{(total.Documents == 1 ? string.Empty : "s")}.");
    }

    private static void WriteJson(ToolConsole console, IReadOnlyList<DocumentCoverage> reports)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var report in reports)
            {
                writer.WriteStartObject();
                writer.WriteString("document", report.Name);
                writer.WriteString("path", report.Path);
                writer.WriteNumber("sentences", report.Sentences);
                writer.WriteNumber("cited", report.Cited);
                writer.WriteNumber("percent", Math.Floor((decimal)report.Percent * 10) / 10);
                writer.WriteStartArray("uncited");
                foreach (var sentence in report.Uncited)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("line", sentence.Line);
                    writer.WriteString("text", sentence.Text);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        console.Out.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        console.Out.Write('\n');
    }

    /// <summary>One decimal, invariant, truncated towards the shown figure: 100.0% only when every sentence is cited.</summary>
    public static string Percent(double value)
    {
        var shown = Math.Floor(value * 10) / 10;
        return shown.ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }
}

/// <summary>The coverage of a corpus: every document's sentences and cited sentences added up.</summary>
internal readonly record struct CoverageTotal(int Documents, int Sentences, int Cited)
{
    /// <summary>The cited share as a percentage (100 for a corpus without sentences).</summary>
    public double Percent => Sentences == 0 ? 100 : 100.0 * Cited / Sentences;

    public static CoverageTotal Of(IReadOnlyList<DocumentCoverage> reports) => new(reports.Count, reports.Sum(r => r.Sentences), reports.Sum(r => r.Cited));
}

/// <summary>One document's coverage: <see cref="Cited"/> of <see cref="Sentences"/> sentences, and the uncited ones.</summary>
internal sealed record DocumentCoverage(string Path, string Name, int Sentences, int Cited, IReadOnlyList<Sentence> Uncited)
{
    /// <summary>The cited share as a percentage (100 for a document without sentences).</summary>
    public double Percent => Sentences == 0 ? 100 : 100.0 * Cited / Sentences;
}
