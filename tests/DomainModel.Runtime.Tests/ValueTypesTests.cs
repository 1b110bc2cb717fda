using System;
using System.Linq;
using DomainModel.Internal;
using Xunit;

namespace DomainModel.Runtime.Tests;

/// <summary>Money, quantities, percents and the currency list they share with the generator.</summary>
public class ValueTypesTests
{
    [Fact]
    public void Money_keeps_amount_and_code_and_prints_them_in_every_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var money = new Money(-2_500_000.5m, "EUR");
            Assert.Equal(-2_500_000.5m, money.Amount);
            Assert.Equal("EUR", money.Currency);
            Assert.Equal("-2500000.5 EUR", money.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("DOLLARS")]
    [InlineData("usd")]
    [InlineData("XYZ")]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USD ")]
    public void Money_rejects_a_code_that_is_not_ISO_4217(string code)
    {
        var error = Assert.Throws<ArgumentException>(() => new Money(1, code));
        Assert.Equal("currency", error.ParamName);
        Assert.Contains("ISO 4217", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_rejects_a_null_code()
    {
        Assert.Equal("currency", Assert.Throws<ArgumentNullException>(() => new Money(1, null!)).ParamName);
    }

    [Fact]
    public void The_currency_list_is_sorted_unique_three_letter_codes_found_by_IsValid()
    {
        var all = Currencies.All.ToList();
        Assert.Equal(172, all.Count);
        Assert.Equal(all.OrderBy(c => c, StringComparer.Ordinal), all);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, c => Assert.Matches("^[A-Z]{3}$", c));
        Assert.All(all, c => Assert.True(Currencies.IsValid(c), c));
        foreach (var code in new[] { "USD", "EUR", "RUB", "SYP", "AED", "ZWL" })
        {
            Assert.Contains(code, all);
        }

        // Every three-letter code not in the list is rejected (the search checks every position).
        var valid = all.ToHashSet(StringComparer.Ordinal);
        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                for (var c = 'A'; c <= 'Z'; c++)
                {
                    var code = new string(new[] { a, b, c });
                    Assert.Equal(valid.Contains(code), Currencies.IsValid(code));
                }
            }
        }

        Assert.False(Currencies.IsValid(null));
        Assert.False(Currencies.IsValid("USDX"));
    }

    [Fact]
    public void Default_values_print_as_empty_not_as_a_dangling_space()
    {
        Assert.Equal(string.Empty, default(Money).Currency);
        Assert.Equal(string.Empty, default(Quantity).Unit);
        Assert.Equal("0%", default(Percent).ToString());
    }

    [Theory]
    [InlineData(QuantityQualifier.Exact, "500 engineers")]
    [InlineData(QuantityQualifier.About, "~ 500 engineers")]
    [InlineData(QuantityQualifier.AtLeast, ">= 500 engineers")]
    [InlineData(QuantityQualifier.MoreThan, "> 500 engineers")]
    [InlineData(QuantityQualifier.AtMost, "<= 500 engineers")]
    [InlineData(QuantityQualifier.LessThan, "< 500 engineers")]
    [InlineData(QuantityQualifier.Unspecified, "500 engineers")]
    [InlineData(QuantityQualifier.Target, "500 engineers (target)")]
    [InlineData(QuantityQualifier.Rounded, "500 engineers (rounded)")]
    public void Quantity_prints_its_qualifier_value_and_unit(QuantityQualifier qualifier, string expected)
    {
        Assert.Equal(expected, new Quantity(500, "engineers", qualifier).ToString());
    }

    [Fact]
    public void A_quantity_nobody_qualified_is_unspecified_not_exact()
    {
        Assert.Equal(QuantityQualifier.Unspecified, new Quantity(500, "engineers").Qualifier);
        Assert.Equal(QuantityQualifier.Unspecified, default(Quantity).Qualifier);
        Assert.Equal(QuantityQualifier.Exact, new Quantity(500, "engineers", QuantityQualifier.Exact).Qualifier);
        Assert.NotEqual(new Quantity(500, "engineers", QuantityQualifier.Exact), new Quantity(500, "engineers"));
        Assert.Equal(new Quantity(500, "engineers", QuantityQualifier.Unspecified), new Quantity(500, "engineers"));
    }

    [Theory]
    [InlineData(0, QuantityQualifier.Exact)]
    [InlineData(5, QuantityQualifier.LessThan)]
    [InlineData(6, QuantityQualifier.Unspecified)]
    [InlineData(7, QuantityQualifier.Target)]
    [InlineData(8, QuantityQualifier.Rounded)]
    public void Qualifier_numbers_in_rows_are_stable(int number, QuantityQualifier qualifier)
    {
        // Rows hold the number: the first six keep theirs, the later ones come after them.
        Assert.Equal(qualifier, FactRow.ParseQuantity(RowFormat.Quantity("500", number, "engineers")).Qualifier);
        Assert.Equal(number, (int)qualifier);
    }

    [Fact]
    public void Percent_is_the_number_shown_and_its_fraction()
    {
        var percent = new Percent(78.5m);
        Assert.Equal(78.5m, percent.Value);
        Assert.Equal(0.785m, percent.Fraction);
        Assert.Equal("78.5%", percent.ToString());
    }

    [Fact]
    public void Row_texts_of_money_and_quantity_read_back_through_the_row_format()
    {
        Assert.Equal(new Money(100_000_000m, "USD"), FactRow.ParseMoney(RowFormat.Money("100000000", "USD")));
        Assert.Equal(new Quantity(-1.25m, "cubic metres of gas", QuantityQualifier.LessThan), FactRow.ParseQuantity(RowFormat.Quantity("-1.25", 5, "cubic metres of gas")));
        Assert.Equal(new Percent(-3m), FactRow.ParsePercent("-3"));
    }
}
