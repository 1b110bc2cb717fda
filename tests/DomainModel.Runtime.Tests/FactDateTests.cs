using System;
using Xunit;

namespace DomainModel.Runtime.Tests;

/// <summary>Dates at their precision: parsing, printing, construction.</summary>
public class FactDateTests
{
    [Theory]
    [InlineData("195X", DatePrecision.Decade, 1950, null, null)]
    [InlineData("2025", DatePrecision.Year, 2025, null, null)]
    [InlineData("2025-07", DatePrecision.Month, 2025, 7, null)]
    [InlineData("2025-10-15", DatePrecision.Day, 2025, 10, 15)]
    [InlineData("2024-02-29", DatePrecision.Day, 2024, 2, 29)]
    public void Parses_and_prints_each_precision(string text, DatePrecision precision, int year, int? month, int? day)
    {
        var date = FactDate.Parse(text);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(year, date.Year);
        Assert.Equal(month, date.Month);
        Assert.Equal(day, date.Day);
        Assert.Equal(text, date.ToString());
    }

    [Fact]
    public void A_basis_says_how_the_date_was_read_and_takes_no_part_in_equality_or_order()
    {
        var plain = FactDate.FromDay(2025, 10, 15);
        var resolved = plain.WithBasis(DateBasis.Resolved);
        Assert.Equal(DateBasis.Unspecified, plain.Basis);
        Assert.Equal(DateBasis.Unspecified, FactDate.Parse("2025-10-15").Basis);
        Assert.Equal(DateBasis.Unspecified, default(FactDate).Basis);
        Assert.Equal(DateBasis.Resolved, resolved.Basis);
        Assert.Equal(plain, resolved);
        Assert.True(plain == resolved);
        Assert.Equal(plain.GetHashCode(), resolved.GetHashCode());
        Assert.Equal(0, plain.CompareTo(resolved));
        Assert.Equal("2025-10-15", resolved.ToString());
        Assert.Equal(DateBasis.Inferred, FactDate.FromDecade(1950).WithBasis(DateBasis.Inferred).Basis);
        Assert.NotEqual(FactDate.FromMonth(2025, 10).WithBasis(DateBasis.Stated), resolved);
    }

    [Fact]
    public void The_1950s_is_the_decade_195X()
    {
        Assert.Equal(FactDate.FromDecade(1950), FactDate.Parse("1950s"));
        Assert.Equal("195X", FactDate.Parse("1950s").ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("0000")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2025/10/15")]
    [InlineData("000X")]
    [InlineData("1955s")]
    [InlineData(" 2025")]
    public void Rejects_what_is_not_a_date_at_a_known_precision(string text)
    {
        Assert.False(FactDate.TryParse(text, out var date));
        Assert.Equal(default, date);
        Assert.Throws<FormatException>(() => FactDate.Parse(text));
    }

    [Fact]
    public void Factories_check_their_ranges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FactDate.FromDecade(1955));
        Assert.Throws<ArgumentOutOfRangeException>(() => FactDate.FromYear(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FactDate.FromYear(10_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => FactDate.FromMonth(2025, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => FactDate.FromDay(2025, 2, 29));
        Assert.Equal(FactDate.Parse("2025-10-15"), FactDate.FromDay(2025, 10, 15));
    }

    [Fact]
    public void Default_is_no_date()
    {
        Assert.Equal(DatePrecision.None, default(FactDate).Precision);
        Assert.Equal(string.Empty, default(FactDate).ToString());
        Assert.Null(default(FactDate).Month);
    }
}
