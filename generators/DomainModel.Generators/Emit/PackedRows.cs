using DomainModel.Generators.Model;
using DomainModel.Generators.Text;
using DomainModel.Internal;

namespace DomainModel.Generators.Emit;

/// <summary>
/// Packed rows: a chunk's UTF-8 rows kept in a string literal, two bytes per character (character =
/// first byte + 256 × second byte + TableFormat.PackedBias, mod 2^16, whatever the machine's byte order;
/// the catalog marks such literals TableFormat.PackedBiased). The bytes start with a header: for
/// each row, then for the end, the offset of its first byte as a 32-bit number (two characters, low half
/// first), counted from the start of the bytes. At run time FactRow.PackedRow finds a row from the header
/// and decodes its bytes straight from the string: no copy of the literal, no scan for line ends, no span
/// (whose first use costs a fresh process an assembly load).
/// <para>
/// Why: the compiler lowers a UTF-8 literal (<c>"..."u8</c>) to one bound node per byte, which at 100,000
/// facts costs it about 2 s and 2.5 GB per compile, while a string literal of any length is one token.
/// String literals live on the assembly's user-string heap, which holds 16 MB; packing halves what UTF-8
/// text takes there. Which chunks are packed is decided by the layout stage (Layout.Packing).
/// </para>
/// <para>
/// The literal shows only harmless characters as they are (printable ASCII except '"' and '\', CJK
/// ideographs, Hangul syllables: where every pair of printable ASCII bytes lands); every other character is written
/// as a \u escape, so no control, format, bidi, line-separator or surrogate character is ever raw in the
/// generated source.
/// </para>
/// </summary>
internal static class PackedRows
{
    /// <summary>
    /// The bytes of a packed chunk: the header of offsets (see the class summary), then <paramref name="rows"/>,
    /// which holds <paramref name="count"/> rows, each ended by a line feed (which no row holds otherwise).
    /// </summary>
    public static byte[] WithOffsets(byte[] rows, int count)
    {
        var header = 4 * (count + 1);
        var bytes = new byte[header + rows.Length];
        System.Array.Copy(rows, 0, bytes, header, rows.Length);
        var row = 0;
        WriteOffset(bytes, row++, header);
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] == (byte)'\n')
            {
                WriteOffset(bytes, row++, header + i + 1);
            }
        }

        if (row != count + 1)
        {
            throw new System.ArgumentException($"{count} rows expected, {row - 1} found.", nameof(rows));
        }

        return bytes;
    }

    /// <summary>
    /// The bytes of a packed literal for <paramref name="count"/> facts' rows from <paramref name="start"/>: the same
    /// bytes as <see cref="WithOffsets"/> of the rows' UTF-8 joined by line feeds, encoded straight into one array.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static byte[] Encode(EquatableArray<EmittedFact> facts, int start, int count)
    {
        var utf8 = System.Text.Encoding.UTF8;
        var header = 4 * (count + 1);
        var length = header;
        for (var i = start; i < start + count; i++)
        {
            length += utf8.GetByteCount(facts[i].Row) + 1;
        }

        var bytes = new byte[length];
        var offset = header;
        for (var i = start; i < start + count; i++)
        {
            WriteOffset(bytes, i - start, offset);
            var row = facts[i].Row;
            offset += utf8.GetBytes(row, 0, row.Length, bytes, offset);
            bytes[offset++] = (byte)'\n';
        }

        WriteOffset(bytes, count, offset);
        return bytes;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static void WriteOffset(byte[] bytes, int row, int offset)
    {
        for (var b = 0; b < 4; b++)
        {
            bytes[(4 * row) + b] = (byte)(offset >> (8 * b));
        }
    }

    /// <summary>
    /// Appends <paramref name="utf8"/> as the body of a C# string literal (between its quotes), two bytes per
    /// character plus TableFormat.PackedBias (mod 2^16); an odd last byte is padded with 0. With the bias every
    /// pair of printable ASCII bytes is a CJK ideograph, shown as is: without it a pair whose second byte is a
    /// space, a digit or punctuation fell below U+3400 and took a six-character escape.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static void AppendLiteral(TextBuffer literal, byte[] utf8)
    {
        for (var i = 0; i < utf8.Length; i += 2)
        {
            var c = (char)(((utf8[i] | ((i + 1 < utf8.Length ? utf8[i + 1] : 0) << 8)) + TableFormat.PackedBias) & 0xFFFF);
            if (IsShownAsIs(c))
            {
                literal.Append(c);
            }
            else
            {
                literal.Append('\\').Append('u').Append(Hex(c >> 12)).Append(Hex((c >> 8) & 0xF)).Append(Hex((c >> 4) & 0xF)).Append(Hex(c & 0xF));
            }
        }
    }

    /// <summary>The bytes a packed literal holds (the inverse of <see cref="AppendLiteral"/>, for tests): each character less the bias, low then high byte.</summary>
    public static byte[] Unpack(string packed)
    {
        var bytes = new byte[packed.Length * 2];
        for (var i = 0; i < packed.Length; i++)
        {
            var value = (packed[i] - TableFormat.PackedBias) & 0xFFFF;
            bytes[2 * i] = (byte)value;
            bytes[(2 * i) + 1] = (byte)(value >> 8);
        }

        return bytes;
    }

    /// <summary>Printable ASCII but '"' and '\', CJK Unified Ideographs (and extension A), Hangul syllables.</summary>
    internal static bool IsShownAsIs(char c) =>
        (c >= ' ' && c <= '~' && c != '"' && c != '\\')
        || (c >= '\u3400' && c <= '\u4DBF')
        || (c >= '\u4E00' && c <= '\u9FFF')
        || (c >= '\uAC00' && c <= '\uD7A3');

    private static char Hex(int digit) => (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);
}
