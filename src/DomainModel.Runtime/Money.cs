using System;
using System.Globalization;
using DomainModel.Internal;

namespace DomainModel;

/// <summary>An exact amount of money in units of an ISO 4217 currency: $2.5 billion is 2500000000 USD.</summary>
public readonly record struct Money
{
    private readonly string? _currency;

    /// <summary>An amount in units of the currency with this ISO 4217 code.</summary>
    /// <param name="amount">The exact amount, in units (not thousands or millions).</param>
    /// <param name="currency">An active ISO 4217 alphabetic code, e.g. <c>USD</c> (uppercase).</param>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not an ISO 4217 code.</exception>
    public Money(decimal amount, string currency)
    {
        if (currency is null)
        {
            throw new ArgumentNullException(nameof(currency));
        }

        if (!Currencies.IsValid(currency))
        {
            throw new ArgumentException("'" + currency + "' is not an ISO 4217 currency code (three uppercase letters such as USD, EUR or RUB).", nameof(currency));
        }

        Amount = amount;
        _currency = currency;
    }

    // Rows hold codes the generator has checked against the same list.
    private Money(decimal amount, string currency, bool trusted)
    {
        _ = trusted;
        Amount = amount;
        _currency = currency;
    }

    /// <summary>The exact amount, in units (not thousands or millions).</summary>
    public decimal Amount { get; }

    /// <summary>The ISO 4217 code, e.g. <c>USD</c> (empty for <c>default(Money)</c>).</summary>
    public string Currency => _currency ?? string.Empty;

    /// <summary>The amount and code, e.g. <c>2500000000 USD</c>; <c>0 (no currency)</c> for <c>default(Money)</c>.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + " " + (_currency ?? "(no currency)");

    /// <summary>Reads a money value's row text (<see cref="RowFormat.Money"/>).</summary>
    internal static Money FromRow(string text)
    {
        var space = text.IndexOf(RowFormat.ValueSpace);
        return new Money(FactRow.ParseDecimal(text.Substring(0, space)), text.Substring(space + 1), trusted: true);
    }
}
