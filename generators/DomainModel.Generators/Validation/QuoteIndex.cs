using System;
using System.Collections.Generic;
using System.Text;

namespace DomainModel.Generators.Validation;

/// <summary>
/// Finds quotes in a whitespace-normalized document without scanning it per quote: every position
/// is indexed by the 4 characters that start there (packed exactly into 64 bits, no hash collisions).
/// A lookup takes the quote's rarest 4-gram and checks only the positions where it occurs.
/// </summary>
internal sealed class QuoteIndex
{
    /// <summary>
    /// Largest source document (normalized characters, 8 Mi) whose quotes are checked: the index takes
    /// memory proportional to the text. A larger document is a DM0002 and its quotes are not checked.
    /// </summary>
    public const int MaxDocumentChars = 8 * 1024 * 1024;

    /// <summary>Beyond this many candidate characters to compare, a linear-time search is used instead.</summary>
    private const long MaxCandidateWork = 4_000_000;

    private const int Gram = 4;
    private readonly string _text;
    private readonly Dictionary<ulong, List<int>> _positions = new();

    public QuoteIndex(string normalizedText)
    {
        _text = normalizedText;
        for (var i = 0; i + Gram <= _text.Length; i++)
        {
            var key = Pack(_text, i);
            if (!_positions.TryGetValue(key, out var list))
            {
                list = new List<int>(1);
                _positions.Add(key, list);
            }

            list.Add(i);
        }
    }

    /// <summary>Collapses every run of whitespace to one space and trims the ends.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when the (already normalized) quote occurs in the document.</summary>
    public bool Contains(string quote)
    {
        if (quote.Length == 0)
        {
            return false;
        }

        if (quote.Length < Gram)
        {
            return _text.IndexOf(quote, StringComparison.Ordinal) >= 0;
        }

        List<int>? rarest = null;
        var rarestOffset = 0;
        for (var j = 0; j + Gram <= quote.Length; j++)
        {
            if (!_positions.TryGetValue(Pack(quote, j), out var list))
            {
                return false;
            }

            if (rarest is null || list.Count < rarest.Count)
            {
                rarest = list;
                rarestOffset = j;
            }
        }

        if ((long)rarest!.Count * quote.Length > MaxCandidateWork)
        {
            // Pathological text (a quote whose every 4-gram is frequent): avoid O(positions × length).
            return IndexOf(_text, quote) >= 0;
        }

        foreach (var position in rarest!)
        {
            var start = position - rarestOffset;
            if (start >= 0 && start + quote.Length <= _text.Length && string.CompareOrdinal(_text, start, quote, 0, quote.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Knuth–Morris–Pratt: O(text + pattern) whatever the input.</summary>
    internal static int IndexOf(string text, string pattern)
    {
        if (pattern.Length == 0)
        {
            return 0;
        }

        var failure = new int[pattern.Length];
        for (int i = 1, k = 0; i < pattern.Length; i++)
        {
            while (k > 0 && pattern[i] != pattern[k])
            {
                k = failure[k - 1];
            }

            if (pattern[i] == pattern[k])
            {
                k++;
            }

            failure[i] = k;
        }

        for (int i = 0, k = 0; i < text.Length; i++)
        {
            while (k > 0 && text[i] != pattern[k])
            {
                k = failure[k - 1];
            }

            if (text[i] == pattern[k])
            {
                k++;
            }

            if (k == pattern.Length)
            {
                return i - pattern.Length + 1;
            }
        }

        return -1;
    }

    private static ulong Pack(string s, int i) =>
        s[i] | ((ulong)s[i + 1] << 16) | ((ulong)s[i + 2] << 32) | ((ulong)s[i + 3] << 48);
}
