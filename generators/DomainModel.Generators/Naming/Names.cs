using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Naming;

/// <summary>
/// Naming rules shared by every stage: what a valid name is and how it becomes C#. The patterns end in
/// <c>\z</c>, not <c>$</c>, which also matches before a final line break ("c0x0\n" is not an id).
/// </summary>
internal static class Names
{
    public static readonly Regex TypeName = new(@"^[A-Z][A-Za-z0-9]*\z", RegexOptions.CultureInvariant);
    public static readonly Regex FieldName = new(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*\z", RegexOptions.CultureInvariant);
    public static readonly Regex Slug = new(@"^[a-z][a-z0-9]*([-_][a-z0-9]+)*\z", RegexOptions.CultureInvariant);

    /// <summary><c>al-sharaa</c>, <c>al_sharaa</c> and <c>annual_payment</c> become <c>AlSharaa</c> and <c>AnnualPayment</c>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static string ToPascal(string slug) => AppendPascal(new TextBuffer(slug.Length), slug).ToString();

    /// <summary>Appends <see cref="ToPascal"/> of the slug.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static TextBuffer AppendPascal(TextBuffer buffer, string slug)
    {
        var upper = true;
        foreach (var c in slug)
        {
            if (c == '-' || c == '_')
            {
                upper = true;
                continue;
            }

            buffer.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return buffer;
    }

    /// <summary>
    /// Compares slugs by their <see cref="ToPascal"/> form without making it (the id stage compares every
    /// id of a kind so).
    /// </summary>
    public sealed class PascalComparer : IEqualityComparer<string>
    {
        public static readonly PascalComparer Instance = new();

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public bool Equals(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return ReferenceEquals(x, y);
            }

            var a = new PascalReader(x);
            var b = new PascalReader(y);
            while (true)
            {
                var more = a.Next(out var ca);
                if (more != b.Next(out var cb))
                {
                    return false;
                }

                if (!more)
                {
                    return true;
                }

                if (ca != cb)
                {
                    return false;
                }
            }
        }

        /// <summary>Whether the PascalCase form of <paramref name="slug"/> is <paramref name="pascal"/>.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public static bool Is(string slug, string pascal)
        {
            var reader = new PascalReader(slug);
            foreach (var c in pascal)
            {
                if (!reader.Next(out var next) || next != c)
                {
                    return false;
                }
            }

            return !reader.Next(out _);
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public int GetHashCode(string slug)
        {
            var hash = -2128831035;
            var reader = new PascalReader(slug);
            while (reader.Next(out var c))
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return hash;
        }

        /// <summary>The characters of a slug's PascalCase form, one at a time.</summary>
        private struct PascalReader
        {
            private readonly string _slug;
            private int _index;
            private bool _upper;

            public PascalReader(string slug)
            {
                _slug = slug;
                _index = 0;
                _upper = true;
            }

            [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
            public bool Next(out char c)
            {
                while (_index < _slug.Length)
                {
                    c = _slug[_index++];
                    if (c == '-' || c == '_')
                    {
                        _upper = true;
                        continue;
                    }

                    if (_upper)
                    {
                        c = char.ToUpperInvariant(c);
                        _upper = false;
                    }

                    return true;
                }

                c = default;
                return false;
            }
        }
    }

    /// <summary>English plural of a PascalCase kind name: Leader → Leaders, Country → Countries, Base → Bases.</summary>
    public static string Pluralize(string name)
    {
        if (name.EndsWith("y", StringComparison.Ordinal) && name.Length > 1 && "aeiou".IndexOf(name[name.Length - 2]) < 0)
        {
            return name.Substring(0, name.Length - 1) + "ies";
        }

        if (name.EndsWith("s", StringComparison.Ordinal) || name.EndsWith("x", StringComparison.Ordinal) || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal))
        {
            return name + "es";
        }

        return name + "s";
    }

    /// <summary>The closest candidate within a small edit distance, as " Did you mean 'x'?", or empty.</summary>
    public static string DidYouMean(string value, IEnumerable<string> candidates)
    {
        if (value.Length > MaxSuggestionLength)
        {
            return string.Empty;
        }

        var threshold = Math.Max(2, value.Length / 3);
        var lower = value.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        var previous = new int[MaxSuggestionLength + 1];
        var current = new int[MaxSuggestionLength + 1];
        foreach (var candidate in candidates)
        {
            // Cheap filters first: a length difference alone is a lower bound of the distance.
            if (candidate.Length > MaxSuggestionLength || Math.Abs(candidate.Length - value.Length) > Math.Min(threshold, bestDistance))
            {
                continue;
            }

            var d = Distance(lower, candidate.ToLowerInvariant(), Math.Min(threshold, bestDistance), previous, current);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best is not null && bestDistance <= threshold ? $" Did you mean '{Shorten(best, 120)}'?" : string.Empty;
    }

    /// <summary>Items joined by ", ", at most <paramref name="max"/> of them, then "… (N more)".</summary>
    public static string List(IEnumerable<string> items, int max = 10)
    {
        var shown = new List<string>();
        var more = 0;
        foreach (var item in items)
        {
            if (shown.Count < max)
            {
                shown.Add(Shorten(item, 32));
            }
            else
            {
                more++;
            }
        }

        return string.Join(", ", shown) + (more > 0 ? $", \u2026 ({more} more)" : string.Empty);
    }

    /// <summary>The text cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "\u2026";

    private const int MaxSuggestionLength = 256;

    /// <summary>Levenshtein distance, or int.MaxValue as soon as it must exceed <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit, int[] previous, int[] current)
    {
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > limit)
            {
                return int.MaxValue;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
