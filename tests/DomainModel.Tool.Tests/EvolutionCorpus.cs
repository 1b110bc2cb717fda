using System.Collections.Generic;

namespace DomainModel.Tool.Tests;

/// <summary>
/// A released corpus (leaders, countries, an agreement, a status enum) and edits of it, one per class of
/// change, for <c>domainmodel diff</c> and the pack check.
/// </summary>
internal static class EvolutionCorpus
{
    public const string Document = "Vladimir Putin met Ahmed al-Sharaa of Syria in Moscow. Russia pledged 100 million dollars a year for the lease. The Syrian Arab Republic signed.";

    public const string Schema = """
        kinds:
          Leader:
            description: A person.
            fields:
              name: { type: string, required: true, description: Name. }
              country: { type: Country, description: Country. }
          Country:
            description: A country.
            fields:
              name: { type: string, required: true, description: Name. }
          Agreement:
            description: An agreement.
            fields:
              name: { type: string, required: true, description: Name. }
              status: { type: AgreementStatus, description: Status. }
              annual_payment: { type: money, description: Payment due each year. }
              staff: { type: quantity, description: Staff. }
        enums:
          AgreementStatus:
            description: A status.
            values: [pledged, signed]
        """;

    public const string Leaders = """
        kind: Leader
        document: report.txt
        facts:
          - id: vladimir-putin
            name: Vladimir Putin
            country: russia
            evidence: [Vladimir Putin met]
          - id: ahmed-al-sharaa
            name: Ahmed al-Sharaa
            country: syria
            evidence: [Ahmed al-Sharaa of Syria]
        """;

    public const string Countries = """
        kind: Country
        document: report.txt
        facts:
          - id: russia
            name: Russia
            evidence: [Russia pledged]
          - id: syria
            name: Syria
            evidence: [of Syria]
        """;

    public const string Agreements = """
        kind: Agreement
        document: report.txt
        facts:
          - id: hmeimim-lease
            name: Hmeimim lease
            status: pledged
            annual_payment: 100000000 USD
            evidence: [pledged 100 million dollars a year for the lease]
        """;

    /// <summary>The released corpus's files, each edited by <paramref name="edit"/> (path, text) → text.</summary>
    public static (string Path, string Text)[] Files(System.Func<string, string, string>? edit = null)
    {
        var files = new List<(string, string)>
        {
            ("schema/world.schema.yaml", Schema + "\n"),
            ("facts/leaders.facts.yaml", Leaders + "\n"),
            ("facts/countries.facts.yaml", Countries + "\n"),
            ("facts/agreements.facts.yaml", Agreements + "\n"),
            ("documents/report.txt", Document),
        };
        return files.ConvertAll(f => (f.Item1, edit is null ? f.Item2 : edit(f.Item1, f.Item2))).ToArray();
    }

    public static string Replace(string text, string old, string @new)
    {
        Xunit.Assert.Contains(old, text, System.StringComparison.Ordinal);
        return text.Replace(old, @new, System.StringComparison.Ordinal);
    }

    // One edit per class of change.
    public static string FactRemoved(string path, string text) => path.EndsWith("leaders.facts.yaml", System.StringComparison.Ordinal)
        ? Replace(text, "  - id: ahmed-al-sharaa\n    name: Ahmed al-Sharaa\n    country: syria\n    evidence: [Ahmed al-Sharaa of Syria]\n", string.Empty)
        : text;

    public static string FactRenamed(string path, string text) => path.EndsWith("leaders.facts.yaml", System.StringComparison.Ordinal)
        ? Replace(text, "id: vladimir-putin", "id: putin")
        : text;

    public static string FieldTypeChanged(string path, string text) => path.EndsWith(".schema.yaml", System.StringComparison.Ordinal)
        ? Replace(text, "annual_payment: { type: money,", "annual_payment: { type: string,")
        : text;

    public static string EnumMemberRemoved(string path, string text) => path.EndsWith(".schema.yaml", System.StringComparison.Ordinal)
        ? Replace(text, "values: [pledged, signed]", "values: [signed]")
        : path.EndsWith("agreements.facts.yaml", System.StringComparison.Ordinal) ? Replace(text, "status: pledged", "status: signed") : text;

    public static string FactAdded(string path, string text) => path.EndsWith("countries.facts.yaml", System.StringComparison.Ordinal)
        ? text + "  - id: syrian-arab-republic\n    name: Syrian Arab Republic\n    evidence: [The Syrian Arab Republic signed]\n"
        : text;

    public static string ValueChanged(string path, string text) => path.EndsWith("countries.facts.yaml", System.StringComparison.Ordinal)
        ? Replace(text, "name: Syria\n", "name: Syrian Arab Republic\n")
        : text;

    public static string QuantityGiven(string path, string text) => path.EndsWith("agreements.facts.yaml", System.StringComparison.Ordinal)
        ? Replace(text, "    annual_payment: 100000000 USD\n", "    annual_payment: 100000000 USD\n    staff: { value: 500, unit: engineers, qualifier: about }\n    note: About 500 engineers, from the annex.\n")
        : text;

    /// <summary>Every edit above at once.</summary>
    public static string All(string path, string text) =>
        ValueChanged(path, FactAdded(path, EnumMemberRemoved(path, FieldTypeChanged(path, FactRenamed(path, FactRemoved(path, text))))));
}
