using System;
using System.Collections.Generic;
using System.Linq;
using DomainModel.Generators.Grounding;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>One fact's typed values against its quotes and note, located at the value's own YAML position.</summary>
public class FactValuesTests
{
    private const string Schema = """
        kinds:
          Deal:
            description: A deal.
            fields:
              name: { type: string, required: true, description: Name. }
              price: { type: money, description: Price. }
              staff: { type: quantity, description: Staff. }
              share: { type: percent, description: Share. }
              dates: { type: list<date>, description: Dates. }
              count: { type: integer, description: Count. }
        """;

    private const string Document = "On March 3, 2025 the firm paid $5 million for 40% of a plant with 300 workers; a second payment followed in 2026.";

    /// <summary>Runs the check on every fact of the files; returns "id.field = value @line:column [what the quotes state]".</summary>
    private static List<string> Check(IEnumerable<(string Path, string Text)> files)
    {
        var (schema, results) = Pipeline.Validate(files);
        var found = new List<string>();
        foreach (var (parsed, validated) in results)
        {
            var kind = schema.Kind(validated.Kind!)!;
            foreach (var fact in validated.Facts)
            {
                var def = parsed.Facts!.Facts.First(d => d.Id.Value == fact.Id);
                var quotes = fact.Evidence.Where(e => !e.Contradicts).Select(e => e.Quote).ToArray();
                foreach (var u in FactValues.Check(kind, def, fact.Values.AsSpan().ToArray(), quotes, fact.Note) ?? new List<UnstatedValue>())
                {
                    found.Add($"{fact.Id}.{u.Field} = {u.Value} @{u.Location.Display} [{string.Join(", ", u.Stated)}]");
                }
            }
        }

        return found;
    }

    /// <summary>The seeds with the Hmeimim lease's annual payment changed from 100000000 to 200000000, and where the amount is (one-based).</summary>
    internal static (List<(string Path, string Text)> Files, int Line, int Column) HmeimimLeaseAt200Million()
    {
        var files = GeneratorHarness.SeedFiles().ToList();
        var at = files.FindIndex(f => f.Path.EndsWith("/agreements.facts.yaml", StringComparison.Ordinal));
        const string Original = "annual_payment: { amount: 100000000, currency: USD }";
        Assert.Contains(Original, files[at].Text);
        var mutated = files[at].Text.Replace(Original, Original.Replace("100000000", "200000000", StringComparison.Ordinal), StringComparison.Ordinal);
        files[at] = (files[at].Path, mutated);
        var lines = mutated.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("amount: 200000000", StringComparison.Ordinal));
        return (files, line + 1, lines[line].IndexOf("200000000", StringComparison.Ordinal) + 1);
    }

    private static List<string> Check(string facts) =>
        Check(new[] { ("/m/a.schema.yaml", Schema), ("/m/a.facts.yaml", facts), ("/m/doc.txt", Document) });

    [Fact]
    public void Changing_the_Hmeimim_lease_to_200000000_is_found_at_the_amount()
    {
        var (files, line, column) = HmeimimLeaseAt200Million();

        Assert.Equal(new[] { $"hmeimim-lease.annual_payment = 200000000 USD @{line}:{column} [$100 million]" }, Check(files));
        Assert.Empty(Check(GeneratorHarness.SeedFiles()));
    }

    [Fact]
    public void Each_unstated_value_is_located_at_its_own_position()
    {
        var facts = """
            kind: Deal
            document: doc.txt
            facts:
              - id: ok
                name: Plant
                price: 5000000 USD
                staff: { value: 300, unit: workers }
                share: 40
                dates: [2025-03-03, 2026]
                evidence: ['On March 3, 2025 the firm paid $5 million for 40% of a plant with 300 workers; a second payment followed in 2026.']
              - id: wrong
                name: Plant
                price: 6000000 USD
                staff: { value: 30, unit: workers }
                share: 4
                dates: [2025-03-04, 2026]
                count: 2
                evidence: ['On March 3, 2025 the firm paid $5 million']
            """;

        Assert.Equal(
            new[]
            {
                "wrong.price = 6000000 USD @13:12 [March 3, 2025, $5 million]",
                "wrong.staff = 30 @14:21 [March 3, 2025, $5 million]",
                "wrong.share = 4% @15:12 [March 3, 2025, $5 million]",
                "wrong.dates = 2025-03-04 @16:13 [March 3, 2025, $5 million]",
                "wrong.dates = 2026 @16:25 [March 3, 2025, $5 million]",
                "wrong.count = 2 @17:12 [March 3, 2025, $5 million]",
            },
            Check(facts));
    }

    [Fact]
    public void A_note_that_names_the_value_explains_it()
    {
        var facts = """
            kind: Deal
            document: doc.txt
            facts:
              - id: explained
                name: Plant
                staff: 310 workers
                dates: [2025-03-04]
                evidence: ['the firm paid $5 million for 40% of a plant with 300 workers']
                note: The staff is 310 workers per the annex; the deal was dated March 4, 2025 by its signatories.
              - id: unexplained
                name: Plant
                staff: 310 workers
                evidence: ['the firm paid $5 million for 40% of a plant with 300 workers']
                note: The staff figure comes from the annex.
            """;

        Assert.Equal(new[] { "unexplained.staff = 310 @12:12 [$5 million, 40%, 300]" }, Check(facts));
    }

    [Fact]
    public void A_contradicting_quote_states_nothing_for_the_fact()
    {
        // The validate stage searches only the quotes that support the fact.
        var facts = """
            kind: Deal
            document: doc.txt
            facts:
              - id: disputed
                name: Plant
                staff: 300 workers
                evidence:
                  - quote: 'a plant with 300 workers'
                    stance: contradicts
                  - 'the firm paid $5 million'
            """;

        Assert.Equal(new[] { "disputed.staff = 300 @6:12 [$5 million]" }, Check(facts));
    }
}
