using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary><c>domainmodel export</c>: the seed library's JSON export, for any corpus, from the validated model.</summary>
public sealed class ExportTests
{
    [Fact]
    public void Export_of_the_seeds_equals_the_seed_librarys_export_byte_for_byte()
    {
        var result = ToolRun.InProcess("export", ToolRun.Seeds, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(DomainModel.Cli.JsonExporter.WriteToString(), result.Out);
    }

    [Fact]
    public void Export_of_one_kind_equals_the_seed_librarys_export_of_it()
    {
        var result = ToolRun.InProcess("export", ToolRun.Seeds, "--format", "json", "--kind", "casualtyFigures");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(DomainModel.Cli.JsonExporter.WriteToString(new[] { DomainModel.Cli.JsonExporter.FindKind("CasualtyFigures")! }), result.Out);

        var unknown = ToolRun.InProcess("export", ToolRun.Seeds, "--format", "json", "--kind", "Presidents");
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("error: Unknown kind 'Presidents'. The corpus's kinds: Agreement, ", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_has_one_fact_per_line_with_its_kind_and_the_json_exports_members()
    {
        var jsonl = ToolRun.InProcess("export", ToolRun.Seeds, "--format", "jsonl");
        Assert.True(jsonl.ExitCode == 0, jsonl.Error);
        using var json = JsonDocument.Parse(ToolRun.InProcess("export", ToolRun.Seeds, "--format", "json").Out);
        var expected = json.RootElement.EnumerateObject().SelectMany(kind => kind.Value.EnumerateArray().Select(fact => (kind.Name, fact))).ToList();
        Assert.Equal(expected.Count, jsonl.Lines.Count);
        Assert.DoesNotContain(jsonl.Lines, l => l.Contains('\n', StringComparison.Ordinal) || l.StartsWith(' '));
        for (var i = 0; i < expected.Count; i++)
        {
            using var parsed = JsonDocument.Parse(jsonl.Lines[i]);
            var kind = parsed.RootElement.EnumerateObject().First();
            Assert.Equal("kind", kind.Name);
            Assert.Equal(expected[i].Name, DomainModel.Tool.Commands.ModelJson.CamelCase(Plural(kind.Value.GetString()!)));
            var fact = JsonNode.Parse(expected[i].fact.GetRawText())!.AsObject();
            var line = JsonNode.Parse(jsonl.Lines[i])!.AsObject();
            line.Remove("kind");
            Assert.Equal(fact.Select(m => m.Key), line.Select(m => m.Key));
            Assert.True(JsonNode.DeepEquals(fact, line), jsonl.Lines[i]);
        }
    }

    [Fact]
    public void Export_of_a_corpus_written_by_the_test_gives_every_value_type_its_json_form()
    {
        using var corpus = new TempCorpus(
            ("s.schema.yaml", """
                kinds:
                  Deal:
                    description: A deal.
                    fields:
                      name: { type: string, required: true, description: Name. }
                      count: { type: integer, description: Count. }
                      rate: { type: decimal, description: Rate. }
                      share: { type: percent, description: Share. }
                      signed: { type: boolean, description: Signed. }
                      when: { type: date, description: When. }
                      price: { type: money, description: Price. }
                      staff: { type: quantity, description: Staff. }
                      status: { type: Status, description: Status. }
                      parties: { type: list<Party>, description: Parties. }
                      lead: { type: Party, description: Lead party. }
                  Party:
                    description: A party.
                    fields:
                      name: { type: string, required: true, description: Name. }
                enums:
                  Status:
                    description: A status.
                    values: [draft, signed-off]
                """),
            ("f.facts.yaml", """
                kind: Deal
                document: d.txt
                facts:
                  - id: zeta
                    name: Zeta
                    count: 007
                    rate: 2.50
                    share: 78%
                    signed: true
                    when: { value: 1950s, basis: inferred }
                    price: { amount: 2500000000, currency: USD }
                    staff: { value: 500, unit: engineers, qualifier: more-than }
                    status: signed-off
                    parties: { examples: [bravo, alpha] }
                    lead: bravo
                    evidence:
                      - Zeta pays
                      - { quote: Nobody signed, stance: contradicts }
                    note: 'Read carefully: count 7, rate 2.50, share 78%, the 1950s, $2.5 billion, more than 500 engineers.'
                  - id: able
                    name: Able
                    price: 100 EUR
                    staff: 3 people
                    evidence: [Able]
                    note: Priced at 100 EUR for 3 people.
                """),
            ("p.facts.yaml", "kind: Party\ndocument: d.txt\nfacts:\n  - id: bravo\n    name: Bravo\n    evidence: [Bravo]\n  - id: alpha\n    name: Alpha\n    evidence: [Alpha]\n"),
            ("d.txt", "Zeta pays Bravo and Alpha. Nobody signed. Able too."));
        var result = ToolRun.InProcess("export", corpus.Root, "-f", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            {
              "deals": [
                {
                  "id": "able",
                  "name": "Able",
                  "count": null,
                  "rate": null,
                  "share": null,
                  "signed": null,
                  "when": null,
                  "price": {
                    "amount": 100,
                    "currency": "EUR"
                  },
                  "staff": {
                    "value": 3,
                    "unit": "people",
                    "qualifier": "unspecified"
                  },
                  "status": null,
                  "parties": [],
                  "lead": null,
                  "provenance": {
                    "evidence": [
                      {
                        "document": "d.txt",
                        "quote": "Able",
                        "stance": "supports",
                        "hedge": null,
                        "attributedTo": null,
                        "attributedToKind": null
                      }
                    ],
                    "note": "Priced at 100 EUR for 3 people.",
                    "dateBasis": {},
                    "examples": []
                  }
                },
                {
                  "id": "zeta",
                  "name": "Zeta",
                  "count": 7,
                  "rate": 2.50,
                  "share": 78,
                  "signed": true,
                  "when": "195X",
                  "price": {
                    "amount": 2500000000,
                    "currency": "USD"
                  },
                  "staff": {
                    "value": 500,
                    "unit": "engineers",
                    "qualifier": "more-than"
                  },
                  "status": "signed-off",
                  "parties": [
                    "bravo",
                    "alpha"
                  ],
                  "lead": "bravo",
                  "provenance": {
                    "evidence": [
                      {
                        "document": "d.txt",
                        "quote": "Zeta pays",
                        "stance": "supports",
                        "hedge": null,
                        "attributedTo": null,
                        "attributedToKind": null
                      },
                      {
                        "document": "d.txt",
                        "quote": "Nobody signed",
                        "stance": "contradicts",
                        "hedge": null,
                        "attributedTo": null,
                        "attributedToKind": null
                      }
                    ],
                    "note": "Read carefully: count 7, rate 2.50, share 78%, the 1950s, $2.5 billion, more than 500 engineers.",
                    "dateBasis": {
                      "when": "inferred"
                    },
                    "examples": [
                      "parties"
                    ]
                  }
                }
              ],
              "parties": [
                {
                  "id": "alpha",
                  "name": "Alpha",
                  "provenance": {
                    "evidence": [
                      {
                        "document": "d.txt",
                        "quote": "Alpha",
                        "stance": "supports",
                        "hedge": null,
                        "attributedTo": null,
                        "attributedToKind": null
                      }
                    ],
                    "note": null,
                    "dateBasis": {},
                    "examples": []
                  }
                },
                {
                  "id": "bravo",
                  "name": "Bravo",
                  "provenance": {
                    "evidence": [
                      {
                        "document": "d.txt",
                        "quote": "Bravo",
                        "stance": "supports",
                        "hedge": null,
                        "attributedTo": null,
                        "attributedToKind": null
                      }
                    ],
                    "note": null,
                    "dateBasis": {},
                    "examples": []
                  }
                }
              ]
            }

            """, result.Out);
    }

    [Fact]
    public void The_seed_export_says_which_dates_have_a_basis_and_which_lists_are_examples()
    {
        var result = ToolRun.InProcess("export", ToolRun.Seeds, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        JsonElement Provenance(string kind, string id) => json.RootElement.GetProperty(kind).EnumerateArray().Single(f => f.GetProperty("id").GetString() == id).GetProperty("provenance");

        Assert.Equal("""{"date":"inferred"}""", Provenance("events", "assad-flight-to-moscow").GetProperty("dateBasis").GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal("resolved", Provenance("events", "moscow-summit-2025").GetProperty("dateBasis").GetProperty("date").GetString());
        Assert.Equal(new[] { "partyOrganizations" }, Provenance("agreements", "energy-partnership-revival").GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "operators" }, Provenance("places", "eastern-syria-oil-gas-fields").GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, Provenance("places", "deir-ez-zor-oil-fields").GetProperty("examples").GetArrayLength());
        var tourism = json.RootElement.GetProperty("agreements").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "tourism-joint-marketing");
        Assert.Equal("target", tourism.GetProperty("quantity").GetProperty("qualifier").GetString());
        Assert.Equal("2030", tourism.GetProperty("targetDate").GetString()); // the date stays an ISO string
        Assert.Equal("stated", tourism.GetProperty("provenance").GetProperty("dateBasis").GetProperty("targetDate").GetString());
    }

    [Fact]
    public void A_corpus_with_errors_is_not_exported()
    {
        using var corpus = CheckTests.BadCorpus();
        var result = ToolRun.InProcess("export", corpus.Root, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("leaders.facts.yaml(6,5): error DM0005:", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("error: the corpus has 7 errors (above; 'domainmodel check' lists every diagnostic): nothing to export.\n", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);

        var format = ToolRun.InProcess("export", ToolRun.Seeds, "--format", "xml");
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("xml", format.Error, StringComparison.Ordinal);
        Assert.Equal(2, ToolRun.InProcess("export", ToolRun.Seeds).ExitCode);
    }

    private static string Plural(string kind) => DomainModel.FactCatalog.Kinds.Single(k => k.Name == kind).Plural;
}
