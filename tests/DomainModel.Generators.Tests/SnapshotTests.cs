using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using DomainModel.Testing;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Every generated source of the seed corpus is pinned as a reviewed snapshot
/// (Snapshots/SnapshotTests.{hint name}.verified.cs), and so is the set of hint names.
/// </summary>
public class SnapshotTests
{
    private static readonly Lazy<GeneratorRun> s_seed = new(() => GeneratorHarness.Run(GeneratorHarness.SeedFiles()));

    public static TheoryData<string> HintNames()
    {
        var data = new TheoryData<string>();
        foreach (var hint in s_seed.Value.Sources.Keys.OrderBy(h => h, StringComparer.Ordinal))
        {
            data.Add(hint);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_source_matches_snapshot(string hintName)
    {
        var run = s_seed.Value;
        Assert.Empty(run.DiagnosticLines);
        Snapshot.Verify(run.Sources[hintName], SnapshotName(hintName), "cs");
    }

    [Fact]
    public void Set_of_generated_hint_names_matches_snapshot()
    {
        var hints = s_seed.Value.Sources.Keys.OrderBy(h => h, StringComparer.Ordinal);
        Snapshot.Verify(string.Join("\n", hints) + "\n", "HintNames", "txt");
    }

    [Fact]
    public void Every_verified_source_snapshot_belongs_to_a_generated_file()
    {
        // A kind removed from the seeds must not leave its old snapshot behind, passing vacuously.
        var expected = s_seed.Value.Sources.Keys.Select(h => $"SnapshotTests.{SnapshotName(h)}.verified.cs").ToHashSet(StringComparer.Ordinal);
        var onDisk = Directory.EnumerateFiles(SnapshotDirectory(), "SnapshotTests.*.verified.cs").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(onDisk);
        Assert.DoesNotContain(onDisk, f => !expected.Contains(f!));
    }

    [Fact]
    public void One_word_change_to_a_seed_fact_fails_the_snapshot_comparison()
    {
        var files = GeneratorHarness.SeedFiles()
            .Select(f => f.Path.EndsWith("/leaders.facts.yaml", StringComparison.Ordinal)
                ? (f.Path, Replace(f.Text, "name: Vladimir Putin\n", "name: Vladimir Poutine\n"))
                : f)
            .ToList();
        var edited = GeneratorHarness.Run(files);
        Assert.Empty(edited.DiagnosticLines);

        var changed = new List<string>();
        foreach (var (hint, source) in edited.Sources)
        {
            var verified = File.ReadAllText(VerifiedPath(hint)).Replace("\r\n", "\n");
            if (verified != Snapshot.Scrub(source))
            {
                changed.Add(hint);
            }
        }

        // Only the file with the edited fact's rows (and its named property) differs from its accepted snapshot...
        Assert.Equal(new[] { "Leader.Rows0.g.cs" }, changed);

        // ...and the diff the snapshot helper would print shows the change itself.
        var diff = Snapshot.Diff(File.ReadAllText(VerifiedPath("Leader.Rows0.g.cs")).Replace("\r\n", "\n"), Snapshot.Scrub(edited.Sources["Leader.Rows0.g.cs"]));
        var lines = diff.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains("Vladimir Putin", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("+ ", StringComparison.Ordinal) && l.Contains("Vladimir Poutine", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => (l.StartsWith("- ", StringComparison.Ordinal) || l.StartsWith("+ ", StringComparison.Ordinal))
            && !l.Contains("Vladimir Pu", StringComparison.Ordinal) && !l.Contains("Vladimir Po", StringComparison.Ordinal));
    }

    internal static string SnapshotName(string hintName) =>
        hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 3) : hintName;

    private static string VerifiedPath(string hintName) =>
        Path.Combine(SnapshotDirectory(), $"SnapshotTests.{SnapshotName(hintName)}.verified.cs");

    private static string SnapshotDirectory([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "Snapshots");

    private static string Replace(string text, string from, string to)
    {
        text = text.Replace("\r\n", "\n");
        Assert.Contains(from, text);
        return text.Replace(from, to);
    }
}
