using DomainModel.Generators.Emit;
using DomainModel.Testing;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>The snapshot helper scrubs the version: a version bump changes no snapshot, and nothing else is scrubbed.</summary>
public sealed class SnapshotScrubTests
{
    [Theory]
    [InlineData("1.0.0")]
    [InlineData("2.0.0")]
    [InlineData("10.21.3-beta.1")]
    public void The_generated_code_attribute_reads_the_same_in_every_version(string version)
    {
        var source = $"    [global::System.CodeDom.Compiler.GeneratedCode(\"DomainModel.Generators\", \"{version}\")]\n    public sealed partial record Leader";

        Assert.Equal(
            "    [global::System.CodeDom.Compiler.GeneratedCode(\"DomainModel.Generators\", \"{version}\")]\n    public sealed partial record Leader",
            Snapshot.Scrub(source));
    }

    [Fact]
    public void A_version_elsewhere_is_kept()
    {
        const string source = "// version 1.0.0\nvar v = \"1.0.0\";\n[Obsolete(\"since 1.0.0\")]";

        Assert.Equal(source, Snapshot.Scrub(source));
    }

    [Fact]
    public void The_emitted_attribute_is_scrubbed()
    {
        var emitted = Emitter.GeneratedCodeAttribute;

        Assert.Matches(@"""[0-9]+\.[0-9]+\.[0-9]+""\)\]$", emitted);
        Assert.Equal("[global::System.CodeDom.Compiler.GeneratedCode(\"DomainModel.Generators\", \"{version}\")]", Snapshot.Scrub(emitted));
    }
}
