using System;
using System.Globalization;
using System.Linq;
using DomainModel.Benchmarks.Corpus;
using DomainModel.Generators.Pipeline;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// DM0032: a number, amount, percent or date of a typed field that none of the fact's supporting quotes
/// states, and its note does not name, fails the build at the value's own line and column; the tool says the same.
/// </summary>
public class ValueDiagnosticTests
{
    private const string Schema = """
        kinds:
          Deal:
            description: A deal.
            fields:
              name: { type: string, required: true, description: Name. }
              price: { type: money, description: Price. }
              staff: { type: quantity, description: Staff. }
              signed: { type: date, description: Signed. }
        """;

    private const string Document = "On March 3, 2025 the firm paid $5 million for a plant with 300 workers. The deal was signed on Wednesday.";

    [Fact]
    public void Changing_the_Hmeimim_lease_to_200000000_fails_the_build_at_the_amount()
    {
        var (files, line, column) = FactValuesTests.HmeimimLeaseAt200Million();

        var run = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal($"agreements.facts.yaml({line},{column}): DM0032", GeneratorRun.Format(diagnostic));
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "'annual_payment' of Agreement 'hmeimim-lease' is 200000000 USD, which neither its quote 'the Hmeimim base, which Al-Sharaa pledged to lease long-term for $100 million an\u2026' "
            + "nor its note states (stated there: $100 million). Quote the sentence of the document that states it, or say in the fact's 'note' how the value was read, naming it (e.g. '\"Wednesday\" resolved to 2025-10-15').",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));

        // The tool (domainmodel check) reports the same line, column and message.
        var tool = CorpusPipeline.Run(files).Diagnostics.Select(d => CorpusPipeline.Format(d)).ToList();
        Assert.Equal(
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpDiagnosticFormatter.Instance.Format(diagnostic, CultureInfo.InvariantCulture) },
            tool);
        Assert.Contains($"agreements.facts.yaml({line},{column}): error DM0032: ", tool[0], StringComparison.Ordinal);

        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.SeedFiles()).GeneratorDiagnostics);
    }

    [Fact]
    public void The_message_names_every_quote_searched_and_the_note()
    {
        var facts = """
            kind: Deal
            document: doc.txt
            facts:
              - id: one
                name: Plant
                price: 6000000 USD
                evidence: ['the firm paid $5 million']
              - id: two
                name: Plant
                staff: 30 workers
                evidence: ['the firm paid $5 million', 'a plant with 300 workers']
                note: The staff figure comes from the annex.
              - id: bare
                name: Plant
                staff: 30 workers
                evidence: ['the firm paid']
                note: Read from the annex.
              - id: disputed
                name: Plant
                staff: 300 workers
                evidence:
                  - quote: 'a plant with 300 workers'
                    stance: contradicts
            """;

        var run = TestSupport.Run(("d.schema.yaml", Schema), ("d.facts.yaml", facts), ("doc.txt", Document));

        Assert.Equal(
            new[]
            {
                "d.facts.yaml(6,12): DM0032: 'price' of Deal 'one' is 6000000 USD, which its quote 'the firm paid $5 million' does not state (stated there: $5 million).",
                "d.facts.yaml(10,12): DM0032: 'staff' of Deal 'two' is 30, which none of its 2 quotes ('the firm paid $5 million'; 'a plant with 300 workers') nor its note states (stated there: $5 million, 300).",
                "d.facts.yaml(15,12): DM0032: 'staff' of Deal 'bare' is 30, which neither its quote 'the firm paid' nor its note states (no number or date is stated there).",
                "d.facts.yaml(20,12): DM0032: 'staff' of Deal 'disputed' is 300, which no quote supports: every quote of it contradicts it.",
            },
            run.GeneratorDiagnostics.Select(d => GeneratorRun.Format(d) + ": " + FirstSentence(d.GetMessage(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void A_value_the_note_names_passes_and_one_it_does_not_name_fails()
    {
        var facts = """
            kind: Deal
            document: doc.txt
            facts:
              - id: resolved
                name: Plant
                signed: 2025-03-05
                evidence: ['The deal was signed on Wednesday.']
                note: '"Wednesday" resolved to 2025-03-05 from the dateline (March 3, 2025, a Monday).'
              - id: unresolved
                name: Plant
                signed: 2025-03-05
                evidence: ['The deal was signed on Wednesday.']
                note: '"Wednesday" resolved from the dateline.'
            """;

        var run = TestSupport.Run(("d.schema.yaml", Schema), ("d.facts.yaml", facts), ("doc.txt", Document));

        Assert.Equal(new[] { "d.facts.yaml(11,13): DM0032" }, run.DiagnosticLines);
    }

    [Fact]
    public void A_fact_without_evidence_or_with_an_invalid_value_gets_no_DM0032()
    {
        // DM0019 (no evidence) and DM0013 (invalid value) say what is wrong; the value is not looked for as well.
        var facts = """
            kind: Deal
            document: doc.txt
            facts:
              - id: none
                name: Plant
                staff: 30 workers
              - id: invalid
                name: Plant
                price: lots USD
                evidence: ['the firm paid $5 million']
            """;

        var run = TestSupport.Run(("d.schema.yaml", Schema), ("d.facts.yaml", facts), ("doc.txt", Document));

        Assert.Equal(new[] { "DM0013", "DM0019" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(CorpusStyle.Plain)]
    [InlineData(CorpusStyle.Mixed)]
    public void The_synthetic_benchmark_corpus_states_every_value_in_its_quotes(CorpusStyle style)
    {
        var corpus = SyntheticCorpus.Generate(2_000, fileCount: 20, style: style);
        var result = CorpusPipeline.Run(corpus.GeneratorInputs.Select(f => (f.Path, f.Text)));

        Assert.Empty(result.Diagnostics.Select(d => CorpusPipeline.Format(d)));

        // The corpus does type such values: without them in the quotes this test would catch nothing.
        var yaml = string.Concat(corpus.FactsFiles.Select(f => f.Text));
        Assert.Contains("amount:", yaml, StringComparison.Ordinal);
        Assert.Contains("turnout:", yaml, StringComparison.Ordinal);
        Assert.Contains("date:", yaml, StringComparison.Ordinal);
    }

    private static string FirstSentence(string message) => message.Substring(0, message.IndexOf(". Quote ", StringComparison.Ordinal) + 1);
}
