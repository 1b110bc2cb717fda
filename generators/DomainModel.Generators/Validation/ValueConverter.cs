using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Validation;

/// <summary>
/// Converts a raw YAML value to the canonical text of its schema type (see <see cref="FieldValue"/>),
/// reporting each problem at the value's position. Culture-independent by construction.
/// </summary>
internal sealed class ValueConverter
{
    /// <summary>Quantity qualifiers, in the order of the generated QuantityQualifier enum.</summary>
    public static readonly string[] Qualifiers = { "exact", "about", "at-least", "more-than", "at-most", "less-than" };

    private static readonly Regex s_integer = new(@"^-?[0-9]{1,18}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_decimal = new(@"^-?[0-9]{1,28}(\.[0-9]{1,28})?$", RegexOptions.CultureInvariant);
    private static readonly Regex s_date = new(@"^(?<y>[0-9]{4})(-(?<m>[0-9]{2})(-(?<d>[0-9]{2}))?)?$", RegexOptions.CultureInvariant);
    private static readonly Regex s_decade = new(@"^(?<y>[0-9]{3})(0s|X)$", RegexOptions.CultureInvariant);
    private static readonly Regex s_amountUnit = new(@"^(?<v>-?[0-9][0-9.]*)\s+(?<u>\S.*)$", RegexOptions.CultureInvariant);
    private static readonly string[] s_moneyKeys = { "amount", "currency" };
    private static readonly string[] s_quantityKeys = { "value", "unit", "qualifier" };

    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Func<string, IReadOnlyList<string>?> _enumValues;
    private readonly Func<string, string, int?> _resolveReference;
    private readonly Func<string, IEnumerable<string>> _idsOfKind;
    private readonly Func<string, string, bool> _danglingExplained;

    /// <summary>"Did you mean" over all ids of a kind costs O(ids); only this many dangling references get one.</summary>
    private int _idSuggestionsLeft = 100;

    public ValueConverter(
        List<DiagnosticInfo> diagnostics,
        Func<string, IReadOnlyList<string>?> enumValues,
        Func<string, string, int?> resolveReference,
        Func<string, IEnumerable<string>> idsOfKind,
        Func<string, string, bool>? danglingExplained = null)
    {
        _diagnostics = diagnostics;
        _enumValues = enumValues;
        _resolveReference = resolveReference;
        _idsOfKind = idsOfKind;
        _danglingExplained = danglingExplained ?? ((_, _) => false);
    }

    public FieldValue Convert(FieldModel field, RawNode node)
    {
        if (node is RawScalar { IsNull: true })
        {
            return FieldValue.Null;
        }

        if (!field.Type.IsList)
        {
            return Item(field, node) is { } item ? new FieldValue(false, new EquatableArray<string>(new[] { item })) : FieldValue.Null;
        }

        if (node is not RawSequence sequence)
        {
            Shape(field, node, "a sequence", "Write a list: '[a, b]' or one '- item' per line.");
            return FieldValue.Null;
        }

        var items = new List<string>(sequence.Items.Count);
        foreach (var element in sequence.Items)
        {
            if (Item(field, element) is { } item)
            {
                items.Add(item);
            }
        }

        return new FieldValue(false, items.ToEquatableArray());
    }

    private string? Item(FieldModel field, RawNode node)
    {
        var type = field.Type;
        if (type.Type == ScalarType.Money && node is RawMapping money)
        {
            return MoneyMap(field, money);
        }

        if (type.Type == ScalarType.Quantity && node is RawMapping quantity)
        {
            return QuantityMap(field, quantity);
        }

        if (node is not RawScalar scalar || scalar.IsNull)
        {
            Shape(field, node, type.Type is ScalarType.Money or ScalarType.Quantity ? "a scalar or a mapping" : "a scalar", "Write a single value.");
            return null;
        }

        var text = scalar.Value;
        switch (type.Type)
        {
            case ScalarType.String:
                return text;
            case ScalarType.Integer:
                if (s_integer.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                {
                    return l.ToString(CultureInfo.InvariantCulture);
                }

                return Invalid(scalar, "integer", field, "Write digits only, e.g. 347 (no separators or units).");
            case ScalarType.Decimal:
                return Decimal(text) ?? Invalid(scalar, "decimal", field, "Write a number such as 2.5 (invariant, '.' as the decimal point).");
            case ScalarType.Percent:
                var percent = text.EndsWith("%", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1).TrimEnd() : text;
                return Decimal(percent) ?? Invalid(scalar, "percent", field, "Write the number shown, e.g. 78 or 78%.");
            case ScalarType.Boolean:
                return text is "true" or "false" ? text : Invalid(scalar, "boolean", field, "Write true or false.");
            case ScalarType.Date:
                return Date(scalar, field);
            case ScalarType.Money:
                var m = s_amountUnit.Match(text);
                return m.Success ? Money(field, scalar, m.Groups["v"].Value, scalar, m.Groups["u"].Value.Trim()) : Invalid(scalar, "money", field, "Write 'amount CODE', e.g. '2500000000 USD', or '{ amount: 2500000000, currency: USD }'.");
            case ScalarType.Quantity:
                var q = s_amountUnit.Match(text);
                return q.Success ? Quantity(field, scalar, q.Groups["v"].Value, q.Groups["u"].Value.Trim(), 0) : Invalid(scalar, "quantity", field, "Write 'value unit', e.g. '500 engineers', or '{ value: 500, unit: engineers }'.");
            case ScalarType.Enum:
                var values = _enumValues(type.Target!) ?? Array.Empty<string>();
                for (var i = 0; i < values.Count; i++)
                {
                    if (values[i] == text)
                    {
                        return i.ToString(CultureInfo.InvariantCulture);
                    }
                }

                return Invalid(scalar, type.Target!, field, $"{Names.DidYouMean(text, values).TrimStart()} Allowed values: {Names.List(values)}.".TrimStart());
            case ScalarType.Reference:
                if (_resolveReference(type.Target!, text) is { } index)
                {
                    return index.ToString(CultureInfo.InvariantCulture);
                }

                if (!_danglingExplained(type.Target!, text))
                {
                    var hint = _idSuggestionsLeft-- > 0 ? Names.DidYouMean(text, _idsOfKind(type.Target!)) : string.Empty;
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DanglingReference, scalar.Location, field.Name, type.Target!, text, hint.Length > 0 ? hint : $" Use the id of a {type.Target} fact, or add that fact."));
                }

                return null;
            default:
                return null;
        }
    }

    private string? MoneyMap(FieldModel field, RawMapping map)
    {
        CheckKeys(map, s_moneyKeys, "money");
        var amount = Child(map, "amount", field, "Add 'amount:' in units, e.g. 2500000000.");
        var currency = Child(map, "currency", field, "Add 'currency:' with an ISO 4217 code, e.g. USD.");
        return amount is null || currency is null ? null : Money(field, amount, amount.Value, currency, currency.Value);
    }

    private string? QuantityMap(FieldModel field, RawMapping map)
    {
        CheckKeys(map, s_quantityKeys, "quantity");
        var value = Child(map, "value", field, "Add 'value:', e.g. 500.");
        var unit = Child(map, "unit", field, "Add 'unit:', e.g. engineers.");
        var qualifier = 0;
        if (map.Find("qualifier") is { Value: RawScalar q })
        {
            qualifier = Array.IndexOf(Qualifiers, q.Value);
            if (qualifier < 0)
            {
                Invalid(q, "qualifier", field, $"{Names.DidYouMean(q.Value, Qualifiers).TrimStart()} Allowed values: {string.Join(", ", Qualifiers)}.".TrimStart());
                qualifier = 0;
            }
        }

        return value is null || unit is null ? null : Quantity(field, value, value.Value, unit.Value, qualifier);
    }

    private string? Money(FieldModel field, RawScalar amountNode, string amount, RawScalar currencyNode, string currency)
    {
        var value = Decimal(amount);
        if (value is null)
        {
            return Invalid(amountNode, "money amount", field, "Write the amount in units, e.g. 2500000000 for $2.5 billion.");
        }

        if (!Currencies.IsValid(currency))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCurrency, currencyNode.Location, currency, Names.DidYouMean(currency.ToUpperInvariant(), Currencies.All)));
            return null;
        }

        return value + " " + currency;
    }

    private string? Quantity(FieldModel field, RawScalar node, string value, string unit, int qualifier)
    {
        var number = Decimal(value);
        if (number is null)
        {
            return Invalid(node, "quantity value", field, "Write a number such as 500 (no separators).");
        }

        if (unit.Trim().Length == 0)
        {
            return Invalid(node, "quantity unit", field, "Give a unit, e.g. engineers.");
        }

        return number + " " + qualifier.ToString(CultureInfo.InvariantCulture) + " " + unit.Trim();
    }

    private static string? Decimal(string text)
    {
        if (!s_decimal.IsMatch(text) || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    private string? Date(RawScalar scalar, FieldModel field)
    {
        var text = scalar.Value;
        var decade = s_decade.Match(text);
        if (decade.Success)
        {
            if (decade.Groups["y"].Value == "000")
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, "The first decade is the 0010s: years start at 0001."));
                return null;
            }

            return decade.Groups["y"].Value + "X";
        }

        var m = s_date.Match(text);
        if (!m.Success)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, "It is not in a supported form."));
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, "The year must be 0001 or later."));
            return null;
        }

        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, $"Month {month} does not exist."));
                return null;
            }

            if (m.Groups["d"].Success)
            {
                var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
                if (day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, $"Day {day} does not exist in {year:D4}-{month:D2}."));
                    return null;
                }
            }
        }

        return text;
    }

    private RawScalar? Child(RawMapping map, string key, FieldModel field, string hint)
    {
        if (map.Find(key) is not { } entry || entry.Value is RawScalar { IsNull: true })
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, Parsing.InputParser.Head(map.Location), key, $"The value of '{field.Name}'", hint));
            return null;
        }

        if (entry.Value is RawScalar scalar)
        {
            return scalar;
        }

        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, Parsing.InputParser.Head(entry.Value.Location), key, "a scalar", entry.Value.Describe, "Write a single value."));
        return null;
    }

    private void CheckKeys(RawMapping map, string[] allowed, string what)
    {
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(allowed, entry.Key.Value) < 0)
            {
                var hint = Names.DidYouMean(entry.Key.Value, allowed);
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, "a " + what + " value", hint.Length > 0 ? hint : $" Allowed keys: {string.Join(", ", allowed)}."));
            }
        }
    }

    private void Shape(FieldModel field, RawNode node, string expected, string hint) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, Parsing.InputParser.Head(node.Location), field.Name, expected, node.Describe, hint));

    private string? Invalid(RawScalar scalar, string type, FieldModel field, string hint)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, scalar.Location, type, scalar.Value, field.Name, hint));
        return null;
    }
}
