using System.Globalization;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Grounding;

/// <summary>What a typed value is when it is looked for in a quote.</summary>
internal enum StatedKind
{
    /// <summary>An integer, a decimal or a quantity's value: any number of that value states it, whatever its unit.</summary>
    Number,

    /// <summary>A percent: only a number written as a percent ("78%", "78 percent") states it.</summary>
    Percent,

    /// <summary>An amount of money: only a number with that currency ("$100 million", "100 million USD") states it.</summary>
    Money,

    /// <summary>A date at its precision (day, month, year or decade).</summary>
    Date,
}

/// <summary>The precision of a date value or of a date written in a text.</summary>
internal enum DatePrecision
{
    None,
    Decade,
    Year,
    Month,
    Day,
}

/// <summary>
/// A typed field value in the form the quote search needs: a number (with its currency, for money) or a
/// date at its precision. Built from the canonical text the validate stage produces (see ValueConverter).
/// </summary>
internal readonly struct StatedValue
{
    private StatedValue(StatedKind kind, decimal amount, string? currency, int year, int month, int day, DatePrecision precision)
    {
        Kind = kind;
        Amount = amount;
        Currency = currency;
        Year = year;
        Month = month;
        Day = day;
        Precision = precision;
    }

    public StatedKind Kind { get; }

    /// <summary>The number (for a number, percent or money value).</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 code of a money value.</summary>
    public string? Currency { get; }

    /// <summary>The year of a date (for a decade, its first year: 1950 for the 1950s).</summary>
    public int Year { get; }

    /// <summary>The month of a date of month or day precision (1-12), else 0.</summary>
    public int Month { get; }

    /// <summary>The day of a date of day precision, else 0.</summary>
    public int Day { get; }

    public DatePrecision Precision { get; }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static StatedValue Number(decimal value) => new(StatedKind.Number, value, null, 0, 0, 0, DatePrecision.None);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static StatedValue Percent(decimal value) => new(StatedKind.Percent, value, null, 0, 0, 0, DatePrecision.None);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static StatedValue Money(decimal amount, string currency) => new(StatedKind.Money, amount, currency, 0, 0, 0, DatePrecision.None);

    /// <summary>A date of year (month and day 0), month (day 0) or day precision.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static StatedValue Date(int year, int month = 0, int day = 0) =>
        new(StatedKind.Date, 0, null, year, month, day, day > 0 ? DatePrecision.Day : month > 0 ? DatePrecision.Month : DatePrecision.Year);

    /// <summary>A decade, by its first year (1950 for the 1950s).</summary>
    public static StatedValue Decade(int firstYear) => new(StatedKind.Date, 0, null, firstYear - (firstYear % 10), 0, 0, DatePrecision.Decade);

    /// <summary>
    /// The value of a field of type <paramref name="type"/> from its canonical text: integer and decimal
    /// (<c>347</c>, <c>2.5</c>), percent (<c>78</c>), money (<c>100000000 USD</c>), quantity (<c>500 0 engineers</c>:
    /// value, qualifier index, unit) and date (<c>2025-10-15</c>, <c>2025-10</c>, <c>2025</c>, decade <c>195X</c>).
    /// False for the other types (strings, booleans, enums, references are not looked for) and for text not in those forms.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static bool TryFromCanonical(ScalarType type, string canonical, out StatedValue value)
    {
        value = default;
        switch (type)
        {
            case ScalarType.Integer:
            case ScalarType.Decimal:
            case ScalarType.Quantity:
                if (TryNumber(FirstWord(canonical), out var number))
                {
                    value = Number(number);
                    return true;
                }

                return false;
            case ScalarType.Percent:
                if (TryNumber(canonical, out var percent))
                {
                    value = Percent(percent);
                    return true;
                }

                return false;
            case ScalarType.Money:
                var space = canonical.IndexOf(' ');
                if (space > 0 && TryNumber(canonical.Substring(0, space), out var amount))
                {
                    value = Money(amount, canonical.Substring(space + 1));
                    return true;
                }

                return false;
            case ScalarType.Date:
                return TryDate(canonical, out value);
            default:
                return false;
        }
    }

    /// <summary>The value as a diagnostic names it: <c>347</c>, <c>78%</c>, <c>100000000 USD</c>, <c>2025-10-15</c>, <c>the 1950s</c>.</summary>
    public override string ToString() => Kind switch
    {
        StatedKind.Number => Amount.ToString(CultureInfo.InvariantCulture),
        StatedKind.Percent => Amount.ToString(CultureInfo.InvariantCulture) + "%",
        StatedKind.Money => Amount.ToString(CultureInfo.InvariantCulture) + " " + Currency,
        _ => Precision switch
        {
            DatePrecision.Decade => "the " + Year.ToString("D4", CultureInfo.InvariantCulture) + "s",
            DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
            DatePrecision.Month => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture),
            _ => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture) + "-" + Day.ToString("D2", CultureInfo.InvariantCulture),
        },
    };

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string FirstWord(string text)
    {
        var space = text.IndexOf(' ');
        return space < 0 ? text : text.Substring(0, space);
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool TryDate(string text, out StatedValue value)
    {
        value = default;
        if (text.Length == 4 && text[3] == 'X' && Digits(text, 0, 3, out var decade))
        {
            value = Decade(decade * 10);
            return true;
        }

        if (text.Length is not (4 or 7 or 10) || !Digits(text, 0, 4, out var year))
        {
            return false;
        }

        var month = 0;
        var day = 0;
        if (text.Length >= 7 && (text[4] != '-' || !Digits(text, 5, 2, out month)))
        {
            return false;
        }

        if (text.Length == 10 && (text[7] != '-' || !Digits(text, 8, 2, out day)))
        {
            return false;
        }

        value = Date(year, month, day);
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
