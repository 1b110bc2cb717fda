using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Internal;

namespace DomainModel.Generators.Validation;

/// <summary>
/// Converts a raw YAML value to the canonical text of its schema type (see <see cref="FieldValue"/>),
/// reporting each problem at the value's position. Culture-independent by construction.
/// </summary>
internal sealed class ValueConverter
{
    /// <summary>Quantity qualifiers, in the order of the runtime's QuantityQualifier enum (defined with the row format).</summary>
    public static readonly string[] Qualifiers = RowFormat.Qualifiers;

    private static readonly string[] s_moneyKeys = { "amount", "currency" };
    private static readonly string[] s_quantityKeys = { "value", "unit", "qualifier" };
    private static readonly string[] s_dateKeys = { "value", "basis" };
    private static readonly string[] s_listKeys = { "examples" };

    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SchemaModel _schema;
    private readonly IdIndex _index;
    private readonly EquatableArray<FieldModel> _fields;

    /// <summary>Per field: the values of its enum type, or null.</summary>
    private readonly string[]?[] _enumValues;

    /// <summary>Per field: the ids (id → index) of the kind it references, or null.</summary>
    private readonly IdPositions?[] _targets;

    /// <summary>The items of a list value, reused.</summary>
    private readonly List<string> _items = new();

    /// <summary>"Did you mean" over all ids of a kind costs O(ids); only this many dangling references get one.</summary>
    private int _idSuggestionsLeft = 100;

    /// <summary>A converter for the values of one kind's facts: the targets of its fields are looked up once, here.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public ValueConverter(List<DiagnosticInfo> diagnostics, SchemaModel schema, IdIndex index, KindShape kind)
    {
        _diagnostics = diagnostics;
        _schema = schema;
        _index = index;
        _fields = kind.Fields;
        _enumValues = new string[]?[_fields.Count];
        _targets = new IdPositions?[_fields.Count];
        for (var f = 0; f < _fields.Count; f++)
        {
            var type = _fields[f].Type;
            if (type.Type == ScalarType.Enum)
            {
                _enumValues[f] = schema.Enum(type.Target!) is { } e ? e.Values.AsSpan().ToArray() : null;
            }
            else if (type.Type == ScalarType.Reference)
            {
                _targets[f] = index.Kind(type.Target!)?.Positions;
            }
        }
    }

    /// <summary>The value of field <paramref name="f"/> (by position in the kind's fields).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public FieldValue Convert(int f, RawNode node)
    {
        if (node is RawScalar { IsNull: true })
        {
            return FieldValue.Null;
        }

        var field = _fields[f];
        if (!field.Type.IsList)
        {
            return Item(f, field, node);
        }

        // "{ examples: [a, b] }": the source's examples ("firms like A and B"), not a complete list.
        var examples = false;
        if (node is RawMapping map)
        {
            CheckKeys(map, s_listKeys, "list");
            if (map.Find("examples") is not { } entry)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, map.Location.Head(), "examples", $"The value of '{field.Name}'", "Write the list itself ('[a, b]'), or the source's examples as '{ examples: [a, b] }'."));
                return FieldValue.Null;
            }

            node = entry.Value;
            examples = true;
        }

        if (node is not RawSequence sequence)
        {
            Shape(field, node, "a sequence", examples ? "Write the examples as a list: 'examples: [a, b]'." : "Write a list: '[a, b]' or one '- item' per line, or '{ examples: [a, b] }' for the source's examples.");
            return FieldValue.Null;
        }

        _items.Clear();
        foreach (var element in sequence.Items)
        {
            var item = Item(f, field, element);
            if (!item.IsNull)
            {
                _items.Add(item[0]);
            }
        }

        return new FieldValue(_items.ToArray(), examples);
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private FieldValue Item(int f, FieldModel field, RawNode node)
    {
        var type = field.Type;
        if (type.Type == ScalarType.Money && node is RawMapping money)
        {
            return Value(MoneyMap(field, money));
        }

        if (type.Type == ScalarType.Quantity && node is RawMapping quantity)
        {
            return Value(QuantityMap(field, quantity));
        }

        // "{ value: 2025-10-15, basis: resolved }": a single date with its basis (the items of a list of dates are plain dates).
        if (type.Type == ScalarType.Date && !type.IsList && node is RawMapping date)
        {
            return DateMap(field, date);
        }

        if (node is not RawScalar scalar || scalar.IsNull)
        {
            Shape(field, node, type.Type is ScalarType.Money or ScalarType.Quantity || (type.Type == ScalarType.Date && !type.IsList) ? "a scalar or a mapping" : "a scalar", "Write a single value.");
            return FieldValue.Null;
        }

        var text = scalar.Value;
        switch (type.Type)
        {
            case ScalarType.String:
                return new FieldValue(text);
            case ScalarType.Integer:
                return Value(Integer(text) ?? Invalid(scalar, "integer", field, IsWholeNumber(text)
                    ? $"It is out of range: an integer is a whole number from {long.MinValue.ToString(CultureInfo.InvariantCulture)} to {long.MaxValue.ToString(CultureInfo.InvariantCulture)}."
                    : "Write digits only, e.g. 347 (no separators or units)."));
            case ScalarType.Decimal:
                return Value(Decimal(text) ?? Invalid(scalar, "decimal", field, "Write a number such as 2.5 (invariant, '.' as the decimal point)."));
            case ScalarType.Percent:
                var percent = text.EndsWith("%", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1).TrimEnd() : text;
                return Value(Decimal(percent) ?? Invalid(scalar, "percent", field, "Write the number shown, e.g. 78 or 78%."));
            case ScalarType.Boolean:
                return Value(text is "true" or "false" ? text : Invalid(scalar, "boolean", field, "Write true or false."));
            case ScalarType.Date:
                return Value(Date(scalar, field));
            case ScalarType.Money:
                return Value(AmountUnit(text, out var amount, out var currency)
                    ? Money(field, scalar, amount, scalar, currency.Trim())
                    : Invalid(scalar, "money", field, "Write 'amount CODE', e.g. '2500000000 USD', or '{ amount: 2500000000, currency: USD }'."));
            case ScalarType.Quantity:
                return Value(AmountUnit(text, out var number, out var unit)
                    ? Quantity(field, scalar, number, unit.Trim(), RowFormat.UnspecifiedQualifier)
                    : Invalid(scalar, "quantity", field, "Write 'value unit', e.g. '500 engineers', or '{ value: 500, unit: engineers }'."));
            case ScalarType.Enum:
                var values = _enumValues[f] ?? Array.Empty<string>();
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] == text)
                    {
                        return new FieldValue(i);
                    }
                }

                Invalid(scalar, type.Target!, field, $"{Names.DidYouMean(text, values).TrimStart()} Allowed values: {Names.List(values)}.".TrimStart());
                return FieldValue.Null;
            case ScalarType.Reference:
                if (_targets[f]?.IndexOf(text) is >= 0 and var index)
                {
                    return new FieldValue(index);
                }

                if (!(_index.FactsIncomplete || (_index.Kind(type.Target!) is { } k && k.IsExplained(text))))
                {
                    var hint = _idSuggestionsLeft-- > 0 ? Names.DidYouMean(text, _index.Kind(type.Target!)?.Ids ?? Enumerable.Empty<string>()) : string.Empty;
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DanglingReference, scalar.Location, field.Name, type.Target!, text, hint.Length > 0 ? hint : $" Use the id of a {type.Target} fact, or add that fact."));
                }

                return FieldValue.Null;
            default:
                return FieldValue.Null;
        }
    }

    private static FieldValue Value(string? text) => text is null ? FieldValue.Null : new FieldValue(text);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private string? MoneyMap(FieldModel field, RawMapping map)
    {
        CheckKeys(map, s_moneyKeys, "money");
        var amount = Child(map, "amount", field, "Add 'amount:' in units, e.g. 2500000000.");
        var currency = Child(map, "currency", field, "Add 'currency:' with an ISO 4217 code, e.g. USD.");
        return amount is null || currency is null ? null : Money(field, amount, amount.Value, currency, currency.Value);
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private string? QuantityMap(FieldModel field, RawMapping map)
    {
        CheckKeys(map, s_quantityKeys, "quantity");
        var value = Child(map, "value", field, "Add 'value:', e.g. 500.");
        var unit = Child(map, "unit", field, "Add 'unit:', e.g. engineers.");
        var qualifier = RowFormat.UnspecifiedQualifier;
        if (map.Find("qualifier") is { Value: RawScalar q })
        {
            qualifier = Array.IndexOf(Qualifiers, q.Value);
            if (qualifier < 0)
            {
                Invalid(q, "qualifier", field, $"{Names.DidYouMean(q.Value, Qualifiers).TrimStart()} Allowed values: {string.Join(", ", Qualifiers)}.".TrimStart());
                qualifier = RowFormat.UnspecifiedQualifier;
            }
        }

        return value is null || unit is null ? null : Quantity(field, value, value.Value, unit.Value, qualifier);
    }

    private FieldValue DateMap(FieldModel field, RawMapping map)
    {
        CheckKeys(map, s_dateKeys, "date");
        var value = Child(map, "value", field, "Add 'value:', e.g. 2025-10-15.");
        var basis = 0;
        if (map.Find("basis") is { Value: RawScalar b } && !b.IsNull)
        {
            basis = Array.IndexOf(RowFormat.DateBases, b.Value);
            if (basis < 0)
            {
                Invalid(b, "basis", field, $"{Names.DidYouMean(b.Value, RowFormat.DateBases).TrimStart()} Allowed values: {string.Join(", ", RowFormat.DateBases)}.".TrimStart());
                basis = 0;
            }
        }
        else if (map.Find("basis") is { } other && other.Value is not RawScalar)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, other.Value.Location.Head(), "basis", "a scalar", other.Value.Describe, "Write one of: " + string.Join(", ", RowFormat.DateBases) + "."));
        }

        return value is not null && Date(value, field) is { } text ? new FieldValue(text, basis) : FieldValue.Null;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
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

        return RowFormat.Money(value, currency);
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
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

        return RowFormat.Quantity(number, qualifier, unit.Trim());
    }

    /// <summary>
    /// Canonical text of <c>-?[0-9]+</c> as a long (the whole range, long.MinValue to long.MaxValue), or null
    /// when it is not such a number or does not fit. Short canonical input is returned as is.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string? Integer(string text)
    {
        if (!IsWholeNumber(text))
        {
            return null;
        }

        // long.ToString writes no leading zero and no "-0"; 18 digits always fit.
        var sign = text[0] == '-' ? 1 : 0;
        var digits = text.Length - sign;
        if (digits <= 18 && (text[sign] != '0' || (digits == 1 && sign == 0)))
        {
            return text;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary><c>-?[0-9]+</c>: an optional '-' and at least one ASCII digit, nothing else.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsWholeNumber(string text)
    {
        var sign = text.Length > 0 && text[0] == '-' ? 1 : 0;
        return text.Length > sign && AllDigits(text, sign, text.Length - sign);
    }

    /// <summary>Canonical text of <c>^-?[0-9]{1,28}(\.[0-9]{1,28})?$</c> as a decimal, or null. Short canonical input is returned as is.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string? Decimal(string text)
    {
        var sign = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var point = text.IndexOf('.');
        var integerDigits = (point < 0 ? text.Length : point) - sign;
        var fractionDigits = point < 0 ? 0 : text.Length - point - 1;
        if (integerDigits is < 1 or > 28 || !AllDigits(text, sign, integerDigits)
            || (point >= 0 && (fractionDigits is < 1 or > 28 || !AllDigits(text, point + 1, fractionDigits))))
        {
            return null;
        }

        // Up to 18 digits a decimal holds the number exactly, scale included: decimal.ToString gives the
        // text back unless it has a leading zero or is a negative zero.
        if (integerDigits + fractionDigits <= 18 && (text[sign] != '0' || integerDigits == 1) && (sign == 0 || !AllZeros(text, sign)))
        {
            return text;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool AllDigits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool AllZeros(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is not ('0' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>^(?&lt;v&gt;-?[0-9][0-9.]*)\s+(?&lt;u&gt;\S.*)$</c>: an amount, white space, and a unit that runs to the
    /// end of the line (a regex's '$' allows one final line feed after it, which the unit leaves out).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool AmountUnit(string text, out string amount, out string unit)
    {
        amount = unit = string.Empty;
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (i >= text.Length || text[i] is < '0' or > '9')
        {
            return false;
        }

        while (i < text.Length && text[i] is (>= '0' and <= '9') or '.')
        {
            i++;
        }

        var amountEnd = i;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i == amountEnd || i == text.Length)
        {
            return false;
        }

        var lineEnd = text.IndexOf('\n', i);
        if (lineEnd >= 0 && lineEnd != text.Length - 1)
        {
            return false;
        }

        amount = text.Substring(0, amountEnd);
        unit = text.Substring(i, (lineEnd < 0 ? text.Length : lineEnd) - i);
        return true;
    }

    /// <summary>
    /// A decade (<c>^[0-9]{3}(0s|X)$</c>, as <c>199X</c>) or a date (<c>^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$</c>,
    /// returned as written). As with a regex's '$', one final line feed is allowed after either.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private string? Date(RawScalar scalar, FieldModel field)
    {
        var text = scalar.Value;
        var end = text.Length > 0 && text[text.Length - 1] == '\n' ? text.Length - 1 : text.Length;
        if (((end == 5 && text[3] == '0' && text[4] == 's') || (end == 4 && text[3] == 'X')) && AllDigits(text, 0, 3))
        {
            if (text[0] == '0' && text[1] == '0' && text[2] == '0')
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, "The first decade is the 0010s: years start at 0001."));
                return null;
            }

            return text.Substring(0, 3) + "X";
        }

        var isDate = end switch
        {
            4 => AllDigits(text, 0, 4),
            7 => AllDigits(text, 0, 4) && text[4] == '-' && AllDigits(text, 5, 2),
            10 => AllDigits(text, 0, 4) && text[4] == '-' && AllDigits(text, 5, 2) && text[7] == '-' && AllDigits(text, 8, 2),
            _ => false,
        };
        if (!isDate)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, "It is not in a supported form."));
            return null;
        }

        var year = Number(text, 0, 4);
        if (year < 1)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, "The year must be 0001 or later."));
            return null;
        }

        if (end >= 7)
        {
            var month = Number(text, 5, 2);
            if (month is < 1 or > 12)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, $"Month {month} does not exist."));
                return null;
            }

            if (end == 10)
            {
                var day = Number(text, 8, 2);
                if (day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDate, scalar.Location, text, field.Name, $"Day {day} does not exist in {year:D4}-{month:D2}."));
                    return null;
                }
            }
        }

        return text;
    }

    /// <summary>The value of <paramref name="count"/> ASCII digits.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static int Number(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private RawScalar? Child(RawMapping map, string key, FieldModel field, string hint)
    {
        if (map.Find(key) is not { } entry || entry.Value is RawScalar { IsNull: true })
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, map.Location.Head(), key, $"The value of '{field.Name}'", hint));
            return null;
        }

        if (entry.Value is RawScalar scalar)
        {
            return scalar;
        }

        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, entry.Value.Location.Head(), key, "a scalar", entry.Value.Describe, "Write a single value."));
        return null;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
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
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, node.Location.Head(), field.Name, expected, node.Describe, hint));

    private string? Invalid(RawScalar scalar, string type, FieldModel field, string hint)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, scalar.Location, type, scalar.Value, field.Name, hint));
        return null;
    }
}
