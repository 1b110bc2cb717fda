using System.Linq;
using System.Runtime.CompilerServices;
using System.Reflection;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Text;
using DomainModel.Generators.Validation;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The loops that read every character of a corpus are compiled optimized on their first call (the
/// compiler process that runs the generator is fresh on every build without the server), and so is the
/// path every fact takes. The saving is measured in docs/performance.md; this holds the marking in place.
/// </summary>
public sealed class HotLoopTests
{
    [Fact]
    public void The_constant_is_the_runtimes_aggressive_optimization_flag() =>
        Assert.Equal(MethodImplOptions.AggressiveOptimization, (MethodImplOptions)Jit.HotLoop);

    [Theory]
    [InlineData(typeof(FastYamlScanner), "Prescan")]
    [InlineData(typeof(FastYamlScanner), "BlockMapping")]
    [InlineData(typeof(FastYamlScanner), "BlockSequence")]
    [InlineData(typeof(FastYamlScanner), "BlockPlain")]
    [InlineData(typeof(FastYamlScanner), "BlockScalar")]
    [InlineData(typeof(FastYamlScanner), "DoubleQuoted")]
    [InlineData(typeof(FastYamlScanner), "SingleQuoted")]
    [InlineData(typeof(FastYamlScanner), "FlowCollection")]
    [InlineData(typeof(QuoteIndex), "Contains")] // the overload that counts its work holds the loop
    [InlineData(typeof(QuoteIndex), "IndexOf")]
    // The path every fact takes: each method runs thousands of times per build, and through the runtime's
    // tiers (unoptimized, instrumented, optimized) it would be compiled three times.
    [InlineData(typeof(TreeBuilder), "Scalar")]
    [InlineData(typeof(InputParser), "Parse")]
    [InlineData(typeof(FactsStage), "Validate")]
    [InlineData(typeof(ValueConverter), "Convert")]
    [InlineData(typeof(Grounding.FactValues), "Check")]
    [InlineData(typeof(Grounding.QuoteValues), "Mentions")]
    [InlineData(typeof(Layout.RowEncoder), "Encode")]
    [InlineData(typeof(Layout.FactLayout), "Fact")]
    [InlineData(typeof(Emit.Emitter), "Chunk")]
    [InlineData(typeof(Emit.PackedRows), "Encode")]
    public void Hot_loops_are_compiled_optimized_from_the_first_call(System.Type type, string method)
    {
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name == method)
            .ToList();
        Assert.NotEmpty(methods);
        Assert.Contains(methods, m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0);
    }

    [Fact]
    public void The_line_map_is_built_optimized()
    {
        var constructor = Assert.Single(typeof(LineMap).GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance));
        Assert.NotEqual((MethodImplAttributes)0, constructor.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization);
    }
}
