using System;
using System.IO;
using System.Linq;
using Xunit;

namespace DomainModel.PackageTests;

/// <summary>
/// An incremental <c>dotnet build</c> after a change to the set of AdditionalFiles compiles again, even
/// when the files added are older than the last build's output (a checkout, a copy, a condition that
/// now includes a folder), and when a file is removed: with the package (PackageReference) and with the
/// generator project (ProjectReference, as src/DomainModel uses it).
/// </summary>
[Collection("packages")]
public sealed class IncrementalBuildTests(PackageFixture fixture)
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Package_consumer_rebuilds_when_an_old_file_joins_or_leaves_the_additional_files()
    {
        var project = Path.Combine(fixture.Root, "incremental-consumer");
        fixture.CopySample("Generators.Consumer", project);
        Build(project, expectSuccess: true);

        // The sample's broken input joins through a condition; its files predate the build.
        var broken = Build(project, expectSuccess: false, "-p:BrokenInput=true");
        Assert.Contains("broken.facts.yaml(5,5): error DM0005: Unknown key 'titel'", broken);

        Build(project, expectSuccess: true);
        Assert.Equal("2", LastLine(Run(project)));

        // A facts file copied in with its old time: the glob now matches one more file.
        var extra = Path.Combine(project, "facts", "more.facts.yaml");
        File.WriteAllText(extra, "kind: Book\ndocument: catalogue.txt\nfacts:\n  - id: adam-bede\n    title: Adam Bede\n    evidence: [\"Middlemarch\"]\n");
        File.SetLastWriteTimeUtc(extra, LongAgo);
        Build(project, expectSuccess: true);
        Assert.Equal("3", LastLine(Run(project)));

        File.Delete(extra);
        Build(project, expectSuccess: true);
        Assert.Equal("2", LastLine(Run(project)));
    }

    [Fact]
    public void Project_reference_consumer_rebuilds_when_an_old_file_joins_the_additional_files()
    {
        // The fixture's copy of the repository was packed (built in Release); src/DomainModel is up to date.
        var library = Path.Combine(fixture.Root, "clone", "src", "DomainModel");
        Build(library, expectSuccess: true);
        var bad = Path.Combine(fixture.Root, "clone", "seeds", "facts", "zz-incremental.facts.yaml");
        File.WriteAllText(bad, "kind: Leader\ndocument: 000_6b0556799bcd713d.txt\nfacts:\n  - id: nobody\n    name: Nobody\n    colour: red\n    evidence: [\"Putin\"]\n");
        File.SetLastWriteTimeUtc(bad, LongAgo);
        try
        {
            var output = Build(library, expectSuccess: false);
            Assert.Contains("zz-incremental.facts.yaml(6,5): error DM0005: Unknown key 'colour'", output);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    private string Build(string project, bool expectSuccess, params string[] properties)
    {
        var (exitCode, output) = fixture.Run(project, new[] { "build", "-c", "Release" }.Concat(properties).ToArray());
        Assert.True(expectSuccess == (exitCode == 0), $"dotnet build {string.Join(' ', properties)} in {project} exited with {exitCode}:\n{output}");
        return output;
    }

    private string Run(string project)
    {
        var (exitCode, output) = fixture.Run(project, "bin/Release/net10.0/Generators.Consumer.dll");
        Assert.True(exitCode == 0, output);
        return output;
    }

    private static string LastLine(string output) =>
        output.Replace("\r", string.Empty).Split('\n').Last(l => l.Length > 0);
}
