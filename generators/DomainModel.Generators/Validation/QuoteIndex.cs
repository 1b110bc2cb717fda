using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Validation;

/// <summary>
/// Finds quotes in a whitespace-normalized document without scanning it per quote: every
/// <see cref="Step"/>-th position is indexed by the 4 characters that start there, in a hash table laid
/// out as two flat arrays (bucket starts and positions, built in two linear passes). An occurrence of a
/// quote of at least <see cref="MinIndexed"/> characters starting at s covers indexed positions at the
/// quote offsets j ≡ -s (mod <see cref="Step"/>), every one of them: so for each of the
/// <see cref="Step"/> residues a lookup takes the quote's 4-gram with the smallest bucket among the
/// offsets of that residue and checks only the positions in it (shorter quotes are searched for in the
/// text). Two arrays per document, not one list per distinct 4-gram: the driver keeps this index alive
/// for as long as the document is unchanged, and millions of small objects would cost every garbage
/// collection of the compiler process; indexing one position in <see cref="Step"/> makes the arrays a
/// quarter of the size (about 2 bytes per character of text) and their build as much faster.
/// </summary>
internal sealed class QuoteIndex
{
    /// <summary>
    /// Largest source document (normalized characters, 8 Mi) whose quotes are checked: the index takes
    /// memory proportional to the text. A larger document is a DM0002 and its quotes are not checked.
    /// </summary>
    public const int MaxDocumentChars = 8 * 1024 * 1024;

    /// <summary>Beyond this many candidate characters to compare, a linear-time search is used instead.</summary>
    internal const long MaxCandidateWork = 4_000_000;

    private const int Gram = 4;

    /// <summary>One text position in this many is indexed.</summary>
    private const int Step = 4;

    /// <summary>The shortest quote with a 4-gram at an indexed position wherever it occurs.</summary>
    private const int MinIndexed = Gram + Step - 1;

    private static readonly ConditionalWeakTable<DocumentText, QuoteIndex> s_indexes = new();

    private readonly string _text;
    private readonly int[] _starts;
    private readonly int[] _positions;
    private readonly int _mask;

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public QuoteIndex(string normalizedText)
    {
        _text = normalizedText;
        var count = _text.Length < Gram ? 0 : ((_text.Length - Gram) / Step) + 1;
        var buckets = 1;
        while (buckets < count)
        {
            buckets <<= 1;
        }

        _mask = buckets - 1;
        _starts = new int[buckets + 1];
        _positions = new int[count];

        // Count per bucket, then make each count the end of its bucket.
        for (var k = 0; k < count; k++)
        {
            _starts[Bucket(Pack(_text, k * Step))]++;
        }

        for (var b = 1; b < buckets; b++)
        {
            _starts[b] += _starts[b - 1];
        }

        _starts[buckets] = count;

        // Place the positions from the last, so that each bucket's end moves back to its start, and
        // the positions in a bucket ascend.
        for (var k = count - 1; k >= 0; k--)
        {
            _positions[--_starts[Bucket(Pack(_text, k * Step))]] = k * Step;
        }
    }

    /// <summary>
    /// The index of a document, built on first use and kept beside it (not in it: the model stays plain
    /// data) for as long as the driver keeps the document, which it does while the text is unchanged.
    /// </summary>
    public static QuoteIndex Of(DocumentText document) => s_indexes.GetValue(document, static d => new QuoteIndex(d.Normalized));

    /// <summary>True when the (already normalized) quote occurs in the document.</summary>
    public bool Contains(string quote)
    {
        long work = 0;
        return Contains(quote, ref work);
    }

    /// <summary>
    /// <see cref="Contains(string)"/>, adding to <paramref name="work"/> the characters it reads: the quote's
    /// 4-grams, the quote's length for each candidate position compared, the text and the quote for a linear search.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    internal bool Contains(string quote, ref long work)
    {
        if (quote.Length == 0)
        {
            return false;
        }

        if (quote.Length < MinIndexed)
        {
            work += _text.Length + quote.Length;
            return _text.IndexOf(quote, StringComparison.Ordinal) >= 0;
        }

        // Per residue of the quote offset that falls on indexed positions: the smallest bucket (or none,
        // when some 4-gram of that residue occurs at no indexed position: no occurrence has that residue).
        Span<int> best = stackalloc int[Step];
        Span<int> bestOffset = stackalloc int[Step];
        long candidateWork = 0;
        var any = false;
        work += quote.Length;
        for (var residue = 0; residue < Step; residue++)
        {
            best[residue] = -1;
            var bestSize = int.MaxValue;
            for (var j = residue; j + Gram <= quote.Length; j += Step)
            {
                var bucket = Bucket(Pack(quote, j));
                var size = _starts[bucket + 1] - _starts[bucket];
                if (size == 0)
                {
                    best[residue] = -1;
                    break;
                }

                if (size < bestSize)
                {
                    best[residue] = bucket;
                    bestSize = size;
                    bestOffset[residue] = j;
                }
            }

            if (best[residue] >= 0)
            {
                any = true;
                candidateWork += (long)bestSize * quote.Length;
            }
        }

        if (!any)
        {
            return false;
        }

        if (candidateWork > MaxCandidateWork)
        {
            // Pathological text (a quote whose every 4-gram is frequent): avoid O(positions × length).
            work += _text.Length + quote.Length;
            return IndexOf(_text, quote) >= 0;
        }

        for (var residue = 0; residue < Step; residue++)
        {
            var bucket = best[residue];
            if (bucket < 0)
            {
                continue;
            }

            for (var k = _starts[bucket]; k < _starts[bucket + 1]; k++)
            {
                var start = _positions[k] - bestOffset[residue];
                if (start >= 0 && start + quote.Length <= _text.Length)
                {
                    work += quote.Length;
                    if (string.CompareOrdinal(_text, start, quote, 0, quote.Length) == 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int Bucket(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;

    /// <summary>Knuth–Morris–Pratt: O(text + pattern) whatever the input.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
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

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static ulong Pack(string s, int i) =>
        s[i] | ((ulong)s[i + 1] << 16) | ((ulong)s[i + 2] << 32) | ((ulong)s[i + 3] << 48);
}
