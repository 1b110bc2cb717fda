using System;
using System.Linq;
using System.Text.RegularExpressions;
using DomainModel.Tool.Report;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary>
/// <c>domainmodel diagram schema|timeline|graph</c>: the Mermaid text, on the seeds and on a hostile corpus
/// whose names hold every character that means something to Mermaid (quotes, brackets, <c>; # %% :</c>,
/// pipes, tags, backticks, line breaks, non-ASCII) and ids and kinds named like its keywords.
/// The browser test renders the same text with the real mermaid and asserts it parses.
/// </summary>
public sealed class DiagramTests
{
    internal const string HostileSchema = """
        kinds:
          End:
            plural: Ends
            description: A kind named like Mermaid's 'end' keyword.
            fields:
              name:
                type: string
                required: true
                description: The name.
              when:
                type: date
                description: When.
              next:
                type: list<Graph>
                description: Links.
          Graph:
            plural: Subgraphs
            description: A kind named like a Mermaid keyword.
            fields:
              name:
                type: string
                description: The name.
              date:
                type: date
                description: When.
              end:
                type: End
                required: true
                description: Back link, named 'end'.

        """;

    internal const string HostileEnds = """
        kind: End
        document: d.txt
        facts:
          - id: end
            name: "Quote \" bracket ] [ ( ) { } ; # %% colon: pipe | <b>tag</b> & amp `tick`"
            when: 199X
            next: [graph, subgraph]
            evidence: ['A "quoted" [thing]; #1 %% 50%']
            note: Dated the 1990s.
          - id: style
            name: "line one\nline two\u2028sep; end"
            when: 2025-10
            evidence: ['東京 and Zürich']
            note: Dated 2025-10.

        """;

    internal const string HostileGraphs = """
        kind: Graph
        document: d.txt
        facts:
          - id: graph
            name: "東京 – Zürich’s “event” %%{init: {}}%% <script>alert(1)</script>"
            date: 2025-10-15
            end: end
            evidence: ['東京 and Zürich']
            note: Dated 2025-10-15.
          - id: subgraph
            date: '2025'
            end: style
            evidence: ['classDef x fill:#f00;']
            note: Dated 2025.

        """;

    internal const string HostileDocument = "Intro. A \"quoted\" [thing]; #1 %% 50% and more. 東京 and Zürich. classDef x fill:#f00; the <end>.\n";

    internal static TempCorpus Hostile() => new(
        ("h.schema.yaml", HostileSchema),
        ("ends.facts.yaml", HostileEnds),
        ("graphs.facts.yaml", HostileGraphs),
        ("d.txt", HostileDocument));

    [Fact]
    public void Text_keeps_letters_and_encodes_every_character_with_a_meaning()
    {
        Assert.Equal("Putin–Al-Sharaa’s summit, 2025 (Moscow)", Mermaid.Text("Putin–Al-Sharaa’s summit, 2025 (Moscow)"));
        Assert.Equal("#34;a#34; #91;b#93; #123;c#125; #59; #35; #37;#37; #58; #124; #60;x#62; #38; #96;", Mermaid.Text("\"a\" [b] {c} ; # %% : | <x> & `"));
        Assert.Equal("one two three", Mermaid.Text("one\ntwo\tthree"));
        Assert.Equal("a#8232;b#8233;c#160;d#173;e", Mermaid.Text("a\u2028b\u2029c\u00A0d\u00ADe"));
        Assert.Equal("東京 Zürich Москва", Mermaid.Text("東京 Zürich Москва"));
        Assert.Equal("#128512; #65533;", Mermaid.Text("\U0001F600 \uD800"));
        // Mermaid's own entity encoding marks (ﬂ°° … ¶ß) cannot be forged by a name.
        Assert.Equal("#64258;°°60#182;ß", Mermaid.Text("ﬂ°°60¶ß"));
        Assert.Equal("\"#160;\"", Mermaid.Quoted("\n"));
    }

    [Fact]
    public void Identifiers_are_plain_ascii_and_never_a_keyword()
    {
        Assert.Equal("Leader", Mermaid.Identifier("Leader", "K0"));
        Assert.Equal("end_date", Mermaid.Identifier("end_date", "F1"));
        foreach (var keyword in new[] { "end", "END", "graph", "subgraph", "style", "class", "click", "PK", "one" })
        {
            Assert.Equal("K0", Mermaid.Identifier(keyword, "K0"));
        }

        Assert.Equal("K0", Mermaid.Identifier("Évènement", "K0"));
        Assert.Equal("K0", Mermaid.Identifier("a-b", "K0"));
        Assert.Equal("K0", Mermaid.Identifier("1st", "K0"));
    }

    [Fact]
    public void Hostile_schema_diagram()
    {
        using var corpus = Hostile();
        var result = ToolRun.InProcess("diagram", "schema", corpus.Root);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            erDiagram
                K0["End"] {
                    string id PK
                    string name "required"
                    date when
                    K1[] next FK
                }
                K1["Graph"] {
                    string id PK
                    string name
                    date date
                    K0 field_2 FK "end, required"
                }
                K0 }o--o{ K1 : "next"
                K1 }o--|| K0 : "end"

            """,
            result.Out);
    }

    [Fact]
    public void Hostile_timeline()
    {
        using var corpus = Hostile();
        var result = ToolRun.InProcess("diagram", "timeline", corpus.Root);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(
            """
            timeline
                title Dated facts
                section 1990s
                    1990s : Quote #34; bracket #93; #91; ( ) #123; #125; #59; #35; #37;#37; colon#58; pipe #124; #60;b#62;tag#60;/b#62; #38; amp #96;tick#96; (when)
                section 2020s
                    2025 : subgraph
                    2025-10 : line one line two#8232;sep#59; end (when)
                    2025-10-15 : 東京 – Zürich’s “event” #37;#37;#123;init#58; #123;#125;#125;#37;#37; #60;script#62;alert(1)#60;/script#62;

            """,
            result.Out);
    }

    [Fact]
    public void Hostile_graphs()
    {
        using var corpus = Hostile();
        var kinds = ToolRun.InProcess("diagram", "graph", corpus.Root);
        Assert.True(kinds.ExitCode == 0, kinds.ToString());
        Assert.Equal(
            """
            flowchart LR
                K0["Ends (2)"]
                K1["Subgraphs (2)"]
                K0 -->|"next (2)"| K1
                K1 -->|"end (2)"| K0

            """,
            kinds.Out);

        var around = ToolRun.InProcess("diagram", "graph", corpus.Root, "--around", "style", "--depth", "1");
        Assert.True(around.ExitCode == 0, around.ToString());
        Assert.Equal(
            """
            flowchart LR
                subgraph S0["Ends"]
                    F0["line one line two#8232;sep#59; end"]
                end
                subgraph S1["Subgraphs"]
                    F1["subgraph"]
                end
                F1 -->|"end"| F0

            """,
            around.Out);

        // Two steps away from 'style': subgraph, then end (which links to subgraph and graph), not graph (three).
        var deeper = ToolRun.InProcess("diagram", "graph", corpus.Root, "--around", "End:style", "--depth", "2");
        Assert.Equal(new[] { "F0", "F1", "F2" }, Regex.Matches(deeper.Out, @"(?m)^        (F\d+)\[").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("東京", deeper.Out, StringComparison.Ordinal);

        var kind = ToolRun.InProcess("diagram", "graph", corpus.Root, "--kind", "Graph");
        Assert.Equal(4, Regex.Matches(kind.Out, @"(?m)^        F\d+\[").Count);
        Assert.Equal(4, Regex.Matches(kind.Out, @"(?m)^    F\d+ -->").Count);
    }

    [Fact]
    public void Unknown_kind_or_fact_is_bad_usage()
    {
        var kind = ToolRun.InProcess("diagram", "graph", ToolRun.Seeds, "--kind", "Leaderz");
        Assert.Equal(2, kind.ExitCode);
        Assert.StartsWith("error: There is no kind 'Leaderz'. Kinds: Agreement, ", kind.Error, StringComparison.Ordinal);

        var fact = ToolRun.InProcess("diagram", "graph", ToolRun.Seeds, "--around", "nobody");
        Assert.Equal(2, fact.ExitCode);
        Assert.Equal("error: There is no fact 'nobody' (give a fact id, or Kind:id).\n", fact.Error);
    }

    [Fact]
    public void A_corpus_with_errors_gives_its_diagnostics_and_no_diagram()
    {
        using var corpus = new TempCorpus(("h.schema.yaml", HostileSchema), ("ends.facts.yaml", HostileEnds.Replace("next: [graph, subgraph]", "next: [grahp]", StringComparison.Ordinal)), ("d.txt", HostileDocument));
        var result = ToolRun.InProcess("diagram", "schema", corpus.Root);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains(corpus["ends.facts.yaml"] + "(7,12): error DM0018: 'next' refers to Graph 'grahp', which does not exist.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_schema_has_every_kind_and_reference()
    {
        var result = ToolRun.InProcess("diagram", "schema", ToolRun.Seeds);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("erDiagram\n    Agreement {\n        string id PK\n        string name \"required\"\n", result.Out, StringComparison.Ordinal);
        Assert.Equal(14, Regex.Matches(result.Out, @"(?m)^    \w+ \{$").Count);
        Assert.Contains("\n    Participation }o--|| Event : \"event\"\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n    Event }o--o{ Participation : \"participants\"\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n    Event }o--o| Place : \"origin\"\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n        Country[] parties FK\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_timeline_is_ordered_and_keeps_each_precision()
    {
        var result = ToolRun.InProcess("diagram", "timeline", ToolRun.Seeds);
        Assert.True(result.ExitCode == 0, result.ToString());
        var periods = Regex.Matches(result.Out, @"(?m)^        (\S+) : ").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("1950s", periods[0]);
        Assert.Contains("2015", periods);
        Assert.Contains("2025-01", periods);
        Assert.Contains("2025-10-15", periods);
        Assert.Equal(periods.Distinct().Count(), periods.Count);
        var keys = periods.Select(p => p.EndsWith('s') ? p[..3] + "0" : p).ToList();
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), keys);

        // The arrival's "Wednesday" is resolved in the data (date: 2025-10-15), and shown so.
        Assert.Matches(@"(?m)^        2025-10-15 : .*Al-Sharaa arrives in Moscow", result.Out);
    }

    [Fact]
    public void Output_is_the_same_on_every_run()
    {
        foreach (var diagram in new[] { "schema", "timeline", "graph" })
        {
            Assert.Equal(ToolRun.InProcess("diagram", diagram, ToolRun.Seeds).Out, ToolRun.InProcess("diagram", diagram, ToolRun.Seeds).Out);
        }
    }
}
