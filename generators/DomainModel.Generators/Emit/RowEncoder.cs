using System;
using DomainModel.Generators.Model;
using DomainModel.Internal;

namespace DomainModel.Generators.Emit;

/// <summary>
/// Encodes a fact as one compact string (a "row") that the runtime's FactRow decodes lazily at run
/// time. A row is cheap to compile (one literal per fact, no per-value IL) and costs nothing until
/// the fact is first read. The format (tokens, separators, escapes) is <see cref="RowFormat"/>, a file
/// the generator and DomainModel.Runtime both compile.
/// </summary>
internal static class RowEncoder
{
    public const char FieldSeparator = RowFormat.FieldSeparator;
    public const char ItemSeparator = RowFormat.ItemSeparator;
    public const char PartSeparator = RowFormat.PartSeparator;
    public const char Null = RowFormat.Null;
    public const char Escape = RowFormat.Escape;

    /// <summary>
    /// Encodes a fact and writes its row as the body of a C# string literal (what
    /// <see cref="CSharp.Literal"/> of the row holds between its quotes), in one pass: no row string is
    /// made. With no <paramref name="literal"/> the row is only measured. A list is written as its items,
    /// each preceded by '^' (a list field's value is a list, possibly empty, never null). Returns the length
    /// of the row; <paramref name="wellFormed"/> is whether the row has no lone surrogate (see <see cref="IsWellFormedUtf16"/>).
    /// </summary>
    public static int Encode(TextBuffer? literal, string id, ReadOnlySpan<FieldValue> values, ReadOnlySpan<EvidenceItem> evidence, string? note, out bool wellFormed) =>
        Encode(literal, raw: false, id, values, evidence, note, out wellFormed, out _);

    /// <summary>
    /// As above; with <paramref name="raw"/> the row is written as its own characters (no C# escapes: for
    /// packed rows, see <see cref="PackedRows"/>). <paramref name="utf8Length"/> is the row's length in UTF-8 bytes.
    /// </summary>
    public static int Encode(TextBuffer? literal, bool raw, string id, ReadOnlySpan<FieldValue> values, ReadOnlySpan<EvidenceItem> evidence, string? note, out bool wellFormed, out int utf8Length)
    {
        var row = new Row(literal, raw);
        row.Value(id);
        foreach (var value in values)
        {
            row.Marker(FieldSeparator);
            if (value.IsList)
            {
                for (var i = 0; i < value.Count; i++)
                {
                    row.Marker(ItemSeparator);
                    row.Value(value[i]);
                }
            }
            else if (value.IsNull)
            {
                row.Marker(Null);
            }
            else if (value.IsNumber)
            {
                row.Number(value.Number);
            }
            else
            {
                row.Value(value[0]);
            }
        }

        row.Marker(FieldSeparator);
        foreach (var item in evidence)
        {
            row.Marker(ItemSeparator);
            row.Marker(item.Contradicts ? RowFormat.Contradicts : RowFormat.Supports);
            row.Value(item.Document);
            row.Marker(PartSeparator);
            row.Value(item.Quote);
        }

        row.Marker(FieldSeparator);
        if (note is null)
        {
            row.Marker(Null);
        }
        else
        {
            row.Value(note);
        }

        wellFormed = row.WellFormed;
        utf8Length = row.Utf8Length;
        return row.Length;
    }

    /// <summary>Bytes a fact adds to the assembly's user-string heap when its row is a string literal (UTF-16 row and id, plus overhead).</summary>
    public static int EstimateUserStringBytes(string id, int rowLength) => ((rowLength + id.Length + 5) * 2) + 5;

    /// <summary>True when the text has no lone surrogate, so that it can be a UTF-8 literal.</summary>
    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A row being written as literal text (or only measured): counts the row's characters and notes lone surrogates.</summary>
    private struct Row
    {
        private readonly TextBuffer? _literal;
        private readonly bool _raw;

        public Row(TextBuffer? literal, bool raw)
        {
            _literal = literal;
            _raw = raw;
            Length = 0;
            Utf8Length = 0;
            WellFormed = true;
        }

        public int Length { get; private set; }

        /// <summary>The row's length in UTF-8 bytes (a lone surrogate counted as the 3 bytes of U+FFFD).</summary>
        public int Utf8Length { get; private set; }

        public bool WellFormed { get; private set; }

        /// <summary>A separator or flag: printable ASCII, the same in the row and in the literal.</summary>
        public void Marker(char c)
        {
            _literal?.Append(c);
            Length++;
            Utf8Length++;
        }

        /// <summary>A number: digits (and a sign), the same in the row and in the literal.</summary>
        public void Number(int value)
        {
            var digits = value < 0 ? 2 : 1;
            for (var v = value; v is >= 10 or <= -10; v /= 10)
            {
                digits++;
            }

            _literal?.Append(value);
            Length += digits;
            Utf8Length += digits;
        }

        /// <summary>
        /// A value, escaped for the row and then for the literal. The row's escapes are printable ASCII
        /// inserted before (or instead of) a character, so they never split or join a surrogate pair.
        /// </summary>
        public void Value(string value)
        {
            for (var i = 0; i < value.Length;)
            {
                // Runs of printable ASCII that need no escape, in the row or in the literal, are copied at once.
                var run = i;
                while (run < value.Length && value[run] is >= ' ' and <= '~' and not ('"' or '\\' or FieldSeparator or ItemSeparator or PartSeparator or Null or Escape))
                {
                    run++;
                }

                if (run > i)
                {
                    _literal?.Append(value, i, run - i);
                    Length += run - i;
                    Utf8Length += run - i;
                    i = run;
                    continue;
                }

                var c = value[i];
                if (RowFormat.IsMarker(c))
                {
                    _literal?.Append(Escape).Append(c);
                    Length += 2;
                    Utf8Length += 2;
                    i++;
                }
                else if (c == RowFormat.RowEnd)
                {
                    // Rows are lines of one literal per chunk: a line feed in a value is written '`n'.
                    _literal?.Append(Escape).Append(RowFormat.EscapedLineFeed);
                    Length += 2;
                    Utf8Length += 2;
                    i++;
                }
                else
                {
                    var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    var width = pair ? 2 : 1;
                    if (_literal is not null)
                    {
                        if (_raw)
                        {
                            _literal.Append(value, i, width);
                        }
                        else
                        {
                            CSharp.AppendLiteralChar(_literal, value, i);
                        }
                    }

                    if (width == 1 && char.IsSurrogate(c))
                    {
                        WellFormed = false;
                    }

                    Length += width;
                    Utf8Length += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                    i += width;
                }
            }
        }
    }
}

/// <summary>One evidence item of a fact as it is encoded.</summary>
internal readonly struct EvidenceItem : IEquatable<EvidenceItem>
{
    public EvidenceItem(string document, string quote, bool contradicts)
    {
        Document = document;
        Quote = quote;
        Contradicts = contradicts;
    }

    public string Document { get; }

    public string Quote { get; }

    public bool Contradicts { get; }

    public bool Equals(EvidenceItem other) => Contradicts == other.Contradicts && Document == other.Document && Quote == other.Quote;

    public override bool Equals(object? obj) => obj is EvidenceItem other && Equals(other);

    public override int GetHashCode() => (((Document.GetHashCode() * 31) + Quote.GetHashCode()) * 2) + (Contradicts ? 1 : 0);
}
