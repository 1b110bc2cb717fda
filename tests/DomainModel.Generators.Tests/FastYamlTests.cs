using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CsCheck;
using DomainModel.Benchmarks.Corpus;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The fast YAML path against YamlDotNet: wherever the fast path reads a text, it must build exactly the tree
/// YamlDotNet's path builds (values, plain or quoted, every position) with the same diagnostics; and it must
/// read the files people write (the seeds, the synthetic corpus), or it would not be the fast path.
/// </summary>
public partial class FastYamlTests
{
    private const string Path = "/p/f.facts.yaml";

    private static readonly long s_iterations =
        long.TryParse(Environment.GetEnvironmentVariable("DOMAINMODEL_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;

    /// <summary>Reads with both paths; true when the fast path read the text (and then agreed with YamlDotNet).</summary>
    private static bool Agrees(string text) => Agrees(text, out _);

    /// <summary>
    /// Reads with both paths; true when the fast path read the text (and then agreed with YamlDotNet). Either
    /// way <see cref="YamlReader.Read"/> (the fast path, then YamlDotNet for the rest where it gave up) must
    /// agree with the YamlDotNet path too.
    /// </summary>
    private static bool Agrees(string text, out string stoppedAt)
    {
        stoppedAt = string.Empty;
        var slowDiagnostics = new List<DiagnosticInfo>();
        var slow = YamlReader.ReadWithYamlDotNet(Path, 0, text, slowDiagnostics, CancellationToken.None);
        if (text.IndexOf('\0') < 0 && !text.StartsWith('\uFEFF'))
        {
            var readDiagnostics = new List<DiagnosticInfo>();
            var read = YamlReader.Read(Path, text, readDiagnostics, CancellationToken.None);
            Same(text, "YamlReader.Read", slow, slowDiagnostics, read, readDiagnostics);
        }

        var fastDiagnostics = new List<DiagnosticInfo>();
        var builder = new TreeBuilder(Path, 0, fastDiagnostics);
        if (!FastYamlScanner.TryRead(text, builder, CancellationToken.None, out var at))
        {
            var line = text.Substring(0, Math.Min(at, text.Length)).Count(c => c == '\n');
            var lines = text.Split('\n');
            stoppedAt = $"line {line + 1}: {lines[Math.Min(line, lines.Length - 1)]}";
            return false;
        }

        Same(text, "The fast path", slow, slowDiagnostics, builder.Root, fastDiagnostics);
        return true;
    }

    /// <summary>Whether the fast path gave up part way and YamlDotNet read the rest without a problem (<see cref="YamlReader.ReadRest"/>).</summary>
    private static bool ReadsTheRest(string text)
    {
        var builder = new TreeBuilder(Path, 0, new List<DiagnosticInfo>());
        return !FastYamlScanner.TryRead(text, builder, CancellationToken.None, out _, out var resume)
            && resume.Depth > 0
            && YamlReader.ReadRest(Path, 0, text, builder, new List<DiagnosticInfo>(), resume, CancellationToken.None);
    }

    private static void Same(string text, string who, RawNode? slow, List<DiagnosticInfo> slowDiagnostics, RawNode? other, List<DiagnosticInfo> otherDiagnostics)
    {
        if (!Equals(slow, other) || !slowDiagnostics.SequenceEqual(otherDiagnostics))
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fastyaml-failure.yaml"), text);
            var expected = (Dump(slow) + string.Join("\n", slowDiagnostics)).Split('\n');
            var actual = (Dump(other) + string.Join("\n", otherDiagnostics)).Split('\n');
            var first = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i]);
            Assert.Fail($"{who} read this differently from YamlDotNet:\n{Escape(text.Length > 2000 ? text.Substring(0, 2000) + "..." : text)}\n--- first difference, line {first + 1} of the dump:\nYamlDotNet: {expected.ElementAtOrDefault(first)}\nother:      {actual.ElementAtOrDefault(first)}\n--- YamlDotNet:\n{string.Join("\n", expected.Take(first + 3))}");
        }
    }

    [Fact]
    public void Every_seed_file_is_read_by_the_fast_path_exactly_as_by_YamlDotNet()
    {
        var files = GeneratorHarness.SeedFiles().Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count >= 15, "the seed YAML files were not found");
        foreach (var (path, text) in files)
        {
            Assert.True(Agrees(text, out var at), $"the fast path gave up on {path} at {at}");
        }
    }

    [Theory]
    [InlineData(CorpusStyle.Plain)]
    [InlineData(CorpusStyle.Mixed)]
    public void The_synthetic_corpus_is_read_by_the_fast_path_exactly_as_by_YamlDotNet(CorpusStyle style)
    {
        var corpus = SyntheticCorpus.Generate(2_000, fileCount: 20, style: style);
        foreach (var file in corpus.YamlFiles)
        {
            Assert.True(Agrees(file.Text, out var at), $"the fast path gave up on {file.Path} at {at}");
            Assert.True(Agrees(file.Text.Replace("\n", "\r\n", StringComparison.Ordinal)), $"the fast path gave up on {file.Path} with CR LF");
        }
    }

    [Theory]
    [InlineData("a: b")]
    [InlineData("a: b\n")]
    [InlineData("a: b\n\n\n")]
    [InlineData("a: b\n# end\n")]
    [InlineData("a: b\n  # indented comment\nc: d\n")]
    [InlineData("# lead\n\na: b # trailing\nc:   d   \n")]
    [InlineData("a:\nb: c\n")]
    [InlineData("a:\n")]
    [InlineData("a:")]
    [InlineData("a: # nothing\nb: 1\n")]
    [InlineData("a:\n  b:\n    c: d\n  e: f\ng: h\n")]
    [InlineData("a:\n  - x\n  - y\nb: z\n")]
    [InlineData("a:\n  - x\n  - y\n")]
    [InlineData("a:\n  - id: x\n    n: 1\n\n  - id: y\n    n: 2\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("- a: 1\n  b: 2\n- c: 3\n")]
    [InlineData("a: [x, y z, 'q', \"r\"]\n")]
    [InlineData("a: []\nb: {}\n")]
    [InlineData("a: [ x ,y ]\n")]
    [InlineData("a: { value: 24, unit: hours per day }\n")]
    [InlineData("a: {value: 1,unit: x}\n")]
    [InlineData("a: 'it''s'\nb: ''\nc: ''''\n")]
    [InlineData("a: \"x\\\"y\\\\z\\n\\t\\u00e9\\/\"\nb: \"\"\n")]
    [InlineData("a: -1\nb: -x\nc: ?x\nd: :x\ne: x:y\nf: x#y\ng: a, b [c] {d}\n")]
    [InlineData("a: 10:30\nb: http://example.com/a#b\n")]
    [InlineData("a: null\nb: ~\nc: true\nd: 2025-10-15\ne: 1.5\n")]
    [InlineData("a: Syria’s ‘new’ era — “quoted”\nb: é\nc: 😀 x\nd: '😀'\n")]
    [InlineData("key with spaces: v\n")]
    [InlineData("a: b\r\nc:\r\n  - d\r\n  - e: f\r\n    g: h\r\n")]
    [InlineData("a: b\r\n")]
    [InlineData("a: b\n---\n")]
    [InlineData("a: b\n...\n")]
    [InlineData("%YAML 1.2\n---\na: b\n")]
    [InlineData("a: &x b\nc: *x\n")]
    [InlineData("a: !!str b\n")]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: >\n  text\n")]
    [InlineData("a: >-\n  one\n  two\n\n  three\nb: c\n")]
    [InlineData("a: |-\n  one\n  two\n\n\n  three\n\n# c\nb: c\n")]
    [InlineData("a: |\n  one\n  two\n\n")]
    [InlineData("a: >\n  one\n  two")]
    [InlineData("a: >\n\n  one\n")]
    [InlineData("a: >\n  one\n    more\n  two\n")]
    [InlineData("a: |+\n  one\n")]
    [InlineData("a: |2\n  one\n")]
    [InlineData("a: > # c\n  one\n")]
    [InlineData("a: >\nb: c\n")]
    [InlineData("a: |\r\n      \r\n\r\n   two words\r\nb: c\n")]
    [InlineData("a: |\n  \n  x\n")]
    [InlineData("a: b\n:c: d\n")]
    [InlineData("?a: b\n")]
    [InlineData("é *nd: Participation\ndocument: x\n")]
    [InlineData("a *b: c\nd: e\n")]
    [InlineData("x: y\na *b: c\nd: e\n")]
    [InlineData("a:\n  b: [c]\n  :d: e\n")]
    [InlineData("a:\n  b: 'c'\n  :d: e\n")]
    [InlineData("a:\n  b: c\n  :d: e\n")]
    [InlineData("x:\n  a *b: c\n  d: e\n")]
    [InlineData("x:\n  y: z\n  a *b: c\n  d: e\n")]
    [InlineData("- a *b: c\n  d: e\n")]
    [InlineData("- y: z\n  a *b: c\n  d: e\n")]
    [InlineData("a &b: c\nd: e\n")]
    [InlineData("a !b: c\nd: e\n")]
    [InlineData("a: b *c\nd: e\n")]
    [InlineData("a: b &c\nd: e\n")]
    [InlineData("a: b !c\nd: e\n")]
    [InlineData("a: b |c\nd: e\n")]
    [InlineData("a: b %c @d `e\nf: g\n")]
    [InlineData("- b *c\n- d\n")]
    [InlineData("a: [b *c, d &e]\n")]
    [InlineData("a: { k: b *c }\n")]
    [InlineData("a:\n  b: >-\n    x\n    y\n  c: d\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("a: 'b\n  c'\n")]
    [InlineData("a: [b,\n  c]\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:\n- b\n")]
    [InlineData("  a: b\n")]
    [InlineData("a: b\n a: c\n")]
    [InlineData("a: b\na: c\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\rc: d\n")]
    [InlineData("? a\n: b\n")]
    [InlineData("'a': b\n")]
    [InlineData("a: [b, [c]]\n")]
    [InlineData("a: [b,]\n")]
    [InlineData("a: [b, , c]\n")]
    [InlineData("a: \"\\x41\"\n")]
    [InlineData("a: \"\\ud83d\\ude00\"\n")]
    [InlineData("-\n  a: b\n")]
    [InlineData("- - a\n")]
    [InlineData("[a, b]\n")]
    [InlineData("scalar\n")]
    [InlineData("")]
    [InlineData("\n\n# only a comment\n")]
    [InlineData("a: 'b'c\n")]
    [InlineData("a: 'b' # c\n")]
    [InlineData("a: [b] c\n")]
    [InlineData("a : b\n")]
    [InlineData("a: b #c: d\n")]
    [InlineData("a: - b\n")]
    [InlineData("a: @b\n")]
    [InlineData("a: `b\n")]
    [InlineData("a: 'b\n  c'\nd: e\n")]
    [InlineData("a: 'b  \n\n   \n  c  '\n")]
    [InlineData("a: '\n  b'\n")]
    [InlineData("a: 'b\n  '\n")]
    [InlineData("a: 'b\nc'\n")]
    [InlineData("a: 'b\n c'\n")]
    [InlineData("a:\n  b: 'c\n  d'\n")]
    [InlineData("a:\n  b: 'c\n   d'\n")]
    [InlineData("a: 'it''s\n  ''x'''\n")]
    [InlineData("a: \"b\n  c\"\n")]
    [InlineData("a: \"b\\n\n  c\\t \n  d\"\n")]
    [InlineData("a: \"b\\\n  c\"\n")]
    [InlineData("a: \"b \\\n  c\"\n")]
    [InlineData("a: \"b\n\n\n  c\"   # comment\nd: e\n")]
    [InlineData("a: \"b\n---\n c\"\n")]
    [InlineData("a: \"b\n  c\": d\n")]
    [InlineData("a: \"b\n  c\" d\n")]
    [InlineData("a: \"b\r\n  c\"\r\n")]
    [InlineData("a: \"b\n  c")]
    [InlineData("- 'a\n  b'\n- \"c\n d\"\n")]
    [InlineData("- 'a\n b'\n")]
    [InlineData("- 'a\nb'\n")]
    [InlineData("a: [ 'b\n  c' ]\n")]
    [InlineData("a: { k: \"b\n  c\" }\n")]
    [InlineData("- >-\n  a\n  b\n- |\n  c\n- d\n")]
    [InlineData("- |-\n a\n")]
    [InlineData("- |-\na\n")]
    [InlineData("a:\n  - >\n    b\n\n    c\n  - e\n")]
    [InlineData("a:\n  - >\n   b\n")]
    [InlineData("a:\n  - >\n  b\n")]
    [InlineData("- id: x\n  ev:\n    # c\n    - >-\n      q\n      r\n    # d\n    - s\n")]
    [InlineData("a: b\n  c\n  d\ne: f\n")]
    [InlineData("a: b  \n\n  c  \n\n\n  d\n")]
    [InlineData("a: b\n c\n")]
    [InlineData("a: b\nc\n")]
    [InlineData("a: b # x\n  c\n")]
    [InlineData("a: b\n  # x\n  c\n")]
    [InlineData("a: b\n  c: d\n")]
    [InlineData("a: b\n  - c\n")]
    [InlineData("a: b\n  -c\n")]
    [InlineData("a: b\n  c # x\nd: e\n")]
    [InlineData("a: b\n  'c'\n")]
    [InlineData("a: b\n  [c]\n")]
    [InlineData("a: b\n  c]\n")]
    [InlineData("a: b\n  &c\n")]
    [InlineData("a: b\n  c\n---\n")]
    [InlineData("- a\n  b\n- c\n")]
    [InlineData("- a\n b\n")]
    [InlineData("- id: x\n  n: a\n   b\n  m: c\n")]
    [InlineData("- id: x\n  n: a\n  b\n")]
    [InlineData("a: b\r\n  c\r\n")]
    [InlineData("a: b\n  c")]
    [InlineData("a:\n  b\n  c\n")]
    [InlineData("a: [b,\n  c]\nd: e\n")]
    [InlineData("a: [\n  b,\n  c\n]\n")]
    [InlineData("a: [\n  b,\n  c\n  ]\n")]
    [InlineData("a: [b\n  , c]\n")]
    [InlineData("a: [b, # one\n  # two\n\n  c]   # three\n")]
    [InlineData("a: [b,\n# c\n  d]\n")]
    [InlineData("a: [b,\nc]\n")]
    [InlineData("a: [b,\n---\n  c]\n")]
    [InlineData("a: { amount: 1,\n  currency: USD }\n")]
    [InlineData("a: { amount:\n    1, currency: USD }\n")]
    [InlineData("a: { amount\n  : 1 }\n")]
    [InlineData("a: {\n  k: v,\n  l: 'w' }\n")]
    [InlineData("- [a,\n  b]\n- {c: d,\n   e: f}\n")]
    [InlineData("- [a,\n b]\n")]
    [InlineData("- [a,\nb]\n")]
    [InlineData("a:\n  b: [c,\n    d]\n  e: f\n")]
    [InlineData("a:\n  b: [c,\n  d]\n")]
    [InlineData("a: [b,\r\n  c]\r\n")]
    [InlineData("a: [b,\n  c")]
    [InlineData("a: [b c,\n  d e]\n")]
    [InlineData("a: [b\n  c]\n")]
    [InlineData("a: [b #c, d]\n")]
    [InlineData("a: ['b\n  c']\n")]
    [InlineData("---\na: b\n")]
    [InlineData("# c\n\n--- # start\na: b\n")]
    [InlineData("---\n")]
    [InlineData("---\n# c\n")]
    [InlineData("--- a: b\n")]
    [InlineData("---\na: b\n---\nc: d\n")]
    [InlineData("---\na: b\n...\n")]
    [InlineData("a: b *c\nd: 'e &f'\n")]
    [InlineData("a: 'x\n  *y'\n")]
    [InlineData("- *a\n")]
    [InlineData("a: [b, *c]\n")]
    [InlineData("a: !t b\n")]
    [InlineData("a: & b\n")]
    [InlineData("a:\n- b\n- c\nd: e\n")]
    [InlineData("a:\n- b")]
    [InlineData("a:\n- b\n\n")]
    [InlineData("a:\n- b\n  ")]
    [InlineData("a:\n- id: x\n  n: 1\n- id: y\nb: c\n")]
    [InlineData("a:\n  b:\n  - x\n  - y\n  c: d\ne: f\n")]
    [InlineData("a:\n  b:\n  - x\n")]
    [InlineData("- a:\n  - x\n  b: y\n- c\n")]
    [InlineData("a:\n- >-\n  x\n  y\n- 'q\n  r'\n- [s, t]\n- {u: v}\nb: c\n")]
    [InlineData("a:\n# c\n- b\n\n- c\n  # d\nb: e\n")]
    [InlineData("a:\n- b\n  c\n")]
    [InlineData("a:\n- b\nc\n")]
    [InlineData("a:\n- b\n - c\n")]
    [InlineData("a:\n- b\n-c\n")]
    [InlineData("a:\n- b\na: c\n")]
    [InlineData("a:\n- b\n---\n")]
    [InlineData("a:\r\n- b\r\n- c: d\r\n  e: f\r\nb: c\r\n")]
    [InlineData("a:\n-\n  b\n")]
    [InlineData("a:\n- - b\n")]
    [InlineData("a:\n- b\n  - c\n")]
    [InlineData("a:\n  - b\n- c\n")]
    [InlineData("a:\n- b:\n  - c:\n    - d\n")]
    [InlineData("a:\n- b\nc:\n- d\n")]
    [InlineData("a:\n- |\n  x\n- >\n x\n")]
    [InlineData("a:\n- |\n x\n")]
    [InlineData("a:\n- |\nx\n")]
    [InlineData("a:\n- 'b\nc'\n")]
    [InlineData("a:\n- 'b\n c'\n")]
    [InlineData("a:\n- [b,\n c]\n")]
    [InlineData("a:\n- [b,\nc]\n")]
    [InlineData("a:\n- b\n  c: d\n")]
    [InlineData("a:\n- b: c\n d: e\n")]
    [InlineData("a:\n- b # c\n# d\n- e\n")]
    [InlineData("a:\n  - b\n  c:\n  - d\n")]
    [InlineData("a: # c\n  b: d\n")]
    [InlineData("a: # c\n- b\n")]
    [InlineData("a: # c\nb: d\n")]
    [InlineData("a:  #c\n")]
    [InlineData("a: # c")]
    [InlineData("a: # c\n  - b\n")]
    [InlineData("- a: # c\n    b: d\n")]
    [InlineData("a: # c\n  b\n")]
    [InlineData("a:# c\n")]
    public void Where_the_fast_path_reads_a_text_it_reads_it_as_YamlDotNet_does(string text)
    {
        Agrees(text);
    }

    [Theory]
    [InlineData("a: b")]
    [InlineData("a: b\n\n\n")]
    [InlineData("a:\n")]
    [InlineData("a:")]
    [InlineData("a:\n  - id: x\n    n: 1\n\n  - id: y\n    n: 2\n")]
    [InlineData("a: [x, y z, 'q', \"r\"]\n")]
    [InlineData("a: { value: 24, unit: hours per day }\n")]
    [InlineData("a: 'it''s'\nb: ''\n")]
    [InlineData("a: b\r\nc:\r\n  - d\r\n  - e: f\r\n    g: h\r\n")]
    [InlineData("a: Syria’s ‘new’ era — “quoted”\nb: é\nc: 😀 x\n")]
    [InlineData("a: b\na: c\n")]
    [InlineData("a: >-\n  one\n  two\n\n  three\nb: c\n")]
    [InlineData("a: |\n  one\n  two\n")]
    [InlineData("a: 'one\n  two'\nb: \"three\n  four\"\n")]
    [InlineData("a: one\n  two\n")]
    [InlineData("a:\n  - >-\n    one\n    two\n  # c\n  - |\n    three\n  - 'four\n    five'\n")]
    [InlineData("a: { amount: 1, currency: USD }\n")]
    [InlineData("a: { value: 500000, unit: people,\n     qualifier: more-than }\n")]
    [InlineData("a: [\n  b,\n  c\n  ]\n")]
    [InlineData("---\nkind: Leader\nfacts:\n  - id: x\n")]
    [InlineData("a: Smith & Wesson, AT&T, R&D *x\n")]
    [InlineData("a:\n- b\n- c\nd: e\n")]
    [InlineData("a:\n- id: x\n  n: 1\n- id: y\nb: c\n")]
    [InlineData("a:\n  b:\n  - x\n  - y\n  c: d\ne: f\n")]
    [InlineData("kind: Leader\nfacts:\n- id: x\n  evidence:\n  - quote: >-\n      one\n      two\n  - quote: 'three'\n")]
    [InlineData("a:\r\n- b\r\n- c: d\r\n  e: f\r\nb: c\r\n")]
    [InlineData("a: # c\n  b: d\n")]
    [InlineData("facts: # all of them\n- id: x\n")]
    [InlineData("a: # c\nb: d\n")]
    [InlineData("a: [b, c]\nd: {e: f}\n")]
    [InlineData("a: {'b': 1, \"c\": 2}\n")]
    [InlineData("a: \"x \\u00e9 \\\" \\\\ y\"\n")]
    [InlineData("a: he said, \"no\", then [1], [2] and {x}\n")]
    [InlineData("a: |\n  | table | x |\n  > quote\n  - item\n")]
    [InlineData("a: x - y, & z\n# 'c': d\n")]
    public void The_fast_path_reads_the_common_forms(string text)
    {
        Assert.True(Agrees(text, out var at), $"the fast path gave up at {at}");
    }

    [Theory]
    [InlineData("a: |+\n  text\n")]
    [InlineData("a: &x b\nc: *x\n")]
    [InlineData("a: b\n  c: d\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b\n---\n")]
    public void The_fast_path_leaves_other_YAML_and_every_error_to_YamlDotNet(string text)
    {
        Assert.False(Agrees(text), "the fast path read a text it must leave to YamlDotNet");
    }

    /// <summary>
    /// A file the fast path cannot read costs one YamlDotNet read, not a fast read first: for these the pre-scan
    /// gives up at the construct (500 lines into the file), before a node is read; YamlDotNet reads the file.
    /// </summary>
    [Theory]
    [InlineData("c: *x\n", 3)]
    [InlineData("c: &x d\n", 3)]
    [InlineData("c: !!str d\n", 3)]
    [InlineData("c:\n  - *x\n", 7)]
    [InlineData("c: [d, *x]\n", 7)]
    [InlineData("c:\td\n", 2)]
    [InlineData("c: |+\n  d\n", 3)]
    [InlineData("c: >2\n  d\n", 3)]
    [InlineData("c: |-2\n  d\n", 3)]
    [InlineData("c: > # e\n  d\n", 3)]
    [InlineData("c:\n  - |+\n    d\n", 7)]
    [InlineData("? c\n: d\n", 0)]
    [InlineData("c:\n  ? d\n  : e\n", 5)]
    [InlineData("'c': d\n", 3)]
    [InlineData("\"c\": d\n", 3)]
    [InlineData("- 'c': d\n", 5)]
    [InlineData("c: \"d\\x41\"\n", 5)]
    [InlineData("c: \"d\\U0001F600\"\n", 5)]
    [InlineData("c: \"d\\ud83d\\ude00\"\n", 5)]
    [InlineData("c: \"d\\\n  e\"\n", 5)]
    [InlineData("c: [d, [e]]\n", 7)]
    [InlineData("c: [d, {e: f}]\n", 7)]
    [InlineData("c: {d: [e]}\n", 7)]
    [InlineData("c: [d,]\n", 6)]
    [InlineData("c: [d, , e]\n", 7)]
    [InlineData("c: [, d]\n", 4)]
    [InlineData("---\nc: d\n", 0)]
    [InlineData("...\n", 0)]
    [InlineData("%YAML 1.2\n", 0)]
    [InlineData("c: d\r", 4)]
    [InlineData("c: d\u2028e\n", 4)]
    public void The_pre_scan_leaves_these_to_YamlDotNet_before_anything_is_read(string tail, int at)
    {
        var head = string.Concat(Enumerable.Range(0, 500).Select(i => $"k{i}: value {i}\n"));
        GivesUpBeforeReading(head + tail, head.Length + at);
    }

    [Theory]
    [InlineData("--- c: d\n", 0)]
    [InlineData("---\n---\nc: d\n", 4)]
    [InlineData("# x\n---\n# y\nc: d\n---\n", 17)]
    [InlineData("c: d\n... # end\n", 5)]
    [InlineData("%TAG ! tag:x,2025:\n---\nc: d\n", 0)]
    public void The_pre_scan_leaves_documents_and_directives_to_YamlDotNet(string text, int at) =>
        GivesUpBeforeReading(text, at);

    private static void GivesUpBeforeReading(string text, int at)
    {
        Assert.Equal(at, FastYamlScanner.Prescan(text));
        var builder = new TreeBuilder(Path, 0, new List<DiagnosticInfo>());
        Assert.False(FastYamlScanner.TryRead(text, builder, CancellationToken.None, out var stoppedAt));
        Assert.Equal(at, stoppedAt);
        Assert.Equal(0, builder.Nodes);
    }

    /// <summary>
    /// Where the fast path gives up part way, YamlDotNet reads only the rest, from the line of the last entry or
    /// item the fast path began in the innermost collection: the tree and diagnostics are those of a whole
    /// YamlDotNet read, and the fast path's reading up to that line is kept.
    /// </summary>
    [Theory]
    [InlineData("zz: |\n  a\n    b\n", "zz: |")]
    [InlineData("zz:\n  - id: x\n    n: |\n      a\n        b\n    m: c\n  - d\nyy: e\n", "    n: |")]
    [InlineData("zz:\n- id: x\n  n: a\n  key(1): b\n", "  key(1): b")]
    [InlineData("zz:\n  - a\n  -\n    b: c\n", "  -\n")]
    [InlineData("zz:\n  - - a\n", "zz:")]
    [InlineData("zz:\n  - a\n  - - b\n", "  - - b")]
    [InlineData("zz:\n  y: a\n  a *b: c\n  d: e\n", "  a *b")]
    [InlineData("zz:\n- y: a\n  a *b: c\n  d: e\n", "  a *b")]
    [InlineData("a *b: c\nd: e\n", "a *b")]
    [InlineData("zz: |\n  a\n    b\nk1: again\n", "zz: |")]
    [InlineData("zz: a\n  b: c\n", "zz: a")]
    [InlineData("zz: 'a' b\n", "zz: 'a'")]
    [InlineData("zz:\n  - id: x\n    n: a\n     b: c\n", "    n: a")]
    [InlineData("zz:\n  - id: x\n    n: [a,\n  b]\n", "    n: [a")]
    [InlineData("zz: |\n  a\n    b\nk1: again\nk2: a: b\n", "zz: |")]
    public void Where_the_fast_path_gives_up_YamlDotNet_reads_the_rest(string tail, string resumedAt)
    {
        // The rest's tree, or its first error, as a whole YamlDotNet read gives them.
        var head = string.Concat(Enumerable.Range(0, 500).Select(i => $"k{i}: value {i}\n"));
        var text = head + tail;
        var diagnostics = new List<DiagnosticInfo>();
        var builder = new TreeBuilder(Path, 0, diagnostics);
        Assert.False(FastYamlScanner.TryRead(text, builder, CancellationToken.None, out _, out var resume));
        Assert.Equal(head.Length + tail.IndexOf(resumedAt, StringComparison.Ordinal), resume.LineStart);
        Assert.True(YamlReader.ReadRest(Path, 0, text, builder, diagnostics, resume, CancellationToken.None));
        var slowDiagnostics = new List<DiagnosticInfo>();
        var slow = YamlReader.ReadWithYamlDotNet(Path, 0, text, slowDiagnostics, CancellationToken.None);
        Same(text, "The fast path and YamlDotNet for the rest", slow, slowDiagnostics, builder.Root, diagnostics);
        Agrees(text);
    }

    /// <summary>Seed files with random edits (characters inserted, deleted, lines re-indented): wherever the fast path reads one, YamlDotNet agrees.</summary>
    [Fact]
    public void Edited_seed_files_are_read_as_YamlDotNet_reads_them()
    {
        var files = GeneratorHarness.SeedFiles().Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal)).Select(f => f.Text).ToArray();
        string[] inserts = [" ", "  ", "\n", "\r\n", ":", ": ", "- ", "#", " #", "'", "''", "\"", "\\", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "?", "%", "@", "`", "\t", "😀", "é", "---\n", "x", "\n  ", "\n    - ", "\n\n"];
        var edit = Gen.Select(Gen.Double[0, 1], Gen.Int[0, inserts.Length - 1], Gen.Int[0, 3]);
        var gen = Gen.Select(Gen.Int[0, files.Length - 1], edit.Array[1, 3]);
        var read = 0;
        var cases = 0;
        gen.Sample((file, edits) =>
        {
            var text = files[file];
            foreach (var (where, insert, delete) in edits)
            {
                var at = (int)(where * text.Length);
                var remove = Math.Min(delete, text.Length - at);
                text = text.Substring(0, at) + inserts[insert] + text.Substring(at + remove);
            }

            cases++;
            if (Agrees(text))
            {
                read++;
            }
        }, iter: s_iterations > 0 ? s_iterations : 1_500, threads: 1, print: x => $"file {x.Item1} with {string.Join("; ", x.Item2)}");
        Assert.True(read * 10 > cases, $"the fast path read only {read} of {cases} texts");
    }

    private static string Escape(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Dump(RawNode? node)
    {
        var builder = new System.Text.StringBuilder();
        Write(node, 0);
        return builder.ToString();

        void Write(RawNode? n, int depth)
        {
            var pad = new string(' ', depth * 2);
            switch (n)
            {
                case null:
                    builder.Append(pad).Append("(none)\n");
                    break;
                case RawScalar s:
                    builder.Append(pad).Append(s.IsPlain ? "plain " : "quoted ").Append('"').Append(Escape(s.Value)).Append("\" ").Append(Where(s.Location)).Append('\n');
                    break;
                case RawSequence q:
                    builder.Append(pad).Append("seq ").Append(Where(q.Location)).Append('\n');
                    foreach (var item in q.Items)
                    {
                        Write(item, depth + 1);
                    }

                    break;
                case RawMapping m:
                    builder.Append(pad).Append("map ").Append(Where(m.Location)).Append('\n');
                    foreach (var entry in m.Entries)
                    {
                        builder.Append(pad).Append("  key \"").Append(Escape(entry.Key.Value)).Append("\" ").Append(Where(entry.Key.Location)).Append('\n');
                        Write(entry.Value, depth + 2);
                    }

                    break;
            }
        }
    }

    private static string Where(LocationInfo l) => $"[{l.Start}+{l.Length} {l.Line + 1}:{l.Column + 1}-{l.EndLine + 1}:{l.EndColumn + 1}]";
}
