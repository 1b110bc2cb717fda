using System;
using System.Collections.Generic;
using DomainModel.Generators.Validation;

namespace DomainModel.Tool.Commands;

/// <summary>A sentence of a document: its text (whitespace collapsed), where it starts in the document's
/// normalized text (the text quotes are checked against), and its one-based line in the file.</summary>
internal readonly record struct Sentence(string Text, int Start, int Line)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Splits a document into sentences. The rules, in order:
/// <list type="number">
/// <item>A line break ends a sentence (a document is one paragraph or heading per line, as the seeds are);
/// with <c>wrapped</c>, only a blank line does (a hard-wrapped document breaks lines inside sentences).</item>
/// <item>Inside a paragraph, a sentence ends after '.', '!', '?' or '…' (or a run of them, "?!", "..."),
/// and any closing quotes or brackets after it, where a space follows and the next word starts with an
/// upper-case letter, a digit, or an opening quote or bracket. So "1.5" or "$2.5" (no space) never ends a
/// sentence, and neither does a '.' followed by a lower-case word ("e.g. the", "3 p.m. on").</item>
/// <item>A '.' does not end a sentence after a known abbreviation ("Mr.", "Dr.", "Gen.", "St.", "Oct.",
/// "No.", "vs.", "approx.", "Inc."…), after a single letter ("George W. Bush"), or after a dotted
/// initialism ("U.S.", "U.N.", "e.g.", "i.e."), even when a capital follows: a name is more often
/// next than a new sentence.</item>
/// </list>
/// The sentences cover the normalized text exactly: joined with single spaces they are
/// <see cref="DomainModel.Generators.Text.Whitespace.Normalize"/> of the document.
/// </summary>
internal static class Sentences
{
    /// <summary>Words that a '.' abbreviates rather than ends a sentence after (compared without case).</summary>
    private static readonly HashSet<string> s_abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "rev", "hon", "fr",
        "gen", "col", "lt", "maj", "sgt", "capt", "cpt", "cmdr", "adm", "brig", "cpl", "pvt",
        "gov", "sen", "rep", "pres", "amb", "sec", "supt", "insp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "no", "nos", "vol", "vols", "fig", "figs", "p", "pp", "ch", "art", "para",
        "approx", "est", "ca", "cf", "vs", "al", "dept", "univ", "assn", "inc", "ltd", "co", "corp", "bros", "plc",
    };

    private const string Terminators = ".!?\u2026";

    /// <summary>Closing quotes and brackets that may follow a terminator and belong to its sentence.</summary>
    private const string Closers = "\"'\u201D\u2019\u00BB\u203A)]";

    /// <summary>Opening quotes and brackets a sentence may start with.</summary>
    private const string Openers = "\"'\u201C\u2018\u00AB\u2039([";

    public static IReadOnlyList<Sentence> Split(string text, bool wrapped = false)
    {
        var sentences = new List<Sentence>();
        var offset = 0;
        foreach (var (paragraph, line) in Paragraphs(text, wrapped))
        {
            var normalized = DomainModel.Generators.Text.Whitespace.Normalize(paragraph);
            if (normalized.Length == 0)
            {
                continue;
            }

            if (sentences.Count > 0)
            {
                offset++; // the space that joins paragraphs in the normalized document
            }

            var start = 0;
            for (var i = 0; i < normalized.Length; i++)
            {
                if (Terminators.IndexOf(normalized[i]) < 0)
                {
                    continue;
                }

                var end = i + 1;
                while (end < normalized.Length && Terminators.IndexOf(normalized[end]) >= 0)
                {
                    end++;
                }

                while (end < normalized.Length && Closers.IndexOf(normalized[end]) >= 0)
                {
                    end++;
                }

                if (end + 1 < normalized.Length && normalized[end] == ' ' && StartsSentence(normalized[end + 1]) && !Abbreviation(normalized, start, i, end))
                {
                    sentences.Add(new Sentence(normalized[start..end], offset + start, line + LinesBefore(paragraph, normalized, start)));
                    start = end + 1;
                }

                i = end - 1;
            }

            sentences.Add(new Sentence(normalized[start..], offset + start, line + LinesBefore(paragraph, normalized, start)));
            offset += normalized.Length;
        }

        return sentences;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || Openers.IndexOf(c) >= 0;

    /// <summary>True when the '.' at <paramref name="dot"/> (a lone '.', nothing else in the run) ends an abbreviation, an initial or an initialism.</summary>
    private static bool Abbreviation(string text, int sentenceStart, int dot, int end)
    {
        if (text[dot] != '.' || (dot + 1 < end && Terminators.IndexOf(text[dot + 1]) >= 0))
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > sentenceStart && text[wordStart - 1] != ' ' && Openers.IndexOf(text[wordStart - 1]) < 0)
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return true; // an initial: "W. Bush", or the last letter of "U.S." read from its final dot
        }

        if (s_abbreviations.Contains(word))
        {
            return true;
        }

        // "U.S", "e.g", "a.m": letters with dots between single letters.
        var dotted = word.Length >= 3;
        for (var i = 0; i < word.Length && dotted; i++)
        {
            dotted = i % 2 == 0 ? char.IsLetter(word[i]) : word[i] == '.';
        }

        return dotted;
    }

    /// <summary>The paragraphs of a document with the one-based line each starts on.</summary>
    private static IEnumerable<(string Text, int Line)> Paragraphs(string text, bool wrapped)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (!wrapped)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                yield return (lines[i], i + 1);
            }

            yield break;
        }

        var first = -1;
        var paragraph = new List<string>();
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || lines[i].Trim().Length == 0)
            {
                if (paragraph.Count > 0)
                {
                    yield return (string.Join("\n", paragraph), first + 1);
                    paragraph.Clear();
                }

                continue;
            }

            if (paragraph.Count == 0)
            {
                first = i;
            }

            paragraph.Add(lines[i]);
        }
    }

    /// <summary>How many line breaks of <paramref name="paragraph"/> come before the start of normalized offset <paramref name="start"/>.</summary>
    private static int LinesBefore(string paragraph, string normalized, int start)
    {
        if (start == 0 || paragraph.IndexOf('\n', StringComparison.Ordinal) < 0)
        {
            return 0;
        }

        // Walk the paragraph, counting non-space characters as the normalized text does.
        var seen = 0;
        var lines = 0;
        var pendingSpace = false;
        foreach (var c in paragraph)
        {
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    lines++;
                }

                pendingSpace = seen > 0;
                continue;
            }

            if (pendingSpace)
            {
                seen++;
                pendingSpace = false;
            }

            if (seen >= start)
            {
                return lines;
            }

            seen++;
        }

        return lines;
    }
}
