using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DomainModel.Cli;

/// <summary>
/// Writes the fact base (or some of its kinds) as one JSON object: one array per kind, named by the
/// camelCase plural (<c>leaders</c>, <c>casualtyFigures</c>), each item with <c>id</c>, every field in
/// declaration order and <c>provenance</c>. Reads only the generated library, never the YAML.
/// </summary>
/// <remarks>
/// Value mapping: references are ids, lists are arrays, dates are ISO strings at their precision
/// (<see cref="FactDate.ToString"/>), <see cref="Money"/> is <c>{ amount, currency }</c>,
/// <see cref="Quantity"/> is <c>{ value, unit, qualifier }</c>, <see cref="Percent"/> is the number shown
/// (78), enums are their schema slugs (<c>at-least</c>), absent optional values are <c>null</c>. The
/// provenance's <c>dateBasis</c> maps each date field with a <see cref="FactDate.Basis"/> to it
/// (<c>{ "date": "resolved" }</c>), and its <c>examples</c> lists the list fields that are the source's
/// examples (<see cref="FactList{T}.IsExamples"/>).
/// </remarks>
public static class JsonExporter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_fields = new();
    private static readonly ConcurrentDictionary<Enum, string> s_slugs = new();

    /// <summary>The writer options used by <see cref="Write(Stream, IEnumerable{KindInfo}?)"/>: indented, LF line ends, non-ASCII kept readable.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the given kinds (default: every kind in <see cref="FactCatalog.Kinds"/>) to <paramref name="stream"/> as UTF-8 JSON, followed by a line feed.</summary>
    public static void Write(Stream stream, IEnumerable<KindInfo>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, kinds ?? FactCatalog.Kinds);
        }

        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    /// <summary>The export as a string (handy for tests and small tools).</summary>
    public static string WriteToString(IEnumerable<KindInfo>? kinds = null)
    {
        using var stream = new MemoryStream();
        Write(stream, kinds);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes one JSON object with an array per kind to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<KindInfo> kinds)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(kinds);
        writer.WriteStartObject();
        foreach (var kind in kinds)
        {
            writer.WriteStartArray(CamelCase(kind.Plural));
            foreach (var fact in kind.All)
            {
                WriteFact(writer, kind, fact);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The kind whose plural, camelCase plural or name is <paramref name="name"/> (ignoring case), or null.</summary>
    public static KindInfo? FindKind(string name)
    {
        foreach (var kind in FactCatalog.Kinds)
        {
            if (string.Equals(kind.Plural, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(kind.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The JSON name of a kind or property: <c>CasualtyFigures</c> → <c>casualtyFigures</c>.</summary>
    public static string CamelCase(string pascalName) => JsonNamingPolicy.CamelCase.ConvertName(pascalName);

    /// <summary>
    /// The schema value of an enum member, as the generator records it in
    /// <see cref="System.Runtime.Serialization.EnumMemberAttribute"/> (<c>AtLeast</c> → <c>at-least</c>).
    /// </summary>
    public static string Slug(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return s_slugs.GetOrAdd(value, static v =>
        {
            var name = v.ToString();
            var member = v.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static)
                ?? throw new ArgumentOutOfRangeException(nameof(value), name, $"Not a named member of {v.GetType().Name}.");
            return member.GetCustomAttribute<System.Runtime.Serialization.EnumMemberAttribute>()?.Value ?? KebabCase(name);
        });
    }

    /// <summary><c>MemorandumOfUnderstanding</c> → <c>memorandum-of-understanding</c>.</summary>
    public static string KebabCase(string pascalName)
    {
        var builder = new StringBuilder(pascalName.Length + 8);
        for (var i = 0; i < pascalName.Length; i++)
        {
            var c = pascalName[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The exported fields of a kind: its schema fields in declaration order (<see cref="KindInfo.Fields"/>).</summary>
    public static IReadOnlyList<PropertyInfo> Fields(KindInfo kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return s_fields.GetOrAdd(kind.Type, static (type, k) => k.Fields
            .Select(f => type.GetProperty(f.Property, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{type.Name} has no property {f.Property} for field {f.Name}."))
            .ToArray(), kind);
    }

    private static void WriteFact(Utf8JsonWriter writer, KindInfo kind, IFact fact)
    {
        writer.WriteStartObject();
        writer.WriteString("id", fact.Id);
        foreach (var field in Fields(kind))
        {
            writer.WritePropertyName(CamelCase(field.Name));
            WriteValue(writer, field.GetValue(fact), $"{kind.Name}.{field.Name}");
        }

        writer.WritePropertyName("provenance");
        WriteProvenance(writer, kind, fact);
        writer.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter writer, KindInfo kind, IFact fact)
    {
        var provenance = fact.Provenance;
        writer.WriteStartObject();
        writer.WriteStartArray("evidence");
        foreach (var evidence in provenance.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteString("document", evidence.Document);
            writer.WriteString("quote", evidence.Quote);
            writer.WriteString("stance", Slug(evidence.Stance));
            writer.WritePropertyName("hedge");
            WriteValue(writer, evidence.Hedge == EvidenceHedge.None ? null : Slug(evidence.Hedge), "Evidence.Hedge");
            writer.WritePropertyName("attributedTo");
            WriteValue(writer, evidence.AttributedTo, "Evidence.AttributedTo");
            writer.WritePropertyName("attributedToKind");
            WriteValue(writer, evidence.AttributedToKind, "Evidence.AttributedToKind");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("note");
        WriteValue(writer, provenance.Note, "Provenance.Note");

        // How the values are reported: each date field's basis (when given) and the list fields that are the source's examples.
        writer.WriteStartObject("dateBasis");
        foreach (var field in Fields(kind))
        {
            if (field.GetValue(fact) is FactDate { Basis: not DateBasis.Unspecified } date)
            {
                writer.WriteString(CamelCase(field.Name), Slug(date.Basis));
            }
        }

        writer.WriteEndObject();
        writer.WriteStartArray("examples");
        foreach (var field in Fields(kind))
        {
            if (field.GetValue(fact) is { } list && list.GetType().GetProperty("IsExamples") is { } examples && (bool)examples.GetValue(list)!)
            {
                writer.WriteStringValue(CamelCase(field.Name));
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, string field)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case FactDate date:
                writer.WriteStringValue(date.ToString());
                break;
            case Money money:
                writer.WriteStartObject();
                writer.WriteNumber("amount", money.Amount);
                writer.WriteString("currency", money.Currency);
                writer.WriteEndObject();
                break;
            case Quantity quantity:
                writer.WriteStartObject();
                writer.WriteNumber("value", quantity.Value);
                writer.WriteString("unit", quantity.Unit);
                writer.WriteString("qualifier", Slug(quantity.Qualifier));
                writer.WriteEndObject();
                break;
            case Percent percent:
                writer.WriteNumberValue(percent.Value);
                break;
            case Enum member:
                writer.WriteStringValue(Slug(member));
                break;
            case IFact reference:
                writer.WriteStringValue(reference.Id);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, field);
                }

                writer.WriteEndArray();
                break;
            default:
                // A new field type in the generator must get an explicit JSON form, not a silent ToString().
                throw new NotSupportedException($"{field}: no JSON form for values of type {value.GetType().FullName}.");
        }
    }
}
