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

    private static ulong Pack(string s, int i) =>
        s[i] | ((ulong)s[i + 1] << 16) | ((ulong)s[i + 2] << 32) | ((ulong)s[i + 3] << 48);
}
