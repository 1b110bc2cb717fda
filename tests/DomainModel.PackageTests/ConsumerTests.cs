using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace DomainModel.PackageTests;

/// <summary>Real consumers restoring the packed packages from a folder feed, by package.</summary>
[Collection("packages")]
public sealed class ConsumerTests(PackageFixture fixture)
{
    [Fact]
    public void DomainModel_consumer_compiles_and_reads_typed_facts()
    {
        var (exitCode, output) = fixture.Run(Path.Combine(fixture.Root, "DomainModel.Consumer"), "run", "-c", "Release");
        Assert.True(exitCode == 0, output);
        var lines = output.Replace("\r", string.Empty).Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Equal(
            new[] { "Vladimir Putin", "100000000 USD", "Syria", "24", "2025-10-15", "Russian President Vladimir Putin" },
            lines[^6..]);
    }

    [Fact]
    public void DomainModel_consumer_with_a_misspelled_fact_does_not_compile()
    {
        var (exitCode, output) = fixture.Run(Path.Combine(fixture.Root, "DomainModel.Consumer"), "build", "--no-incremental", "-c", "Release", "-p:DefineConstants=MISSPELL", "-o", Path.Combine(fixture.Root, "misspell-out"));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error CS0117: 'Leaders' does not contain a definition for 'VladimirPutn'", output);
    }

    [Fact]
    public void Generators_consumer_builds_its_own_schema()
    {
        var (exitCode, output) = fixture.Run(Path.Combine(fixture.Root, "Generators.Consumer"), "run", "-c", "Release");
        Assert.True(exitCode == 0, output);
        var lines = output.Replace("\r", string.Empty).Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Equal(new[] { "Middlemarch", "1859", "2" }, lines[^3..]);
    }

    /// <summary>
    /// An app with the DomainModel package and its own corpus (samples/TwoCorpora.Consumer): one method
    /// takes facts of both, through the one runtime's IFact, Provenance, Money and FactDate.
    /// </summary>
    [Fact]
    public void Two_corpora_consumer_uses_one_runtime_for_both()
    {
        var (exitCode, output) = fixture.Run(Path.Combine(fixture.Root, "TwoCorpora.Consumer"), "run", "-c", "Release");
        Assert.True(exitCode == 0, output);
        var lines = output.Replace("\r", string.Empty).Split('\n').Where(l => l.Length > 0).ToArray();
        Assert.Equal(
            new[]
            {
                "hmeimim-lease: 100000000 USD on 2025-10-15 \u201Cthe Hmeimim base, which Al-Sharaa pledged to lease long-term for $100 million annually\u201D (000_6b0556799bcd713d.txt)",
                "lighthouse-restoration: 250000 EUR on 2024-03 \u201CIn March 2024 the trust granted EUR 250,000 for the restoration of the lighthouse\u201D (annual-note.txt)",
                "vladimir-putin, lighthouse-restoration",
                "True",
                "DomainModel.Runtime",
                "15",
            },
            lines[^6..]);
    }

    [Fact]
    public void Generators_consumer_with_a_misspelled_fact_does_not_compile()
    {
        var (exitCode, output) = fixture.Run(Path.Combine(fixture.Root, "Generators.Consumer"), "build", "--no-incremental", "-c", "Release", "-p:DefineConstants=MISSPELL", "-o", Path.Combine(fixture.Root, "gen-misspell-out"));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error CS0117: 'Books' does not contain a definition for 'Midlemarch'", output);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("-p:DomainModelCompilerServerCache=false", false)]
    public void Generators_consumer_asks_the_compiler_server_to_keep_the_generator_pipeline(string property, bool cached)
    {
        var arguments = new List<string> { "msbuild", "-getProperty:Features" };
        if (property.Length > 0)
        {
            arguments.Add(property);
        }

        var (exitCode, output) = fixture.Run(Path.Combine(fixture.Root, "Generators.Consumer"), arguments.ToArray());
        Assert.Equal(0, exitCode);
        var features = output.Trim().Split(';', System.StringSplitOptions.RemoveEmptyEntries | System.StringSplitOptions.TrimEntries);
        Assert.Equal(cached, features.Contains("enable-generator-cache"));
    }

    [Fact]
    public void Generators_consumer_reports_bad_yaml_at_its_line_and_column()
    {
        var (exitCode, output) = fixture.Run(Path.Combine(fixture.Root, "Generators.Consumer"), "build", "--no-incremental", "-c", "Release", "-p:BrokenInput=true", "-o", Path.Combine(fixture.Root, "broken-out"));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("broken.facts.yaml(5,5): error DM0005: Unknown key 'titel' in Book 'unknown-book'. Did you mean 'title'?", output);
        // 'titel' is a likely rename of the required 'title': one diagnostic, not also DM0006.
        Assert.DoesNotContain("error DM0006", output);
        Assert.DoesNotContain("CS8785", output);
    }

    [Fact]
    public void Generator_package_ships_the_analyzer_with_yamldotnet_and_depends_only_on_the_runtime()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(fixture.Feed, "DomainModel.Generators.1.0.0.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/DomainModel.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("build/DomainModel.Generators.props", entries);
        Assert.Contains("build/DomainModel.Generators.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal));
        var nuspec = Nuspec(zip);

        // Not a development dependency: NuGet would then keep the runtime's compile assets from a consumer that adds it with `dotnet add package`.
        Assert.Null(Element(nuspec, "developmentDependency"));
        Assert.Equal(new[] { "DomainModel.Runtime 1.0.0" }, Dependencies(nuspec));
    }

    [Fact]
    public void Library_package_has_docs_readme_license_repository_and_depends_only_on_the_runtime()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(fixture.Feed, "DomainModel.1.0.0.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net8.0/DomainModel.dll", entries);
        Assert.Contains("lib/net8.0/DomainModel.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.Contains("YamlDotNet", System.StringComparison.OrdinalIgnoreCase) || e.StartsWith("analyzers/", System.StringComparison.Ordinal));
        var nuspec = Nuspec(zip);
        Assert.Equal("MIT", Element(nuspec, "license"));
        Assert.NotNull(nuspec.Descendants().SingleOrDefault(e => e.Name.LocalName == "repository"));
        Assert.Equal(new[] { "DomainModel.Runtime 1.0.0" }, Dependencies(nuspec));
        Assert.True(File.Exists(Path.Combine(fixture.Feed, "DomainModel.1.0.0.snupkg")), "symbols package");
    }

    [Fact]
    public void Runtime_package_has_every_target_framework_with_docs_and_no_dependencies()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(fixture.Feed, "DomainModel.Runtime.1.0.0.nupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var framework in new[] { "netstandard2.0", "netstandard2.1", "net8.0" })
        {
            Assert.Contains($"lib/{framework}/DomainModel.Runtime.dll", entries);
            Assert.Contains($"lib/{framework}/DomainModel.Runtime.xml", entries);
        }

        Assert.Contains("README.md", entries);
        var nuspec = Nuspec(zip);
        Assert.Equal("MIT", Element(nuspec, "license"));
        Assert.Empty(Dependencies(nuspec));
        Assert.True(File.Exists(Path.Combine(fixture.Feed, "DomainModel.Runtime.1.0.0.snupkg")), "symbols package");
    }

    private static string[] Dependencies(XDocument nuspec) => nuspec.Descendants()
        .Where(e => e.Name.LocalName == "dependency")
        .Select(e => e.Attribute("id")!.Value + " " + e.Attribute("version")!.Value)
        .Distinct()
        .ToArray();

    private static XDocument Nuspec(ZipArchive zip)
    {
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string? Element(XDocument doc, string name) =>
        doc.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
