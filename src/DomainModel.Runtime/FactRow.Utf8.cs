using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using DomainModel.Internal;

namespace DomainModel;

/// <summary>
/// The UTF-8 decoders of rows: rows in UTF-8 literals (<c>"..."u8</c>) and packed rows (UTF-8 bytes two
/// per character of a string literal, after a header of row offsets; see the generator's PackedRows).
/// Rows are decoded by hand: the first call to Encoding.UTF8.GetString costs a fresh process more than
/// a millisecond, longer than the whole first fact. The generator writes well-formed UTF-8; anything
/// else goes to the BCL, which decides (replacement characters).
/// </summary>
public partial struct FactRow
{
#if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_0_OR_GREATER
    /// <summary>The text of a row in a UTF-8 literal (for <see cref="FactTable{T}"/>).</summary>
    internal static string Utf8(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        var n = 0;
        for (var i = 0; i < bytes.Length;)
        {
            int lead = bytes[i];
            if (lead < 0x80)
            {
                chars[n++] = (char)lead;
                i++;
                continue;
            }

            var length = SequenceLength(lead);
            if (length == 0 || i + length > bytes.Length)
            {
                return Encoding.UTF8.GetString(bytes);
            }

            var value = lead & (0x7F >> length);
            for (var k = 1; k < length; k++)
            {
                value = Continue(value, bytes[i + k]);
            }

            if (!IsScalar(value, length))
            {
                return Encoding.UTF8.GetString(bytes);
            }

            n = Put(chars, n, value);
            i += length;
        }

        return new string(chars, 0, n);
    }
#endif

    // Packed rows: UTF-8 bytes two per character, low byte first, after a header that gives where each
    // row starts as a 32-bit offset (two characters, low half first). Each character is first taken less
    // the literal's bias (0, or TableFormat.PackedBias); byte i is ((packed[i >> 1] - bias) >> ((i & 1) << 3))
    // & 0xFF (the & 0xFF also undoes a negative difference), written out where it is read: these loops run
    // as Tier-0 code in a fresh process, which calls a helper instead of inlining it.

    /// <summary>Row <paramref name="row"/> of a packed literal whose characters carry <paramref name="bias"/>.</summary>
    internal static string PackedRow(string packed, int row, int bias) => PackedUtf8(packed, PackedStart(packed, row, bias), PackedStart(packed, row + 1, bias) - 1, bias);

    /// <summary>Adds the ids of a packed literal's rows, numbered from <paramref name="first"/>: a row's first token (a slug, never escaped).</summary>
    internal static void PackedIds(string packed, int first, int count, Dictionary<string, int> index, int bias)
    {
        for (var row = 0; row < count; row++)
        {
            index.Add(PackedId(packed, row, bias), first + row);
        }
    }

    /// <summary>The text of bytes <paramref name="start"/> to <paramref name="end"/> (exclusive) of a packed string.</summary>
    internal static string PackedUtf8(string packed, int start, int end, int bias)
    {
        var chars = new char[end - start];
        var n = 0;
        for (var i = start; i < end;)
        {
            var lead = ((packed[i >> 1] - bias) >> ((i & 1) << 3)) & 0xFF;
            if (lead < 0x80)
            {
                chars[n++] = (char)lead;
                i++;
                continue;
            }

            var length = SequenceLength(lead);
            if (length == 0 || i + length > end)
            {
                return PackedBcl(packed, start, end, bias);
            }

            var value = lead & (0x7F >> length);
            for (var k = 1; k < length; k++)
            {
                value = Continue(value, ((packed[(i + k) >> 1] - bias) >> (((i + k) & 1) << 3)) & 0xFF);
            }

            if (!IsScalar(value, length))
            {
                return PackedBcl(packed, start, end, bias);
            }

            n = Put(chars, n, value);
            i += length;
        }

        return new string(chars, 0, n);
    }

    // Not inlined: in a fresh process the loop above is compiled optimized while it runs (OSR), which
    // costs milliseconds when this is part of it; this stays a quick Tier-0 method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static string PackedId(string packed, int row, int bias)
    {
        var start = PackedStart(packed, row, bias);
        var end = start;
        while ((((packed[end >> 1] - bias) >> ((end & 1) << 3)) & 0xFF) != RowFormat.FieldSeparator)
        {
            end++;
        }

        return PackedUtf8(packed, start, end, bias);
    }

    private static int PackedStart(string packed, int row, int bias) => ((packed[2 * row] - bias) & 0xFFFF) | (((packed[(2 * row) + 1] - bias) & 0xFFFF) << 16);

    private static string PackedBcl(string packed, int start, int end, int bias)
    {
        var bytes = new byte[end - start];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((packed[(start + i) >> 1] - bias) >> (((start + i) & 1) << 3));
        }

        return Encoding.UTF8.GetString(bytes);
    }

    // The length of the UTF-8 sequence that a lead byte starts (2 to 4), or 0 for a byte that starts none.
    private static int SequenceLength(int lead) => (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;

    // Adds a continuation byte's six bits; a byte that is not one makes the value invalid (negative).
    private static int Continue(int value, int next) => value < 0 || (next & 0xC0) != 0x80 ? -1 : (value << 6) | (next & 0x3F);

    // A Unicode scalar value in the shortest form for its length: not overlong, not a surrogate, not above U+10FFFF.
    private static bool IsScalar(int value, int length) =>
        value >= (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000) && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);

    private static int Put(char[] chars, int n, int value)
    {
        if (value < 0x10000)
        {
            chars[n] = (char)value;
            return n + 1;
        }

        chars[n] = (char)(0xD800 + ((value - 0x10000) >> 10));
        chars[n + 1] = (char)(0xDC00 + ((value - 0x10000) & 0x3FF));
        return n + 2;
    }
}
