using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DomainModel.Tool.Tests;

/// <summary>
/// <c>domainmodel schema</c>, checked with a real JSON Schema validator (JsonSchema.Net, draft 2020-12)
/// on the YAML read as yaml-language-server reads it (YAML 1.2 core schema).
/// </summary>
public sealed class SchemaTests
{
    private static readonly Lazy<JsonSchema> s_seedFacts = new(() => Load(ToolRun.InProcess("schema", ToolRun.Seeds)));

    private static readonly Lazy<JsonSchema> s_schemaFiles = new(() => Load(ToolRun.InProcess("schema", "--schema-files")));

    public static IEnumerable<object[]> SeedFactsFiles() =>
        Directory.EnumerateFiles(Path.Combine(ToolRun.Seeds, "facts"), "*.facts.yaml").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(SeedFactsFiles))]
    public void The_seeds_facts_schema_accepts_every_seed_facts_file(string file)
    {
        var results = Validate(s_seedFacts.Value, File.ReadAllText(Path.Combine(ToolRun.Seeds, "facts", file)));
        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void The_seeds_facts_schema_rejects_a_misspelled_field()
    {
        var text = File.ReadAllText(Path.Combine(ToolRun.Seeds, "facts", "agreements.facts.yaml"));
        Assert.Contains("    status: ", text, StringComparison.Ordinal);
        var results = Validate(s_seedFacts.Value, ReplaceFirst(text, "    status: ", "    staus: "));
        Assert.False(results.IsValid);
        Assert.Contains("staus", Describe(results), StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeds_facts_schema_rejects_a_bad_enum_value()
    {
        var text = File.ReadAllText(Path.Combine(ToolRun.Seeds, "facts", "agreements.facts.yaml"));
        var status = Regex.Match(text, "^    status: ([a-z-]+)$", RegexOptions.Multiline);
        Assert.True(status.Success);
        var results = Validate(s_seedFacts.Value, ReplaceFirst(text, status.Value, "    status: maybe"));
        Assert.False(results.IsValid);
        Assert.Contains("/facts/0/status", Describe(results), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: Leader\nfacts:\n  - id: Putin\n    name: x\n    evidence: [x]\n", "/facts/0/id")]          // an id that is not a slug
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    evidence: [x]\n", "/facts/0")]                           // a required field missing
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n", "/facts/0")]                                  // no evidence
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n    born: 1982-13-01\n    evidence: [x]\n", "/facts/0/born")]
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n    budget: 5 DOLLARS\n    evidence: [x]\n", "/facts/0/budget")]
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n    age: 70.5\n    evidence: [x]\n", "/facts/0/age")]
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n    evidence: [{ quote: x, stance: neutral }]\n", "/facts/0/evidence/0")]
    [InlineData("kind: Country\nfacts:\n  - id: russia\n    name: Russia\n    age: 1\n    evidence: [x]\n", "/facts/0")] // a field of another kind
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n    born: { value: 1952, basis: guessed }\n    evidence: [x]\n", "/facts/0/born")]
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n    allies: { exampels: [syria] }\n    evidence: [x]\n", "/facts/0/allies")]
    [InlineData("kind: Leader\nfacts:\n  - id: putin\n    name: x\n    size: { value: 5, unit: x, qualifier: roughly }\n    evidence: [x]\n", "/facts/0/size")]
    [InlineData("kind: Nation\nfacts: []\n", "/kind")]
    [InlineData("kind: Leader\nfacts: []\ndocumnet: a.txt\n", "")]
    public void A_corpus_schema_rejects_what_the_build_rejects_in_a_file_alone(string yaml, string location)
    {
        var results = Validate(CorpusSchema(), yaml);
        Assert.False(results.IsValid);
        Assert.Contains("\"" + location, Describe(results), StringComparison.Ordinal);
    }

    [Fact]
    public void A_corpus_schema_accepts_every_form_the_build_accepts()
    {
        const string Facts = """
            kind: Leader
            document: report.txt
            facts:
              - id: putin
                name: Vladimir Putin
                age: 72
                born: 1952-10-07
                budget: { amount: 2500000000, currency: USD }
                active: true
                status: active
                country: russia
                size: { value: 500, unit: engineers, qualifier: about }
                share: 78%
                rate: 2.5
                allies: [syria]
                evidence:
                  - Vladimir Putin
                  - { quote: Putin met, document: other.txt, stance: contradicts }
                note: As reported.
              - id: sharaa
                name: 1984
                born: 1980s
                budget: 100000000 USD
                size: 500 engineers
                share: 12.5
                rate: "3"
                status:
                evidence: [Al-Sharaa]
              - id: year
                name: x
                born: 2025
                evidence: [x]
              - id: as-reported
                name: x
                born: { value: 1952-10-07, basis: resolved }
                allies: { examples: [syria] }
                size: { value: 13000000, unit: people, qualifier: rounded }
                evidence: [x]
              - id: stated
                name: x
                born: { value: 1950s, basis: stated }
                size: { value: 1000000, unit: visitors, qualifier: target }
                evidence: [x]
            """;
        var results = Validate(CorpusSchema(), Facts);
        Assert.True(results.IsValid, Describe(results));
        Assert.True(Validate(CorpusSchema(), "kind: Country\nfacts:\n").IsValid);
    }

    [Fact]
    public void The_schema_files_schema_accepts_every_seed_schema_and_rejects_a_misspelled_key()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ToolRun.Seeds, "schema"), "*.schema.yaml"))
        {
            var results = Validate(s_schemaFiles.Value, File.ReadAllText(file));
            Assert.True(results.IsValid, file + "\n" + Describe(results));
        }

        var bad = Validate(s_schemaFiles.Value, "kinds:\n  Leader:\n    descripton: A person.\n");
        Assert.False(bad.IsValid);
        Assert.False(Validate(s_schemaFiles.Value, "kinds:\n  Leader:\n    description: x\n    fields:\n      id: { type: string, description: x }\n").IsValid);
    }

    [Fact]
    public void Committed_schemas_are_the_tools_output()
    {
        // The seeds' modelines point at these files: they must be what the tool writes today.
        var seeds = ToolRun.InProcess("schema", ToolRun.Seeds);
        Assert.True(seeds.ExitCode == 0, seeds.ToString());
        Assert.Equal(seeds.Out, File.ReadAllText(Path.Combine(ToolRun.RepoRoot, "docs", "json-schema", "seeds.facts.json")));
        Assert.Equal(ToolRun.InProcess("schema", "--schema-files").Out, File.ReadAllText(Path.Combine(ToolRun.RepoRoot, "docs", "json-schema", "domainmodel.schema.json")));
    }

    [Fact]
    public void Every_seed_yaml_file_starts_with_its_modeline()
    {
        foreach (var file in Directory.EnumerateFiles(ToolRun.Seeds, "*.yaml", SearchOption.AllDirectories))
        {
            var schema = file.EndsWith(".facts.yaml", StringComparison.Ordinal) ? "seeds.facts.json" : "domainmodel.schema.json";
            Assert.StartsWith("# yaml-language-server: $schema=../../docs/json-schema/" + schema + "\n", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Schema_of_a_corpus_with_schema_errors_is_refused()
    {
        using var corpus = new TempCorpus(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n    fields:\n      name: { type: strng, description: x }\n"));
        var result = ToolRun.InProcess("schema", corpus.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("a.schema.yaml(5,21): error DM0009: Unknown type 'strng'", result.Error, StringComparison.Ordinal);
        Assert.Contains("error: the corpus's schema files have 1 error (above): no JSON Schema written.", result.Error, StringComparison.Ordinal);

        var usage = ToolRun.InProcess("schema");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("Give the corpus folder (DIR), or --schema-files", usage.Error, StringComparison.Ordinal);
    }

    private const string EveryType = """
        kinds:
          Leader:
            description: A person.
            fields:
              name: { type: string, required: true, description: Name. }
              age: { type: integer, description: Age. }
              born: { type: date, description: Birth date. }
              budget: { type: money, description: Budget. }
              active: { type: boolean, description: Active. }
              status: { type: Status, description: Status. }
              country: { type: Country, description: Country. }
              size: { type: quantity, description: Size. }
              share: { type: percent, description: Share. }
              rate: { type: decimal, description: Rate. }
              allies: { type: list<Country>, description: Allies. }
          Country:
            description: A country.
            fields:
              name: { type: string, required: true, description: Name. }
        enums:
          Status:
            description: A status.
            values: [active, retired]
        """;

    private static readonly Lazy<JsonSchema> s_everyType = new(() =>
    {
        using var corpus = new TempCorpus(("a.schema.yaml", EveryType));
        return Load(ToolRun.InProcess("schema", corpus.Root));
    });

    private static JsonSchema CorpusSchema() => s_everyType.Value;

    private static JsonSchema Load(ToolResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonSchema.FromText(result.Out, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static EvaluationResults Validate(JsonSchema schema, string yaml) =>
        schema.Evaluate(YamlToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static string Describe(EvaluationResults results) =>
        JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true });

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    /// <summary>YAML as JSON, as yaml-language-server reads it: the YAML 1.2 core schema (plain true/false, numbers and null typed; everything else a string).</summary>
    public static JsonElement YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = Convert(stream.Documents[0].RootNode);
        return JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement.Clone();
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    obj[((YamlScalarNode)key).Value!] = Convert(value);
                }

                return obj;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(Convert).ToArray());
            default:
                var scalar = (YamlScalarNode)node;
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
                {
                    return JsonValue.Create(text);
                }

                if (text is "" or "~" or "null" or "Null" or "NULL")
                {
                    return null;
                }

                if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
                {
                    return JsonValue.Create(text.StartsWith('t') || text.StartsWith('T'));
                }

                if (Regex.IsMatch(text, "^[-+]?[0-9]+$") && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return JsonValue.Create(integer);
                }

                if (Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"))
                {
                    return JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
                }

                return JsonValue.Create(text);
        }
    }
}
