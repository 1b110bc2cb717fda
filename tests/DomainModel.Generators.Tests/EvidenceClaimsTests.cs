using System;
using System.Linq;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Evidence says who makes a claim (<c>attributed_to</c>: a fact, <c>Kind:id</c>, or a text) and how it is put
/// (<c>hedge</c>): read, validated at their YAML positions, carried in the rows to the runtime's Evidence and
/// Provenance, and shown in the fact's doc comment.
/// </summary>
public class EvidenceClaimsTests
{
    private const string Schema = """
        kinds:
          Person:
            description: A person.
            fields:
              name: { type: string, required: true, description: Name. }
          Place:
            description: A place.
            fields:
              name: { type: string, required: true, description: Name. }
          Body:
            description: An organization.
            fields:
              name: { type: string, required: true, description: Name. }
          Claim:
            description: A claim.
            fields:
              name: { type: string, required: true, description: Name. }
        """;

    private const string People = """
        kind: Person
        document: doc.txt
        facts:
          - id: putin
            name: Putin
            evidence: [Putin said]
        """;

    private const string Places = "kind: Place\ndocument: doc.txt\nfacts:\n  - id: kremlin\n    name: Kremlin\n    evidence: [the Kremlin]\n";

    private const string Bodies = "kind: Body\ndocument: doc.txt\nfacts:\n  - id: kremlin\n    name: Kremlin\n    evidence: [the Kremlin]\n";

    private const string Document = "Putin said the friendship is old. Sources close to the Kremlin revealed that he rests. A trip is planned. It is certain.";

    private static GeneratorRun RunClaims(string claims, string userCode = "") =>
        GeneratorHarness.Run(
            new[]
            {
                (Root + "c.schema.yaml", Schema), (Root + "people.facts.yaml", People), (Root + "places.facts.yaml", Places),
                (Root + "bodies.facts.yaml", Bodies), (Root + "claims.facts.yaml", claims), (Root + "doc.txt", Document),
            },
            userCode);

    private const string Valid = """
        kind: Claim
        document: doc.txt
        facts:
          - id: friendship
            name: Old friendship
            evidence:
              - quote: the friendship is old
                attributed_to: putin
                hedge: claimed
          - id: rest
            name: Rest
            evidence:
              - quote: Sources close to the Kremlin revealed that he rests
                attributed_to: sources close to the Kremlin
                hedge: reported
              - quote: he rests
                attributed_to: Body:kremlin
          - id: trip
            name: Trip
            evidence:
              - { quote: A trip is planned, hedge: planned }
              - { quote: It is certain, stance: contradicts }
          - id: certain
            name: Certain
            evidence:
              - { quote: It is certain, hedge: reported }
              - It is certain
        """;

    private const string Probe = """
        using System.Linq;
        public static class Probe
        {
            public static string Show() => string.Join("\n", DomainModel.Claims.All.Select(c =>
                c.Id + " hedged=" + c.Provenance.IsHedged + ": " + string.Join("; ", c.Provenance.Evidence.Select(e =>
                    e.Stance + "/" + e.Hedge + "/" + (e.AttributedToKind ?? "-") + "/" + (e.AttributedTo ?? "-") + "/" + e.IsHedged))));
        }
        """;

    [Fact]
    public void Attribution_and_hedge_reach_the_runtime_evidence_and_provenance()
    {
        var run = RunClaims(Valid, Probe);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);

        var shown = (string)run.Load().GetType("Probe")!.GetMethod("Show")!.Invoke(null, null)!;
        Assert.Equal(
            """
            certain hedged=False: Supports/Reported/-/-/True; Supports/None/-/-/False
            friendship hedged=True: Supports/Claimed/Person/putin/True
            rest hedged=False: Supports/Reported/-/sources close to the Kremlin/True; Supports/None/Body/kremlin/False
            trip hedged=True: Supports/Planned/-/-/True; Contradicts/None/-/-/False
            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            shown);
    }

    [Fact]
    public void A_fact_whose_only_evidence_is_hedged_says_so_in_its_doc_comment()
    {
        var run = RunClaims(Valid);
        var catalog = string.Concat(run.Sources.Where(s => s.Key.StartsWith("Claim", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));

        Assert.Contains("<c>friendship</c>. Evidence (hedged: no quote states it as established): claimed, attributed to Person putin: \u201Cthe friendship is old\u201D (doc.txt).", catalog, StringComparison.Ordinal);
        Assert.Contains("<item>planned: \u201CA trip is planned\u201D (doc.txt)</item>", catalog, StringComparison.Ordinal);
        Assert.Contains("<item>reported, attributed to sources close to the Kremlin: \u201CSources close to the Kremlin revealed that he rests\u201D (doc.txt)</item>", catalog, StringComparison.Ordinal);

        // One unhedged supporting quote: the fact is not flagged.
        Assert.Contains("<c>rest</c>. Evidence:", catalog, StringComparison.Ordinal);
        Assert.Contains("<c>certain</c>. Evidence:", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_hedges_and_attributions_are_reported_at_their_values()
    {
        var claims = """
            kind: Claim
            document: doc.txt
            facts:
              - id: one
                name: One
                evidence:
                  - quote: the friendship is old
                    hedge: claimd
                    attributed_to: putn
              - id: two
                name: Two
                evidence:
                  - quote: the friendship is old
                    attributed_to: kremlin
                  - quote: the friendship is old
                    attributed_to: Person:kremlin
                  - quote: the friendship is old
                    attributed_to: ' '
                  - quote: the friendship is old
                    atributed_to: putin
            """;

        var run = TestSupport.Run(("c.schema.yaml", Schema), ("people.facts.yaml", People), ("places.facts.yaml", Places), ("bodies.facts.yaml", Bodies), ("claims.facts.yaml", claims), ("doc.txt", Document));

        Assert.Equal(
            new[]
            {
                "claims.facts.yaml(14,24): DM0013: Invalid attribution value 'kremlin' for 'attributed_to'. Facts of several kinds have this id (Body, Place): write 'Body:kremlin' or 'Place:kremlin'.",
                "claims.facts.yaml(16,24): DM0018: 'attributed_to' refers to Person 'kremlin', which does not exist. Use the id of a Person fact, or add that fact.",
                "claims.facts.yaml(18,24): DM0013: Invalid attribution value ' ' for 'attributed_to'. Name who makes the claim: a fact id ('vladimir-putin') or a text ('sources close to the Kremlin'), or remove the key.",
                "claims.facts.yaml(20,9): DM0005: Unknown key 'atributed_to' in an evidence item. Did you mean 'attributed_to'?",
                "claims.facts.yaml(8,16): DM0013: Invalid hedge value 'claimd' for 'hedge'. Did you mean 'claimed'? Allowed values: reported, claimed, alleged, unconfirmed, planned, expected, estimated, target.",
                "claims.facts.yaml(9,24): DM0018: 'attributed_to' refers to a fact 'putn', which does not exist. Use the id of a fact (a person, an organization), 'Kind:id', or a text with a space or a capital letter ('sources close to the Kremlin').",
            },
            run.GeneratorDiagnostics.Select(d => GeneratorRun.Format(d) + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(l => l, StringComparer.Ordinal));
    }
}
