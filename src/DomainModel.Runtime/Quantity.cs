using System;
using System.Globalization;
using System.Runtime.Serialization;
using DomainModel.Internal;

namespace DomainModel;

/// <summary>
/// How a reported figure relates to the true value ("over 500,000" is <see cref="MoreThan"/>). A figure its
/// facts do not qualify is <see cref="Unspecified"/>, not <see cref="Exact"/>: only the author says a figure is exact.
/// </summary>
/// <remarks>
/// The members keep their numbers from release to release (a row holds the number): members added later
/// (<see cref="Unspecified"/>, <see cref="Target"/>, <see cref="Rounded"/>) come after the first six, so rows
/// written before them read as they always did.
/// </remarks>
public enum QuantityQualifier
{
    /// <summary>Exactly the figure: the facts say so (<c>qualifier: exact</c>).</summary>
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

    /// <summary>Not qualified: the figure as the source gives it, without saying whether it is exact (the default).</summary>
    [EnumMember(Value = "unspecified")]
    Unspecified = 6,

    /// <summary>A goal, not an achieved figure ("1 million visitors yearly by 2030").</summary>
    [EnumMember(Value = "target")]
    Target = 7,

    /// <summary>A round figure the source gives for a less round one ("13 million").</summary>
    [EnumMember(Value = "rounded")]
    Rounded = 8,
}

/// <summary>A value with its unit, e.g. 500 engineers, and how the source qualified it.</summary>
public readonly record struct Quantity
{
    private readonly string? _unit;

    // The qualifier XOR Unspecified: default(Quantity), like a quantity nobody qualified, is Unspecified.
    private readonly int _qualifier;

    /// <summary>A value with its unit and qualifier (<see cref="QuantityQualifier.Unspecified"/> when not given).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public Quantity(decimal value, string unit, QuantityQualifier qualifier = QuantityQualifier.Unspecified)
    {
        Value = value;
        _unit = unit ?? throw new ArgumentNullException(nameof(unit));
        _qualifier = (int)qualifier ^ (int)QuantityQualifier.Unspecified;
    }

    /// <summary>The figure as reported.</summary>
    public decimal Value { get; }

    /// <summary>The unit, e.g. <c>engineers</c> (empty for <c>default(Quantity)</c>).</summary>
    public string Unit => _unit ?? string.Empty;

    /// <summary>How the source qualified the figure (<see cref="QuantityQualifier.Unspecified"/> when the facts do not say).</summary>
    public QuantityQualifier Qualifier => (QuantityQualifier)(_qualifier ^ (int)QuantityQualifier.Unspecified);

    /// <summary>
    /// The value and unit, e.g. <c>500 engineers</c>, <c>&gt; 500000 people</c>, <c>1000000 visitors (target)</c>
    /// or <c>13000000 people (rounded)</c>; an exact or unqualified figure is the value and unit alone.
    /// </summary>
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
        var suffix = Qualifier switch
        {
            QuantityQualifier.Target => " (target)",
            QuantityQualifier.Rounded => " (rounded)",
            _ => string.Empty,
        };
        return prefix + Value.ToString(CultureInfo.InvariantCulture) + " " + Unit + suffix;
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
