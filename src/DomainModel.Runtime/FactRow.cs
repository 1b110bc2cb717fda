using System;
using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using DomainModel.Internal;

namespace DomainModel;

/// <summary>
/// Decodes the compact rows the generator emits for each fact (see <see cref="RowFormat"/>). Public only
/// because generated code, which lives in the consumer's assembly, calls it: it is not meant to be used
/// directly, is hidden from IntelliSense, and may change with the generator in any release.
/// </summary>
/// <remarks>
/// One non-generic reader per scalar type: a generic reader would be JIT-compiled once per value type
/// (every enum) the first time a fact is read, which is most of a cold start.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public partial struct FactRow
{
    private readonly string _row;
    private readonly bool _plain;
    private int _position;

    /// <summary>A reader positioned at the row's first token.</summary>
    public FactRow(string row)
    {
        _row = row;
        _plain = row.IndexOf(RowFormat.Escape) < 0;
        _position = 0;
    }

    /// <summary>A required string (empty when absent).</summary>
    public string String() => Next() is { } token && !IsNull(token) ? Unescape(token) : string.Empty;

    /// <summary>An optional string.</summary>
    public string? OptString() => Next() is { } token && !IsNull(token) ? Unescape(token) : null;

    /// <summary>An enum's index.</summary>
    public int ReadInt32() => Token() is { } text ? ParseInt32(text) : 0;

    /// <summary>An optional enum's index.</summary>
    public int? ReadOptInt32() => Token() is { } text ? ParseInt32(text) : null;

    /// <summary>An integer.</summary>
    public long ReadInt64() => Token() is { } text ? ParseInt64(text) : 0;

    /// <summary>An optional integer.</summary>
    public long? ReadOptInt64() => Token() is { } text ? ParseInt64(text) : null;

    /// <summary>A decimal.</summary>
    public decimal ReadDecimal() => Token() is { } text ? ParseDecimal(text) : 0m;

    /// <summary>An optional decimal.</summary>
    public decimal? ReadOptDecimal() => Token() is { } text ? ParseDecimal(text) : null;

    /// <summary>A boolean.</summary>
    public bool ReadBoolean() => Token() is { } text && ParseBoolean(text);

    /// <summary>An optional boolean.</summary>
    public bool? ReadOptBoolean() => Token() is { } text ? ParseBoolean(text) : null;

    /// <summary>A date.</summary>
    public FactDate ReadDate() => Token() is { } text ? FactDate.FromRow(text) : default;

    /// <summary>An optional date.</summary>
    public FactDate? ReadOptDate() => Token() is { } text ? FactDate.FromRow(text) : null;

    /// <summary>A money value.</summary>
    public Money ReadMoney() => Token() is { } text ? Money.FromRow(text) : default;

    /// <summary>An optional money value.</summary>
    public Money? ReadOptMoney() => Token() is { } text ? Money.FromRow(text) : null;

    /// <summary>A quantity.</summary>
    public Quantity ReadQuantity() => Token() is { } text ? Quantity.FromRow(text) : default;

    /// <summary>An optional quantity.</summary>
    public Quantity? ReadOptQuantity() => Token() is { } text ? Quantity.FromRow(text) : null;

    /// <summary>A percent.</summary>
    public Percent ReadPercent() => Token() is { } text ? new Percent(ParseDecimal(text)) : default;

    /// <summary>An optional percent.</summary>
    public Percent? ReadOptPercent() => Token() is { } text ? new Percent(ParseDecimal(text)) : null;

    /// <summary>A reference: the referenced fact's index in its catalog, or -1 for none.</summary>
    public int Ref() => Next() is { } token && !IsNull(token) ? ParseInt32(token) : -1;

    /// <summary>
    /// A list of references: the referenced facts' indexes, then -1 when the list is the source's examples
    /// (<see cref="FactList{T}"/> reads that mark as its <see cref="FactList{T}.IsExamples"/>).
    /// </summary>
    public int[] RefList()
    {
        var items = Split(Items(Next(), out var examples), RowFormat.ItemSeparator);
        var result = new int[items.Length + (examples ? 1 : 0)];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = ParseInt32(items[i]);
        }

        if (examples)
        {
            result[items.Length] = -1;
        }

        return result;
    }

    /// <summary>A list of strings (its own reader: no delegate and no generic instantiation on the first read).</summary>
    public ValueList<string> StringList()
    {
        var items = Split(Items(Next(), out var examples), RowFormat.ItemSeparator);
        if (items.Length == 0 && !examples)
        {
            return ValueList<string>.Empty;
        }

        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Unescape(items[i]);
        }

        return new ValueList<string>(items, examples);
    }

    /// <summary>A list of values, each read from its text by <paramref name="parse"/>.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    public ValueList<T> List<T>(Func<string, T> parse)
    {
        var items = Split(Items(Next(), out var examples), RowFormat.ItemSeparator);
        if (items.Length == 0 && !examples)
        {
            return ValueList<T>.Empty;
        }

        var result = new T[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = parse(Unescape(items[i]));
        }

        return new ValueList<T>(result, examples);
    }

    /// <summary>The evidence and the note: the row's last two tokens.</summary>
    public Provenance Provenance()
    {
        var items = Split(Next(), RowFormat.ItemSeparator);
        var evidence = new Evidence[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var parts = Split(items[i].Substring(1), RowFormat.PartSeparator);
            var stance = items[i][0] == RowFormat.Contradicts ? EvidenceStance.Contradicts : EvidenceStance.Supports;
            evidence[i] = parts.Length < 5
                ? new Evidence(Unescape(parts[0]), Unescape(parts[1]), stance)
                : new Evidence(
                    Unescape(parts[0]),
                    Unescape(parts[1]),
                    stance,
                    parts[2].Length == 0 ? EvidenceHedge.None : (EvidenceHedge)(ParseInt32(parts[2]) + 1),
                    parts[4].Length == 0 ? null : Unescape(parts[4]),
                    parts[3].Length == 0 ? null : Unescape(parts[3]));
        }

        return new Provenance(new ValueList<Evidence>(evidence), OptString());
    }

    /// <summary>A date list item.</summary>
    public static FactDate ParseDate(string text) => FactDate.FromRow(text);

    /// <summary>A money list item.</summary>
    public static Money ParseMoney(string text) => Money.FromRow(text);

    /// <summary>A quantity list item.</summary>
    public static Quantity ParseQuantity(string text) => Quantity.FromRow(text);

    /// <summary>A percent list item.</summary>
    public static Percent ParsePercent(string text) => new(ParseDecimal(text));

    /// <summary>A boolean list item.</summary>
    public static bool ParseBoolean(string text) => text == "true";

    /// <summary>
    /// An enum list item (its index). Numbers in rows are written by the generator: an optional '-',
    /// ASCII digits and, for decimals, one optional '.'. They are read by hand: the first call into the
    /// BCL's number parsing costs a fresh process milliseconds. Anything else goes to the BCL, which
    /// decides (and throws) as it would.
    /// </summary>
    public static int ParseInt32(string text) => checked((int)ParseInt64(text));

    /// <summary>An integer list item (see <see cref="ParseInt32"/>).</summary>
    public static long ParseInt64(string text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        var start = negative ? 1 : 0;
        if (text.Length == start || text.Length - start > 19)
        {
            return long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        // Accumulated as a negative number, so that long.MinValue reads too.
        long value = 0;
        for (var i = start; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            value = checked((value * 10) - digit);
        }

        return negative ? value : checked(-value);
    }

    /// <summary>A decimal list item (see <see cref="ParseInt32"/>).</summary>
    public static decimal ParseDecimal(string text)
    {
        var negative = text.Length > 0 && text[0] == '-';
        decimal mantissa = 0;
        byte scale = 0;
        var digits = 0;
        var point = false;
        for (var i = negative ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '.' && !point && digits > 0)
            {
                point = true;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9 || ++digits > 28)
            {
                return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            }

            mantissa = (mantissa * 10) + digit;
            if (point)
            {
                scale++;
            }
        }

        if (digits == 0 || text[text.Length - 1] == '.')
        {
            return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        var bits = decimal.GetBits(mantissa);
        return new decimal(bits[0], bits[1], bits[2], negative && mantissa != 0, scale);
    }

    /// <summary>
    /// Appends <c>name = value</c> for a generated record's ToString: facts as their ids (so reference
    /// cycles print in bounded space), lists as <c>[a, b]</c>, numbers the same in every culture.
    /// </summary>
    public static void Print(StringBuilder builder, string name, object? value)
    {
        builder.Append(name).Append(" = ");
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case IFact fact:
                builder.Append(fact.Id);
                break;
            case string text:
                builder.Append(text);
                break;
            case IEnumerable items:
                builder.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    builder.Append(first ? string.Empty : ", ");
                    Append(builder, item is IFact f ? f.Id : item);
                    first = false;
                }

                // The source's examples, not a complete list: [gazprom, rosneft, …].
                builder.Append(items is IExampleList { IsExamples: true } ? (first ? "\u2026]" : ", \u2026]") : "]");
                break;
            default:
                Append(builder, value);
                break;
        }
    }

    // Numbers print the same in every culture (no "1,5", no U+2212 minus sign).
    private static void Append(StringBuilder builder, object? value) =>
        builder.Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value);

    // The next separator at or after from that is not escaped, or -1. Without escapes in the text (most
    // rows) that is string.IndexOf, which is vectorized and precompiled: a fresh process reads its first
    // facts before the JIT optimizes a loop of ours.
    private static int Find(string text, char separator, int from, bool plain)
    {
        if (plain)
        {
            return from < text.Length ? text.IndexOf(separator, from) : -1;
        }

        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == RowFormat.Escape)
            {
                i++;
            }
            else if (text[i] == separator)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsNull(string token) => token.Length == 1 && token[0] == RowFormat.Null;

    // A list token's items: the token without its examples mark, if it has one.
    private static string Items(string token, out bool examples)
    {
        examples = token.Length > 0 && token[0] == RowFormat.Examples;
        return examples ? token.Substring(1) : token;
    }

    // A list token is its items, each preceded by the separator: "" is empty, "^" is one empty item.
    private static string[] Split(string token, char separator)
    {
        if (token.Length == 0)
        {
            return new string[0];
        }

        // Counted first, then cut: no List<T> (its first use costs a fresh process an assembly load).
        var plain = token.IndexOf(RowFormat.Escape) < 0;
        var start = separator == RowFormat.ItemSeparator ? 1 : 0;
        var count = 1;
        for (var at = Find(token, separator, start, plain); at >= 0; at = Find(token, separator, at + 1, plain))
        {
            count++;
        }

        var parts = new string[count];
        var n = 0;
        for (var at = Find(token, separator, start, plain); at >= 0; at = Find(token, separator, at + 1, plain))
        {
            parts[n++] = token.Substring(start, at - start);
            start = at + 1;
        }

        parts[n] = token.Substring(start);
        return parts;
    }

    private static string Unescape(string token)
    {
        if (token.IndexOf(RowFormat.Escape) < 0)
        {
            return token;
        }

        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == RowFormat.Escape && i + 1 < token.Length)
            {
                i++;
                builder.Append(token[i] == RowFormat.EscapedLineFeed ? RowFormat.RowEnd : token[i]);
                continue;
            }

            builder.Append(token[i]);
        }

        return builder.ToString();
    }

    private string? Token()
    {
        var token = Next();
        return IsNull(token) ? null : Unescape(token);
    }

    private string Next()
    {
        var start = _position;
        var end = Find(_row, RowFormat.FieldSeparator, start, _plain);
        if (end < 0)
        {
            end = _row.Length;
        }

        _position = end + 1;
        return _row.Substring(start, end - start);
    }
}
