using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace DomainModel.PackageTests;

/// <summary>
/// Two copies of the working tree in different folders (another path, another path length) pack
/// to byte-identical packages: same DLLs (no absolute path, polyfill types in one order), same PDBs,
/// same zip entries and timestamps.
/// </summary>
[Collection("packages")]
public sealed class ReproducibleBuildTests(PackageFixture fixture)
{
    [Fact]
    public void Packages_from_two_clones_in_different_folders_are_byte_identical()
    {
        var other = Path.Combine(Path.GetTempPath(), "domainmodel-reproducible-" + Guid.NewGuid().ToString("N"));
        try
        {
            var feed = Path.Combine(other, "feed");
            fixture.Pack(fixture.CopyWorkingTree(Path.Combine(other, "a-second-clone-in-a-longer-folder")), feed);
            foreach (var package in PackageFixture.PackageFiles)
            {
                var first = Path.Combine(fixture.Feed, package);
                var second = Path.Combine(feed, package);
                Assert.True(
                    File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)),
                    $"{package} differs between {fixture.Root} and {other}: {Describe(first, second)}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(other, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    /// <summary>Which zip entries differ (content or timestamp), for a failure message one can act on.</summary>
    private static string Describe(string first, string second)
    {
        using var a = ZipFile.OpenRead(first);
        using var b = ZipFile.OpenRead(second);
        var differences = new List<string>();
        var names = a.Entries.Select(e => e.FullName).Union(b.Entries.Select(e => e.FullName)).OrderBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var (x, y) = (a.GetEntry(name), b.GetEntry(name));
            if (x is null || y is null)
            {
                differences.Add($"{name} only in {(x is null ? "the second" : "the first")}");
            }
            else if (!Read(x).AsSpan().SequenceEqual(Read(y)))
            {
                differences.Add($"{name} (content)");
            }
            else if (x.LastWriteTime != y.LastWriteTime)
            {
                differences.Add($"{name} (timestamp {x.LastWriteTime:O} vs {y.LastWriteTime:O})");
            }
        }

        return differences.Count == 0 ? "zip layout only" : string.Join(", ", differences);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
