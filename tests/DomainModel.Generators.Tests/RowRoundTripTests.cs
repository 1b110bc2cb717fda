using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using DomainModel.Generators.Emit;
using DomainModel.Generators.Layout;
using DomainModel.Generators.Model;
using DomainModel.Generators.Text;
using DomainModel.Internal;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The row format end to end: what the generator's RowEncoder writes, the runtime's FactRow reads back,
/// value for value, through every literal form the runtime reads (a string, a UTF-8 literal, a packed
/// string), for hostile text (every marker, escapes, line breaks, surrogate pairs and lone surrogates,
/// empty and very long values), money, quantities, dates, numbers, lists, references and provenance.
/// </summary>
public class RowRoundTripTests
{
    // Every character that means something to the row format or to a literal, and some that are
    // invisible or wide: each alone, in runs and beside ordinary text.
    private const string Hostile = "|^~}`n\\\"\n\r\t \u0085\u2028\u2029\uFEFF\u202E\u200B\0é日😀";

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String[Gen.Char[Hostile + "abc XYZ-09"], 0, 12],
        Gen.Int[0, Hostile.Length - 1].Select(i => Hostile[i].ToString()),
        Gen.Const(string.Empty),
        Gen.Const("`"),
        Gen.Const("}"),
        Gen.Const("^"),
        Gen.Const("`n"),
        Gen.Int[1, 3].Select(n => string.Concat(Enumerable.Repeat("|^~}`\n😀", n * 3_000))));

    // Text that may hold a lone surrogate (an editor buffer can): such a row cannot be UTF-8.
    private static readonly Gen<string> s_anyText = Gen.Frequency((9, s_text), (1, s_text.Select(Gen.Char['\uD800', '\uDFFF'], (t, c) => t + c)));

    private static readonly Gen<string> s_id = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 1, 20];

    private static readonly Gen<string> s_decimal = Gen.OneOf(
        Gen.Long.Select(v => v.ToString(CultureInfo.InvariantCulture)),
        Gen.Decimal.Select(v => v.ToString(CultureInfo.InvariantCulture)),
        Gen.Const("0.50"),
        Gen.Const("-0.0"),
        Gen.Const("79228162514264337593543950335"));

    private static readonly Gen<string> s_date = Gen.OneOf(
        Gen.Int[1, 999].Select(d => d.ToString("D3", CultureInfo.InvariantCulture) + "X"),
        Gen.Int[1, 999].Select(d => d.ToString("D3", CultureInfo.InvariantCulture) + "0s"),
        Gen.Int[1, 9999].Select(y => y.ToString("D4", CultureInfo.InvariantCulture)),
        Gen.Int[1, 9999].Select(Gen.Int[1, 12], (y, m) => $"{y:D4}-{m:D2}"),
        Gen.Date.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    // A date with a basis (0 to 3: unspecified, stated, resolved, inferred), or none.
    private static readonly Gen<FieldValue> s_datedValue = Gen.Frequency((1, Gen.Const(FieldValue.Null)), (3, s_date.Select(Gen.Int[0, 3], (d, basis) => new FieldValue(d, basis))));

    private static readonly Gen<string> s_money = s_decimal.Select(Gen.String[Gen.Char['A', 'Z'], 3, 3], RowFormat.Money);

    private static readonly Gen<string> s_quantity = s_decimal.Select(Gen.Int[0, RowFormat.Qualifiers.Length - 1], s_text, RowFormat.Quantity);

    private static readonly Gen<Sample> s_sample =
        Gen.Select(
            Gen.Select(s_id, s_anyText, Nullable(s_anyText), s_anyText.Array[0, 4], (id, name, opt, tags) => (id, name, opt, tags)),
            Gen.Select(Nullable(Gen.Long.Select(v => v.ToString(CultureInfo.InvariantCulture))), Nullable(s_decimal), Nullable(Gen.Bool.Select(b => b ? "true" : "false")), s_datedValue, (i, d, b, date) => (i, d, b, date)),
            Gen.Select(Nullable(s_money), Nullable(s_quantity), Nullable(s_decimal), Gen.Int[0, 40], Gen.Int[-1, 100_000], (m, q, p, e, r) => (m, q, p, e, r)),
            Gen.Select(Gen.Int[0, 100_000].Array[0, 5], s_money.Array[0, 3], s_date.Array[0, 3], s_decimal.Array[0, 3], Gen.Int[0, 31], (refs, moneys, dates, decimals, examples) => (refs, moneys, dates, decimals, examples)),
            Gen.Select(s_anyText, s_anyText, Gen.Bool, (document, quote, contradicts) => new EvidenceItem(document, quote, contradicts)).Array[0, 3],
            Nullable(s_anyText),
            (a, b, c, d, evidence, note) => new Sample(
                a.id,
                new[]
                {
                    new FieldValue(a.name),
                    Scalar(a.opt),
                    new FieldValue(a.tags, (d.examples & 1) != 0),
                    Scalar(b.i),
                    Scalar(b.d),
                    Scalar(b.b),
                    b.date,
                    Scalar(c.m),
                    Scalar(c.q),
                    Scalar(c.p),
                    new FieldValue(c.e),
                    c.r < 0 ? FieldValue.Null : new FieldValue(c.r),
                    new FieldValue(d.refs.Select(r => r.ToString(CultureInfo.InvariantCulture)).ToArray(), (d.examples & 2) != 0),
                    new FieldValue(d.moneys, (d.examples & 4) != 0),
                    new FieldValue(d.dates, (d.examples & 8) != 0),
                    new FieldValue(d.decimals, (d.examples & 16) != 0),
                },
                evidence,
                note));

    /// <summary>Random facts: every value comes back from the string form, and from UTF-8 and packed forms when the row is well-formed.</summary>
    [Fact]
    public void Every_value_the_encoder_writes_reads_back_in_every_form()
    {
        s_sample.Sample(
            sample =>
            {
                var row = RowEncoder.Encode(new TextBuffer(256), sample.Id, sample.Values, sample.Evidence, sample.Note, out var wellFormed, out var utf8Length);
                var lone = sample.Texts().Any(HasLoneSurrogate);
                Assert.Equal(!lone, wellFormed);
                Assert.Equal(Encoding.UTF8.GetByteCount(row), utf8Length);
                Assert.DoesNotContain('\n', row);
                Assert.StartsWith(sample.Id + "|", row, StringComparison.Ordinal);
                foreach (var form in wellFormed ? new[] { TableFormat.String, TableFormat.Utf8, TableFormat.Packed, TableFormat.PackedBiased } : new[] { TableFormat.String })
                {
                    Check(sample, Read(sample.Id, row, form));
                }
            },
            iter: 200,
            threads: 1);
    }

    /// <summary>The hostile values by name, one fact each, so a failure names the value.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("|")]
    [InlineData("`")]
    [InlineData("``n")]
    [InlineData("`n")]
    [InlineData("}")]
    [InlineData("^")]
    [InlineData("~")]
    [InlineData("a|b^c~d}e`f")]
    [InlineData("line\nbreak\r\nand\u2028separator")]
    [InlineData("😀 pair, \u202E bidi, \uFEFF bom, \0 nul")]
    [InlineData("lone \uD800 high")]
    [InlineData("lone \uDC00 low")]
    public void A_hostile_value_reads_back_in_every_field(string text)
    {
        var sample = new Sample(
            "the-id",
            new[]
            {
                new FieldValue(text), new FieldValue(text), new FieldValue(new[] { text, string.Empty, text }, true), FieldValue.Null, FieldValue.Null, FieldValue.Null, new FieldValue("2025-10-15", 2),
                new FieldValue(RowFormat.Money("-1.50", "EUR")), new FieldValue(RowFormat.Quantity("3", 2, text)), new FieldValue("78.5"), new FieldValue(3), FieldValue.Null,
                new FieldValue(Array.Empty<string>()), new FieldValue(Array.Empty<string>()), new FieldValue(new[] { "195X", "2025-10" }), new FieldValue(new[] { "0" }),
            },
            new[] { new EvidenceItem(text, text, false), new EvidenceItem("doc.txt", text, true) },
            text);
        var row = RowEncoder.Encode(new TextBuffer(16), sample.Id, sample.Values, sample.Evidence, sample.Note, out var wellFormed, out _);
        Assert.Equal(!HasLoneSurrogate(text), wellFormed);
        Check(sample, Read(sample.Id, row, TableFormat.String));
        if (wellFormed)
        {
            Check(sample, Read(sample.Id, row, TableFormat.Utf8));
            Check(sample, Read(sample.Id, row, TableFormat.Packed));
            Check(sample, Read(sample.Id, row, TableFormat.PackedBiased));
        }
    }

    /// <summary>One row, in a one-literal table of <paramref name="form"/>, read back through the runtime's FactTable and FactRow.</summary>
    private static Decoded Read(string id, string row, char form)
    {
        var utf8 = Encoding.UTF8.GetBytes(row + "\n");
        var text = form switch
        {
            TableFormat.Packed => DomainModel.Testing.PackedText.Pack(PackedRows.WithOffsets(utf8, 1)),

            // As the generator writes it: its literal body, read back by the compiler.
            TableFormat.PackedBiased => Literal(PackedRows.WithOffsets(utf8, 1)),
            _ => row + "\n",
        };
        var table = new FactTable<Decoded>("Sample", 1, 256, Decoded.Create, form.ToString(), _ => text, _ => utf8);
        var fact = table.At(0);
        Assert.Same(fact, table.Get(id));
        return fact;
    }

    /// <summary>The value of the literal the generator writes for <paramref name="bytes"/> (PackedRows.AppendLiteral), as the compiler reads it.</summary>
    private static string Literal(byte[] bytes)
    {
        var body = new TextBuffer();
        PackedRows.AppendLiteral(body, bytes);
        var literal = (Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression("\"" + body + "\"");
        return literal.Token.ValueText;
    }

    private static void Check(Sample sample, Decoded read)
    {
        var v = sample.Values;
        Assert.Equal(sample.Id, read.Id);
        Assert.Equal(v[0][0], read.Name);
        Assert.Equal(Text(v[1]), read.Opt);
        Assert.Equal(Items(v[2]), read.Tags.ToArray());
        Assert.Equal(v[2].IsExamples, read.Tags.IsExamples);
        Assert.Equal(Text(v[3]) is { } i ? long.Parse(i, CultureInfo.InvariantCulture) : null, read.Int);
        Same(Text(v[4]) is { } d ? Dec(d) : null, read.Dec);
        Assert.Equal(Text(v[5]) is { } b ? b == "true" : null, read.Flag);
        Assert.Equal(Text(v[6]) is { } date ? FactDate.Parse(date) : null, read.Date);
        Assert.Equal(v[6].IsNull ? null : (DateBasis)v[6].Basis, read.Date?.Basis);
        if (Text(v[7]) is { } money)
        {
            var space = money.IndexOf(' ', StringComparison.Ordinal);
            Same(Dec(money.Substring(0, space)), read.Money!.Value.Amount);
            Assert.Equal(money.Substring(space + 1), read.Money!.Value.Currency);
        }
        else
        {
            Assert.Null(read.Money);
        }

        if (Text(v[8]) is { } quantity)
        {
            var parts = quantity.Split(' ', 3);
            Same(Dec(parts[0]), read.Quantity!.Value.Value);
            Assert.Equal((QuantityQualifier)int.Parse(parts[1], CultureInfo.InvariantCulture), read.Quantity!.Value.Qualifier);
            Assert.Equal(parts[2], read.Quantity!.Value.Unit);
        }
        else
        {
            Assert.Null(read.Quantity);
        }

        Same(Text(v[9]) is { } p ? Dec(p) : null, read.Percent?.Value);
        Assert.Equal(v[10].Number, read.Enum);
        Assert.Equal(v[11].IsNull ? -1 : v[11].Number, read.Ref);
        Assert.Equal(Items(v[12]).Select(r => int.Parse(r, CultureInfo.InvariantCulture)).Concat(v[12].IsExamples ? new[] { -1 } : Array.Empty<int>()), read.Refs);
        var refs = new FactList<Decoded>(read.Refs, _ => read);
        Assert.Equal((v[12].Count, v[12].IsExamples), (refs.Count, refs.IsExamples));
        Assert.Equal((v[13].IsExamples, v[14].IsExamples, v[15].IsExamples), (read.Moneys.IsExamples, read.Dates.IsExamples, read.Decimals.IsExamples));
        Assert.Equal(Items(v[13]).Select(m => RowFormat.Money(Dec(m.Substring(0, m.IndexOf(' ', StringComparison.Ordinal))).ToString(CultureInfo.InvariantCulture), m.Substring(m.IndexOf(' ', StringComparison.Ordinal) + 1))), read.Moneys.Select(m => m.ToString()));
        Assert.Equal(Items(v[14]).Select(FactDate.Parse), read.Dates.ToArray());
        Assert.Equal(Items(v[15]).Select(x => Dec(x).ToString(CultureInfo.InvariantCulture)), read.Decimals.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(
            sample.Evidence.Select(e => (e.Document, e.Quote, e.Contradicts ? EvidenceStance.Contradicts : EvidenceStance.Supports)),
            read.Provenance.Evidence.Select(e => (e.Document, e.Quote, e.Stance)));
        Assert.Equal(sample.Note, read.Provenance.Note);

        static string? Text(FieldValue value) => value.IsNull ? null : value[0];

        static string[] Items(FieldValue value) => Enumerable.Range(0, value.Count).Select(i => value[i]).ToArray();

        static decimal Dec(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

        // The same number with the same scale (1.50 stays 1.50).
        static void Same(decimal? expected, decimal? actual) =>
            Assert.Equal(expected?.ToString(CultureInfo.InvariantCulture), actual?.ToString(CultureInfo.InvariantCulture));
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static Gen<string?> Nullable(Gen<string> gen) => Gen.Frequency((1, Gen.Const((string?)null)), (3, gen.Select(s => (string?)s)));

    private static FieldValue Scalar(string? text) => text is null ? FieldValue.Null : new FieldValue(text);

    internal sealed record Sample(string Id, FieldValue[] Values, EvidenceItem[] Evidence, string? Note)
    {
        public IEnumerable<string> Texts() =>
            Values.Take(3).SelectMany(v => Enumerable.Range(0, v.Count).Select(i => v[i]))
                .Append(Values[8].IsNull ? string.Empty : Values[8][0])
                .Concat(Evidence.SelectMany(e => new[] { e.Document, e.Quote }))
                .Append(Note ?? string.Empty);

        public override string ToString() => Id;
    }

    /// <summary>A fact of the sample kind, read with the readers generated code calls for these field types.</summary>
    public sealed record Decoded(
        string Id, string Name, string? Opt, ValueList<string> Tags, long? Int, decimal? Dec, bool? Flag, FactDate? Date, Money? Money, Quantity? Quantity,
        Percent? Percent, int Enum, int Ref, int[] Refs, ValueList<Money> Moneys, ValueList<FactDate> Dates, ValueList<decimal> Decimals, Provenance Provenance) : IFact
    {
        public static Decoded Create(FactRow row) => new(
            row.String(), row.String(), row.OptString(), row.StringList(), row.ReadOptInt64(), row.ReadOptDecimal(), row.ReadOptBoolean(), row.ReadOptDate(),
            row.ReadOptMoney(), row.ReadOptQuantity(), row.ReadOptPercent(), row.ReadInt32(), row.Ref(), row.RefList(), row.List(FactRow.ParseMoney),
            row.List(FactRow.ParseDate), row.List(FactRow.ParseDecimal), row.Provenance());
    }
}
