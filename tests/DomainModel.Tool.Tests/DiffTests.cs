using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace DomainModel.Tool.Tests;

/// <summary><c>domainmodel manifest</c> and <c>domainmodel diff</c> in process, on corpora written by the test.</summary>
public sealed class DiffTests
{
    private static ToolResult Diff(System.Func<string, string, string> edit, params string[] options)
    {
        using var old = new TempCorpus(EvolutionCorpus.Files());
        using var @new = new TempCorpus(EvolutionCorpus.Files(edit));
        return ToolRun.InProcess(["diff", old.Root, @new.Root, .. options]);
    }

    [Fact]
    public void A_removed_fact_is_major()
    {
        var result = Diff(EvolutionCorpus.FactRemoved);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "# DomainModel: changes from 1.0.0\n\n**major**: 1 change; needs version 2.0.0 or later.\n\n## Breaking changes (major)\n\n- Leaders.AhmedAlSharaa removed (id ahmed-al-sharaa)\n",
            result.Out);
        Assert.Equal("1 change(s) from 1.0.0: major, needs version 2.0.0.\n", result.Error);
    }

    [Fact]
    public void A_renamed_fact_is_found_by_its_content()
    {
        var result = Diff(EvolutionCorpus.FactRenamed);
        Assert.Contains("- Leaders.VladimirPutin renamed to Leaders.Putin (id vladimir-putin → putin, same content)\n", result.Out);
        Assert.DoesNotContain("removed", result.Out);
        Assert.DoesNotContain("added", result.Out);
        Assert.Contains("**major**", result.Out);
    }

    [Fact]
    public void A_field_type_change_is_major_in_the_users_terms()
    {
        var result = Diff(EvolutionCorpus.FieldTypeChanged, "--format", "msbuild", "--version", "1.0.0");
        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(": error DMV001: Agreement.AnnualPayment: money → string: a major change from 1.0.0, needs version 2.0.0 (packing 1.0.0).", Assert.Single(result.Lines));
        Assert.Contains("1.0.0 is too low: release it as 2.0.0.", result.Error);
    }

    [Fact]
    public void A_removed_enum_member_is_major()
    {
        var result = Diff(EvolutionCorpus.EnumMemberRemoved, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("major", json.RootElement.GetProperty("level").GetString());
        Assert.Equal("2.0.0", json.RootElement.GetProperty("needs").GetString());
        var changes = json.RootElement.GetProperty("changes");
        Assert.Equal(2, changes.GetArrayLength());
        Assert.Equal("AgreementStatus.Pledged removed", changes[0].GetProperty("text").GetString());
        Assert.Equal("member", changes[0].GetProperty("area").GetString());
        Assert.Equal("Agreements.HmeimimLease.Status: pledged → signed", changes[1].GetProperty("text").GetString());
        Assert.Equal("patch", changes[1].GetProperty("level").GetString());
    }

    [Fact]
    public void An_added_fact_is_minor()
    {
        var result = Diff(EvolutionCorpus.FactAdded, "--version", "1.1.0");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "# DomainModel: changes from 1.0.0\n\n**minor**: 1 change; needs version 1.1.0 or later.\n\n## Additions (minor)\n\n- Countries.SyrianArabRepublic added (id syrian-arab-republic)\n",
            result.Out);
        Assert.Equal(1, Diff(EvolutionCorpus.FactAdded, "--version", "1.0.9").ExitCode);
    }

    [Fact]
    public void A_changed_value_is_a_patch_field_by_field()
    {
        var result = Diff(EvolutionCorpus.ValueChanged, "--format", "msbuild", "--version", "1.0.1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "patch: Countries.Syria.Name: Syria → Syrian Arab Republic" }, result.Lines);
        Assert.Equal(1, Diff(EvolutionCorpus.ValueChanged, "--version", "1.0.0").ExitCode);
    }

    [Fact]
    public void A_renamed_field_is_found_by_its_values()
    {
        var result = Diff((path, text) => text.Replace("annual_payment", "yearly_payment", System.StringComparison.Ordinal), "--format", "msbuild");
        Assert.Equal(new[] { "major: Agreement.AnnualPayment renamed to Agreement.YearlyPayment" }, result.Lines);
    }

    [Fact]
    public void A_quantity_reads_as_the_schema_writes_it()
    {
        var result = Diff(EvolutionCorpus.QuantityGiven, "--format", "msbuild");
        // The edit also adds the note that states the figure (DM0032 otherwise).
        Assert.Equal(new[] { "patch: Agreements.HmeimimLease.Staff: null → about 500 engineers", "patch: Agreements.HmeimimLease evidence or note changed" }, result.Lines);
    }

    /// <summary>The released corpus with a date, a list and an unqualified quantity on the lease (both sides of the diffs below).</summary>
    private static string WithReportedValues(string path, string text) =>
        path.EndsWith("world.schema.yaml", System.StringComparison.Ordinal)
            ? EvolutionCorpus.Replace(text, "      staff: { type: quantity, description: Staff. }\n", "      staff: { type: quantity, description: Staff. }\n      signed: { type: date, description: Signed. }\n      parties: { type: list<Country>, description: Parties. }\n")
            : path.EndsWith("agreements.facts.yaml", System.StringComparison.Ordinal)
                ? EvolutionCorpus.Replace(text, "    annual_payment: 100000000 USD\n", "    annual_payment: 100000000 USD\n    signed: { value: 2025, basis: inferred }\n    parties: [russia, syria]\n    staff: 500 engineers\n    note: Signed in 2025 with 500 engineers, per the annex.\n")
                : text;

    [Theory]
    [InlineData("    signed: { value: 2025, basis: inferred }\n", "    signed: { value: 2025, basis: resolved }\n", "patch: Agreements.HmeimimLease.Signed: inferred 2025 → resolved 2025")]
    [InlineData("    signed: { value: 2025, basis: inferred }\n", "    signed: 2025\n", "patch: Agreements.HmeimimLease.Signed: inferred 2025 → 2025")]
    [InlineData("    parties: [russia, syria]\n", "    parties: { examples: [russia, syria] }\n", "patch: Agreements.HmeimimLease.Parties: [russia, syria] → examples [russia, syria]")]
    [InlineData("    staff: 500 engineers\n", "    staff: { value: 500, unit: engineers, qualifier: rounded }\n", "patch: Agreements.HmeimimLease.Staff: 500 engineers → rounded 500 engineers")]
    [InlineData("    staff: 500 engineers\n", "    staff: { value: 500, unit: engineers, qualifier: exact }\n", "patch: Agreements.HmeimimLease.Staff: 500 engineers → exact 500 engineers")]
    public void A_basis_an_examples_mark_or_a_qualifier_alone_is_a_patch(string before, string after, string change)
    {
        using var old = new TempCorpus(EvolutionCorpus.Files(WithReportedValues));
        using var @new = new TempCorpus(EvolutionCorpus.Files((path, text) =>
        {
            var released = WithReportedValues(path, text);
            return path.EndsWith("agreements.facts.yaml", System.StringComparison.Ordinal) ? EvolutionCorpus.Replace(released, before, after) : released;
        }));
        var result = ToolRun.InProcess(["diff", old.Root, @new.Root, "--format", "msbuild", "--version", "1.0.1"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { change }, result.Lines);

        // The manifest writes the examples as the YAML does.
        using var manifest = JsonDocument.Parse(ToolRun.InProcess(["manifest", @new.Root, "--version", "1.0.1"]).Out);
        var values = manifest.RootElement.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "Agreement").GetProperty("facts")[0].GetProperty("values");
        Assert.Equal(change.Contains("examples", System.StringComparison.Ordinal) ? JsonValueKind.Object : JsonValueKind.Array, values.GetProperty("parties").ValueKind);
    }

    [Theory]
    [InlineData("      - quote: pledged 100 million dollars a year for the lease\n        hedge: planned\n")]
    [InlineData("      - quote: pledged 100 million dollars a year for the lease\n        attributed_to: Al-Sharaa's office\n")]
    public void A_hedge_or_an_attribution_alone_is_a_patch(string evidence)
    {
        var result = Diff(
            (path, text) => text.Replace("    evidence: [pledged 100 million dollars a year for the lease]\n", "    evidence:\n" + evidence, System.StringComparison.Ordinal),
            "--format",
            "msbuild",
            "--version",
            "1.0.1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(new[] { "patch: Agreements.HmeimimLease evidence or note changed" }, result.Lines);
    }

    [Fact]
    public void No_change_needs_no_new_version()
    {
        var result = Diff((_, text) => text, "--version", "1.0.0");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("# DomainModel: changes from 1.0.0\n\nNo change to the public surface or to any value.\n", result.Out);
    }

    [Fact]
    public void A_manifest_is_a_baseline_and_its_version_is_the_one_released()
    {
        using var old = new TempCorpus(EvolutionCorpus.Files());
        using var @new = new TempCorpus(EvolutionCorpus.Files(EvolutionCorpus.All));
        var manifest = old["baseline.json"];
        var written = ToolRun.InProcess("manifest", old.Root, "--version", "3.2.1", "--package", "Facts.Sample", "-o", manifest);
        Assert.True(written.ExitCode == 0, written.ToString());

        // The same corpus writes the same bytes.
        Assert.Equal(File.ReadAllText(manifest), ToolRun.InProcess("manifest", old.Root, "--version", "3.2.1", "--package", "Facts.Sample").Out);

        var result = ToolRun.InProcess("diff", manifest, @new.Root, "--version", "3.2.1", "--format", "msbuild");
        Assert.Equal(1, result.ExitCode);
        var needs = ": a major change from 3.2.1, needs version 4.0.0 (packing 3.2.1).";
        Assert.Equal(
            new[]
            {
                manifest + ": error DMV001: AgreementStatus.Pledged removed" + needs,
                manifest + ": error DMV001: Agreement.AnnualPayment: money → string" + needs,
                manifest + ": error DMV001: Agreements.HmeimimLease.Status: pledged → signed: a patch change from 3.2.1, needs version 3.2.2 (packing 3.2.1).",
                manifest + ": error DMV001: Countries.Syria.Name: Syria → Syrian Arab Republic: a patch change from 3.2.1, needs version 3.2.2 (packing 3.2.1).",
                manifest + ": error DMV001: Countries.SyrianArabRepublic added (id syrian-arab-republic): a minor change from 3.2.1, needs version 3.3.0 (packing 3.2.1).",
                manifest + ": error DMV001: Leaders.AhmedAlSharaa removed (id ahmed-al-sharaa)" + needs,
                manifest + ": error DMV001: Leaders.VladimirPutin renamed to Leaders.Putin (id vladimir-putin → putin, same content)" + needs,
            },
            result.Lines);
        Assert.Equal(0, ToolRun.InProcess("diff", manifest, @new.Root, "--version", "4.0.0").ExitCode);
    }

    [Fact]
    public void A_missing_or_unreadable_baseline_is_an_error_that_says_how_to_create_it()
    {
        using var corpus = new TempCorpus(EvolutionCorpus.Files());
        var missing = ToolRun.InProcess("diff", corpus["none.json"], corpus.Root, "--version", "1.0.0");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"error: The manifest '{corpus["none.json"]}' does not exist. Create it from the released corpus with 'domainmodel manifest DIR --version X.Y.Z -o FILE' (docs/versioning.md).\n", missing.Error);

        corpus.Write("bad.json", "{ \"kinds\": [");
        var bad = ToolRun.InProcess("diff", corpus["bad.json"], corpus.Root);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith($"error: Cannot read the manifest '{corpus["bad.json"]}': not valid JSON", bad.Error);
        Assert.Contains("domainmodel manifest DIR --version X.Y.Z -o FILE", bad.Error);

        corpus.Write("other.json", "{ \"format\": 1 }");
        Assert.Contains("\"enums\" is missing", ToolRun.InProcess("diff", corpus["other.json"], corpus.Root).Error);
        Assert.Equal(2, ToolRun.InProcess("diff", corpus.Root, corpus.Root, "--version", "one").ExitCode);
    }

    [Fact]
    public void The_committed_baseline_allows_the_seeds_at_the_repository_version()
    {
        var baseline = Path.Combine(ToolRun.RepoRoot, "src", "DomainModel", "baseline", "DomainModel.manifest.json");
        var version = typeof(DiffTests).Assembly.GetName().Version!.ToString(3);
        var result = ToolRun.InProcess("diff", baseline, ToolRun.Seeds, "--version", version, "-p", "RootNamespace=DomainModel");
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
