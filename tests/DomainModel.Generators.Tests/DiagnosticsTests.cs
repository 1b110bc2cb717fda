using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>
/// One or more tests per DM id: a minimal input, and the exact file, one-based line and column the
/// diagnostic is reported at, and the fix hint in its message.
/// </summary>
public class DiagnosticsTests
{
    /// <summary>Line numbers matter: facts below refer to them.</summary>
    private const string Schema = """
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
        enums:
          Status:
            description: A status.
            values: [active, retired]
        """;

    /// <summary>A facts file with one fact; <paramref name="line6"/> is its sixth line (indented as a field).</summary>
    private static string Fact(string line6, string name = "name: Vladimir Putin") => $"""
        kind: Leader
        document: baseline.txt
        facts:
          - id: putin
            {name}
            {line6}
            evidence: [Russia]
        """;

    private static GeneratorRun RunFact(string line6, string name = "name: Vladimir Putin") =>
        RunWithBaseline(("leaders.schema.yaml", Schema), ("leaders.facts.yaml", Fact(line6, name)));

    [Fact]
    public void Every_descriptor_has_a_test_here_and_the_fixtures_are_valid()
    {
        var source = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoRoot.Path, "tests", "DomainModel.Generators.Tests", "DiagnosticsTests.cs"));
        foreach (var descriptor in Diagnostics.DiagnosticDescriptors.All)
        {
            Assert.Contains($"\"{descriptor.Id}\"", source, StringComparison.Ordinal);
        }

        // The age is not in the quote ("Russia"): the note names it (DM0032 otherwise).
        var run = RunFact("age: 70\n    note: Aged 70, as reported elsewhere.");
        Assert.Empty(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    // ---- DM0001 YAML syntax --------------------------------------------------------------------

    [Fact]
    public void DM0001_unclosed_flow_sequence_is_reported_where_the_parser_stops()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader: [a, b\n"));
        Expect(run, "DM0001", "a.schema.yaml", 3, 1, "did not find expected ',' or ']'", "Close the '[' or '{'");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0001_tab_indentation_is_reported_at_the_tab_not_at_1_1()
    {
        // YamlDotNet reports this error at 1:1; the reader falls back to the scanner's position.
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n\tLeader:\n    description: x\n"));
        Expect(run, "DM0001", "a.schema.yaml", 2, 1, "tab", "Indent with spaces");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0001_tab_deeper_in_the_file_is_reported_at_its_line()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n    fields:\n\t  name: {type: string, description: x}\n"));
        Expect(run, "DM0001", "a.schema.yaml", 5, 1, "Indent with spaces");
    }

    [Fact]
    public void DM0001_unclosed_double_quote_is_reported_at_the_opening_quote()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: \"abc\n"));
        Expect(run, "DM0001", "a.schema.yaml", 3, 18, "quoted scalar", "Close the quoted string");
    }

    [Fact]
    public void DM0001_unclosed_single_quote()
    {
        var run = RunWithBaseline(("a.facts.yaml", "kind: Country\nfacts: 'abc\n"));
        Expect(run, "DM0001", "a.facts.yaml", 2, 8, "Close the quoted string");
    }

    [Fact]
    public void DM0001_bad_indentation()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n   fields: y\n"));
        Expect(run, "DM0001", "a.schema.yaml", 4, 4, "did not find expected key", "Check this line's indentation");
    }

    [Fact]
    public void DM0001_value_containing_colon_space()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: a: b\n"));
        Expect(run, "DM0001", "a.schema.yaml", 3, 19, "Quote a value that contains ': '");
    }

    [Fact]
    public void DM0001_unknown_escape_in_double_quotes()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds: \"\\q\"\n"));
        Expect(run, "DM0001", "a.schema.yaml", 1, 8, "unknown escape", "write a backslash as \\\\");
    }

    [Fact]
    public void DM0001_character_that_cannot_start_a_token()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds: @x\n"));
        Expect(run, "DM0001", "a.schema.yaml", 1, 8, "cannot start any token", "Quote a value that starts with @");
    }

    [Fact]
    public void DM0001_content_after_document_end_marker_InvalidOperationException_gets_a_real_position()
    {
        // YamlDotNet throws InvalidOperationException (no position) here; the scanner's token is used,
        // clamped to the text (YamlDotNet places it on a virtual line 3).
        var run = RunWithBaseline(("a.schema.yaml", "...\nx"));
        Expect(run, "DM0001", "a.schema.yaml", 2, 2, "InvalidOperationException", "Remove the document end marker");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0001_invalid_tag_ArgumentException_gets_a_real_position()
    {
        var run = RunWithBaseline(("a.schema.yaml", "%TAG ! x:\n---\n!t a\n"));
        Expect(run, "DM0001", "a.schema.yaml", 3, 1, "ArgumentException", "Remove the tag");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0001_NUL_character_is_reported_at_its_position()
    {
        // YamlDotNet would stop at U+0000 and report a misleading error after it.
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader: a\0b\n"));
        Expect(run, "DM0001", "a.schema.yaml", 2, 12, "NUL", "write it as \"\\0\"");
        BaselineStillGenerates(run);
    }

    // ---- DM0002 limits -------------------------------------------------------------------------

    [Fact]
    public void DM0002_nesting_deeper_than_64_is_reported_at_the_first_node_past_the_limit()
    {
        // The root mapping is level 1; the 64th '[' (column 71) opens level 65.
        var run = RunWithBaseline(("a.schema.yaml", "kinds: " + new string('[', 100) + new string(']', 100) + "\n"));
        Expect(run, "DM0002", "a.schema.yaml", 1, 71, "Nesting depth exceeds the limit of 64 levels", "Flatten the structure");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0002_scalar_longer_than_1_Mi_characters()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: " + new string('x', Parsing.YamlReader.MaxScalarChars + 1) + "\n"));
        Expect(run, "DM0002", "a.schema.yaml", 3, 18, "1048577 characters exceeds the limit of 1048576 characters", "Shorten the value");
        BaselineStillGenerates(run);
    }

    // ---- DM0003 unsupported YAML ---------------------------------------------------------------

    [Fact]
    public void DM0003_alias()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds: &k {}\nenums: *k\n"));
        Expect(run, "DM0003", "a.schema.yaml", 2, 8, "The alias '*k' is not supported", "write the value out");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0003_second_document()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds: {}\n---\nenums: {}\n"));
        Expect(run, "DM0003", "a.schema.yaml", 2, 1, "A second YAML document", "Put each document in its own file");
    }

    [Fact]
    public void DM0003_complex_key()
    {
        var run = RunWithBaseline(("a.schema.yaml", "? [a, b]\n: c\n"));
        Expect(run, "DM0003", "a.schema.yaml", 1, 3, "mapping key that is not a scalar", "Use a plain text key");
    }

    // ---- DM0004 duplicate key ------------------------------------------------------------------

    [Fact]
    public void DM0004_duplicate_key_names_the_first()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n    description: y\n"));
        Expect(run, "DM0004", "a.schema.yaml", 4, 5, "Duplicate key 'description' (first at 3:5)", "Remove or rename one of them");
        BaselineStillGenerates(run);
    }

    // ---- DM0005 unknown key --------------------------------------------------------------------

    [Fact]
    public void DM0005_unknown_schema_key_did_you_mean()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    descripton: x\n    description: y\n"));
        Expect(run, "DM0005", "a.schema.yaml", 3, 5, "Unknown key 'descripton' in kind 'Leader'", "Did you mean 'description'?");
    }

    [Fact]
    public void DM0005_unknown_fact_field_did_you_mean()
    {
        var run = RunFact("nmae: Putin");
        Expect(run, "DM0005", "leaders.facts.yaml", 6, 5, "Unknown key 'nmae' in Leader 'putin'", "Did you mean 'name'?");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0005_unknown_field_without_a_close_match_lists_the_fields()
    {
        var run = RunFact("wholly_unrelated: 1");
        Expect(run, "DM0005", "leaders.facts.yaml", 6, 5, "Leader has the fields: name, age, born");
    }

    [Fact]
    public void DM0005_unknown_key_in_a_money_mapping()
    {
        var run = RunFact("budget: { amount: 5, currency: USD, cents: 1 }");
        Expect(run, "DM0005", "leaders.facts.yaml", 6, 41, "Unknown key 'cents' in a money value", "Allowed keys: amount, currency");
    }

    // ---- DM0006 missing required key -----------------------------------------------------------

    [Fact]
    public void DM0006_kind_without_description()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    plural: Leaders\n"));
        Expect(run, "DM0006", "a.schema.yaml", 3, 5, "Kind 'Leader' is missing required key 'description'", "Describe the kind");
    }

    [Fact]
    public void DM0006_fact_without_a_required_field()
    {
        var run = RunFact("age: 70", name: "note: no name");
        Expect(run, "DM0006", "leaders.facts.yaml", 4, 9, "Leader 'putin' is missing required key 'name'", "Add 'name:' (string) or make the field optional");
    }

    [Fact]
    public void DM0006_fact_without_id()
    {
        var run = RunWithBaseline(("a.facts.yaml", "kind: Country\nfacts:\n  - name: Syria\n    evidence: [Syria]\n"));
        Expect(run, "DM0006", "a.facts.yaml", 3, 5, "missing required key 'id'", "Give every fact a lowercase slug id");
        BaselineStillGenerates(run);
    }

    // ---- DM0007 wrong node kind ----------------------------------------------------------------

    [Fact]
    public void DM0007_kinds_is_a_sequence()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds: [a, b]\n"));
        Expect(run, "DM0007", "a.schema.yaml", 1, 8, "'kinds' must be a mapping, not a sequence", "Write one entry per kind");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0007_list_field_given_a_scalar()
    {
        var schema = "kinds:\n  Tagged:\n    description: x\n    fields:\n      tags: { type: list<string>, description: x }\n";
        var run = RunWithBaseline(("t.schema.yaml", schema), ("t.facts.yaml", "kind: Tagged\ndocument: baseline.txt\nfacts:\n  - id: a\n    tags: one\n    evidence: [Russia]\n"));
        Expect(run, "DM0007", "t.facts.yaml", 5, 11, "'tags' must be a sequence, not a scalar", "Write a list");
        BaselineStillGenerates(run);
    }

    // ---- DM0008 invalid name -------------------------------------------------------------------

    [Fact]
    public void DM0008_kind_name_not_PascalCase()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  leader:\n    description: x\n"));
        Expect(run, "DM0008", "a.schema.yaml", 2, 3, "'leader' is not a valid kind name", "Use PascalCase");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0008_fact_id_starting_with_a_digit()
    {
        var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: 9lives\n    name: x\n    evidence: [Russia]\n"));
        Expect(run, "DM0008", "a.facts.yaml", 4, 9, "'9lives' is not a valid fact id", "Use a lowercase ASCII slug that starts with a letter");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0008_field_name_with_non_ASCII_letters()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n    fields:\n      nämé: { type: string, description: x }\n"));
        Expect(run, "DM0008", "a.schema.yaml", 5, 7, "'nämé' is not a valid field name", "Use snake_case");
    }

    // ---- DM0009 unknown type -------------------------------------------------------------------

    [Fact]
    public void DM0009_misspelled_type()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n    fields:\n      name: { type: strng, description: x }\n"));
        Expect(run, "DM0009", "a.schema.yaml", 5, 21, "Unknown type 'strng'", "Did you mean 'string'?", "Use a built-in type");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0009_list_of_lists()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n    fields:\n      grid: { type: 'list<list<string>>', description: x }\n"));
        Expect(run, "DM0009", "a.schema.yaml", 5, 21, "Lists of lists are not supported");
    }

    // ---- DM0010 duplicate definition ----------------------------------------------------------

    [Fact]
    public void DM0010_kind_defined_in_two_files()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n"), ("b.schema.yaml", "kinds:\n  Leader:\n    description: y\n"));
        Expect(run, "DM0010", "b.schema.yaml", 2, 3, "Kind 'Leader' is defined more than once (first at a.schema.yaml:2:3)", "Rename or remove one of them");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0010_enum_values_that_PascalCase_alike()
    {
        var run = RunWithBaseline(("a.schema.yaml", "enums:\n  Level:\n    description: x\n    values: [at-least, at_least]\n"));
        Expect(run, "DM0010", "a.schema.yaml", 4, 24, "Enum value 'at_least' is defined more than once (first at 4:14)", "Rename or remove one of them");
    }

    // ---- DM0011 reserved name ------------------------------------------------------------------

    [Fact]
    public void DM0011_kind_named_like_a_runtime_type()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Money:\n    description: x\n"));
        Expect(run, "DM0011", "a.schema.yaml", 2, 3, "'Money' is reserved: a generated runtime type has this name", "Choose another name");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0011_field_named_id()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n    fields:\n      id: { type: string, description: x }\n"));
        Expect(run, "DM0011", "a.schema.yaml", 5, 7, "'id' is reserved", "Choose another name");
    }

    // ---- DM0012 unknown kind -------------------------------------------------------------------

    [Fact]
    public void DM0012_facts_of_an_undeclared_kind()
    {
        var run = RunWithBaseline(("leaders.schema.yaml", Schema), ("a.facts.yaml", "kind: Leadr\nfacts: []\n"));
        Expect(run, "DM0012", "a.facts.yaml", 1, 7, "Unknown kind 'Leadr'", "Did you mean 'Leader'?", "Declare it under 'kinds:'");
        BaselineStillGenerates(run);
    }

    // ---- DM0013 invalid value ------------------------------------------------------------------

    [Fact]
    public void DM0013_integer()
    {
        var run = RunFact("age: seventy");
        Expect(run, "DM0013", "leaders.facts.yaml", 6, 10, "Invalid integer value 'seventy' for 'age'", "Write digits only");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0013_boolean()
    {
        var run = RunFact("active: yes");
        Expect(run, "DM0013", "leaders.facts.yaml", 6, 13, "Invalid boolean value 'yes'", "Write true or false");
    }

    [Fact]
    public void DM0013_enum_value_did_you_mean()
    {
        var run = RunFact("status: retird");
        Expect(run, "DM0013", "leaders.facts.yaml", 6, 13, "Invalid Status value 'retird'", "Did you mean 'retired'?", "Allowed values: active, retired.");
    }

    [Fact]
    public void DM0013_quantity_qualifier()
    {
        var run = RunFact("size: { value: 5, unit: people, qualifier: roughly }");
        Expect(run, "DM0013", "leaders.facts.yaml", 6, 48, "Invalid qualifier value 'roughly'", "Allowed values: exact, about");
    }

    [Fact]
    public void DM0013_date_basis()
    {
        var run = RunFact("born: { value: 1952, basis: infered }\n    note: Born in 1952.");
        Expect(run, "DM0013", "leaders.facts.yaml", 6, 33, "Invalid basis value 'infered' for 'born'", "Did you mean 'inferred'?", "Allowed values: unspecified, stated, resolved, inferred.");
        BaselineStillGenerates(run);
    }

    // ---- DM0014 invalid date -------------------------------------------------------------------

    [Fact]
    public void DM0014_day_that_does_not_exist()
    {
        var run = RunFact("born: 2025-02-30");
        Expect(run, "DM0014", "leaders.facts.yaml", 6, 11, "Invalid date '2025-02-30' for 'born'", "Day 30 does not exist in 2025-02", "Write YYYY, YYYY-MM, YYYY-MM-DD");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0014_month_13()
    {
        var run = RunFact("born: 2025-13");
        Expect(run, "DM0014", "leaders.facts.yaml", 6, 11, "Month 13 does not exist", "Write YYYY, YYYY-MM");
    }

    [Fact]
    public void DM0014_unsupported_form()
    {
        var run = RunFact("born: 15 May 2025");
        Expect(run, "DM0014", "leaders.facts.yaml", 6, 11, "not in a supported form", "a decade such as 1950s");
    }

    [Fact]
    public void DM0014_decade_zero()
    {
        var run = RunFact("born: 0000s");
        Expect(run, "DM0014", "leaders.facts.yaml", 6, 11, "years start at 0001");
    }

    // ---- DM0015 invalid currency ---------------------------------------------------------------

    [Fact]
    public void DM0015_lowercase_code_did_you_mean()
    {
        var run = RunFact("budget: 100 usd");
        Expect(run, "DM0015", "leaders.facts.yaml", 6, 13, "'usd' is not an ISO 4217 currency code", "Did you mean 'USD'?", "Use a three-letter code");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0015_in_a_money_mapping_points_at_the_currency()
    {
        var run = RunFact("budget: { amount: 100, currency: QQQ }");
        Expect(run, "DM0015", "leaders.facts.yaml", 6, 38, "'QQQ' is not an ISO 4217 currency code", "Use a three-letter code");
    }

    // ---- DM0016 / DM0017 ids -------------------------------------------------------------------

    [Fact]
    public void DM0016_duplicate_id()
    {
        var facts = "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: [Syria]\n  - id: syria\n    name: Syria again\n    evidence: [Syria]\n";
        var run = RunWithBaseline(("a.facts.yaml", facts));
        Expect(run, "DM0016", "a.facts.yaml", 7, 9, "Duplicate Country id 'syria' (first at 4:9)", "Ids must be unique within a kind");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0017_ids_that_collide_once_PascalCased()
    {
        var facts = "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: al-sharaa\n    name: A\n    evidence: [Syria]\n  - id: al_sharaa\n    name: B\n    evidence: [Syria]\n";
        var run = RunWithBaseline(("a.facts.yaml", facts));
        Expect(run, "DM0017", "a.facts.yaml", 7, 9, "'al_sharaa' becomes the C# name 'AlSharaa', as does 'al-sharaa' (at 4:9)", "Rename one of them");
        BaselineStillGenerates(run);
    }

    // ---- DM0018 dangling reference -------------------------------------------------------------

    [Fact]
    public void DM0018_reference_to_a_fact_that_does_not_exist()
    {
        var run = RunFact("country: rusia");
        Expect(run, "DM0018", "leaders.facts.yaml", 6, 14, "'country' refers to Country 'rusia', which does not exist", "Did you mean 'russia'?");
        BaselineStillGenerates(run);
    }

    // ---- DM0019 .. DM0021 evidence -------------------------------------------------------------

    [Fact]
    public void DM0019_fact_without_evidence()
    {
        var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n"));
        Expect(run, "DM0019", "a.facts.yaml", 4, 9, "Fact 'syria' has no evidence", "Add 'evidence:' with at least one verbatim quote");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0019_empty_evidence_list_names_the_fact()
    {
        var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: []\n"));
        Expect(run, "DM0019", "a.facts.yaml", 6, 5, "Fact 'syria' has no evidence", "Add 'evidence:'");
    }

    [Fact]
    public void DM0020_unknown_document_did_you_mean()
    {
        var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.tx\nfacts:\n  - id: syria\n    name: Syria\n    evidence: [Syria]\n"));
        Expect(run, "DM0020", "a.facts.yaml", 2, 11, "Source document 'baseline.tx' is not among the AdditionalFiles", "Did you mean 'baseline.txt'?", "Pass it as an AdditionalFiles item");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0021_quote_not_found_says_where_it_differs()
    {
        var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence:\n      - Russia and Syria met in London\n"));
        Expect(run, "DM0021", "a.facts.yaml", 7, 9, "does not occur in 'baseline.txt' (it matches up to 'Russia and Syria met in', then differs at 'London')", "Copy the text verbatim");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0032_value_not_stated_by_its_quote_or_note_is_reported_at_the_value()
    {
        var run = RunFact("age: 70");
        Expect(run, "DM0032", "leaders.facts.yaml", 6, 10, "'age' of Leader 'putin' is 70, which its quote 'Russia' does not state (no number or date is stated there).", "Quote the sentence of the document that states it, or say in the fact's 'note' how the value was read");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0032_a_note_that_does_not_name_the_value_does_not_explain_it()
    {
        var run = RunFact("budget: { amount: 5000, currency: USD }\n    note: The budget comes from a later report.");
        Expect(run, "DM0032", "leaders.facts.yaml", 6, 23, "'budget' of Leader 'putin' is 5000 USD, which neither its quote 'Russia' nor its note states");
        Assert.Empty(RunFact("budget: { amount: 5000, currency: USD }\n    note: A later report gives $5,000.").GeneratorDiagnostics);
    }

    // ---- DM0033 date basis ---------------------------------------------------------------------

    [Fact]
    public void DM0033_a_stated_date_no_quote_states_is_reported_at_the_date()
    {
        var run = RunFact("born: { value: 1952, basis: stated }\n    note: Born in 1952.");
        Expect(run, "DM0033", "leaders.facts.yaml", 6, 20, "'born' of Leader 'putin' is 1952 with basis 'stated', but its quote 'Russia' does not state it (no number or date is stated there).", "Quote the sentence that states the date");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0033_a_resolved_date_the_note_does_not_name_is_reported_at_the_date()
    {
        var run = RunFact("born: { value: 1952, basis: resolved }\n    note: Resolved from the obituary.");
        Expect(run, "DM0033", "leaders.facts.yaml", 6, 20, "'born' of Leader 'putin' is 1952 with basis 'resolved', but its note does not name it.", "Say in the note from what the date was resolved, naming it");
        Assert.Empty(RunFact("born: { value: 1952, basis: resolved }\n    note: Resolved to 1952 from the obituary.").GeneratorDiagnostics);
    }

    // ---- DM0022 empty file ---------------------------------------------------------------------

    [Fact]
    public void DM0022_empty_file()
    {
        var run = RunWithBaseline(("a.facts.yaml", ""));
        Expect(run, "DM0022", "a.facts.yaml", 1, 1, "'a.facts.yaml' holds no content", "Add content or remove the file from AdditionalFiles");
        BaselineStillGenerates(run);
    }

    // ---- DM0023 .. DM0025 scale ----------------------------------------------------------------

    [Fact]
    public void DM0023_facts_named_on_use_past_the_MSBuild_option()
    {
        var facts = "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: [Syria]\n";
        var options = new Dictionary<string, string> { ["build_property.DomainModelMaxNamedFactsPerKind"] = "1" };
        var run = GeneratorHarness.Run(Baseline.Append((Root + "a.facts.yaml", facts)), "public static class User { public static string N => DomainModel.Countries.Syria.Name; }", options);
        Expect(run, "DM0023", "baseline.schema.yaml", 2, 3, "Kind 'Country' has 2 facts, more than DomainModelMaxNamedFactsPerKind (1): only the facts your code names (Countries.SomeFact) get a named property", "raise DomainModelMaxNamedFactsPerKind (at most 60000)");
        Assert.Empty(run.CompileErrors);
        Assert.DoesNotContain(" => _At(", run.Sources["Country.Rows0.g.cs"], StringComparison.Ordinal);
        Assert.Contains(".Country Syria => _At(1);", run.Sources["Countries.Named.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain(" Russia => ", run.Sources["Countries.Named.g.cs"], StringComparison.Ordinal);
    }

    /// <summary>Rows as string constants, as for a netstandard2.0 library or C# 10: they use the user-string heap.</summary>
    private static readonly Dictionary<string, string> s_stringRows = new() { ["build_property.DomainModelUtf8Rows"] = "false" };

    [Fact]
    public void DM0024_approaching_the_user_string_limit()
    {
        var run = Run(s_stringRows, BigStrings(7));
        Expect(run, "DM0024", "big.schema.yaml", 2, 3, "of the 16 MB hard limit", "Split the facts across several assemblies");
        NoCrash(run);
    }

    [Fact]
    public void DM0025_user_string_limit_exceeded()
    {
        var run = Run(s_stringRows, BigStrings(9));
        Expect(run, "DM0025", "big.schema.yaml", 2, 3, "more than the 16 MB an assembly can hold", "Split the facts across several assemblies");
        NoCrash(run);
    }

    [Fact]
    public void DM0025_not_reported_when_the_rows_are_UTF8_literals()
    {
        // With UTF-8 rows (C# 11 and a .NET Core 3.0+ or .NET Standard 2.1 target) the rows are data in
        // the PE image, not user strings (the ids too: they are read from the rows).
        var run = Run(new Dictionary<string, string> { ["build_property.DomainModelPackRows"] = "false" }, BigStrings(9));
        NoCrash(run);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "DM0024" or "DM0025");
        Assert.EndsWith("\"u8;\n    }\n}\n", run.Sources["Blob.Rows0.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Large_UTF8_rows_are_packed_while_they_fit_the_budget_and_the_rest_stay_UTF8_literals()
    {
        // 9 chunks of about 1 MB of rows (1 fact each, as 9 kinds would be): by default (more than 1 MiB of
        // rows) they are packed in string literals, two bytes per character, up to 10 MiB of the
        // user-string heap; the chunks that do not fit stay UTF-8 literals. No DM0025 either way.
        var files = Enumerable.Range(0, 12).SelectMany(k => BigStrings(1, 1_000_000, "Blob" + k)).ToArray();
        var run = Run(files);
        NoCrash(run);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "DM0024" or "DM0025");
        var packed = Enumerable.Range(0, 12).Count(k => run.Sources[$"Blob{k}.Rows0.g.cs"].Contains("_PackedRows0 => \"", StringComparison.Ordinal));
        var utf8 = Enumerable.Range(0, 12).Count(k => run.Sources[$"Blob{k}.Rows0.g.cs"].EndsWith("\"u8;\n    }\n}\n", StringComparison.Ordinal));
        Assert.Equal(10, packed);
        Assert.Equal(2, utf8);
    }

    /// <summary><paramref name="count"/> facts with a 1,000,000-character string each (2 MB of user strings per fact).</summary>
    private static (string, string)[] BigStrings(int count) => BigStrings(count, 1_000_000, "Blob");

    /// <summary>A kind <paramref name="kind"/> with <paramref name="count"/> facts holding a string of <paramref name="length"/> characters each.</summary>
    private static (string, string)[] BigStrings(int count, int length, string kind)
    {
        var stem = kind == "Blob" ? "big" : kind;
        var facts = new StringBuilder("kind: " + kind + "\ndocument: " + stem + ".txt\nfacts:\n");
        var value = new string('x', length);
        for (var i = 0; i < count; i++)
        {
            facts.Append("  - id: b").Append(i).Append("\n    text: ").Append(value).Append("\n    evidence: [big]\n");
        }

        return
        [
            (stem + ".schema.yaml", "kinds:\n  " + kind + ":\n    description: x\n    fields:\n      text: { type: string, description: x }\n"),
            (stem + ".facts.yaml", facts.ToString()),
            (stem + ".txt", "big"),
        ];
    }

    // ---- DM0026 internal error -----------------------------------------------------------------

    [Fact]
    public void DM0026_a_bug_in_parsing_one_file_is_reported_there_and_the_rest_still_generates()
    {
        FaultInjection.Stage = "parse:a.schema.yaml";
        try
        {
            var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\n"));
            Expect(run, "DM0026", "a.schema.yaml", 1, 1, "could not process this file: InvalidOperationException", "please report this");
            BaselineStillGenerates(run);
        }
        finally
        {
            FaultInjection.Stage = null;
        }
    }

    /// <summary>Reading a source document is behind the safety net too: its DM0026 at the document, the rest generated.</summary>
    [Fact]
    public void DM0026_a_bug_in_reading_one_document_is_reported_there_and_the_rest_still_generates()
    {
        FaultInjection.Stage = "document:notes.txt";
        try
        {
            var run = RunWithBaseline(("notes.txt", "Some notes nobody quotes."));
            Expect(run, "DM0026", "notes.txt", 1, 1, "could not process this file: InvalidOperationException", "please report this");
            Assert.Single(run.GeneratorDiagnostics);
            BaselineStillGenerates(run);
        }
        finally
        {
            FaultInjection.Stage = null;
        }
    }

    [Theory]
    [InlineData("emit:Leader", "kind 'Leader'", "Leader.g.cs")]
    [InlineData("emit:Country.Rows0", "rows 'Country.Rows0'", "Country.Rows0.g.cs")]
    [InlineData("emit:Status", "enum 'Status'", "Status.g.cs")]
    public void DM0026_a_bug_in_emitting_one_output_drops_only_that_output(string stage, string what, string dropped)
    {
        FaultInjection.Stage = stage;
        try
        {
            var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Leader:\n    description: x\nenums:\n  Status:\n    description: x\n    values: [a]\n"));
            NoCrash(run);
            var d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "DM0026");
            Assert.Equal(Location.None, d.Location);
            Assert.Contains(what, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.DoesNotContain(dropped, run.Sources.Keys);
            Assert.Contains("Country.g.cs", run.Sources.Keys);
            Assert.Contains("FactCatalog.g.cs", run.Sources.Keys);
        }
        finally
        {
            FaultInjection.Stage = null;
        }
    }

    /// <summary>Each cross-file stage: its DM0026, no follow-on diagnostics, and generated code that compiles.</summary>
    [Theory]
    [InlineData("schema", "the schema (cross-file validation)", false)]
    [InlineData("ids", "the fact ids (cross-file validation)", true)]
    [InlineData("assemble", "the model (cross-file assembly)", true)]
    public void DM0026_a_bug_in_a_cross_file_stage_is_reported_not_thrown(string stage, string what, bool kindsGenerated)
    {
        FaultInjection.Stage = stage;
        try
        {
            var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: [Syria]\n"));
            NoCrash(run);
            var d = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("DM0026", d.Id);
            Assert.Equal(Location.None, d.Location);
            Assert.Contains(what, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Contains("FactCatalog.g.cs", run.Sources.Keys);
            Assert.Equal(kindsGenerated, run.Sources.ContainsKey("Country.g.cs"));
            Assert.DoesNotContain("Country.Rows0.g.cs", run.Sources.Keys);
            Assert.Empty(run.CompileErrors);
        }
        finally
        {
            FaultInjection.Stage = null;
        }
    }

    /// <summary>The steps without a file of their own: their DM0026 at no location, and everything still generated.</summary>
    [Theory]
    [InlineData("id-diagnostics", "could not process the fact id diagnostics (cross-file validation): InvalidOperationException")]
    [InlineData("options", "could not process the MSBuild options: InvalidOperationException")]
    [InlineData("document-problems", "could not process the source documents: InvalidOperationException")]
    [InlineData("documents", "could not process the source documents (cross-file validation): InvalidOperationException")]
    public void DM0026_a_bug_in_a_step_without_a_file_is_reported_not_thrown(string stage, string message)
    {
        FaultInjection.Stage = stage;
        try
        {
            var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: [Syria]\n"));
            var d = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("DM0026", d.Id);
            Assert.Equal(Location.None, d.Location);
            Assert.Contains(message, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            BaselineStillGenerates(run);
            Assert.Contains(".Country Syria => ", run.Sources["Country.Rows0.g.cs"], StringComparison.Ordinal);
            Assert.Contains("\"Country\"", run.Sources["FactCatalog.g.cs"], StringComparison.Ordinal);
        }
        finally
        {
            FaultInjection.Stage = null;
        }
    }

    /// <summary>
    /// The per-file steps after parsing: DM0026 at the file. Without its ids the file's facts are not in
    /// the index (one country); without its layout they keep their ids but no values (two, as when its
    /// validation fails).
    /// </summary>
    [Theory]
    [InlineData("file-ids:a.facts.yaml", "could not process the fact ids of this file: InvalidOperationException", 1)]
    [InlineData("layout:a.facts.yaml", "could not process the layout of this file: InvalidOperationException", 2)]
    public void DM0026_a_bug_in_a_per_file_step_is_reported_at_the_file(string stage, string message, int countries)
    {
        FaultInjection.Stage = stage;
        try
        {
            var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: [Syria]\n"));
            Expect(run, "DM0026", "a.facts.yaml", 1, 1, message, "please report this");
            Assert.Single(run.GeneratorDiagnostics);
            BaselineStillGenerates(run);
            Assert.Contains($"public static int Count => {countries};", run.Sources["Country.g.cs"], StringComparison.Ordinal);
        }
        finally
        {
            FaultInjection.Stage = null;
        }
    }

    [Fact]
    public void DM0026_a_bug_in_validating_one_facts_file_is_reported_there_and_the_rest_still_generates()
    {
        FaultInjection.Stage = "validate:a.facts.yaml";
        try
        {
            // The failed file's facts keep their ids (so references into them still resolve) but no values.
            var run = RunWithBaseline(("a.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: syria\n    name: Syria\n    evidence: [Syria]\n"));
            Expect(run, "DM0026", "a.facts.yaml", 1, 1, "could not process this file: InvalidOperationException", "please report this");
            Assert.Single(run.GeneratorDiagnostics);
            BaselineStillGenerates(run);
            Assert.Contains(".Country Syria => ", run.Sources["Country.Rows0.g.cs"], StringComparison.Ordinal);
            Assert.Contains("public static int Count => 2;", run.Sources["Country.g.cs"], StringComparison.Ordinal);
        }
        finally
        {
            FaultInjection.Stage = null;
        }
    }

    // ---- DM0027 invalid option -----------------------------------------------------------------

    [Theory]
    [InlineData("build_property.DomainModelMaxNamedFactsPerKind", "lots", "Use a whole number from 0 to 60000")]
    [InlineData("build_property.DomainModelMaxNamedFactsPerKind", "-1", "Use a whole number")]
    [InlineData("build_property.DomainModelMaxNamedFactsPerKind", "70000", "Use a whole number")]
    [InlineData("build_property.DomainModelNamespace", "Acme..Facts", "Use a dotted C# namespace")]
    [InlineData("build_property.DomainModelNamespace", "Acme.class", "no keywords")]
    [InlineData("build_property.DomainModelNamespace", "Acme-Facts", "Use a dotted C# namespace")]
    [InlineData("build_property.DomainModelUtf8Rows", "yes", "Use true or false")]
    [InlineData("build_property.DomainModelPackRows", "yes", "Use true, false or auto")]
    [InlineData("build_property.DomainModelEvidenceDocs", "some", "Use true (the default")]
    public void DM0027_invalid_option_is_a_warning_without_a_file_location(string key, string value, string hint)
    {
        var run = GeneratorHarness.Run(Baseline, options: new Dictionary<string, string> { [key] = value });
        NoCrash(run);
        var d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "DM0027");
        Assert.Equal(Location.None, d.Location);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        var message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(value, message, StringComparison.Ordinal);
        Assert.Contains(hint, message, StringComparison.Ordinal);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0027_invalid_root_namespace_names_that_property()
    {
        var run = GeneratorHarness.Run(Baseline, options: new Dictionary<string, string> { ["build_property.RootNamespace"] = "3D" });
        var d = Assert.Single(run.GeneratorDiagnostics, x => x.Id == "DM0027");
        Assert.Contains("MSBuild property RootNamespace has invalid value '3D'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        BaselineStillGenerates(run);
    }

    // ---- DM0029 language version ----------------------------------------------------------------

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3, "7.3")]
    [InlineData(LanguageVersion.CSharp9, "9.0")]
    public void DM0029_language_version_below_10_is_one_error_without_a_file_location(LanguageVersion version, string shown)
    {
        var files = Baseline.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DomainModelGenerator().AsSourceGenerator() },
            files,
            GeneratorHarness.ParseOptions.WithLanguageVersion(version),
            new TestOptionsProvider(new Dictionary<string, string>()));
        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compilation());

        NoCrash(run);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DM0029", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(Location.None, d.Location);
        Assert.Contains($"this project compiles as C# {shown}. Set <LangVersion>10</LangVersion> or later", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void DM0029_is_not_reported_from_CSharp_10()
    {
        var files = Baseline.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new DomainModelGenerator().AsSourceGenerator() },
            files,
            GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp10),
            new TestOptionsProvider(new Dictionary<string, string>()));
        var run = GeneratorHarness.Run(driver, GeneratorHarness.Compilation());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "DM0029");
    }

    // ---- DM0028 ambiguous document -------------------------------------------------------------

    [Fact]
    public void DM0028_two_documents_with_one_file_name()
    {
        var run = GeneratorHarness.Run(Baseline.Append(("/proj/other/baseline.txt", "Something else.")));
        Expect(run, "DM0028", "baseline.facts.yaml", 2, 11, "Source document name 'baseline.txt' is used by '/proj/baseline.txt' and by '/proj/other/baseline.txt'; evidence naming 'baseline.txt' is checked against '/proj/baseline.txt' only", "Rename one of the files");
        Assert.Empty(run.CompileErrors);
    }

    // ---- DM0030 YAML file not read, DM0031 no schema ----------------------------------------------

    [Theory]
    [InlineData("grants.yaml", "grants")]
    [InlineData("people.facts.yml.bak.yml", "people.facts.yml.bak")]
    [InlineData("Leaders.YML", "Leaders")]
    public void DM0030_a_yaml_file_whose_name_gives_no_role_is_reported_at_the_file(string name, string stem)
    {
        var run = RunWithBaseline((name, "kind: Country\nfacts: []\n"));
        var d = Expect(run, "DM0030", name, 1, 1, $"'{name}' is not read", "*.schema.yaml", "*.facts.yaml", $"Rename it to '{stem}.schema.yaml' or '{stem}.facts.yaml'");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void DM0030_is_not_reported_for_schemas_facts_documents_or_other_files()
    {
        var run = RunWithBaseline(("b.schema.yml", "kinds: {}\n"), ("c.facts.YAML", "kind: Country\nfacts: []\n"), ("notes.md", "Notes."), ("data.json", "{}"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "DM0030" or "DM0031");
    }

    [Fact]
    public void DM0031_no_additional_files_at_all_is_one_warning_without_a_location()
    {
        var run = Run();
        NoCrash(run);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DM0031", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(Location.None, d.Location);
        Assert.Contains("no AdditionalFile is a schema (*.schema.yaml), so nothing is generated. Pass the schemas", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void DM0031_facts_and_documents_without_a_schema_say_how_many_facts_files_wait()
    {
        var run = Run(("a.facts.yaml", BaselineFacts), ("b.facts.yaml", BaselineFacts.Replace("russia", "syria", StringComparison.Ordinal)), ("baseline.txt", BaselineDocument), ("grants.yaml", "x: 1\n"));
        var d = run.GeneratorDiagnostics.Single(x => x.Id == "DM0031");
        Assert.Contains("nothing is generated (the 2 facts files need one)", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Expect(run, "DM0030", "grants.yaml", 1, 1, "'grants.yaml' is not read");
    }
}
