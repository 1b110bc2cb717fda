using System;
using System.Globalization;

namespace DomainModel;

/// <summary>How precisely a <see cref="FactDate"/> is known.</summary>
public enum DatePrecision
{
    /// <summary>No date: the value of <c>default(FactDate)</c>.</summary>
    None = 0,

    /// <summary>Only the decade is known, e.g. the 1950s (ISO 8601-2: <c>195X</c>).</summary>
    Decade = 1,

    /// <summary>Only the year is known, e.g. <c>2025</c>.</summary>
    Year = 2,

    /// <summary>The year and month are known, e.g. <c>2025-07</c>.</summary>
    Month = 3,

    /// <summary>The exact day is known, e.g. <c>2025-10-15</c>.</summary>
    Day = 4,
}

/// <summary>A calendar date known to a <see cref="DatePrecision"/>: the precision the source gives is kept.</summary>
public readonly record struct FactDate : IComparable<FactDate>
{
    private FactDate(int year, int month, int day, DatePrecision precision)
    {
        Year = year;
        MonthOrZero = month;
        DayOrZero = day;
        Precision = precision;
    }

    /// <summary>The year; for <see cref="DatePrecision.Decade"/>, the decade's first year (1950).</summary>
    public int Year { get; }

    /// <summary>The month (1-12), or null when the precision is coarser than a month.</summary>
    public int? Month => Precision >= DatePrecision.Month ? MonthOrZero : null;

    /// <summary>The day of the month, or null when the precision is coarser than a day.</summary>
    public int? Day => Precision == DatePrecision.Day ? DayOrZero : null;

    /// <summary>How precisely the date is known; <see cref="DatePrecision.None"/> for <c>default(FactDate)</c>.</summary>
    public DatePrecision Precision { get; }

    private int MonthOrZero { get; }

    private int DayOrZero { get; }

    /// <summary>The first day of the period the date denotes (<see cref="DateTime.MinValue"/> for no date).</summary>
    public DateTime Start => Precision == DatePrecision.None
        ? DateTime.MinValue
        : new DateTime(Year, Precision >= DatePrecision.Month ? MonthOrZero : 1, Precision == DatePrecision.Day ? DayOrZero : 1);

    /// <summary>True when <paramref name="left"/> orders before <paramref name="right"/>.</summary>
    public static bool operator <(FactDate left, FactDate right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> orders after <paramref name="right"/>.</summary>
    public static bool operator >(FactDate left, FactDate right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> does not order after <paramref name="right"/>.</summary>
    public static bool operator <=(FactDate left, FactDate right) => left.CompareTo(right) <= 0;

    /// <summary>True when <paramref name="left"/> does not order before <paramref name="right"/>.</summary>
    public static bool operator >=(FactDate left, FactDate right) => left.CompareTo(right) >= 0;

    /// <summary>The decade starting in <paramref name="firstYear"/> (a multiple of 10), e.g. 1950 for the 1950s.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not the first of a decade from 10 to 9990.</exception>
    public static FactDate FromDecade(int firstYear) =>
        firstYear % 10 == 0 && firstYear >= 10 && firstYear <= 9990 ? new FactDate(firstYear, 0, 0, DatePrecision.Decade) : throw new ArgumentOutOfRangeException(nameof(firstYear));

    /// <summary>A year, e.g. 2025.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is not from 1 to 9999.</exception>
    public static FactDate FromYear(int year) => FromParts(year, 0, 0, DatePrecision.Year);

    /// <summary>A month of a year, e.g. 2025-07.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static FactDate FromMonth(int year, int month) => FromParts(year, month, 0, DatePrecision.Month);

    /// <summary>A day, e.g. 2025-10-15.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year, month or day is out of range.</exception>
    public static FactDate FromDay(int year, int month, int day) => FromParts(year, month, day, DatePrecision.Day);

    /// <summary>Parses <c>195X</c> (or <c>1950s</c>), <c>2025</c>, <c>2025-07</c> or <c>2025-10-15</c>.</summary>
    /// <exception cref="FormatException">The text is not such a date.</exception>
    public static FactDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException("Not a date at a known precision (195X, 2025, 2025-07, 2025-10-15): '" + text + "'.");

    /// <summary>Parses a date at its precision; false when the text is not one.</summary>
    public static bool TryParse(string? text, out FactDate date)
    {
        date = default;
        if (text is null || (text.Length != 4 && text.Length != 5 && text.Length != 7 && text.Length != 10))
        {
            return false;
        }

        if ((text.Length == 4 && text[3] == 'X') || (text.Length == 5 && text[3] == '0' && text[4] == 's'))
        {
            if (!Digits(text, 0, 3, out var decade) || decade == 0)
            {
                return false;
            }

            date = new FactDate(decade * 10, 0, 0, DatePrecision.Decade);
            return true;
        }

        if (text.Length == 5 || !Digits(text, 0, 4, out var year) || year == 0)
        {
            return false;
        }

        if (text.Length == 4)
        {
            date = new FactDate(year, 0, 0, DatePrecision.Year);
            return true;
        }

        if (text[4] != '-' || !Digits(text, 5, 2, out var month) || month < 1 || month > 12)
        {
            return false;
        }

        if (text.Length == 7)
        {
            date = new FactDate(year, month, 0, DatePrecision.Month);
            return true;
        }

        if (text[7] != '-' || !Digits(text, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new FactDate(year, month, day, DatePrecision.Day);
        return true;
    }

    /// <summary>The ISO 8601 form at the date's precision: <c>195X</c>, <c>2025</c>, <c>2025-07</c> or <c>2025-10-15</c>; empty for no date.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.None => string.Empty,
        DatePrecision.Decade => (Year / 10).ToString("D3", CultureInfo.InvariantCulture) + "X",
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + MonthOrZero.ToString("D2", CultureInfo.InvariantCulture),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + MonthOrZero.ToString("D2", CultureInfo.InvariantCulture) + "-" + DayOrZero.ToString("D2", CultureInfo.InvariantCulture),
    };

    /// <summary>Orders by start of period, then coarser precision first.</summary>
    public int CompareTo(FactDate other)
    {
        var c = Start.CompareTo(other.Start);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    private static FactDate FromParts(int year, int month, int day, DatePrecision precision)
    {
        var text = precision switch
        {
            DatePrecision.Year => year.ToString("D4", CultureInfo.InvariantCulture),
            DatePrecision.Month => year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture),
            _ => year.ToString("D4", CultureInfo.InvariantCulture) + "-" + month.ToString("D2", CultureInfo.InvariantCulture) + "-" + day.ToString("D2", CultureInfo.InvariantCulture),
        };
        return year is > 0 and < 10000 && TryParse(text, out var date) ? date : throw new ArgumentOutOfRangeException(nameof(year), "Not a valid date: " + text);
    }

    private static bool Digits(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
