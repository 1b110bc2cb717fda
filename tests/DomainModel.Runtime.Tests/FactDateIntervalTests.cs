using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace DomainModel.Runtime.Tests;

/// <summary>
/// A date denotes a period (Start to End); comparisons in time are decided on both bounds and are false
/// when the source does not decide them. No ordering operator exists to mislead.
/// </summary>
public class FactDateIntervalTests
{
    [Theory]
    [InlineData("195X", "1950-01-01", "1959-12-31")]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2025-02", "2025-02-01", "2025-02-28")]
    [InlineData("2025-10-15", "2025-10-15", "2025-10-15")]
    [InlineData("999X", "9990-01-01", "9999-12-31")]
    public void A_date_denotes_the_days_from_Start_to_End(string text, string start, string end)
    {
        var date = FactDate.Parse(text);
        Assert.Equal(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.Start);
        Assert.Equal(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.End);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), date.FirstDay);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), date.LastDay);
        Assert.True(date.IsKnown);
    }

    /// <summary>The query: a 2025-01 event is not in 2024, and a 2024 event is.</summary>
    [Fact]
    public void Filtering_a_range_keeps_what_lies_in_it_at_any_precision()
    {
        var dates = new[] { "2024", "2025-01", "2023-12-31", "2024-12", "2024-06-01", "202X", "2025" }.Select(FactDate.Parse).ToList();
        var first = new DateTime(2024, 1, 1);
        var last = new DateTime(2024, 12, 31);
        Assert.Equal(new[] { "2024", "2024-12", "2024-06-01" }, dates.Where(d => d.IsWithin(first, last)).Select(d => d.ToString()));
        Assert.Equal(new[] { "2024", "2024-12", "2024-06-01" }, dates.Where(d => FactDate.FromYear(2024).Contains(d)).Select(d => d.ToString()));
        Assert.Equal(new[] { "2024", "2024-12", "2024-06-01", "202X" }, dates.Where(d => d.Overlaps(first, last)).Select(d => d.ToString()));
        Assert.Equal(new[] { "2024", "2024-12", "2024-06-01", "202X" }, dates.Where(d => d.Overlaps(FactDate.FromYear(2024))).Select(d => d.ToString()));
        Assert.Equal(new[] { "2024", "2024-12", "2024-06-01" }, dates.Where(d => d.IsWithin(DateOnly.FromDateTime(first), DateOnly.FromDateTime(last))).Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("2024", "2025-01-15", true, false)]
    [InlineData("2024", "2025", true, false)]
    [InlineData("2024-12-31", "2025-01", true, false)]
    [InlineData("2024", "2024-06-01", false, false)] // overlapping: undecidable
    [InlineData("2024-06-01", "2024", false, false)]
    [InlineData("202X", "2024", false, false)]
    [InlineData("2024", "2024", false, false)]
    [InlineData("2025-01", "2024", false, true)]
    [InlineData("2025-01-01", "2024-12-31", false, true)]
    [InlineData("195X", "1960", true, false)]
    public void IsBefore_and_IsAfter_hold_only_for_whole_periods(string a, string b, bool before, bool after)
    {
        var (x, y) = (FactDate.Parse(a), FactDate.Parse(b));
        Assert.Equal(before, x.IsBefore(y));
        Assert.Equal(after, x.IsAfter(y));
        Assert.Equal(before, y.IsAfter(x));
        Assert.Equal(after, y.IsBefore(x));
        Assert.Equal(!before && !after, x.Overlaps(y));
        Assert.Equal(x.Overlaps(y), y.Overlaps(x));
    }

    [Fact]
    public void Contains_is_wholly_within()
    {
        var year = FactDate.FromYear(2024);
        Assert.True(year.Contains(FactDate.FromMonth(2024, 6)));
        Assert.True(year.Contains(FactDate.FromDay(2024, 12, 31)));
        Assert.True(year.Contains(year));
        Assert.False(year.Contains(FactDate.FromDecade(2020)));
        Assert.True(FactDate.FromDecade(2020).Contains(year));
        Assert.False(year.Contains(FactDate.FromDay(2025, 1, 1)));
        Assert.True(year.Contains(new DateTime(2024, 7, 4, 23, 59, 0)));
        Assert.False(year.Contains(new DateTime(2025, 1, 1)));
        Assert.True(year.Contains(new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void No_date_is_before_after_within_or_overlapping_anything()
    {
        var none = default(FactDate);
        var day = FactDate.FromDay(2024, 1, 1);
        Assert.False(none.IsKnown);
        Assert.False(none.IsBefore(day) || day.IsBefore(none) || none.IsAfter(day) || day.IsAfter(none));
        Assert.False(none.Overlaps(day) || day.Overlaps(none) || none.Overlaps(none));
        Assert.False(none.Contains(day) || day.Contains(none) || none.Contains(DateTime.MinValue));
        Assert.False(none.IsWithin(DateTime.MinValue, DateTime.MaxValue));
        Assert.False(none.Overlaps(DateTime.MinValue, DateTime.MaxValue));
    }

    /// <summary>A &lt; or &gt;= on mixed precision misled (2024 &gt;= 2024-01-01 was false, 2025-01 &lt; 2025-01-01 true): there are none.</summary>
    [Fact]
    public void FactDate_has_no_ordering_operators()
    {
        var operators = typeof(FactDate).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Where(n => n.StartsWith("op_", StringComparison.Ordinal));
        Assert.Equal(new[] { "op_Equality", "op_Inequality" }, operators.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void CompareTo_sorts_by_start_then_the_longer_period_first()
    {
        var sorted = new[] { "2024-01-01", "2024", "2023-12", "202X", "2024-01" }.Select(FactDate.Parse).Append(default).Order().Select(d => d.ToString());
        Assert.Equal(new[] { "", "202X", "2023-12", "2024", "2024-01", "2024-01-01" }, sorted);
    }
}
