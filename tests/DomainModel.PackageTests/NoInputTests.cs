using System.IO;
using Xunit;

namespace DomainModel.PackageTests;

/// <summary>A package consumer that forgot its AdditionalFiles, or misnamed a YAML file, is told so by the generator.</summary>
[Collection("packages")]
public sealed class NoInputTests(PackageFixture fixture)
{
    [Fact]
    public void A_consumer_without_schema_files_gets_DM0031_and_a_misnamed_file_DM0030()
    {
        var project = Path.Combine(fixture.Root, "no-input-consumer");
        fixture.CopySample("Generators.Consumer", project);
        var csproj = Path.Combine(project, "Generators.Consumer.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(
            "<AdditionalFiles Include=\"facts/*.schema.yaml;facts/*.facts.yaml;facts/*.txt\" />",
            "<AdditionalFiles Include=\"facts/grants.yaml\" />"));
        File.Copy(Path.Combine(project, "facts", "books.facts.yaml"), Path.Combine(project, "facts", "grants.yaml"));

        var (exitCode, output) = fixture.Run(project, "build", "-c", "Release", "-p:TreatWarningsAsErrors=false");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("warning DM0031: DomainModel.Generators is referenced, but no AdditionalFile is a schema (*.schema.yaml)", output);
        Assert.Contains("grants.yaml(1,1): warning DM0030: 'grants.yaml' is not read", output);
        Assert.Contains("error CS0103: The name 'Books' does not exist", output);
    }
}
