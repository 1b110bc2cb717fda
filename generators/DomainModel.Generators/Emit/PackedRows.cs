using System.Collections.Generic;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Emit;

/// <summary>
/// Packed rows: a chunk's UTF-8 rows kept in a string literal, two bytes per character (character =
/// first byte + 256 × second byte, whatever the machine's byte order). The bytes start with a header: for
/// each row, then for the end, the offset of its first byte as a 32-bit number (two characters, low half
/// first), counted from the start of the bytes. At run time FactRow.PackedRow finds a row from the header
/// and decodes its bytes straight from the string: no copy of the literal, no scan for line ends, no span
/// (whose first use costs a fresh process an assembly load).
/// <para>
/// Why: the compiler lowers a UTF-8 literal (<c>"..."u8</c>) to one bound node per byte, which at 100,000
/// facts costs it about 2 s and 2.5 GB per compile, while a string literal of any length is one token.
/// String literals live on the assembly's user-string heap, which holds 16 MB; packing halves what UTF-8
/// text takes there. So rows are packed while they fit in <see cref="BudgetBytes"/> (with the rows that
/// must be strings anyway), and the rest stay UTF-8 literals.
/// </para>
/// <para>
/// The literal shows only harmless characters as they are (printable ASCII except '"' and '\', CJK
/// ideographs, Hangul syllables: where most pairs of ASCII bytes land); every other character is written
/// as a \u escape, so no control, format, bidi, line-separator or surrogate character is ever raw in the
/// generated source.
/// </para>
/// </summary>
internal static class PackedRows
{
    /// <summary>Without DomainModelPackRows, rows are packed only when all UTF-8 rows together exceed this (1 MiB): small catalogs keep readable rows.</summary>
    public const long AutoAboveBytes = 1L << 20;

    /// <summary>The user-string heap bytes that packed rows may take, together with the rows that must be strings (10 MiB of 16).</summary>
    public const long BudgetBytes = 10L << 20;

    /// <summary>What a chunk's rows take on the user-string heap when packed: per literal of Emitter.RowsPerLiteral rows, the offsets, the rows and their line feeds, rounded up to whole characters, plus the string's header.</summary>
    public static long UserStringBytes(EquatableArray<EmittedFact> facts)
    {
        long total = 0;
        for (var start = 0; start < facts.Count; start += Emitter.RowsPerLiteral)
        {
            var end = System.Math.Min(start + Emitter.RowsPerLiteral, facts.Count);
            long bytes = 4L * (end - start + 1);
            for (var i = start; i < end; i++)
            {
                bytes += facts[i].RowUtf8Length + 1;
            }

            total += ((bytes + 1) / 2 * 2) + 5;
        }

        return total;
    }

    /// <summary>
    /// How many of the UTF-8 chunks, in order, to pack: none when <paramref name="mode"/> is false, or when it
    /// is null (automatic) and all of them hold <see cref="AutoAboveBytes"/> or less; else as many as fit in
    /// <paramref name="budget"/> after the <paramref name="stringBytes"/> that string rows take already.
    /// </summary>
    public static int Choose(IReadOnlyList<long> chunkBytes, bool? mode, long stringBytes, long budget = BudgetBytes)
    {
        if (mode == false || chunkBytes.Count == 0)
        {
            return 0;
        }

        if (mode is null)
        {
            long total = 0;
            foreach (var bytes in chunkBytes)
            {
                total += bytes;
            }

            if (total <= AutoAboveBytes)
            {
                return 0;
            }
        }

        var used = stringBytes;
        var count = 0;
        foreach (var bytes in chunkBytes)
        {
            if (used + bytes > budget)
            {
                break;
            }

            used += bytes;
            count++;
        }

        return count;
    }

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

    private static void WriteOffset(byte[] bytes, int row, int offset)
    {
        for (var b = 0; b < 4; b++)
        {
            bytes[(4 * row) + b] = (byte)(offset >> (8 * b));
        }
    }

    /// <summary>Appends <paramref name="utf8"/> as the body of a C# string literal (between its quotes), two bytes per character; an odd last byte is padded with 0.</summary>
    public static void AppendLiteral(TextBuffer literal, byte[] utf8)
    {
        for (var i = 0; i < utf8.Length; i += 2)
        {
            var c = (char)(utf8[i] | ((i + 1 < utf8.Length ? utf8[i + 1] : 0) << 8));
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

    /// <summary>The bytes a packed literal holds (the inverse of <see cref="AppendLiteral"/>, for tests): the characters' low then high bytes.</summary>
    public static byte[] Unpack(string packed)
    {
        var bytes = new byte[packed.Length * 2];
        for (var i = 0; i < packed.Length; i++)
        {
            bytes[2 * i] = (byte)packed[i];
            bytes[(2 * i) + 1] = (byte)(packed[i] >> 8);
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
