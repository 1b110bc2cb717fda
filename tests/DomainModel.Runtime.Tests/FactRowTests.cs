using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using CsCheck;
using DomainModel.Internal;
using Xunit;

namespace DomainModel.Runtime.Tests;

/// <summary>The row decoder: numbers and UTF-8 read by hand as the BCL reads them, packed rows, tokens and escapes.</summary>
public class FactRowTests
{
    private static readonly string[] s_edges =
    [
        "0", "-0", "0.0", "-0.0", "0.50", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "2147483648", "-2147483649",
        "79228162514264337593543950335", "7922816251426433759354395033.5", "1234567890123456789012345678", "12345678901234567890123456789", "1.", ".5", "-", "",
    ];

    /// <summary>
    /// The runtime reads the numbers of a row by hand (the BCL's number parsing costs a fresh process
    /// milliseconds on first use): for any text, it gives what decimal.Parse and long.Parse give with the
    /// styles the generator writes, or throws the same exception type.
    /// </summary>
    [Fact]
    public void Numbers_read_by_hand_equal_the_BCL_parse_of_the_same_text()
    {
        var styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        var invariant = CultureInfo.InvariantCulture;
        var number = Gen.OneOf(
            Gen.String[Gen.Char["0123456789"], 1, 32].Select(Gen.Bool.Select(b => b ? "-" : ""), Gen.Int[0, 34], (digits, sign, point) => sign + (point < digits.Length && point > 0 ? digits.Insert(point, ".") : digits)),
            Gen.String[Gen.Char["0123456789.-+e "], 0, 8],
            Gen.Int[0, s_edges.Length - 1].Select(i => s_edges[i]));
        number.Sample(text =>
        {
            Same(() => decimal.Parse(text, styles, invariant), () => FactRow.ParseDecimal(text), (a, b) => a.Equals(b) && a.ToString(invariant) == b.ToString(invariant));
            Same(() => long.Parse(text, NumberStyles.AllowLeadingSign, invariant), () => FactRow.ParseInt64(text), (a, b) => a == b);
            Same(() => int.Parse(text, NumberStyles.AllowLeadingSign, invariant), () => FactRow.ParseInt32(text), (a, b) => a == b);
        }, iter: 5_000, threads: 1);

        static void Same<T>(Func<T> expected, Func<T> actual, Func<T, T, bool> equal)
        {
            T? want = default;
            Type? wantError = null;
            try
            {
                want = expected();
            }
            catch (Exception ex)
            {
                wantError = ex.GetType();
            }

            try
            {
                var got = actual();
                Assert.Null(wantError);
                Assert.True(equal(want!, got), $"expected {want}, got {got}");
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Equal(wantError, ex.GetType());
            }
        }
    }

    /// <summary>
    /// The runtime decodes UTF-8 rows by hand (Encoding.UTF8.GetString costs a fresh process more than a
    /// millisecond on first use), from UTF-8 literals and from packed strings. For any bytes, well-formed
    /// (any scalar value, surrogate pairs included) or not (the BCL then decides), it gives the BCL's string.
    /// </summary>
    [Fact]
    public void Utf8_decoded_by_hand_equals_the_BCL_decode_of_the_same_bytes()
    {
        var scalar = Gen.OneOf(Gen.Int[0, 0x7F], Gen.Int[0x80, 0x7FF], Gen.Int[0x800, 0xD7FF], Gen.Int[0xE000, 0xFFFF], Gen.Int[0x10000, 0x10FFFF]);
        var wellFormed = scalar.Array[0, 24].Select(points => Encoding.UTF8.GetBytes(string.Concat(points.Select(char.ConvertFromUtf32))));
        var bytes = Gen.OneOf(
            wellFormed,
            Gen.Byte.Array[0, 24],
            wellFormed.Select(Gen.Int[0, 1000], Gen.Byte, (b, at, value) =>
            {
                // One byte of well-formed text replaced: truncated, overlong and surrogate sequences, stray continuations.
                var copy = (byte[])b.Clone();
                if (copy.Length > 0)
                {
                    copy[at % copy.Length] = value;
                }

                return copy;
            }));
        bytes.Select(Gen.Int[0, 1]).Sample((text, offset) =>
        {
            var expected = Encoding.UTF8.GetString(text);
            Assert.Equal(expected, FactRow.Utf8(text));

            // Packed: two bytes per character, low byte first, starting at an even or odd byte.
            var all = new byte[offset + text.Length + 1];
            text.CopyTo(all, offset);
            Assert.Equal(expected, FactRow.PackedUtf8(Pack(all), offset, offset + text.Length, 0));
            Assert.Equal(expected, FactRow.PackedUtf8(Pack(all, TableFormat.PackedBias), offset, offset + text.Length, TableFormat.PackedBias));
        }, iter: 5_000, threads: 1);

        // The edges by name: the longest and shortest sequences, and what the BCL replaces.
        foreach (var edge in new[] { "\u007F\u0080\u07FF\u0800\uFFFF", "\U00010000\U0010FFFF", "😀 日本 سلام é" })
        {
            Assert.Equal(edge, FactRow.Utf8(Encoding.UTF8.GetBytes(edge)));
        }

        foreach (var invalid in new[] { new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0x80 }, new byte[] { 0xFF } })
        {
            Assert.Equal(Encoding.UTF8.GetString(invalid), FactRow.Utf8(invalid));
        }
    }

    /// <summary>Packed rows: the header says where each row starts; every row and every id comes back.</summary>
    [Fact]
    public void Packed_rows_are_found_by_their_offsets()
    {
        var rows = new[] { "a|x", "b-2|日本|`n", "c|😀|}", "d|", "ee|" + new string('z', 70_000) };
        foreach (var bias in new[] { 0, TableFormat.PackedBias })
        {
            var packed = Pack(WithOffsets(rows), bias);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(rows[i], FactRow.PackedRow(packed, i, bias));
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            FactRow.PackedIds(packed, 100, rows.Length, index, bias);
            Assert.Equal(new[] { "a", "b-2", "c", "d", "ee" }, index.OrderBy(e => e.Value).Select(e => e.Key));
            Assert.Equal(104, index["ee"]);
        }
    }

    [Fact]
    public void Tokens_are_read_in_order_with_escapes_nulls_and_lists()
    {
        // id | string | absent string | integer | absent integer | decimal | boolean | date | money | quantity | percent | enum | ref | absent ref | refs | strings | decimals | evidence | note
        var row = new FactRow("the-id|a`|b`^c`~d```n|}|-42|}|1.50|true|2025-07|2500000000 USD|500000 3 people|78|2|7|}|^1^0^12|^x^^y`^z|^1.5^-2|^+doc.txt~quote `| one^-other.md~two|a note");
        Assert.Equal("the-id", row.String());
        Assert.Equal("a|b^c~d`\n", row.String());
        Assert.Null(row.OptString());
        Assert.Equal(-42L, row.ReadInt64());
        Assert.Null(row.ReadOptInt64());
        Assert.Equal("1.50", row.ReadDecimal().ToString(CultureInfo.InvariantCulture));
        Assert.True(row.ReadBoolean());
        Assert.Equal(FactDate.FromMonth(2025, 7), row.ReadDate());
        Assert.Equal(new Money(2_500_000_000m, "USD"), row.ReadMoney());
        Assert.Equal(new Quantity(500_000m, "people", QuantityQualifier.MoreThan), row.ReadQuantity());
        Assert.Equal(new Percent(78m), row.ReadPercent());
        Assert.Equal(2, row.ReadInt32());
        Assert.Equal(7, row.Ref());
        Assert.Equal(-1, row.Ref());
        Assert.Equal(new[] { 1, 0, 12 }, row.RefList());
        Assert.Equal(new[] { "x", "", "y^z" }, row.StringList());
        Assert.Equal(new[] { 1.5m, -2m }, row.List(FactRow.ParseDecimal));
        var provenance = row.Provenance();
        Assert.Equal(new[] { new Evidence("doc.txt", "quote | one", EvidenceStance.Supports), new Evidence("other.md", "two", EvidenceStance.Contradicts) }, provenance.Evidence);
        Assert.Equal("a note", provenance.Note);
    }

    private sealed record Named(string Id) : IFact
    {
        public Provenance Provenance { get; } = new FactRow("x||}").ProvenanceAfterId();
    }

    [Fact]
    public void A_date_basis_and_an_examples_mark_read_back_from_their_tokens()
    {
        // date with basis | plain date | optional date with basis | refs as examples | strings as examples | decimals as examples | empty examples | dates
        var row = new FactRow("id|2025-10-15 2|2025-10-15|195X 3|~^4^1|~^x`~^y|~^1.5|~|^2025-10-15 1^2024");
        Assert.Equal("id", row.String());
        var resolved = row.ReadDate();
        Assert.Equal(DateBasis.Resolved, resolved.Basis);
        Assert.Equal(FactDate.FromDay(2025, 10, 15), resolved); // the basis takes no part in equality
        var plain = row.ReadDate();
        Assert.Equal(DateBasis.Unspecified, plain.Basis);
        Assert.Equal(resolved.GetHashCode(), plain.GetHashCode());
        var decade = row.ReadOptDate();
        Assert.Equal((DatePrecision.Decade, DateBasis.Inferred), (decade!.Value.Precision, decade.Value.Basis));

        var refs = row.RefList();
        Assert.Equal(new[] { 4, 1, -1 }, refs); // the final -1 is the examples mark FactList reads
        var facts = new FactList<Named>(refs, i => new Named("f" + i));
        Assert.True(facts.IsExamples);
        Assert.Equal(new[] { "f4", "f1" }, facts.Select(f => f.Id));
        Assert.Equal("2 facts (examples): f4, f1", facts.ToString());
        Assert.False(new FactList<Named>(new[] { 4, 1 }, i => new Named("f" + i)).IsExamples);

        var strings = row.StringList();
        Assert.True(strings.IsExamples);
        Assert.Equal(new[] { "x~", "y" }, strings);
        var decimals = row.List(FactRow.ParseDecimal);
        Assert.True(decimals.IsExamples);
        Assert.Equal(new[] { 1.5m }, decimals);
        var none = row.StringList();
        Assert.Equal((true, 0), (none.IsExamples, none.Count));
        var dates = row.List(FactRow.ParseDate);
        Assert.False(dates.IsExamples);
        Assert.Equal(new[] { DateBasis.Stated, DateBasis.Unspecified }, dates.Select(d => d.Basis));

        var builder = new System.Text.StringBuilder();
        FactRow.Print(builder, "Firms", facts);
        FactRow.Print(builder.Append("; "), "Terms", strings);
        FactRow.Print(builder.Append("; "), "None", none);
        Assert.Equal("Firms = [f4, f1, \u2026]; Terms = [x~, y, \u2026]; None = [\u2026]", builder.ToString());
    }

    [Fact]
    public void Empty_lists_and_absent_optional_values_read_as_empty_and_null()
    {
        var row = new FactRow("id|||}|}|}|}|}|}|}||}");
        Assert.Equal("id", row.String());
        Assert.Empty(row.StringList());
        Assert.Empty(row.RefList());
        Assert.Null(row.ReadOptDate());
        Assert.Null(row.ReadOptMoney());
        Assert.Null(row.ReadOptQuantity());
        Assert.Null(row.ReadOptPercent());
        Assert.Null(row.ReadOptBoolean());
        Assert.Null(row.ReadOptDecimal());
        Assert.Null(row.ReadOptInt32());
        var provenance = row.Provenance();
        Assert.Empty(provenance.Evidence);
        Assert.Null(provenance.Note);
        Assert.Equal("(no evidence)", provenance.ToString());
    }

    /// <summary>
    /// The generator names FactRow's readers through <see cref="RowFormat.Readers"/>: each name is a public
    /// method of FactRow that reads the type it is named for (a rename on either side fails here).
    /// </summary>
    [Theory]
    [InlineData(RowFormat.Readers.String, typeof(string))]
    [InlineData(RowFormat.Readers.OptString, typeof(string))]
    [InlineData(RowFormat.Readers.StringList, typeof(ValueList<string>))]
    [InlineData(RowFormat.Readers.Ref, typeof(int))]
    [InlineData(RowFormat.Readers.RefList, typeof(int[]))]
    [InlineData(RowFormat.Readers.Provenance, typeof(Provenance))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Int64, typeof(long))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Int64, typeof(long?))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Decimal, typeof(decimal))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Decimal, typeof(decimal?))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Boolean, typeof(bool))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Boolean, typeof(bool?))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Date, typeof(FactDate))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Date, typeof(FactDate?))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Money, typeof(Money))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Money, typeof(Money?))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Quantity, typeof(Quantity))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Quantity, typeof(Quantity?))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Percent, typeof(Percent))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Percent, typeof(Percent?))]
    [InlineData(RowFormat.Readers.Required + RowFormat.Readers.Enum, typeof(int))]
    [InlineData(RowFormat.Readers.Optional + RowFormat.Readers.Enum, typeof(int?))]
    public void Every_reader_the_generator_names_is_a_public_method_reading_its_type(string name, Type type)
    {
        var method = typeof(FactRow).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        Assert.NotNull(method);
        Assert.Equal(type, method!.ReturnType);
    }

    [Theory]
    [InlineData(RowFormat.Readers.ParseInt64, typeof(long))]
    [InlineData(RowFormat.Readers.ParseDecimal, typeof(decimal))]
    [InlineData(RowFormat.Readers.ParseBoolean, typeof(bool))]
    [InlineData(RowFormat.Readers.ParseDate, typeof(FactDate))]
    [InlineData(RowFormat.Readers.ParseMoney, typeof(Money))]
    [InlineData(RowFormat.Readers.ParseQuantity, typeof(Quantity))]
    [InlineData(RowFormat.Readers.ParsePercent, typeof(Percent))]
    [InlineData(RowFormat.Readers.ParseEnum, typeof(int))]
    public void Every_list_item_parser_the_generator_names_is_a_public_static_method(string name, Type type)
    {
        var method = typeof(FactRow).GetMethod(name, BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) });
        Assert.NotNull(method);
        Assert.Equal(type, method!.ReturnType);
        Assert.NotNull(typeof(FactRow).GetMethod(RowFormat.Readers.List, BindingFlags.Public | BindingFlags.Instance));
    }

    /// <summary>Rows hold an index into these word lists (quantity qualifiers, date bases): each is its enum's members in order, numbered from 0.</summary>
    [Theory]
    [InlineData(typeof(QuantityQualifier), nameof(RowFormat.Qualifiers))]
    [InlineData(typeof(DateBasis), nameof(RowFormat.DateBases))]
    public void Word_lists_of_the_row_format_are_the_enum_in_order(Type type, string list)
    {
        var names = Enum.GetValues(type).Cast<Enum>()
            .Select(v => type.GetField(v.ToString())!.GetCustomAttribute<System.Runtime.Serialization.EnumMemberAttribute>()!.Value)
            .ToArray();
        Assert.Equal((string[])typeof(RowFormat).GetField(list)!.GetValue(null)!, names);
        Assert.Equal(Enumerable.Range(0, names.Length), Enum.GetValues(type).Cast<object>().Select(v => (int)v));
    }

    /// <summary>Rows with a header of where each starts (32-bit offsets), as the generator's PackedRows writes them.</summary>
    internal static byte[] WithOffsets(string[] rows)
    {
        var body = Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => r + "\n")));
        var header = 4 * (rows.Length + 1);
        var result = new byte[header + body.Length];
        var at = header;
        for (var i = 0; i <= rows.Length; i++)
        {
            BitConverter.GetBytes(at).CopyTo(result, 4 * i);
            if (i < rows.Length)
            {
                at += Encoding.UTF8.GetByteCount(rows[i]) + 1;
            }
        }

        body.CopyTo(result, header);
        return result;
    }

    /// <summary>Bytes two per character, low byte first.</summary>
    internal static string Pack(byte[] bytes, int bias = 0) => DomainModel.Testing.PackedText.Pack(bytes, bias);
}
