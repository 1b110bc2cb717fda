using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Generators.Validation;
using DomainModel.Internal;

namespace DomainModel.Tool.Commands;

/// <summary>
/// JSON Schemas (draft 2020-12) for a corpus's YAML, as a standard validator or yaml-language-server reads
/// it (YAML 1.2: <c>2025</c> is a number, <c>2025-10-15</c> a string). <see cref="Facts"/> is written from
/// the corpus's validated schema: per kind (chosen by <c>kind</c>) its fields, their types, required
/// fields, enum values and id patterns, unknown fields rejected. <see cref="SchemaFiles"/> describes the
/// schema language itself. The patterns are the generator's own (Names, ValueConverter's forms).
/// </summary>
internal static class JsonSchemas
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private const string Number = "^-?[0-9]{1,28}(\\.[0-9]{1,28})?$";

    /// <summary>The schema for every *.facts.yaml of a corpus whose schema is <paramref name="schema"/>.</summary>
    public static JsonObject Facts(SchemaModel schema, IReadOnlyList<string> documents)
    {
        var defs = new JsonObject();
        var branches = new JsonArray();
        foreach (var kind in schema.Kinds)
        {
            var properties = new JsonObject { ["id"] = Ref("id") };
            var required = new JsonArray("id");
            foreach (var field in kind.Fields)
            {
                var type = Type(field.Type, defs, schema);
                if (field.Required)
                {
                    required.Add(field.Name);
                }
                else
                {
                    type = new JsonObject { ["anyOf"] = new JsonArray(type, new JsonObject { ["type"] = "null" }) };
                }

                type["description"] = field.Description;
                properties[field.Name] = type;
            }

            properties["evidence"] = Ref("evidence");
            properties["note"] = new JsonObject { ["type"] = "string", ["description"] = "How the fact was read from its evidence (e.g. how a relative date was resolved)." };
            required.Add("evidence");
            defs[kind.Name] = new JsonObject
            {
                ["description"] = kind.Description,
                ["type"] = "object",
                ["required"] = required,
                ["properties"] = properties,
                ["additionalProperties"] = false,
            };
            branches.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["const"] = kind.Name } }, ["required"] = new JsonArray("kind") },
                ["then"] = new JsonObject { ["properties"] = new JsonObject { ["facts"] = new JsonObject { ["items"] = Ref(kind.Name) } } },
            });
        }

        defs["id"] = new JsonObject
        {
            ["description"] = "A lowercase ASCII slug that starts with a letter, unique within its kind (e.g. vladimir-putin).",
            ["type"] = "string",
            ["pattern"] = Names.Slug.ToString(),
            ["maxLength"] = 512,
        };
        defs["evidence"] = Evidence();
        var document = new JsonObject { ["type"] = "string", ["description"] = "The source document every quote is from, unless an evidence item names its own (a file name)." };
        if (documents.Count > 0)
        {
            document["examples"] = new JsonArray(documents.Select(d => (JsonNode)d).ToArray());
        }

        return new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = "DomainModel facts file (*.facts.yaml)",
            ["description"] = "Written by 'domainmodel schema' from this corpus's schemas (kinds: " + string.Join(", ", schema.Kinds.Select(k => k.Name)) + "). The build also checks what a JSON Schema cannot: references and ids across files, and quotes against the documents.",
            ["type"] = "object",
            ["required"] = new JsonArray("kind", "facts"),
            ["properties"] = new JsonObject
            {
                ["kind"] = new JsonObject { ["description"] = "The kind of every fact in this file.", ["enum"] = new JsonArray(schema.Kinds.Select(k => (JsonNode)k.Name).ToArray()) },
                ["document"] = document,
                ["facts"] = new JsonObject { ["description"] = "The facts, each '- id: ...'.", ["type"] = new JsonArray("array", "null") },
            },
            ["additionalProperties"] = false,
            ["allOf"] = branches,
            ["$defs"] = defs,
        };
    }

    /// <summary>The schema for *.schema.yaml files: the schema language (enums and kinds).</summary>
    public static JsonObject SchemaFiles()
    {
        var typeName = Names.TypeName.ToString();
        return new JsonObject
        {
            ["$schema"] = Draft,
            ["title"] = "DomainModel schema file (*.schema.yaml)",
            ["description"] = "Enums and kinds of fact. See docs/schema-language.md. Written by 'domainmodel schema --schema-files'.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["enums"] = new JsonObject
                {
                    ["description"] = "Enums by PascalCase name.",
                    ["type"] = new JsonArray("object", "null"),
                    ["propertyNames"] = new JsonObject { ["pattern"] = typeName, ["maxLength"] = 512 },
                    ["additionalProperties"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["required"] = new JsonArray("description", "values"),
                        ["properties"] = new JsonObject
                        {
                            ["description"] = new JsonObject { ["type"] = "string", ["description"] = "Becomes the enum's XML documentation." },
                            ["values"] = new JsonObject
                            {
                                ["description"] = "Allowed values: lowercase slugs such as at-least.",
                                ["type"] = "array",
                                ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = Names.Slug.ToString(), ["maxLength"] = 512 },
                            },
                        },
                    },
                },
                ["kinds"] = new JsonObject
                {
                    ["description"] = "Kinds of fact by PascalCase name.",
                    ["type"] = new JsonArray("object", "null"),
                    ["propertyNames"] = new JsonObject { ["pattern"] = typeName, ["maxLength"] = 512 },
                    ["additionalProperties"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["required"] = new JsonArray("description"),
                        ["properties"] = new JsonObject
                        {
                            ["plural"] = new JsonObject { ["type"] = "string", ["pattern"] = typeName, ["description"] = "Name of the static catalog; default: the English plural." },
                            ["description"] = new JsonObject { ["type"] = "string", ["description"] = "Becomes the record's XML documentation." },
                            ["fields"] = new JsonObject
                            {
                                ["description"] = "Fields by snake_case name.",
                                ["type"] = new JsonArray("object", "null"),
                                ["propertyNames"] = new JsonObject
                                {
                                    ["pattern"] = Names.FieldName.ToString(),
                                    ["maxLength"] = 512,
                                    ["not"] = new JsonObject { ["enum"] = new JsonArray("id", "evidence", "note") },
                                },
                                ["additionalProperties"] = new JsonObject
                                {
                                    ["type"] = "object",
                                    ["additionalProperties"] = false,
                                    ["required"] = new JsonArray("type", "description"),
                                    ["properties"] = new JsonObject
                                    {
                                        ["type"] = new JsonObject
                                        {
                                            ["type"] = "string",
                                            ["description"] = "string, integer, decimal, boolean, date, money, quantity, percent, an enum name, a kind name, or list<T>.",
                                            ["pattern"] = "^(list\\s*<\\s*)?[A-Za-z][A-Za-z0-9]*(\\s*>)?$",
                                        },
                                        ["required"] = new JsonObject { ["type"] = "boolean", ["default"] = false },
                                        ["description"] = new JsonObject { ["type"] = "string", ["description"] = "Becomes the property's XML documentation." },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        };
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/$defs/" + name };

    /// <summary>The schema of a field's type (a reference into $defs, added on first use).</summary>
    private static JsonObject Type(TypeRef type, JsonObject defs, SchemaModel schema)
    {
        var (name, build) = type.Type switch
        {
            ScalarType.String => ("string", (Func<JsonObject>)(() => new JsonObject
            {
                ["description"] = "Text (any YAML scalar: a number or true/false is read as its text).",
                ["type"] = new JsonArray("string", "number", "boolean"),
            })),
            ScalarType.Integer => ("integer", () => AnyOf(
                "A whole number of at most 18 digits, no separators.",
                new JsonObject { ["type"] = "integer" },
                new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9]{1,18}$" })),
            ScalarType.Decimal => ("decimal", () => AnyOf(
                "A number, '.' as the decimal point.",
                new JsonObject { ["type"] = "number" },
                new JsonObject { ["type"] = "string", ["pattern"] = Number })),
            ScalarType.Percent => ("percent", () => AnyOf(
                "The number shown: 78 or 78% for 78%.",
                new JsonObject { ["type"] = "number" },
                new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9]{1,28}(\\.[0-9]{1,28})?\\s*%?$" })),
            ScalarType.Boolean => ("boolean", () => AnyOf(
                "true or false.",
                new JsonObject { ["type"] = "boolean" },
                new JsonObject { ["enum"] = new JsonArray("true", "false") })),
            ScalarType.Date when !type.IsList => ("date", () => AnyOf(
                "A date at its precision (2025, 2025-07, 2025-10-15, 1950s), or { value: 2025-10-15, basis: resolved }: how the date was read from the source.",
                DateForms().Append(new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("value"),
                    ["properties"] = new JsonObject
                    {
                        ["value"] = AnyOf("A date at its precision.", DateForms()),
                        ["basis"] = new JsonObject
                        {
                            ["enum"] = new JsonArray(RowFormat.DateBases.Select(b => (JsonNode)b).ToArray()),
                            ["description"] = "stated: a quote states the date; resolved: from a relative expression such as \"Wednesday\" against the document's date; inferred: from the context (the note says from what).",
                        },
                    },
                    ["additionalProperties"] = false,
                }).ToArray())),
            ScalarType.Date => ("date.plain", () => AnyOf(
                "A date at its precision (a list item: no basis): a year (2025), a month (2025-07), a day (2025-10-15) or a decade (1950s, 195X).",
                DateForms())),
            ScalarType.Money => ("money", () => AnyOf(
                "An exact amount in units of an ISO 4217 currency: '2500000000 USD' or { amount: 2500000000, currency: USD }.",
                new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9][0-9.]*\\s+(" + string.Join("|", Currencies.All.OrderBy(c => c, StringComparer.Ordinal)) + ")\\s*$" },
                new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("amount", "currency"),
                    ["properties"] = new JsonObject
                    {
                        ["amount"] = AnyOf("The amount in units.", new JsonObject { ["type"] = "number" }, new JsonObject { ["type"] = "string", ["pattern"] = Number }),
                        ["currency"] = new JsonObject { ["description"] = "ISO 4217 code.", ["enum"] = new JsonArray(Currencies.All.OrderBy(c => c, StringComparer.Ordinal).Select(c => (JsonNode)c).ToArray()) },
                    },
                    ["additionalProperties"] = false,
                })),
            ScalarType.Quantity => ("quantity", () => AnyOf(
                "A value with its unit: '500 engineers' or { value: 500, unit: engineers, qualifier: about }.",
                new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9][0-9.]*\\s+\\S.*$" },
                new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("value", "unit"),
                    ["properties"] = new JsonObject
                    {
                        ["value"] = AnyOf("The figure as reported.", new JsonObject { ["type"] = "number" }, new JsonObject { ["type"] = "string", ["pattern"] = Number }),
                        ["unit"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                        ["qualifier"] = new JsonObject { ["enum"] = new JsonArray(ValueConverter.Qualifiers.Select(q => (JsonNode)q).ToArray()) },
                    },
                    ["additionalProperties"] = false,
                })),
            ScalarType.Enum => ("enum." + type.Target, () => new JsonObject
            {
                ["description"] = schema.Enum(type.Target!)?.Description ?? string.Empty,
                ["enum"] = new JsonArray((schema.Enum(type.Target!)?.Values.AsSpan().ToArray() ?? Array.Empty<string>()).Select(v => (JsonNode)v).ToArray()),
            }),
            _ => ("ref." + type.Target, () => new JsonObject
            {
                ["description"] = "The id of a " + type.Target + " fact.",
                ["type"] = "string",
                ["pattern"] = Names.Slug.ToString(),
            }),
        };

        if (!defs.ContainsKey(name))
        {
            defs[name] = build();
        }

        return type.IsList
            ? new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "array", ["items"] = Ref(name) },
                    new JsonObject
                    {
                        ["description"] = "The source's examples (\"firms like Gazprom and Rosneft\"), not a complete list.",
                        ["type"] = "object",
                        ["required"] = new JsonArray("examples"),
                        ["properties"] = new JsonObject { ["examples"] = new JsonObject { ["type"] = "array", ["items"] = Ref(name) } },
                        ["additionalProperties"] = false,
                    }),
            }
            : Ref(name);
    }

    private static JsonObject[] DateForms() => new[]
    {
        new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 9999 },
        new JsonObject { ["type"] = "string", ["pattern"] = "^([0-9]{3}(0s|X)|[0-9]{4}(-(0[1-9]|1[0-2]))?)$" },
        new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" },
    };

    private static JsonObject AnyOf(string description, params JsonObject[] forms) =>
        new() { ["description"] = description, ["anyOf"] = new JsonArray(forms.Select(f => (JsonNode)f).ToArray()) };

    private static JsonObject Evidence() => new()
    {
        ["description"] = "Verbatim quotes from the source document (checked by the build, whitespace normalized).",
        ["type"] = "array",
        ["minItems"] = 1,
        ["items"] = new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("quote"),
                    ["properties"] = new JsonObject
                    {
                        ["quote"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                        ["document"] = new JsonObject { ["type"] = "string", ["description"] = "The document of this quote, if not the file's." },
                        ["stance"] = new JsonObject { ["enum"] = new JsonArray("supports", "contradicts"), ["default"] = "supports" },
                        ["attributed_to"] = new JsonObject
                        {
                            ["type"] = "string",
                            ["minLength"] = 1,
                            ["description"] = "Who makes the claim: a fact id ('vladimir-putin'), 'Kind:id', or a text ('sources close to the Kremlin').",
                        },
                        ["hedge"] = new JsonObject
                        {
                            ["enum"] = new JsonArray(RowFormat.Hedges.Select(h => (JsonNode)h).ToArray()),
                            ["description"] = "How the source puts the claim; none: as a fact.",
                        },
                    },
                    ["additionalProperties"] = false,
                }),
        },
    };
}
