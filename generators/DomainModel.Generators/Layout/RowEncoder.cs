using System;
using DomainModel.Generators.Model;
using DomainModel.Generators.Text;
using DomainModel.Internal;

namespace DomainModel.Generators.Layout;

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
    /// Encodes a fact as its row, in one pass that also measures it: <paramref name="utf8Length"/> is the
    /// row's length in UTF-8 bytes, <paramref name="wellFormed"/> whether it has no lone surrogate (so that it
    /// can be in a UTF-8 literal). A list is written as its items, each preceded by '^' (a list field's value
    /// is a list, possibly empty, never null), after '~' when it is the source's examples; a date with a basis
    /// as the date, a space and the basis's index. The emit stage writes the row as it is (packed rows) or as the
    /// body of a C# literal (Emit.CSharp.AppendLiteralBody); nothing encodes it again.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static string Encode(TextBuffer scratch, string id, ReadOnlySpan<FieldValue> values, ReadOnlySpan<EvidenceItem> evidence, string? note, out bool wellFormed, out int utf8Length)
    {
        var row = new Row(scratch.Clear());
        row.Value(id);
        foreach (var value in values)
        {
            row.Marker(FieldSeparator);
            if (value.IsList)
            {
                if (value.IsExamples)
                {
                    row.Marker(RowFormat.Examples);
                }

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
                if (value.Basis != 0)
                {
                    // A date's basis: "2025-10-15 2" (see RowFormat.DateBases).
                    row.Marker(RowFormat.ValueSpace);
                    row.Number(value.Basis);
                }
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
            if (item.HasQualification)
            {
                row.Marker(PartSeparator);
                if (item.Hedge >= 0)
                {
                    row.Number(item.Hedge);
                }

                row.Marker(PartSeparator);
                row.Value(item.AttributedToKind ?? string.Empty);
                row.Marker(PartSeparator);
                row.Value(item.AttributedTo ?? string.Empty);
            }
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
        return scratch.ToString();
    }

    /// <summary>Bytes a fact adds to the assembly's user-string heap when its row is a string literal (UTF-16 row and id, plus overhead).</summary>
    public static int EstimateUserStringBytes(string id, int rowLength) => ((rowLength + id.Length + 5) * 2) + 5;

    /// <summary>A row being written: counts the row's UTF-8 bytes and notes lone surrogates.</summary>
    private struct Row
    {
        private readonly TextBuffer _text;

        public Row(TextBuffer text)
        {
            _text = text;
            Utf8Length = 0;
            WellFormed = true;
        }

        /// <summary>The row's length in UTF-8 bytes (a lone surrogate counted as the 3 bytes of U+FFFD).</summary>
        public int Utf8Length { get; private set; }

        public bool WellFormed { get; private set; }

        /// <summary>A separator or flag: printable ASCII.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public void Marker(char c)
        {
            _text.Append(c);
            Utf8Length++;
        }

        /// <summary>A number: digits (and a sign).</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public void Number(int value)
        {
            var digits = value < 0 ? 2 : 1;
            for (var v = value; v is >= 10 or <= -10; v /= 10)
            {
                digits++;
            }

            _text.Append(value);
            Utf8Length += digits;
        }

        /// <summary>
        /// A value, escaped for the row: its markers are printable ASCII inserted before (or instead of) a
        /// character, so they never split or join a surrogate pair.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public void Value(string value)
        {
            for (var i = 0; i < value.Length;)
            {
                // Runs of printable ASCII that need no escape are copied at once.
                var run = i;
                while (run < value.Length && value[run] is >= ' ' and <= '~' and not (FieldSeparator or ItemSeparator or PartSeparator or Null or Escape))
                {
                    run++;
                }

                if (run > i)
                {
                    _text.Append(value, i, run - i);
                    Utf8Length += run - i;
                    i = run;
                    continue;
                }

                var c = value[i];
                if (RowFormat.IsMarker(c))
                {
                    _text.Append(Escape).Append(c);
                    Utf8Length += 2;
                    i++;
                }
                else if (c == RowFormat.RowEnd)
                {
                    // Rows are lines of one literal per chunk: a line feed in a value is written '`n'.
                    _text.Append(Escape).Append(RowFormat.EscapedLineFeed);
                    Utf8Length += 2;
                    i++;
                }
                else
                {
                    var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    var width = pair ? 2 : 1;
                    _text.Append(value, i, width);
                    if (width == 1 && char.IsSurrogate(c))
                    {
                        WellFormed = false;
                    }

                    Utf8Length += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                    i += width;
                }
            }
        }
    }
}
