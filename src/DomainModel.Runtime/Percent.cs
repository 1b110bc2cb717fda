using System.Globalization;

namespace DomainModel;

/// <summary>A percentage as the number shown: 78% is <c>Value == 78</c>.</summary>
public readonly record struct Percent
{
    /// <summary>A percentage as the number shown: 78 for 78%.</summary>
    public Percent(decimal value) => Value = value;

    /// <summary>The number shown: 78 for 78%.</summary>
    public decimal Value { get; }

    /// <summary>The value as a fraction: 78% is 0.78.</summary>
    public decimal Fraction => Value / 100m;

    /// <summary>The number with a percent sign, e.g. <c>78%</c>.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + "%";
}
