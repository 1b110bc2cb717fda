using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Hostile and odd inputs. Each ends in our diagnostics (at the real position) or in generated code, never
/// in an exception, CS8785, a stack overflow or a hang; and the valid baseline files beside them still
/// generate and compile. Where a pathological input could make the work explode (aliases, nesting, a huge
/// file, many dangling references, a periodic document), the test asserts the bound itself: reading stops
/// where it must (a syntax error placed after that point is never reported), or a count of the work done.
/// Speed itself is measured in benchmarks/, never here.
/// </summary>
public class HostileYamlTests
{
    private const string Thing = "kinds:\n  Thing:\n    description: x\n    fields:\n      label: { type: string, description: x }\n";

    private static string ThingFacts(params string[] ids) =>
        "kind: Thing\ndocument: baseline.txt\nfacts:\n" + string.Concat(ids.Select(id => $"  - id: {id}\n    evidence: [Russia]\n"));

    // ---- whitespace, encodings, line endings ---------------------------------------------------

    [Fact]
    public void Tab_as_indentation_is_DM0001_at_the_tab()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n\tdescription: x\n"));
        Expect(run, "DM0001", "a.schema.yaml", 3, 1, "Indent with spaces");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Tabs_as_separators_are_fine()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n    description:\tx\n    fields:\n      label:\t{type: string,\tdescription: x}\n"), ("a.facts.yaml", ThingFacts("a")));
        Assert.Empty(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
        Assert.Contains("Thing.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_the_first_key_and_positions_stay_right()
    {
        var run = RunWithBaseline(("a.schema.yaml", "\uFEFFkinds:\n  Thing:\n    description: x\n    bogus: 1\n"), ("a.facts.yaml", "\uFEFF" + ThingFacts("a")));
        Expect(run, "DM0005", "a.schema.yaml", 4, 5, "Unknown key 'bogus'");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
        Assert.Contains("Thing.g.cs", run.Sources.Keys);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void CRLF_and_CR_line_endings_give_the_same_positions_and_values(string newline)
    {
        var schema = "kinds:\n  Thing:\n    description: x\n    bogus: 1\n    fields:\n      label: { type: string, description: x }\n".Replace("\n", newline, StringComparison.Ordinal);
        var facts = "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    label: |\n      two\n      lines\n    evidence: [Russia]\n".Replace("\n", newline, StringComparison.Ordinal);
        var run = RunWithBaseline(("a.schema.yaml", schema), ("a.facts.yaml", facts));
        Expect(run, "DM0005", "a.schema.yaml", 4, 5, "Unknown key 'bogus'");
        BaselineStillGenerates(run);
        var thing = Static(run.Load(), "Things", "A");
        Assert.Equal("two\nlines\n", Property(thing, "Label"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("\uFEFF")]
    [InlineData("# only a comment\n   # and another\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Empty_and_comment_only_files_are_DM0022_warnings(string text)
    {
        var run = RunWithBaseline(("a.facts.yaml", text), ("b.schema.yaml", text));
        Expect(run, "DM0022", "a.facts.yaml", 1, 1, "holds no content");
        Expect(run, "DM0022", "b.schema.yaml", 1, 1, "holds no content");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void An_empty_schema_file_does_not_hide_errors_elsewhere()
    {
        // An empty file is only a warning, so it must not silence the unknown kind below.
        var run = RunWithBaseline(("a.schema.yaml", ""), ("a.facts.yaml", "kind: Nation\nfacts: []\n"));
        Expect(run, "DM0012", "a.facts.yaml", 1, 7, "Unknown kind 'Nation'");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Multi_document_file_is_DM0003_at_the_second_document()
    {
        var run = RunWithBaseline(("a.schema.yaml", "---\nkinds: {}\n---\nenums: {}\n"));
        Expect(run, "DM0003", "a.schema.yaml", 3, 1, "A second YAML document");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Duplicate_keys_in_a_fact_keep_the_first_value()
    {
        var facts = "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    label: first\n    label: second\n    evidence: [Russia]\n";
        var run = RunWithBaseline(("a.schema.yaml", Thing), ("a.facts.yaml", facts));
        Expect(run, "DM0004", "a.facts.yaml", 6, 5, "Duplicate key 'label' (first at 5:5)");
        BaselineStillGenerates(run);
        Assert.Equal("first", Property(Static(run.Load(), "Things", "A"), "Label"));
    }

    // ---- anchors, aliases, alias bombs ---------------------------------------------------------

    [Fact]
    public void Anchor_without_alias_is_harmless()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing: &t\n    description: x\n"));
        Assert.Empty(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Billion_laughs_is_rejected_at_the_first_alias_without_expansion()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            var previous = (char)('a' + i - 1);
            bomb.Append((char)('a' + i)).Append(": &").Append((char)('a' + i)).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        // Reading stops at the first alias: nothing after it is read, so the syntax error on the last line
        // (DM0001 if it were read) is never reported, and no alias is followed.
        bomb.Append("@ not YAML\n");
        var run = RunWithBaseline(("bomb.schema.yaml", bomb.ToString()));
        Expect(run, "DM0003", "bomb.schema.yaml", 2, 8, "The alias '*a' is not supported", "write the value out");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    // ---- depth ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("flow sequences")]
    [InlineData("flow mappings")]
    [InlineData("block sequences")]
    [InlineData("unclosed flow")]
    [InlineData("mixed")]
    public void Nesting_100000_levels_is_DM0002_at_the_first_level_past_64(string style)
    {
        const int Depth = 100_000;
        var (text, line, column) = style switch
        {
            // Root mapping = level 1, so the 64th opener (column 8 + 63) opens level 65.
            "flow sequences" => ("kinds: " + new string('[', Depth) + new string(']', Depth) + "\n", 1, 71),
            "flow mappings" => ("kinds: " + string.Concat(Enumerable.Repeat("{a: ", Depth)) + "1" + new string('}', Depth) + "\n", 1, 8 + (63 * 4)),
            // "- - - x": compact block sequences, the only block style that nests 100,000 deep in linear space.
            "block sequences" => ("kinds:\n  " + string.Concat(Enumerable.Repeat("- ", Depth)) + "x\n", 2, 3 + (63 * 2)),
            "unclosed flow" => (new string('[', Depth), 1, 65),
            _ => (string.Concat(Enumerable.Repeat("- ", 30)) + new string('[', Depth) + "\n", 1, 61 + 34),
        };

        // Reading stops at the first level past the limit (no recursion, and YamlDotNet, whose flow scanner is
        // quadratic in depth, never scans the rest): the syntax error after the nesting (DM0001) is never reported.
        var run = RunWithBaseline(("deep.schema.yaml", text + "\n@ not YAML\n"));
        Expect(run, "DM0002", "deep.schema.yaml", line, column, "Nesting depth exceeds the limit of 64 levels", "Flatten the structure");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Nesting_exactly_64_levels_is_read()
    {
        // Level 1 is the root mapping; 63 flow sequences bring it to 64: allowed (then a wrong-shape error).
        var run = RunWithBaseline(("deep.schema.yaml", "kinds: " + new string('[', 63) + new string(']', 63) + "\n"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "DM0002");
        Expect(run, "DM0007", "deep.schema.yaml", 1, 8, "'kinds' must be a mapping, not a sequence");
        BaselineStillGenerates(run);
    }

    // ---- size limits ---------------------------------------------------------------------------

    [Fact]
    public void Scalar_over_1_Mi_characters_is_DM0002_and_one_at_the_limit_is_read()
    {
        var atLimit = new string('y', Parsing.YamlReader.MaxScalarChars);
        var run = RunWithBaseline(
            ("long.schema.yaml", "kinds:\n  Thing:\n    description: " + new string('x', Parsing.YamlReader.MaxScalarChars + 1) + "\n"),
            ("ok.schema.yaml", "kinds:\n  Other:\n    description: " + atLimit + "\n"));
        Expect(run, "DM0002", "long.schema.yaml", 3, 18, "exceeds the limit of 1048576 characters", "Shorten the value");
        Assert.Single(run.GeneratorDiagnostics);
        Assert.Contains("Other.g.cs", run.Sources.Keys);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Key_longer_than_1024_characters_is_DM0001_with_a_hint()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  " + new string('K', 5000) + ": x\n"));
        Expect(run, "DM0001", "a.schema.yaml", 2, 5003, "Mapping values are not allowed", "in 1024 characters");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void File_over_64_Mi_characters_is_DM0002_at_its_start_without_being_parsed()
    {
        // Not YAML from its first character: parsed, it would be a DM0001 at 1:1; it is never parsed.
        var text = "@ " + new string('x', Parsing.YamlReader.MaxFileChars);
        var run = RunWithBaseline(("huge.facts.yaml", text));
        Expect(run, "DM0002", "huge.facts.yaml", 1, 1, "File size (67108866 characters) exceeds the limit of 67108864 characters", "Split the file");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void More_than_2_million_nodes_is_DM0002()
    {
        var text = "kinds: [" + string.Join(",", Enumerable.Repeat("a", Parsing.YamlReader.MaxNodes)) + "]\n";
        var run = RunWithBaseline(("many.schema.yaml", text));
        // Nodes: the root mapping, 'kinds', the sequence, then items; item 1,999,998 is node 2,000,001 at column 8 + 2 * 1,999,997 + 1.
        Expect(run, "DM0002", "many.schema.yaml", 1, 9 + (2 * (Parsing.YamlReader.MaxNodes - 3)), "The number of YAML nodes exceeds the limit of 2000000 nodes", "Split the file");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Source_document_over_8_Mi_characters_is_DM0002_at_the_reference()
    {
        var facts = "kind: Thing\ndocument: huge.txt\nfacts:\n  - id: a\n    evidence: [word]\n";
        var run = RunWithBaseline(("a.schema.yaml", Thing), ("a.facts.yaml", facts), ("huge.txt", string.Concat(Enumerable.Repeat("word ", (Validation.QuoteIndex.MaxDocumentChars / 5) + 1))));
        Expect(run, "DM0002", "a.facts.yaml", 2, 11, "Source document 'huge.txt'", "exceeds the limit of 8388608 characters", "quotes in it are not checked");
        BaselineStillGenerates(run);
    }

    // ---- names ---------------------------------------------------------------------------------

    [Fact]
    public void Ids_that_collide_once_PascalCased_are_DM0017_and_the_first_is_kept()
    {
        var run = RunWithBaseline(("a.schema.yaml", Thing), ("a.facts.yaml", ThingFacts("al-sharaa", "al_sharaa")));
        Expect(run, "DM0017", "a.facts.yaml", 6, 9, "'al_sharaa' becomes the C# name 'AlSharaa', as does 'al-sharaa'");
        BaselineStillGenerates(run);
        Assert.Equal("al-sharaa", Property(Static(run.Load(), "Things", "AlSharaa"), "Id"));
    }

    [Fact]
    public void Kind_names_that_differ_only_in_case_are_DM0010_not_a_crash()
    {
        // Both would be written as Thing.g.cs / THING.g.cs: hint names must differ ignoring case (was CS8785).
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n  THING:\n    description: y\n    plural: Shouting\n"));
        Expect(run, "DM0010", "a.schema.yaml", 4, 3, "Kind 'THING' is defined more than once (first at 2:3 as 'Thing'; names that differ only in case count as the same)");
        BaselineStillGenerates(run);
        Assert.Contains("Thing.g.cs", run.Sources.Keys);
    }

    [Theory]
    [InlineData("Factcatalog")]
    [InlineData("MONEY")]
    public void Kind_named_like_a_generated_file_or_runtime_type_ignoring_case_is_DM0011(string name)
    {
        var run = RunWithBaseline(("a.schema.yaml", $"kinds:\n  {name}:\n    description: x\n"));
        Expect(run, "DM0011", "a.schema.yaml", 2, 3, $"'{name}' is reserved", "differs only in case");
        BaselineStillGenerates(run);
    }

    [Theory]
    [InlineData("Money")]
    [InlineData("FactDate")]
    [InlineData("Provenance")]
    [InlineData("FactCatalog")]
    [InlineData("IFact")]
    [InlineData("KindInfo")]
    [InlineData("System")]
    public void Kind_or_enum_named_like_a_generated_runtime_type_is_DM0011(string name)
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", $"kinds:\n  {name}:\n    description: x\n"),
            ("b.schema.yaml", $"enums:\n  {name}:\n    description: x\n    values: [a]\n"),
            ("c.schema.yaml", $"kinds:\n  User:\n    description: x\n    fields:\n      ref: {{ type: {name}, description: x }}\n"));
        Expect(run, "DM0011", "a.schema.yaml", 2, 3, $"'{name}' is reserved: a generated runtime type has this name", "Choose another name");
        Expect(run, "DM0011", "b.schema.yaml", 2, 3, $"'{name}' is reserved");
        // The field that uses the rejected type is not reported again (its cause is above).
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "DM0009");
        BaselineStillGenerates(run);
        Assert.Contains("User.g.cs", run.Sources.Keys);
    }

    [Theory]
    [InlineData("Id")]
    [InlineData("ToString")]
    [InlineData("Equals")]
    [InlineData("PrintMembers")]
    [InlineData("EqualityContract")]
    public void Kind_named_like_a_record_member_is_DM0011(string name)
    {
        var run = RunWithBaseline(("a.schema.yaml", $"kinds:\n  {name}:\n    description: x\n"));
        Expect(run, "DM0011", "a.schema.yaml", 2, 3, $"every generated record has a member named '{name}'");
        BaselineStillGenerates(run);
    }

    [Theory]
    [InlineData("All")]
    [InlineData("Count")]
    [InlineData("Get")]
    [InlineData("TryGet")]
    public void Plural_named_like_a_catalog_member_is_DM0011_and_a_free_name_is_used(string plural)
    {
        var run = RunWithBaseline(("a.schema.yaml", Thing.Replace("    description: x\n    fields:", $"    plural: {plural}\n    description: x\n    fields:", StringComparison.Ordinal)), ("a.facts.yaml", ThingFacts("a")));
        Expect(run, "DM0011", "a.schema.yaml", 3, 13, $"'{plural}' is reserved: every catalog class has a member named '{plural}'");
        BaselineStillGenerates(run);
        Assert.NotNull(Static(run.Load(), "ThingCatalog", "A"));
    }

    [Fact]
    public void Default_plural_that_is_another_kind_is_DM0010_and_both_still_generate()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n  Things:\n    description: y\n"));
        Expect(run, "DM0010", "a.schema.yaml", 2, 3, "The catalog name 'Things' is defined more than once", "set 'plural:' on the kind");
        BaselineStillGenerates(run);
        Assert.Contains("Thing.g.cs", run.Sources.Keys);
        Assert.Contains("Things.g.cs", run.Sources.Keys);
    }

    [Theory]
    [InlineData("all", "All")]
    [InlineData("count", "Count")]
    [InlineData("get", "Get")]
    [InlineData("try-get", "TryGet")]
    [InlineData("things", "Things")]
    public void Fact_id_colliding_with_a_catalog_member_is_DM0011(string id, string property)
    {
        var run = RunWithBaseline(("a.schema.yaml", Thing), ("a.facts.yaml", ThingFacts("fine", id)));
        Expect(run, "DM0011", "a.facts.yaml", 6, 9, $"'{id}' is reserved: the catalog Things has a member named '{property}'");
        BaselineStillGenerates(run);
        Assert.NotNull(Static(run.Load(), "Things", "Fine"));
    }

    [Fact]
    public void Field_named_like_its_kind_is_DM0011()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      thing: { type: string, description: x }\n"), ("a.facts.yaml", "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    thing: value\n    evidence: [Russia]\n"));
        Expect(run, "DM0011", "a.schema.yaml", 5, 7, "it would have the name of its record type 'Thing'");
        // The fact's value for the rejected field is not reported again.
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Fields_that_PascalCase_alike_are_DM0010()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      a1: { type: string, description: x }\n      a_1: { type: string, description: x }\n"));
        Expect(run, "DM0010", "a.schema.yaml", 6, 7, "The C# property 'A1' is defined more than once (first at 5:7 as field 'a1'");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void CSharp_keywords_as_field_names_and_ids_generate_and_round_trip()
    {
        var schema = "kinds:\n  Thing:\n    description: x\n    fields:\n"
            + string.Concat(new[] { "event", "base", "class", "namespace", "int", "string", "null", "this" }.Select(f => $"      {f}: {{ type: string, description: x }}\n"))
            + "      operator: { type: Thing, description: x }\n";
        var facts = "kind: Thing\ndocument: baseline.txt\nfacts:\n"
            + string.Concat(new[] { "event", "base", "class", "int", "true", "void" }.Select(id => $"  - id: {id}\n    event: e-{id}\n    class: c-{id}\n    operator: base\n    evidence: [Russia]\n"));
        var run = RunWithBaseline(("k.schema.yaml", schema), ("k.facts.yaml", facts));
        Assert.Empty(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
        var assembly = run.Load();
        var @event = Static(assembly, "Things", "Event");
        Assert.Equal("e-event", Property(@event, "Event"));
        Assert.Equal("c-event", Property(@event, "Class"));
        Assert.Equal("base", Property(Property(@event, "Operator")!, "Id"));
        Assert.Equal("void", Property(Static(assembly, "Things", "Void"), "Id"));
    }

    [Fact]
    public void Names_and_ids_starting_with_a_digit_are_DM0008()
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      2nd: { type: string, description: x }\n  3D:\n    description: x\n"),
            ("a.facts.yaml", ThingFacts("1st", "ok")));
        Expect(run, "DM0008", "a.schema.yaml", 5, 7, "'2nd' is not a valid field name");
        Expect(run, "DM0008", "a.schema.yaml", 6, 3, "'3D' is not a valid kind name");
        Expect(run, "DM0008", "a.facts.yaml", 4, 9, "'1st' is not a valid fact id");
        BaselineStillGenerates(run);
        Assert.NotNull(Static(run.Load(), "Things", "Ok"));
    }

    [Fact]
    public void Non_ASCII_names_and_ids_are_DM0008_and_non_ASCII_values_are_fine()
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", "kinds:\n  Thing:\n    description: Ünïcödé 😀 description\n    fields:\n      label: { type: string, description: x }\n      größe: { type: string, description: x }\n  Straße:\n    description: x\n"),
            ("a.facts.yaml", "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: müller\n    evidence: [Russia]\n  - id: ok\n    label: Müller 😀 北京\n    größe: groß\n    evidence: [Russia]\n"));
        Expect(run, "DM0008", "a.schema.yaml", 6, 7, "'größe' is not a valid field name");
        Expect(run, "DM0008", "a.schema.yaml", 7, 3, "'Straße' is not a valid kind name");
        Expect(run, "DM0008", "a.facts.yaml", 4, 9, "'müller' is not a valid fact id");
        Assert.Equal(3, run.GeneratorDiagnostics.Length); // 'größe: groß' in the fact is not reported again
        BaselineStillGenerates(run);
        Assert.Equal("Müller 😀 北京", Property(Static(run.Load(), "Things", "Ok"), "Label"));
    }

    [Fact]
    public void Column_after_astral_characters_counts_UTF16_code_units_as_the_compiler_does()
    {
        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n    description: \"😀😀\"\n    bogus: 1\n    \"😀\": 2\n"));
        Expect(run, "DM0005", "a.schema.yaml", 5, 5, "Unknown key '😀'");
        var run2 = RunWithBaseline(("b.schema.yaml", "kinds: \"😀😀\" x\n"));
        Expect(run2, "DM0001", "b.schema.yaml", 1, 15, "did not find expected key");
        BaselineStillGenerates(run);
        BaselineStillGenerates(run2);
    }

    // ---- references ----------------------------------------------------------------------------

    [Fact]
    public void Reference_to_a_kind_that_does_not_exist_is_DM0009_and_the_field_is_dropped()
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      nation: { type: Nation, description: x }\n"),
            ("a.facts.yaml", "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    nation: france\n    evidence: [Russia]\n"));
        Expect(run, "DM0009", "a.schema.yaml", 5, 23, "Unknown type 'Nation'");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Reference_to_a_fact_that_does_not_exist_is_DM0018()
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      home: { type: Country, required: true, description: x }\n      visited: { type: list<Country>, description: x }\n"),
            ("a.facts.yaml", "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    home: atlantis\n    visited: [russia, lemuria]\n    evidence: [Russia]\n"));
        Expect(run, "DM0018", "a.facts.yaml", 5, 11, "'home' refers to Country 'atlantis', which does not exist", "Use the id of a Country fact");
        Expect(run, "DM0018", "a.facts.yaml", 6, 23, "Country 'lemuria'");
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Reference_cycles_are_valid_and_navigable()
    {
        var schema = """
            kinds:
              Person:
                plural: People
                description: x
                fields:
                  spouse: { type: Person, description: x }
                  friends: { type: list<Person>, description: x }
                  employer: { type: Company, description: x }
              Company:
                description: x
                fields:
                  ceo: { type: Person, required: true, description: x }
            """;
        var facts = """
            kind: Person
            document: baseline.txt
            facts:
              - id: alice
                spouse: bob
                friends: [alice, bob]
                employer: acme
                evidence: [Russia]
              - id: bob
                spouse: alice
                evidence: [Russia]
            """;
        var companies = "kind: Company\ndocument: baseline.txt\nfacts:\n  - id: acme\n    ceo: alice\n    evidence: [Russia]\n";
        var run = RunWithBaseline(("p.schema.yaml", schema), ("p.facts.yaml", facts), ("c.facts.yaml", companies));
        Assert.Empty(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
        var assembly = run.Load();
        var alice = Static(assembly, "People", "Alice");
        Assert.Same(alice, Property(Property(alice, "Spouse")!, "Spouse"));
        Assert.Same(alice, Property(Property(Property(alice, "Employer")!, "Ceo")!, "Employer") is { } company ? Property(company, "Ceo") : null);
        var friends = ((IEnumerable)Property(alice, "Friends")!).Cast<object>().ToList();
        Assert.Same(alice, friends[0]);
        Assert.Contains("Spouse = bob", alice.ToString(), StringComparison.Ordinal); // ToString prints ids: no infinite recursion
        Assert.Equal(alice.GetHashCode(), Property(Property(alice, "Spouse")!, "Spouse")!.GetHashCode());
    }

    // ---- cascades: one error, reported once ----------------------------------------------------

    [Fact]
    public void Unreadable_schema_file_does_not_bury_its_syntax_error_under_unknown_kinds()
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", "kinds:\n  Thing: [oops\n"),
            ("a.facts.yaml", ThingFacts("a")),
            ("b.schema.yaml", "kinds:\n  User:\n    description: x\n    fields:\n      thing: { type: Thing, description: x }\n"));
        Expect(run, "DM0001", "a.schema.yaml", 3, 1, "Close the '[' or '{'");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
        Assert.Contains("User.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Unreadable_facts_file_does_not_bury_its_error_under_dangling_references()
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      home: { type: Country, description: x }\n"),
            ("a.facts.yaml", "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    home: syria\n    evidence: [Russia]\n"),
            ("more-countries.facts.yaml", "kind: Country\nfacts:\n  - id: syria\n    name: \"Syria\n"));
        Expect(run, "DM0001", "more-countries.facts.yaml", 4, 11, "Close the quoted string");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Fact_with_an_invalid_id_is_not_reported_again_as_a_dangling_reference()
    {
        var run = RunWithBaseline(
            ("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      home: { type: Country, description: x }\n"),
            ("a.facts.yaml", "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    home: Syria\n    evidence: [Russia]\n"),
            ("more-countries.facts.yaml", "kind: Country\ndocument: baseline.txt\nfacts:\n  - id: Syria\n    name: Syria\n    evidence: [Syria]\n"));
        Expect(run, "DM0008", "more-countries.facts.yaml", 4, 9, "'Syria' is not a valid fact id");
        Assert.Single(run.GeneratorDiagnostics);
        BaselineStillGenerates(run);
    }

    // ---- bounded work --------------------------------------------------------------------------

    [Fact]
    public void Many_dangling_references_among_many_ids_get_a_hint_search_only_100_times()
    {
        var facts = new StringBuilder("kind: Thing\ndocument: baseline.txt\nfacts:\n");
        for (var i = 0; i < 2000; i++)
        {
            facts.Append("  - id: thing-number-").Append(i).Append("\n    next: thing-numbr-").Append(i).Append("\n    evidence: [Russia]\n");
        }

        var run = RunWithBaseline(("a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    fields:\n      next: { type: Thing, description: x }\n"), ("a.facts.yaml", facts.ToString()));
        var dangling = run.GeneratorDiagnostics.Where(d => d.Id == "DM0018").ToList();
        Assert.Equal(2000, dangling.Count);
        Expect(run, "DM0018", "a.facts.yaml", 5, 11, "'thing-numbr-0'", "Did you mean 'thing-number-0'?");

        // A "Did you mean" compares the id with every id of the kind: only the first 100 dangling references
        // get one, so the work is 100 × ids, not references × ids.
        Assert.Equal(100, dangling.Count(d => d.GetMessage(CultureInfo.InvariantCulture).Contains("Did you mean", StringComparison.Ordinal)));
        BaselineStillGenerates(run);
    }

    [Fact]
    public void Pathological_quote_against_a_periodic_document_is_checked_in_bounded_work()
    {
        // Every 4-gram of the quote is frequent in the document and the mismatch is at its very end:
        // a naive candidate check is O(positions × length). The quote hint is a binary search, not O(words²).
        var document = string.Concat(Enumerable.Repeat("aaaaaaaaab ", 100_000));
        var quote = string.Concat(Enumerable.Repeat("aaaaaaaaab ", 50_000)) + "aaaaaaaaaaa";
        var facts = $"kind: Thing\ndocument: periodic.txt\nfacts:\n  - id: a\n    evidence:\n      - \"{quote}\"\n";

        // The work, counted (first, so that a regression fails here rather than after a slow run): the hint
        // asks O(log words) searches, not one per word, and each search reads at most the candidate budget
        // (a compared candidate counts the quote's length) plus the text and the quote twice, not
        // candidates × quote length (about 3 × 10^10 characters for the whole quote here).
        var text = Text.Whitespace.Normalize(document);
        var index = new Validation.QuoteIndex(text);
        var searches = 0;
        var matched = Validation.FactsStage.MatchedWords(Text.Whitespace.Normalize(quote).Split(' '), prefix =>
        {
            Assert.True(++searches <= 17, "more searches than a binary search over 50,001 words asks (⌈log2(50,002)⌉ = 16)");
            long work = 0;
            var found = index.Contains(prefix, ref work);
            Assert.True(work <= Validation.QuoteIndex.MaxCandidateWork + (2L * (text.Length + prefix.Length)), $"{work:N0} characters read for a quote of {prefix.Length:N0}");
            return found;
        });
        Assert.Equal(50_000, matched);

        var run = RunWithBaseline(("a.schema.yaml", Thing), ("a.facts.yaml", facts), ("periodic.txt", document));
        Expect(run, "DM0021", "a.facts.yaml", 6, 9, "does not occur in 'periodic.txt' (it matches up to '\u2026 aaaaaaaaab", "then differs at 'aaaaaaaaaaa'");
        BaselineStillGenerates(run);
    }

    // ---- messages ------------------------------------------------------------------------------

    [Fact]
    public void Echoed_values_in_messages_show_control_and_bidi_characters_escaped_and_long_ones_cut()
    {
        var facts = "kind: Thing\ndocument: baseline.txt\nfacts:\n  - id: a\n    \"evil\\u202Ekey\\nx\": 1\n    evidence:\n      - { quote: Russia, document: " + new string('z', 5000) + " }\n";
        var run = RunWithBaseline(("a.schema.yaml", Thing), ("a.facts.yaml", facts));
        var evil = Expect(run, "DM0005", "a.facts.yaml", 5, 5, "Unknown key 'evil\\u202Ekey\\u000Ax'");
        Assert.DoesNotContain('\u202E', evil.GetMessage(CultureInfo.InvariantCulture));
        Assert.DoesNotContain('\n', evil.GetMessage(CultureInfo.InvariantCulture));
        var longName = Expect(run, "DM0020", "a.facts.yaml", 7, 36, "\u2026 (5000 characters)", "Pass it as an AdditionalFiles item");
        Assert.True(longName.GetMessage(CultureInfo.InvariantCulture).Length < 1000);
        BaselineStillGenerates(run);
    }

    private static object Static(Assembly assembly, string catalog, string property) =>
        assembly.GetType("DomainModel." + catalog, throwOnError: true)!.GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static object? Property(object instance, string property) =>
        instance.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.GetValue(instance);
}
