using System.IO;
using System.Linq;
using Xunit;

namespace DomainModel.PackageTests;

/// <summary>
/// One consumer of the packed DomainModel.Generators and DomainModel.Runtime for netstandard2.0,
/// netstandard2.1 and net8.0 (Assets/MultiTarget): each target builds against its own runtime asset,
/// with the row form the generator chooses for it (string rows for netstandard2.0, UTF-8 rows from
/// .NET Standard 2.1 and .NET Core 3.0), and each build, run by a net10.0 host, reads the same facts.
/// </summary>
[Collection("packages")]
public sealed class MultiTargetTests(PackageFixture fixture)
{
    private static readonly string[] s_facts =
    {
        "Middlemarch 1871 12.50 GBP",
        "源氏物語 | The Tale of Genji ^ ~ } `",
        "The Uji chapters 😀",
        "35 of 70",
        "middlemarch,the-tale-of-genji,uji-chapters",
        "Middlemarch (1871), GBP 12.50",
    };

    [Fact]
    public void Every_target_builds_with_its_row_form_and_reads_the_same_facts()
    {
        var root = Path.Combine(fixture.Root, "MultiTarget");
        fixture.CopyAsset("MultiTarget", root);
        var config = Path.Combine(root, "nuget.config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("FEED", fixture.Feed, System.StringComparison.Ordinal));

        var build = fixture.Run(root, "build", Path.Combine(root, "Facts.Library"), "-c", "Release");
        Assert.True(build.ExitCode == 0, build.Output);
        foreach (var (tfm, utf8) in new[] { ("netstandard2.0", false), ("netstandard2.1", true), ("net8.0", true) })
        {
            var generated = Path.Combine(root, "Facts.Library", "obj", "Release", tfm, "generated", "DomainModel.Generators", "DomainModel.Generators.DomainModelGenerator");
            var rows = File.ReadAllText(Path.Combine(generated, "Book.Rows0.g.cs"));
            var kind = File.ReadAllText(Path.Combine(generated, "Book.g.cs"));
            Assert.Equal(utf8, rows.Contains("private static global::System.ReadOnlySpan<byte> _Rows0 => \"", System.StringComparison.Ordinal));
            Assert.Equal(!utf8, rows.Contains("private const string _Rows0 = \"", System.StringComparison.Ordinal));
            Assert.Contains(utf8 ? "_Create, \"u\", null, _Utf8Rows);" : "_Create, \"s\", _StringRows);", kind, System.StringComparison.Ordinal);

            var output = Path.Combine(root, "out-" + tfm);
            var host = fixture.Run(root, "build", Path.Combine(root, "Host"), "-c", "Release", "-p:LibraryTargetFramework=" + tfm, "-o", output);
            Assert.True(host.ExitCode == 0, host.Output);
            var run = fixture.Run(root, Path.Combine(output, "Host.dll"));
            Assert.True(run.ExitCode == 0, run.Output);
            var lines = run.Output.Replace("\r", string.Empty).Split('\n').Where(l => l.Length > 0).ToArray();
            var framework = tfm == "net8.0" ? ".NETCoreApp,Version=v8.0" : tfm == "netstandard2.1" ? ".NETStandard,Version=v2.1" : ".NETStandard,Version=v2.0";
            Assert.Equal(new[] { framework }.Concat(s_facts), lines);
        }
    }
}
