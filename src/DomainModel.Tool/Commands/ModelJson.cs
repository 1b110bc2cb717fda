using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using DomainModel.Generators.Model;
using DomainModel.Generators.Pipeline;
using DomainModel.Generators.Validation;

namespace DomainModel.Tool.Commands;

/// <summary>
/// Writes validated facts as JSON, in the form of the seed library's exporter (src/DomainModel.Cli): per
/// fact <c>id</c>, every field in declaration order under its camelCase property name, and
/// <c>provenance</c>. References are ids, lists arrays, dates ISO strings at their precision, money
/// <c>{ amount, currency }</c>, quantities <c>{ value, unit, qualifier }</c>, percents the number shown,
/// enums their schema values, absent values null; the provenance's <c>dateBasis</c> maps each date field
/// with a basis to it, and its <c>examples</c> lists the list fields given as the source's examples. Read from the pipeline's canonical values, not from
/// compiled code.
/// </summary>
internal sealed class ModelJson(CorpusResult corpus)
{
    private readonly Dictionary<string, EquatableArray<string>> _ids = Ids(corpus.Index);

    /// <summary>The JSON name of a kind's plural or a field's property: <c>CasualtyFigures</c> → <c>casualtyFigures</c>.</summary>
    public static string CamelCase(string pascalName) => JsonNamingPolicy.CamelCase.ConvertName(pascalName);

    /// <summary>One fact's members (id, fields, provenance) into the object already started.</summary>
    public void WriteMembers(Utf8JsonWriter writer, KindShape kind, EmittedFact fact)
    {
        writer.WriteString("id", fact.Id);
        for (var f = 0; f < kind.Fields.Count; f++)
        {
            var field = kind.Fields[f];
            writer.WritePropertyName(CamelCase(field.Property));
            var value = f < fact.Values.Count ? fact.Values[f] : FieldValue.Null;
            if (field.Type.IsList)
            {
                writer.WriteStartArray();
                for (var i = 0; i < value.Count; i++)
                {
                    WriteItem(writer, field.Type, value[i]);
                }

                writer.WriteEndArray();
            }
            else if (value.IsNull)
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteItem(writer, field.Type, value[0]);
            }
        }

        writer.WritePropertyName("provenance");
        writer.WriteStartObject();
        writer.WriteStartArray("evidence");
        foreach (var evidence in fact.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteString("document", evidence.Document);
            writer.WriteString("quote", evidence.Quote);
            writer.WriteString("stance", evidence.Contradicts ? "contradicts" : "supports");
            WriteOptional(writer, "hedge", evidence.Hedge < 0 ? null : DomainModel.Internal.RowFormat.Hedges[evidence.Hedge]);
            WriteOptional(writer, "attributedTo", evidence.AttributedTo);
            WriteOptional(writer, "attributedToKind", evidence.AttributedToKind);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (fact.Note is null)
        {
            writer.WriteNull("note");
        }
        else
        {
            writer.WriteString("note", fact.Note);
        }

        // How the values are reported: each date field's basis (when given) and the list fields that are the source's examples.
        writer.WriteStartObject("dateBasis");
        for (var f = 0; f < kind.Fields.Count && f < fact.Values.Count; f++)
        {
            if (fact.Values[f].Basis != 0)
            {
                writer.WriteString(CamelCase(kind.Fields[f].Property), DomainModel.Internal.RowFormat.DateBases[fact.Values[f].Basis]);
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("examples");
        for (var f = 0; f < kind.Fields.Count && f < fact.Values.Count; f++)
        {
            if (fact.Values[f].IsExamples)
            {
                writer.WriteStringValue(CamelCase(kind.Fields[f].Property));
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>One value in its canonical text (see ValueConverter) as JSON.</summary>
    private void WriteItem(Utf8JsonWriter writer, TypeRef type, string text)
    {
        switch (type.Type)
        {
            case ScalarType.String:
            case ScalarType.Date:
                writer.WriteStringValue(text);
                break;
            case ScalarType.Integer:
                writer.WriteNumberValue(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                break;
            case ScalarType.Decimal:
            case ScalarType.Percent:
                writer.WriteNumberValue(Number(text));
                break;
            case ScalarType.Boolean:
                writer.WriteBooleanValue(text == "true");
                break;
            case ScalarType.Money:
            {
                // "amount currency"
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                writer.WriteStartObject();
                writer.WriteNumber("amount", Number(text[..space]));
                writer.WriteString("currency", text[(space + 1)..]);
                writer.WriteEndObject();
                break;
            }

            case ScalarType.Quantity:
            {
                // "value qualifier-index unit"
                var first = text.IndexOf(' ', StringComparison.Ordinal);
                var second = text.IndexOf(' ', first + 1);
                writer.WriteStartObject();
                writer.WriteNumber("value", Number(text[..first]));
                writer.WriteString("unit", text[(second + 1)..]);
                writer.WriteString("qualifier", ValueConverter.Qualifiers[Index(text[(first + 1)..second])]);
                writer.WriteEndObject();
                break;
            }

            case ScalarType.Enum:
                writer.WriteStringValue(corpus.Schema.Enum(type.Target!)!.Values[Index(text)]);
                break;
            case ScalarType.Reference:
                writer.WriteStringValue(_ids[type.Target!][Index(text)]);
                break;
            default:
                throw new NotSupportedException($"No JSON form for values of type {type}.");
        }
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static int Index(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Dictionary<string, EquatableArray<string>> Ids(IdIndex index)
    {
        var ids = new Dictionary<string, EquatableArray<string>>(StringComparer.Ordinal);
        foreach (var kind in index.Kinds)
        {
            ids[kind.Kind] = kind.Ids;
        }

        return ids;
    }
}
