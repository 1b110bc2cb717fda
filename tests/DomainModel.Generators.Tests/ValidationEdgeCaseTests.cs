using System.Linq;
using Xunit;
using static DomainModel.Generators.Tests.TestSupport;

namespace DomainModel.Generators.Tests;

/// <summary>Validation edge cases a new user hit: integers across the whole long range.</summary>
public class ValidationEdgeCaseTests
{
    private const string Schema = """
        kinds:
          Leader:
            description: A person.
            fields:
              name: { type: string, required: true, description: Name. }
              age: { type: integer, description: Age. }
        """;

    private static string Facts(string age) =>
        $"kind: Leader\ndocument: baseline.txt\nfacts:\n  - id: putin\n    name: P\n    age: {age}\n    evidence: [Russia]\n";

    [Theory]
    [InlineData("9223372036854775807", 9223372036854775807L)]
    [InlineData("-9223372036854775808", -9223372036854775808L)]
    [InlineData("1000000000000000000", 1000000000000000000L)]
    [InlineData("-0000000000000000000042", -42L)]
    [InlineData("-0", 0L)]
    public void Integers_take_the_whole_long_range(string text, long expected)
    {
        // The note names the value (in invariant digits), so it is not a DM0032.
        var facts = Facts(text) + "    note: 'Read as " + expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + "'\n";
        var run = GeneratorHarness.Run(
            Baseline.Concat(new[] { ("/proj/l.schema.yaml", Schema), ("/proj/l.facts.yaml", facts) }),
            "public static class Probe { public static long? Age() => DomainModel.Leaders.Putin.Age; }");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        var age = run.Load().GetType("Probe")!.GetMethod("Age")!.Invoke(null, null);
        Assert.Equal(expected, (long?)age);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("99999999999999999999999999999")]
    public void An_integer_beyond_the_long_range_is_out_of_range(string text)
    {
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("l.facts.yaml", Facts(text)));
        Expect(run, "DM0013", "l.facts.yaml", 6, 10, $"Invalid integer value '{text}' for 'age'", "It is out of range: an integer is a whole number from -9223372036854775808 to 9223372036854775807.");
        BaselineStillGenerates(run);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("1,000")]
    [InlineData("'-'")]
    public void A_non_integer_still_asks_for_digits_only(string text)
    {
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("l.facts.yaml", Facts(text)));
        Expect(run, "DM0013", "l.facts.yaml", 6, 10, "Write digits only");
    }
}

/// <summary>One typo in a fact's field, one diagnostic.</summary>
public class FieldTypoTests
{
    private const string Schema = """
        kinds:
          Leader:
            description: A person.
            fields:
              name: { type: string, required: true, description: Name. }
              title: { type: string, required: true, description: Title. }
        """;

    [Fact]
    public void A_misspelt_required_field_is_one_DM0005_not_also_DM0006()
    {
        var facts = "kind: Leader\ndocument: baseline.txt\nfacts:\n  - id: putin\n    nmae: P\n    title: President\n    evidence: [Russia]\n";
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("l.facts.yaml", facts));
        Expect(run, "DM0005", "l.facts.yaml", 5, 5, "Unknown key 'nmae' in Leader 'putin'. Did you mean 'name'?");
        Assert.Single(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_missing_required_field_beside_an_unrelated_unknown_key_is_still_reported()
    {
        var facts = "kind: Leader\ndocument: baseline.txt\nfacts:\n  - id: putin\n    nmae: P\n    evidence: [Russia]\n";
        var run = RunWithBaseline(("l.schema.yaml", Schema), ("l.facts.yaml", facts));
        Expect(run, "DM0005", "l.facts.yaml", 5, 5, "Did you mean 'name'?");
        Expect(run, "DM0006", "l.facts.yaml", 4, 9, "missing required key 'title'");
        Assert.Equal(2, run.GeneratorDiagnostics.Length);
    }
}
