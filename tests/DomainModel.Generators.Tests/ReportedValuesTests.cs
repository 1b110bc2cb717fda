using System;
using System.Globalization;
using System.Linq;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Values as the source reports them: a date's basis (<c>{ value: 2025-10-15, basis: resolved }</c>, held to its
/// evidence by DM0033), a list given as the source's examples (<c>{ examples: [a, b] }</c>), and quantity qualifiers
/// (<c>unspecified</c> when none is written, <c>target</c>, <c>rounded</c>): read at their YAML positions, carried in
/// the rows to the runtime's FactDate.Basis, FactList/ValueList.IsExamples and Quantity.Qualifier.
/// </summary>
public class ReportedValuesTests
{
    private const string Schema = """
        enums:
          Sector:
            description: A sector.
            values: [energy, tourism]
        kinds:
          Firm:
            description: A firm.
            fields:
              name: { type: string, required: true, description: Name. }
          Deal:
            description: A deal.
            fields:
              name: { type: string, required: true, description: Name. }
              signed: { type: date, description: Signed. }
              days: { type: list<date>, description: Days. }
              firms: { type: list<Firm>, description: Firms. }
              sectors: { type: list<Sector>, description: Sectors. }
              terms: { type: list<string>, description: Terms. }
              visitors: { type: quantity, description: Visitors. }
              staff: { type: quantity, description: Staff. }
        """;

    private const string Firms = """
        kind: Firm
        document: doc.txt
        facts:
          - id: gazprom
            name: Gazprom
            evidence: [Gazprom]
          - id: rosneft
            name: Rosneft
            evidence: [Rosneft]
          - id: lukoil
            name: Lukoil
            evidence: [Lukoil]
        """;

    private const string Document = "On October 15, 2025 firms like Gazprom and Rosneft (and Lukoil) met. They signed on Wednesday, "
        + "aiming at 1 million visitors by 2030, with about 13 million people and 500 engineers.";

    private const string Valid = """
        kind: Deal
        document: doc.txt
        facts:
          - id: stated
            name: Stated
            signed: { value: 2025-10-15, basis: stated }
            firms: [gazprom, rosneft, lukoil]
            staff: 500 engineers
            evidence: ['On October 15, 2025 firms like Gazprom and Rosneft (and Lukoil) met', 'with about 13 million people and 500 engineers']
          - id: resolved
            name: Resolved
            signed: { value: 2025-10-15, basis: resolved }
            firms: { examples: [gazprom, rosneft] }
            sectors:
              examples: [energy]
            terms: { examples: [open, fair] }
            visitors: { value: 1000000, unit: visitors, qualifier: target }
            staff: { value: 13000000, unit: people, qualifier: rounded }
            evidence: ['They signed on Wednesday', 'firms like Gazprom and Rosneft', 'aiming at 1 million visitors by 2030', 'with about 13 million people']
            note: '"Wednesday" resolved to 2025-10-15 against the dateline.'
          - id: inferred
            name: Inferred
            signed: { value: 2025-10, basis: inferred }
            days: [2025-10-15]
            firms: { examples: [] }
            staff: { value: 500, unit: engineers, qualifier: exact }
            evidence: ['On October 15, 2025 firms like Gazprom and Rosneft (and Lukoil) met', 'with about 13 million people and 500 engineers']
            note: The month, October 2025, is inferred from the meeting.
          - id: plain
            name: Plain
            signed: 2025-10-15
            evidence: ['On October 15, 2025 firms like Gazprom and Rosneft (and Lukoil) met']
        """;

    private const string Probe = """
        using System.Linq;
        public static class Probe
        {
            public static string Show() => string.Join("\n", DomainModel.Deals.All.Select(d =>
                d.Id + ": " + d.Signed + "/" + d.Signed?.Basis
                + " days=" + string.Join(",", d.Days.Select(x => x + "/" + x.Basis))
                + " firms=" + d.Firms.IsExamples + "(" + d.Firms + ")"
                + " sectors=" + d.Sectors.IsExamples + "/" + d.Sectors.Count
                + " terms=" + d.Terms.IsExamples + "/" + string.Join(",", d.Terms)
                + " visitors=" + d.Visitors?.Qualifier + "(" + d.Visitors + ")"
                + " staff=" + d.Staff?.Qualifier + "(" + d.Staff + ")"));

            public static string Record() => DomainModel.Deals.Resolved.ToString();

            public static bool SameDay() => DomainModel.Deals.Resolved.Signed == DomainModel.Deals.Plain.Signed;
        }
        """;

    private static GeneratorRun RunDeals(string deals, string userCode = "") =>
        GeneratorHarness.Run(new[] { (Root + "d.schema.yaml", Schema), (Root + "firms.facts.yaml", Firms), (Root + "deals.facts.yaml", deals), (Root + "doc.txt", Document) }, userCode);

    private static string[] Lines(GeneratorRun run) =>
        run.GeneratorDiagnostics.Select(d => GeneratorRun.Format(d) + ": " + d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(l => l, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Basis_examples_and_qualifiers_reach_the_runtime_values()
    {
        var run = RunDeals(Valid, Probe);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);

        var probe = run.Load().GetType("Probe")!;
        Assert.Equal(
            """
            inferred: 2025-10/Inferred days=2025-10-15/Unspecified firms=True(0 facts (examples)) sectors=False/0 terms=False/ visitors=() staff=Exact(500 engineers)
            plain: 2025-10-15/Unspecified days= firms=False(0 facts) sectors=False/0 terms=False/ visitors=() staff=()
            resolved: 2025-10-15/Resolved days= firms=True(2 facts (examples): gazprom, rosneft) sectors=True/1 terms=True/open,fair visitors=Target(1000000 visitors (target)) staff=Rounded(13000000 people (rounded))
            stated: 2025-10-15/Stated days= firms=False(3 facts: gazprom, rosneft, lukoil) sectors=False/0 terms=False/ visitors=() staff=Unspecified(500 engineers)
            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            (string)probe.GetMethod("Show")!.Invoke(null, null)!);

        // A record prints an examples list with an ellipsis; a resolved date is the same day as a plain one.
        var record = (string)probe.GetMethod("Record")!.Invoke(null, null)!;
        Assert.Contains("Firms = [gazprom, rosneft, \u2026]", record, StringComparison.Ordinal);
        Assert.Contains("Terms = [open, fair, \u2026]", record, StringComparison.Ordinal);
        Assert.Contains("Signed = 2025-10-15,", record, StringComparison.Ordinal);
        Assert.True((bool)probe.GetMethod("SameDay")!.Invoke(null, null)!);
    }

    [Fact]
    public void Rows_carry_the_basis_after_the_date_and_the_examples_mark_before_the_items()
    {
        var run = RunDeals(Valid);
        var rows = string.Concat(run.Sources.Where(s => s.Key.StartsWith("Deal", StringComparison.Ordinal)).Select(s => s.Value));

        // resolved: "2025-10-15 2" (basis 2, resolved), "~^0^2" (examples: gazprom, rosneft; ids in ordinal order), quantities "… 7 visitors", "… 8 people".
        Assert.Contains("resolved|Resolved|2025-10-15 2|", rows, StringComparison.Ordinal);
        Assert.Contains("|~^0^2|~^0|~^open^fair|1000000 7 visitors|13000000 8 people|", rows, StringComparison.Ordinal);

        // plain: no basis, and the unqualified quantity of 'stated' is 6 (unspecified), not 0 (exact).
        Assert.Contains("plain|Plain|2025-10-15|", rows, StringComparison.Ordinal);
        Assert.Contains("|500 6 engineers|", rows, StringComparison.Ordinal);
        Assert.Contains("|500 0 engineers|", rows, StringComparison.Ordinal);
        Assert.Contains("inferred|Inferred|2025-10 3|^2025-10-15|~|", rows, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_words_and_keys_are_reported_at_their_positions_with_the_allowed_values()
    {
        var deals = """
            kind: Deal
            document: doc.txt
            facts:
              - id: one
                name: One
                signed: { value: 2025-10-15, basis: resovled }
                firms: { exampels: [gazprom] }
                staff: { value: 500, unit: engineers, qualifier: roundd }
                evidence: ['On October 15, 2025 firms like Gazprom and Rosneft (and Lukoil) met', '500 engineers']
              - id: two
                name: Two
                signed: { valeu: 2025-10-15 }
                days: [{ value: 2025-10-15, basis: stated }]
                terms: { examples: open }
                sectors: { examples: [energy], more: [tourism] }
                evidence: ['On October 15, 2025 firms like Gazprom and Rosneft (and Lukoil) met']
            """;

        var run = TestSupport.Run(("d.schema.yaml", Schema), ("firms.facts.yaml", Firms), ("deals.facts.yaml", deals), ("doc.txt", Document));

        Assert.Equal(
            new[]
            {
                "deals.facts.yaml(12,13): DM0006: The value of 'signed' is missing required key 'value'. Add 'value:', e.g. 2025-10-15.",
                "deals.facts.yaml(12,15): DM0005: Unknown key 'valeu' in a date value. Did you mean 'value'?",
                "deals.facts.yaml(13,12): DM0007: 'days' must be a scalar, not a mapping. Write a single value.",
                "deals.facts.yaml(14,24): DM0007: 'terms' must be a sequence, not a scalar. Write the examples as a list: 'examples: [a, b]'.",
                "deals.facts.yaml(15,36): DM0005: Unknown key 'more' in a list value. Allowed keys: examples.",
                "deals.facts.yaml(6,41): DM0013: Invalid basis value 'resovled' for 'signed'. Did you mean 'resolved'? Allowed values: unspecified, stated, resolved, inferred.",
                "deals.facts.yaml(7,12): DM0006: The value of 'firms' is missing required key 'examples'. Write the list itself ('[a, b]'), or the source's examples as '{ examples: [a, b] }'.",
                "deals.facts.yaml(7,14): DM0005: Unknown key 'exampels' in a list value. Did you mean 'examples'?",
                "deals.facts.yaml(8,54): DM0013: Invalid qualifier value 'roundd' for 'staff'. Did you mean 'rounded'? Allowed values: exact, about, at-least, more-than, at-most, less-than, unspecified, target, rounded.",
            },
            Lines(run));
    }

    [Fact]
    public void A_basis_is_held_to_its_evidence_at_the_date()
    {
        var deals = """
            kind: Deal
            document: doc.txt
            facts:
              - id: stated-by-note-only
                name: One
                signed: { value: 2025-10-15, basis: stated }
                evidence: ['They signed on Wednesday']
                note: '"Wednesday" resolved to 2025-10-15.'
              - id: resolved-without-note
                name: Two
                signed: { value: 2025-10-15, basis: resolved }
                evidence: ['They signed on Wednesday']
              - id: inferred-note-silent
                name: Three
                signed: { value: 2025-10-15, basis: inferred }
                evidence: ['On October 15, 2025 firms like Gazprom and Rosneft (and Lukoil) met']
                note: Inferred from the meeting.
              - id: unspecified-unstated
                name: Four
                signed: { value: 2025-10-16, basis: unspecified }
                evidence: ['They signed on Wednesday']
            """;

        var run = TestSupport.Run(("d.schema.yaml", Schema), ("firms.facts.yaml", Firms), ("deals.facts.yaml", deals), ("doc.txt", Document));

        Assert.Equal(
            new[]
            {
                "deals.facts.yaml(11,22): DM0033: 'signed' of Deal 'resolved-without-note' is 2025-10-15 with basis 'resolved', but the fact has no note. Say in the note from what the date was resolved, naming it (e.g. '\"Wednesday\" resolved to 2025-10-15 against the dateline'), or write 'basis: stated' if a quote states it.",
                "deals.facts.yaml(15,22): DM0033: 'signed' of Deal 'inferred-note-silent' is 2025-10-15 with basis 'inferred', but its note does not name it. Say in the note from what the date was inferred, naming it (e.g. '\"Wednesday\" resolved to 2025-10-15 against the dateline'), or write 'basis: stated' if a quote states it.",
                "deals.facts.yaml(20,22): DM0032: 'signed' of Deal 'unspecified-unstated' is 2025-10-16, which its quote 'They signed on Wednesday' does not state (no number or date is stated there). Quote the sentence of the document that states it, or say in the fact's 'note' how the value was read, naming it (e.g. '\"Wednesday\" resolved to 2025-10-15').",
                "deals.facts.yaml(6,22): DM0033: 'signed' of Deal 'stated-by-note-only' is 2025-10-15 with basis 'stated', but its quote 'They signed on Wednesday' does not state it (no number or date is stated there). Quote the sentence that states the date, or write the basis it has ('resolved' from an expression such as \"Wednesday\", or 'inferred') and say in the note from what.",
            },
            Lines(run));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void The_seed_dates_lists_and_figures_are_typed_as_the_document_reports_them()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles(), """
            public static class SeedProbe
            {
                public static string Show() =>
                    DomainModel.Events.AssadFlightToMoscow.Date?.Basis + " " + DomainModel.Events.MoscowSummit2025.Date?.Basis + " "
                    + DomainModel.Events.RebelOffensive2024.Date?.Basis + " "
                    + DomainModel.Agreements.EnergyPartnershipRevival.PartyOrganizations.IsExamples + " "
                    + DomainModel.Places.EasternSyriaOilGasFields.Operators.IsExamples + " "
                    + DomainModel.Agreements.TourismJointMarketing.Quantity?.Qualifier + " "
                    + DomainModel.Events.SyrianCivilWar.Displaced?.Qualifier + " "
                    + DomainModel.Agreements.AleppoDamascusRailwayRebuild.Quantity?.Qualifier;
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Equal(
            "Inferred Resolved Stated True True Target Rounded Unspecified",
            (string)run.Load().GetType("SeedProbe")!.GetMethod("Show")!.Invoke(null, null)!);
    }
}
