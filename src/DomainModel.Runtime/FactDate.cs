using System;
using System.Globalization;
using System.Runtime.Serialization;

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

/// <summary>
/// How the facts got a <see cref="FactDate"/> from their source: the quote states it, it was resolved from a
/// relative expression ("Wednesday", "later", "post-meeting") against the document's date, or it was inferred.
/// </summary>
public enum DateBasis
{
    /// <summary>The facts do not say (a date written without <c>basis:</c>): a quote states it, or its note says how it was read.</summary>
    [EnumMember(Value = "unspecified")]
    Unspecified = 0,

    /// <summary>A quote of the fact states the date ("October 15, 2025", "in 2015").</summary>
    [EnumMember(Value = "stated")]
    Stated = 1,

    /// <summary>Resolved from a relative expression ("Wednesday", "later", "post-meeting") against the document's date; the note says from what.</summary>
    [EnumMember(Value = "resolved")]
    Resolved = 2,

    /// <summary>Inferred from the context (the text dates something else, such as the event it followed); the note says from what.</summary>
    [EnumMember(Value = "inferred")]
    Inferred = 3,
}

/// <summary>
/// A calendar date known to a <see cref="DatePrecision"/>: the precision the source gives is kept. A date
/// denotes a period of days, from <see cref="Start"/> to <see cref="End"/>: <c>2024</c> is 2024-01-01 to
/// 2024-12-31, <c>2025-07</c> is the days of July 2025, <c>195X</c> the 1950s, a day the day itself.
/// </summary>
/// <remarks>
/// Compare dates in time with <see cref="IsBefore(FactDate)"/> and <see cref="IsAfter(FactDate)"/> (true only
/// when the whole period is before or after: false when the periods overlap, as for 2024 and 2024-06-01,
/// since the source does not say which is first), <see cref="Overlaps(FactDate)"/> (possibly the same time)
/// and <see cref="Contains(FactDate)"/> or <see cref="IsWithin(DateTime, DateTime)"/> (certainly within).
/// There are no <c>&lt;</c> or <c>&gt;</c> operators: on dates of mixed precision any such order misleads
/// (is 2024 before 2024-06-01?). <see cref="CompareTo"/> is a sort order for display, not a chronology.
/// <see cref="Basis"/> says how the facts got the date from their source; like <see cref="DateTime.Kind"/>,
/// it takes no part in equality, hashing or ordering: a resolved 2025-10-15 is the same day as a stated one.
/// </remarks>
public readonly record struct FactDate : IComparable<FactDate>
{
    private FactDate(int year, int month, int day, DatePrecision precision, DateBasis basis = DateBasis.Unspecified)
    {
        Year = year;
        MonthOrZero = month;
        DayOrZero = day;
        Precision = precision;
        Basis = basis;
    }

    /// <summary>The year; for <see cref="DatePrecision.Decade"/>, the decade's first year (1950).</summary>
    public int Year { get; }

    /// <summary>The month (1-12), or null when the precision is coarser than a month.</summary>
    public int? Month => Precision >= DatePrecision.Month ? MonthOrZero : null;

    /// <summary>The day of the month, or null when the precision is coarser than a day.</summary>
    public int? Day => Precision == DatePrecision.Day ? DayOrZero : null;

    /// <summary>How precisely the date is known; <see cref="DatePrecision.None"/> for <c>default(FactDate)</c>.</summary>
    public DatePrecision Precision { get; }

    /// <summary>
    /// How the facts got the date from their source (<c>basis:</c> in YAML): <see cref="DateBasis.Stated"/> by a
    /// quote, <see cref="DateBasis.Resolved"/> from "Wednesday" or "later", <see cref="DateBasis.Inferred"/>;
    /// <see cref="DateBasis.Unspecified"/> when the facts do not say. Not part of equality.
    /// </summary>
    public DateBasis Basis { get; }

    private int MonthOrZero { get; }

    private int DayOrZero { get; }

    /// <summary>The first day of the period the date denotes, at midnight (<see cref="DateTime.MinValue"/> for no date).</summary>
    public DateTime Start => Precision == DatePrecision.None
        ? DateTime.MinValue
        : new DateTime(Year, Precision >= DatePrecision.Month ? MonthOrZero : 1, Precision == DatePrecision.Day ? DayOrZero : 1);

    /// <summary>
    /// The last day of the period the date denotes, inclusive, at midnight: 2024-12-31 for <c>2024</c>,
    /// 2025-07-31 for <c>2025-07</c>, 1959-12-31 for <c>195X</c>, the day itself for a day
    /// (<see cref="DateTime.MinValue"/> for no date).
    /// </summary>
    public DateTime End => Precision switch
    {
        DatePrecision.None => DateTime.MinValue,
        DatePrecision.Decade => new DateTime(Year + 9, 12, 31),
        DatePrecision.Year => new DateTime(Year, 12, 31),
        DatePrecision.Month => new DateTime(Year, MonthOrZero, DateTime.DaysInMonth(Year, MonthOrZero)),
        _ => new DateTime(Year, MonthOrZero, DayOrZero),
    };

#if NET6_0_OR_GREATER
    /// <summary>The first day of the period the date denotes (<see cref="DateOnly.MinValue"/> for no date).</summary>
    public DateOnly FirstDay => DateOnly.FromDateTime(Start);

    /// <summary>The last day of the period the date denotes, inclusive (<see cref="DateOnly.MinValue"/> for no date).</summary>
    public DateOnly LastDay => DateOnly.FromDateTime(End);
#endif

    /// <summary>False for <c>default(FactDate)</c>, which denotes no period: every comparison with it is false.</summary>
    public bool IsKnown => Precision != DatePrecision.None;

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

    /// <summary>The same date with <paramref name="basis"/> as its <see cref="Basis"/>.</summary>
    public FactDate WithBasis(DateBasis basis) => new(Year, MonthOrZero, DayOrZero, Precision, basis);

    /// <summary>True when both denote the same period (the same precision and days); <see cref="Basis"/> is not compared.</summary>
    public bool Equals(FactDate other) => Year == other.Year && MonthOrZero == other.MonthOrZero && DayOrZero == other.DayOrZero && Precision == other.Precision;

    /// <summary>A hash of the period (not of <see cref="Basis"/>).</summary>
    public override int GetHashCode() => (((((Year * 13) + MonthOrZero) * 32) + DayOrZero) * 5) + (int)Precision;

    /// <summary>Reads a date's row text: the date, then a space and its basis's number when it has one.</summary>
    internal static FactDate FromRow(string text)
    {
        var space = text.IndexOf(DomainModel.Internal.RowFormat.ValueSpace);
        return space < 0 ? Parse(text) : Parse(text.Substring(0, space)).WithBasis((DateBasis)FactRow.ParseInt32(text.Substring(space + 1)));
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

    /// <summary>
    /// True when the whole period of this date ends before <paramref name="other"/>'s begins: 2024 is before
    /// 2025-01-15, but not before 2024-06-01 (undecidable: false). False when either is no date.
    /// </summary>
    public bool IsBefore(FactDate other) => IsKnown && other.IsKnown && End < other.Start;

    /// <summary>
    /// True when the whole period of this date begins after <paramref name="other"/>'s ends: 2025-01 is after
    /// 2024, but 2024 is not after 2024-06-01 (undecidable: false). False when either is no date.
    /// </summary>
    public bool IsAfter(FactDate other) => IsKnown && other.IsKnown && Start > other.End;

    /// <summary>True when the two periods share a day (they may denote the same time): 2024 overlaps 2024-06-01 and 202X.</summary>
    public bool Overlaps(FactDate other) => IsKnown && other.IsKnown && Start <= other.End && other.Start <= End;

    /// <summary>True when the period of <paramref name="other"/> lies wholly within this one: 2024 contains 2024-06 and 2024-06-01, not 202X.</summary>
    public bool Contains(FactDate other) => IsKnown && other.IsKnown && Start <= other.Start && other.End <= End;

    /// <summary>True when the day (its date part) lies within the period.</summary>
    public bool Contains(DateTime day) => IsKnown && Start <= day.Date && day.Date <= End;

    /// <summary>
    /// True when the whole period lies within the days <paramref name="first"/> to <paramref name="last"/>
    /// (inclusive, date parts): "certainly between". 2024 is within 2024-01-01 to 2024-12-31; 2024-12 is
    /// not within 2024-01-01 to 2024-12-15.
    /// </summary>
    public bool IsWithin(DateTime first, DateTime last) => IsKnown && first.Date <= Start && End <= last.Date;

    /// <summary>True when the period shares a day with <paramref name="first"/> to <paramref name="last"/> (inclusive, date parts): "possibly between".</summary>
    public bool Overlaps(DateTime first, DateTime last) => IsKnown && Start <= last.Date && first.Date <= End;

#if NET6_0_OR_GREATER
    /// <summary>True when the day lies within the period.</summary>
    public bool Contains(DateOnly day) => Contains(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>True when the whole period lies within the days <paramref name="first"/> to <paramref name="last"/> (inclusive).</summary>
    public bool IsWithin(DateOnly first, DateOnly last) => IsWithin(first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue));

    /// <summary>True when the period shares a day with <paramref name="first"/> to <paramref name="last"/> (inclusive).</summary>
    public bool Overlaps(DateOnly first, DateOnly last) => Overlaps(first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue));
#endif

    /// <summary>
    /// A sort order for display, not a chronology: by <see cref="Start"/>, then the longer period first
    /// (2024 sorts before 2024-01-01, which it contains), no date first. To compare dates in time use
    /// <see cref="IsBefore(FactDate)"/>, <see cref="IsAfter(FactDate)"/>, <see cref="Overlaps(FactDate)"/> and
    /// <see cref="Contains(FactDate)"/>.
    /// </summary>
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
