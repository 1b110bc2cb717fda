using System.Linq;
using Xunit;

namespace DomainModel.Generators.Tests;

public class SeedCorpusTests
{
    [Fact]
    public void Seed_corpus_generates_without_diagnostics_and_compiles()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles(), "class User { string Name => DomainModel.Leaders.VladimirPutin.Name; }");
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);
        Assert.Contains("Leader.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Misspelled_fact_is_a_compile_error()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles(), "class User { string Name => DomainModel.Leaders.VladimirPutn.Name; }");
        Assert.Empty(run.DiagnosticLines);
        var error = Assert.Single(run.CompileErrors);
        Assert.Equal("CS0117", error.Id);
        Assert.Contains("VladimirPutn", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
