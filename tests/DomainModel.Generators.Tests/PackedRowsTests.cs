using System;
using System.Linq;
using CsCheck;
using DomainModel.Generators.Emit;
using DomainModel.Generators.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>Packed rows: the literal the compiler reads back is the bytes, and the choice of chunks keeps to the user-string budget.</summary>
public class PackedRowsTests
{
    [Fact]
    public void Any_bytes_come_back_from_the_compiled_literal_and_only_harmless_characters_are_raw()
    {
        Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var buffer = new TextBuffer();
            PackedRows.AppendLiteral(buffer, bytes);
            var body = buffer.ToString();
            var literal = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression("\"" + body + "\"");
            Assert.Empty(literal.GetDiagnostics());
            var back = PackedRows.Unpack(literal.Token.ValueText);
            Assert.Equal(bytes, back.Take(bytes.Length).ToArray());
            Assert.True(back.Length == bytes.Length || (back.Length == bytes.Length + 1 && back[^1] == 0));
            Assert.All(body.Where((c, i) => !(c == '\\' || (i > 0 && body[i - 1] == '\\'))), c => Assert.True(PackedRows.IsShownAsIs(c) || Uri.IsHexDigit(c), $"U+{(int)c:X4} is raw"));
        }, iter: 2_000);
    }

    [Fact]
    public void Rows_encoded_into_one_array_are_the_joined_rows_utf8_with_their_offsets()
    {
        // Any text, lone surrogates (U+FFFD, 3 bytes) and empty rows included, and any slice of the facts.
        Gen.String[Gen.Char, 0, 40].Array[1, 12].Select(Gen.Int[0, 11], Gen.Int[0, 12]).Sample((rows, start, count) =>
        {
            start = Math.Min(start, rows.Length - 1);
            count = Math.Min(count, rows.Length - start);
            var facts = rows.Select((row, i) => new Model.EmittedFact(i, "f" + i, Model.EquatableArray<Model.FieldValue>.Empty, row, Model.EquatableArray<Model.EvidenceItem>.Empty, null, null, true, 0)).ToArray();
            var joined = string.Concat(rows.Skip(start).Take(count).Select(r => r + "\n"));
            var expected = PackedRows.WithOffsets(System.Text.Encoding.UTF8.GetBytes(joined), count);
            Assert.Equal(expected, PackedRows.Encode(new Model.EquatableArray<Model.EmittedFact>(facts), start, count));
        }, iter: 2_000);
    }

    [Fact]
    public void Every_character_is_either_shown_as_is_or_escaped_and_none_invisible_is_shown()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            if (!PackedRows.IsShownAsIs(ch))
            {
                continue;
            }

            var category = char.GetUnicodeCategory(ch);
            Assert.True(
                category is System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
                    or System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.SpaceSeparator or System.Globalization.UnicodeCategory.OtherPunctuation
                    or System.Globalization.UnicodeCategory.MathSymbol or System.Globalization.UnicodeCategory.CurrencySymbol or System.Globalization.UnicodeCategory.ModifierSymbol
                    or System.Globalization.UnicodeCategory.OpenPunctuation or System.Globalization.UnicodeCategory.ClosePunctuation or System.Globalization.UnicodeCategory.DashPunctuation
                    or System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.OtherNotAssigned,
                $"U+{c:X4} ({category}) would be raw in a packed literal");
        }
    }

    [Theory]
    [InlineData(new long[] { 100, 200 }, null, 0L, 0)]
    [InlineData(new long[] { 600_000, 600_000 }, null, 0L, 2)]
    [InlineData(new long[] { 100, 200 }, true, 0L, 2)]
    [InlineData(new long[] { 600_000, 600_000 }, false, 0L, 0)]
    [InlineData(new long[] { 4_000_000, 4_000_000, 4_000_000, 10 }, null, 0L, 2)]
    [InlineData(new long[] { 4_000_000, 4_000_000, 4_000_000 }, null, 3_000_000L, 1)]
    [InlineData(new long[] { 4_000_000, 4_000_000 }, true, 11_000_000L, 0)]
    [InlineData(new long[] { }, true, 0L, 0)]
    public void Chunks_are_packed_in_order_while_they_fit_the_budget(long[] chunkBytes, bool? mode, long stringBytes, int expected)
    {
        Assert.Equal(expected, Layout.Packing.Choose(chunkBytes, mode, stringBytes));
    }

    [Fact]
    public void The_budget_leaves_room_on_the_user_string_heap()
    {
        // Packed rows alone never bring the heap to the DM0024 warning (three quarters of it): the consumer's
        // own strings and the string rows keep the rest.
        Assert.True(Layout.Packing.BudgetBytes < Layout.Chunking.UserStringLimit * 3 / 4);

        // And the budget is what Choose holds the packed chunks to: up to it exactly, not a byte more.
        var budget = Layout.Packing.BudgetBytes;
        Assert.Equal(2, Layout.Packing.Choose(new[] { budget / 2, budget - (budget / 2), 1 }, mode: true, stringBytes: 0));
        Assert.Equal(1, Layout.Packing.Choose(new[] { budget / 2, budget - (budget / 2) }, mode: true, stringBytes: 1));
        Assert.Equal(0, Layout.Packing.Choose(new[] { budget + 1 }, mode: null, stringBytes: 0));
    }
}
