using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Generators.Pipeline;

namespace DomainModel.Tool.Evolution;

/// <summary>
/// The public surface of a fact package in its users' terms: the namespace, every enum (its C# name and
/// members), every kind (its record and catalog names, its fields with their C# properties, types and
/// whether they are required) and every fact (its id, its named catalog property if it has one, its
/// values in canonical text and a hash of its evidence and note), plus the version it was released as.
/// Written as JSON with a fixed order and layout (docs/versioning.md), so a release's baseline is a
/// reviewable diff.
/// </summary>
internal sealed record Manifest(string Package, string Version, string Namespace, IReadOnlyList<EnumEntry> Enums, IReadOnlyList<KindEntry> Kinds)
{
    /// <summary>The layout of the file; a reader refuses another one.</summary>
    public const int Format = 1;

    /// <summary>The manifest of a corpus that the pipeline accepted (every fact that would be emitted).</summary>
    public static Manifest From(CorpusResult result, string package, string version)
    {
        var schema = result.Schema;
        var enums = schema.Enums
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EnumEntry(e.Name, e.Values.Select(v => new MemberEntry(v, Names.ToPascal(v))).ToList()))
            .ToList();
        var kinds = new List<KindEntry>();
        foreach (var kind in schema.Kinds.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var fields = kind.Fields.Select(f => new FieldEntry(f.Name, f.Property, f.Type.ToString(), f.Required)).ToList();
            var facts = new List<FactEntry>();
            var named = result.AllNamed(kind.Name);
            foreach (var fact in result.Facts(kind.Name))
            {
                var values = new SortedDictionary<string, ManifestValue>(StringComparer.Ordinal);
                for (var i = 0; i < kind.Fields.Count && i < fact.Values.Count; i++)
                {
                    var value = Text(result, kind.Fields[i].Type, fact.Values[i]);
                    if (!value.IsNull)
                    {
                        values[kind.Fields[i].Name] = value;
                    }
                }

                facts.Add(new FactEntry(fact.Id, named ? Names.ToPascal(fact.Id) : null, values, EvidenceHash(fact)));
            }

            kinds.Add(new KindEntry(kind.Name, kind.Plural, fields, facts.OrderBy(f => f.Id, StringComparer.Ordinal).ToList()));
        }

        return new Manifest(package, version, schema.Namespace, enums, kinds);
    }

    /// <summary>A value in canonical text: a reference as the id it names, an enum value as written in YAML.</summary>
    private static ManifestValue Text(CorpusResult result, TypeRef type, FieldValue value)
    {
        if (value.IsNull)
        {
            return ManifestValue.Null;
        }

        string Item(int i)
        {
            var text = value[i];
            if (type.Type == ScalarType.Quantity)
            {
                // Canonical "value qualifier unit" (the qualifier's index) in words: "about 13000000 people", "exact 500 engineers";
                // an unqualified figure is the value and unit alone.
                var parts = text.Split(' ', 3);
                var qualifier = int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
                return qualifier == DomainModel.Internal.RowFormat.UnspecifiedQualifier ? parts[0] + " " + parts[2] : Generators.Validation.ValueConverter.Qualifiers[qualifier] + " " + parts[0] + " " + parts[2];
            }

            if (type.Type == ScalarType.Date && value.Basis != 0)
            {
                // A date with its basis: "resolved 2025-10-15" (a date without one is the date alone).
                return DomainModel.Internal.RowFormat.DateBases[value.Basis] + " " + text;
            }

            if (type.Type is not (ScalarType.Reference or ScalarType.Enum))
            {
                return text;
            }

            var n = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return type.Type == ScalarType.Reference
                ? result.Index.Kind(type.Target!)!.Ids[n]
                : result.Schema.Enum(type.Target!)!.Values[n];
        }

        return value.IsList
            ? new ManifestValue(null, Enumerable.Range(0, value.Count).Select(Item).ToList(), value.IsExamples)
            : new ManifestValue(Item(0), null);
    }

    /// <summary>The first 16 hex digits of SHA-256 over the evidence (document, quote, stance, hedge and attribution when given) and the note.</summary>
    private static string EvidenceHash(EmittedFact fact)
    {
        var text = new StringBuilder();
        foreach (var item in fact.Evidence)
        {
            text.Append(item.Document).Append('\u0000').Append(item.Quote).Append('\u0000').Append(item.Contradicts ? "contradicts" : "supports");
            if (item.Hedge >= 0 || item.AttributedTo is not null)
            {
                // Written only when present, so evidence without them hashes as it always did.
                text.Append('\u0000').Append(item.Hedge.ToString(CultureInfo.InvariantCulture))
                    .Append('\u0000').Append(item.AttributedToKind).Append(':').Append(item.AttributedTo);
            }

            text.Append('\u0001');
        }

        text.Append('\u0002').Append(fact.Note);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    /// <summary>The manifest as JSON: two-space indents, '\n' line ends, keys in a fixed order, a final line feed.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", Format);
            w.WriteString("package", Package);
            w.WriteString("version", Version);
            w.WriteString("namespace", Namespace);
            w.WriteStartArray("enums");
            foreach (var e in Enums)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteStartArray("members");
                foreach (var m in e.Members)
                {
                    w.WriteStartObject();
                    w.WriteString("value", m.Value);
                    w.WriteString("member", m.Member);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("kinds");
            foreach (var k in Kinds)
            {
                w.WriteStartObject();
                w.WriteString("name", k.Name);
                w.WriteString("catalog", k.Catalog);
                w.WriteStartArray("fields");
                foreach (var f in k.Fields)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WriteString("property", f.Property);
                    w.WriteString("type", f.Type);
                    w.WriteBoolean("required", f.Required);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("facts");
                foreach (var fact in k.Facts)
                {
                    w.WriteStartObject();
                    w.WriteString("id", fact.Id);
                    if (fact.Property is null)
                    {
                        w.WriteNull("property");
                    }
                    else
                    {
                        w.WriteString("property", fact.Property);
                    }

                    w.WriteString("evidence", fact.Evidence);
                    w.WriteStartObject("values");
                    foreach (var (name, value) in fact.Values)
                    {
                        if (value.Items is { } items)
                        {
                            // The source's examples as the YAML writes them: "field": { "examples": [...] }.
                            if (value.Examples)
                            {
                                w.WriteStartObject(name);
                                w.WriteStartArray("examples");
                            }
                            else
                            {
                                w.WriteStartArray(name);
                            }

                            foreach (var item in items)
                            {
                                w.WriteStringValue(item);
                            }

                            w.WriteEndArray();
                            if (value.Examples)
                            {
                                w.WriteEndObject();
                            }
                        }
                        else
                        {
                            w.WriteString(name, value.Scalar);
                        }
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Reads a manifest written by <see cref="ToJson"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static Manifest Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException("not valid JSON: " + e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number)
            {
                throw new FormatException("not a DomainModel manifest (no \"format\" number)");
            }

            if (format.GetInt32() != Format)
            {
                throw new FormatException($"manifest format {format.GetInt32()}, this tool reads format {Format}");
            }

            var enums = Array(root, "enums").Select(e => new EnumEntry(
                String(e, "name"),
                Array(e, "members").Select(m => new MemberEntry(String(m, "value"), String(m, "member"))).ToList())).ToList();
            var kinds = Array(root, "kinds").Select(k => new KindEntry(
                String(k, "name"),
                String(k, "catalog"),
                Array(k, "fields").Select(f => new FieldEntry(String(f, "name"), String(f, "property"), String(f, "type"), Property(f, "required").GetBoolean())).ToList(),
                Array(k, "facts").Select(Fact).ToList())).ToList();
            return new Manifest(String(root, "package"), String(root, "version"), String(root, "namespace"), enums, kinds);
        }
    }

    private static FactEntry Fact(JsonElement fact)
    {
        var values = new SortedDictionary<string, ManifestValue>(StringComparer.Ordinal);
        foreach (var value in Property(fact, "values").EnumerateObject())
        {
            values[value.Name] = value.Value.ValueKind switch
            {
                JsonValueKind.Array => new ManifestValue(null, value.Value.EnumerateArray().Select(i => i.GetString()!).ToList()),
                JsonValueKind.Object => new ManifestValue(null, Array(value.Value, "examples").Select(i => i.GetString()!).ToList(), true),
                _ => new ManifestValue(value.Value.GetString(), null),
            };
        }

        var property = Property(fact, "property");
        return new FactEntry(String(fact, "id"), property.ValueKind == JsonValueKind.Null ? null : property.GetString(), values, String(fact, "evidence"));
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new FormatException($"\"{name}\" is missing");

    private static string String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw new FormatException($"\"{name}\" is not a string");

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } value ? value.EnumerateArray().ToList() : throw new FormatException($"\"{name}\" is not an array");
}

internal sealed record EnumEntry(string Name, IReadOnlyList<MemberEntry> Members);

/// <summary>An enum member: its YAML value and its C# name.</summary>
internal sealed record MemberEntry(string Value, string Member);

/// <summary>A kind: its record's name and its catalog class's (plural) name.</summary>
internal sealed record KindEntry(string Name, string Catalog, IReadOnlyList<FieldEntry> Fields, IReadOnlyList<FactEntry> Facts);

/// <summary>A field: its YAML name, its C# property, its type as the schema writes it (<c>money</c>, <c>list&lt;Country&gt;</c>) and whether it is required.</summary>
internal sealed record FieldEntry(string Name, string Property, string Type, bool Required);

/// <summary>
/// A fact: its id, its named catalog property (null when the kind has more facts than get one), its
/// values by field name (absent when null) and a hash of its evidence and note.
/// </summary>
internal sealed record FactEntry(string Id, string? Property, IReadOnlyDictionary<string, ManifestValue> Values, string Evidence);

/// <summary>A value in canonical text: a scalar or a list (never both); a list may be the source's <see cref="Examples"/>.</summary>
internal readonly record struct ManifestValue(string? Scalar, IReadOnlyList<string>? Items, bool Examples = false)
{
    public static ManifestValue Null => default;

    public bool IsNull => Scalar is null && Items is null;

    public bool Same(ManifestValue other) =>
        Scalar == other.Scalar && Examples == other.Examples
        && (Items is null ? other.Items is null : other.Items is not null && Items.SequenceEqual(other.Items, StringComparer.Ordinal));

    /// <summary>The value as diff prints it: <c>2025-10-15</c>, <c>[a, b]</c>, or the source's examples <c>examples [a, b]</c>.</summary>
    public override string ToString() => Items is null ? Scalar ?? "null" : (Examples ? "examples [" : "[") + string.Join(", ", Items) + "]";
}
