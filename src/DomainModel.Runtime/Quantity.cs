using System;
using System.Globalization;
using System.Runtime.Serialization;
using DomainModel.Internal;

namespace DomainModel;

/// <summary>How a reported figure relates to the true value ("over 500,000" is <see cref="MoreThan"/>).</summary>
public enum QuantityQualifier
{
    /// <summary>The figure as stated.</summary>
    [EnumMember(Value = "exact")]
    Exact = 0,

    /// <summary>Approximately the figure.</summary>
    [EnumMember(Value = "about")]
    About = 1,

    /// <summary>At least the figure.</summary>
    [EnumMember(Value = "at-least")]
    AtLeast = 2,

    /// <summary>More than the figure ("over").</summary>
    [EnumMember(Value = "more-than")]
    MoreThan = 3,

    /// <summary>At most the figure.</summary>
    [EnumMember(Value = "at-most")]
    AtMost = 4,

    /// <summary>Less than the figure ("under").</summary>
    [EnumMember(Value = "less-than")]
    LessThan = 5,
}

/// <summary>A value with its unit, e.g. 500 engineers, and how the source qualified it.</summary>
public readonly record struct Quantity
{
    private readonly string? _unit;

    /// <summary>A value with its unit and qualifier.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public Quantity(decimal value, string unit, QuantityQualifier qualifier = QuantityQualifier.Exact)
    {
        Value = value;
        _unit = unit ?? throw new ArgumentNullException(nameof(unit));
        Qualifier = qualifier;
    }

    /// <summary>The figure as reported.</summary>
    public decimal Value { get; }

    /// <summary>The unit, e.g. <c>engineers</c> (empty for <c>default(Quantity)</c>).</summary>
    public string Unit => _unit ?? string.Empty;

    /// <summary>How the source qualified the figure.</summary>
    public QuantityQualifier Qualifier { get; }

    /// <summary>The value and unit, e.g. <c>500 engineers</c> or <c>&gt; 500000 people</c>.</summary>
    public override string ToString()
    {
        var prefix = Qualifier switch
        {
            QuantityQualifier.About => "~ ",
            QuantityQualifier.AtLeast => ">= ",
            QuantityQualifier.MoreThan => "> ",
            QuantityQualifier.AtMost => "<= ",
            QuantityQualifier.LessThan => "< ",
            _ => string.Empty,
        };
        return prefix + Value.ToString(CultureInfo.InvariantCulture) + " " + Unit;
    }

    /// <summary>Reads a quantity's row text (<see cref="RowFormat.Quantity"/>).</summary>
    internal static Quantity FromRow(string text)
    {
        var first = text.IndexOf(RowFormat.ValueSpace);
        var second = text.IndexOf(RowFormat.ValueSpace, first + 1);
        return new Quantity(
            FactRow.ParseDecimal(text.Substring(0, first)),
            text.Substring(second + 1),
            (QuantityQualifier)FactRow.ParseInt32(text.Substring(first + 1, second - first - 1)));
    }
}
