using System;
using System.Collections.Generic;
using System.Text;

namespace DomainModel.Generators.Validation;

/// <summary>
/// Finds quotes in a whitespace-normalized document without scanning it per quote: every position is
/// indexed by the 4 characters that start there, in a hash table laid out as two flat arrays (bucket
/// starts and positions, built in two linear passes). A lookup takes the quote's 4-gram with the
/// smallest bucket and checks only the positions in it. Two arrays per document, not one list per
/// distinct 4-gram: the driver keeps this index alive for as long as the document is unchanged, and
/// millions of small objects would cost every garbage collection of the compiler process.
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
    private readonly int[] _starts;
    private readonly int[] _positions;
    private readonly int _mask;

    public QuoteIndex(string normalizedText)
    {
        _text = normalizedText;
        var count = Math.Max(0, _text.Length - Gram + 1);
        var buckets = 1;
        while (buckets < count)
        {
            buckets <<= 1;
        }

        _mask = buckets - 1;
        _starts = new int[buckets + 1];
        _positions = new int[count];
        if (count == 0)
        {
            return;
        }

        // Count per bucket (the 4-gram rolls: one character in per position), then make each count the
        // end of its bucket.
        var key = Pack(_text, 0);
        for (var i = 0; ; i++)
        {
            _starts[Bucket(key)]++;
            if (i + 1 == count)
            {
                break;
            }

            key = (key >> 16) | ((ulong)_text[i + Gram] << 48);
        }

        for (var b = 1; b < buckets; b++)
        {
            _starts[b] += _starts[b - 1];
        }

        _starts[buckets] = count;

        // Place the positions from the last, so that each bucket's end moves back to its start, and
        // the positions in a bucket ascend.
        for (var i = count - 1; ; i--)
        {
            _positions[--_starts[Bucket(key)]] = i;
            if (i == 0)
            {
                break;
            }

            key = (key << 16) | _text[i - 1];
        }
    }

    /// <summary>Collapses every run of whitespace to one space and trims the ends (text that is so already is returned as is).</summary>
    public static string Normalize(string text) => IsNormalized(text) ? text : Collapse(text);

    private static bool IsNormalized(string text)
    {
        var previousSpace = true; // no leading space
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return text.Length == 0 || !previousSpace; // no trailing space
    }

    private static string Collapse(string text)
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

        var best = -1;
        var bestSize = int.MaxValue;
        var bestOffset = 0;
        for (var j = 0; j + Gram <= quote.Length; j++)
        {
            var bucket = Bucket(Pack(quote, j));
            var size = _starts[bucket + 1] - _starts[bucket];
            if (size == 0)
            {
                return false;
            }

            if (size < bestSize)
            {
                best = bucket;
                bestSize = size;
                bestOffset = j;
            }
        }

        if ((long)bestSize * quote.Length > MaxCandidateWork)
        {
            // Pathological text (a quote whose every 4-gram is frequent): avoid O(positions × length).
            return IndexOf(_text, quote) >= 0;
        }

        for (var k = _starts[best]; k < _starts[best + 1]; k++)
        {
            var start = _positions[k] - bestOffset;
            if (start >= 0 && start + quote.Length <= _text.Length && string.CompareOrdinal(_text, start, quote, 0, quote.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private int Bucket(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;

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
