using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DomainModel.Cli;
using Xunit;

namespace DomainModel.Tests;

public class CliTests
{
    private static readonly Lazy<string> s_export = new(() => JsonExporter.WriteToString());

    private static JsonElement Export() => JsonDocument.Parse(s_export.Value).RootElement;

    private static JsonElement Item(string kind, string id)
    {
        var matches = Export().GetProperty(kind).EnumerateArray().Where(e => e.GetProperty("id").GetString() == id).ToList();
        return Assert.Single(matches);
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();

    [Fact]
    public void Export_is_one_object_with_an_array_per_kind_named_by_camelCase_plural()
    {
        var root = Export();
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(FactCatalog.Kinds.Select(k => char.ToLowerInvariant(k.Plural[0]) + k.Plural[1..]), names);
        Assert.Contains("casualtyFigures", names);
        foreach (var kind in FactCatalog.Kinds)
        {
            var array = root.GetProperty(JsonExporter.CamelCase(kind.Plural));
            Assert.Equal(JsonValueKind.Array, array.ValueKind);
            Assert.Equal(kind.All.Select(f => f.Id), array.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public void Items_have_id_then_every_field_in_declaration_order_then_provenance()
    {
        var item = Item("bases", "tartus");
        Assert.Equal(
            ["id", "name", "aliases", "baseType", "hostCountry", "operatingCountry", "region", "onlyOutpostInRegion", "roleDescription", "upgradeAgreements", "leaseAgreement", "provenance"],
            item.EnumerateObject().Select(p => p.Name));

        foreach (var kind in FactCatalog.Kinds)
        {
            var expected = new[] { "id" }
                .Concat(kind.Type.GetProperties().Where(p => p.Name is not ("Id" or "Provenance")).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal))
                .Append("provenance")
                .ToList();
            foreach (var element in Export().GetProperty(JsonExporter.CamelCase(kind.Plural)).EnumerateArray())
            {
                var names = element.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal("id", names[0]);
                Assert.Equal("provenance", names[^1]);
                Assert.Equal(expected.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void Money_is_amount_and_currency()
    {
        var lease = Item("agreements", "hmeimim-lease").GetProperty("annualPayment");
        Assert.Equal(["amount", "currency"], lease.EnumerateObject().Select(p => p.Name));
        Assert.Equal(100000000m, lease.GetProperty("amount").GetDecimal());
        Assert.Equal("USD", lease.GetProperty("currency").GetString());
        Assert.Equal(JsonValueKind.Null, Item("agreements", "hmeimim-lease").GetProperty("amount").ValueKind);

        var credit = Item("agreements", "russia-syria-credit-line").GetProperty("amount");
        Assert.Equal(2500000000m, credit.GetProperty("amount").GetDecimal());
        Assert.Equal("2500000000", credit.GetProperty("amount").GetRawText());
        Assert.Equal("USD", credit.GetProperty("currency").GetString());
    }

    [Fact]
    public void Quantity_is_value_unit_and_kebab_case_qualifier()
    {
        var engineers = Item("agreements", "aleppo-damascus-railway-rebuild").GetProperty("quantity");
        Assert.Equal(["value", "unit", "qualifier"], engineers.EnumerateObject().Select(p => p.Name));
        Assert.Equal(500m, engineers.GetProperty("value").GetDecimal());
        Assert.Equal("engineers", engineers.GetProperty("unit").GetString());
        Assert.Equal("unspecified", engineers.GetProperty("qualifier").GetString()); // no qualifier in the YAML: not "exact"

        var duration = Item("events", "moscow-summit-2025").GetProperty("duration");
        Assert.Equal(3m, duration.GetProperty("value").GetDecimal());
        Assert.Equal("hours", duration.GetProperty("unit").GetString());
        Assert.Equal("more-than", duration.GetProperty("qualifier").GetString());

        var figures = Item("statements", "putin-exceptionally-friendly").GetProperty("figures");
        Assert.Equal(80m, Assert.Single(figures.EnumerateArray()).GetProperty("value").GetDecimal());
    }

    [Fact]
    public void Percent_is_the_number_shown()
    {
        var turnout = Item("events", "syria-parliamentary-elections-2025").GetProperty("turnout");
        Assert.Equal(JsonValueKind.Number, turnout.ValueKind);
        Assert.Equal("78", turnout.GetRawText());
        Assert.Equal("20", Item("places", "deir-ez-zor-oil-fields").GetProperty("currentCapacity").GetRawText());
    }

    [Theory]
    [InlineData("events", "moscow-summit-2025", "date", "2025-10-15")]
    [InlineData("events", "syria-elections-2025-07", "date", "2025-07")]
    [InlineData("events", "russian-intervention-2015", "date", "2015")]
    [InlineData("events", "soviet-syria-military-ties-1950s", "date", "195X")]
    [InlineData("relationships", "soviet-syria-military-ties", "startDate", "195X")]
    [InlineData("agreements", "tourism-joint-marketing", "targetDate", "2030")]
    [InlineData("memberships", "assad-ruler-syria", "endDate", "2024-12-08")]
    public void Dates_are_iso_strings_at_their_precision(string kind, string id, string field, string expected)
    {
        var value = Item(kind, id).GetProperty(field);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        Assert.Equal(expected, value.GetString());
    }

    [Fact]
    public void References_are_written_as_ids()
    {
        var lease = Item("agreements", "hmeimim-lease");
        Assert.Equal("ahmed-al-sharaa", lease.GetProperty("pledgedBy").GetString());
        Assert.Equal("moscow-summit-2025", lease.GetProperty("event").GetString());
        Assert.Equal(["syria", "russia"], Strings(lease.GetProperty("parties")));
        Assert.Equal(["hmeimim"], Strings(lease.GetProperty("bases")));
        Assert.Equal(JsonValueKind.Null, lease.GetProperty("announcedBy").ValueKind);
        Assert.Empty(lease.GetProperty("beneficiaryLeaders").EnumerateArray());

        Assert.Equal(
            ["summit-putin", "summit-al-sharaa", "summit-lavrov", "summit-novak", "summit-leaf"],
            Strings(Item("events", "moscow-summit-2025").GetProperty("participants")));
        Assert.Equal("hmeimim-lease", Item("bases", "hmeimim").GetProperty("leaseAgreement").GetString());
    }

    [Fact]
    public void Every_reference_field_holds_the_ids_of_the_referenced_facts()
    {
        var root = Export();
        var checkedValues = 0;
        foreach (var kind in FactCatalog.Kinds)
        {
            var items = root.GetProperty(JsonExporter.CamelCase(kind.Plural)).EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
            foreach (var property in kind.Type.GetProperties().Where(p => p.Name != "Id"))
            {
                var isReference = typeof(IFact).IsAssignableFrom(property.PropertyType);
                var isList = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(FactList<>);
                if (!isReference && !isList)
                {
                    continue;
                }

                foreach (var fact in kind.All)
                {
                    var json = items[fact.Id].GetProperty(JsonExporter.CamelCase(property.Name));
                    var value = property.GetValue(fact);
                    if (isReference)
                    {
                        Assert.Equal(((IFact?)value)?.Id, json.ValueKind == JsonValueKind.Null ? null : json.GetString());
                    }
                    else
                    {
                        Assert.Equal(((IEnumerable<IFact>)value!).Select(f => f.Id), Strings(json));
                    }

                    checkedValues++;
                }
            }
        }

        Assert.True(checkedValues > 500, $"Only {checkedValues} reference values checked.");
    }

    [Fact]
    public void Enums_are_their_schema_slugs()
    {
        Assert.Equal("memorandum-of-understanding", Item("agreements", "syria-russia-mous").GetProperty("agreementType").GetString());
        Assert.Equal("interest-expressed", Item("agreements", "energy-partnership-revival").GetProperty("status").GetString());
        Assert.Equal("establishment-of-ties", Item("events", "soviet-syria-military-ties-1950s").GetProperty("eventType").GetString());
        Assert.Equal(["regional-stability"], Strings(Item("events", "moscow-summit-2025").GetProperty("topics")).Where(t => t!.Contains('-')));
        Assert.Equal("naval", Item("bases", "tartus").GetProperty("baseType").GetString());
    }

    [Fact]
    public void Enum_slugs_match_the_schema_values_exactly()
    {
        var enums = Repo.SchemaEnums();
        Assert.NotEmpty(enums);
        var assembly = typeof(Leader).Assembly;
        foreach (var (name, values) in enums)
        {
            var type = assembly.GetType("DomainModel." + name);
            Assert.True(type is { IsEnum: true }, $"No enum DomainModel.{name}.");
            var slugs = Enum.GetValues(type!).Cast<Enum>().Select(JsonExporter.Slug).ToList();
            Assert.Equal(values, slugs);
        }

        // The runtime enums documented in docs/schema-language.md.
        Assert.Equal(["exact", "about", "at-least", "more-than", "at-most", "less-than", "unspecified", "target", "rounded"], Enum.GetValues<QuantityQualifier>().Select(q => JsonExporter.Slug(q)));
        Assert.Equal(["supports", "contradicts"], Enum.GetValues<EvidenceStance>().Select(s => JsonExporter.Slug(s)));
    }

    [Fact]
    public void Absent_values_are_null_and_present_ones_typed()
    {
        var hmeimim = Item("bases", "hmeimim");
        Assert.Equal(JsonValueKind.Null, hmeimim.GetProperty("region").ValueKind);
        Assert.Equal(JsonValueKind.Null, hmeimim.GetProperty("onlyOutpostInRegion").ValueKind);
        Assert.Equal(JsonValueKind.True, Item("bases", "tartus").GetProperty("onlyOutpostInRegion").ValueKind);
        Assert.Equal("21", Item("events", "summit-welcome-ceremony").GetProperty("gunSalute").GetRawText());
        Assert.Equal(JsonValueKind.False, Item("statements", "turkey-reaction").GetProperty("directQuote").ValueKind);
    }

    [Fact]
    public void Provenance_has_evidence_and_note()
    {
        var provenance = Item("agreements", "hmeimim-lease").GetProperty("provenance");
        Assert.Equal(["evidence", "note", "dateBasis", "examples"], provenance.EnumerateObject().Select(p => p.Name));
        Assert.Equal("resolved", provenance.GetProperty("dateBasis").GetProperty("date").GetString()); // "the Wednesday summit"
        Assert.Equal(0, provenance.GetProperty("examples").GetArrayLength());
        var energy = Item("agreements", "energy-partnership-revival").GetProperty("provenance");
        Assert.Equal(["partyOrganizations"], energy.GetProperty("examples").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, Item("agreements", "energy-partnership-revival").GetProperty("partyOrganizations").GetArrayLength()); // still the list itself
        var evidence = Assert.Single(provenance.GetProperty("evidence").EnumerateArray());
        Assert.Equal(["document", "quote", "stance", "hedge", "attributedTo", "attributedToKind"], evidence.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("hedge").ValueKind);
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("attributedTo").ValueKind);
        Assert.Equal(JsonValueKind.Null, evidence.GetProperty("attributedToKind").ValueKind);
        Assert.Equal("000_6b0556799bcd713d.txt", evidence.GetProperty("document").GetString());
        Assert.Equal("the Hmeimim base, which Al-Sharaa pledged to lease long-term for $100 million annually", evidence.GetProperty("quote").GetString());
        Assert.Equal("supports", evidence.GetProperty("stance").GetString());
        Assert.StartsWith("Pledge reported from the Wednesday summit", provenance.GetProperty("note").GetString());

        // Putin's "more than 80 years" is his claim (a fact reference); the dacha is what "sources close to the Kremlin" revealed (a text).
        var claim = Item("relationships", "russia-syria-relations").GetProperty("provenance").GetProperty("evidence")[0];
        Assert.Equal(("claimed", "vladimir-putin", "Leader"), (claim.GetProperty("hedge").GetString(), claim.GetProperty("attributedTo").GetString(), claim.GetProperty("attributedToKind").GetString()));
        var dacha = Item("leaders", "bashar-al-assad").GetProperty("provenance").GetProperty("evidence")[2];
        Assert.Equal(("reported", "sources close to the Kremlin", JsonValueKind.Null), (dacha.GetProperty("hedge").GetString(), dacha.GetProperty("attributedTo").GetString(), dacha.GetProperty("attributedToKind").ValueKind));

        Assert.Equal(JsonValueKind.Null, Item("events", "assad-ouster").GetProperty("provenance").GetProperty("note").ValueKind);
        Assert.Equal(2, Item("events", "assad-ouster").GetProperty("provenance").GetProperty("evidence").GetArrayLength());
    }

    [Fact]
    public void Typographic_characters_survive_the_round_trip()
    {
        Assert.Equal("Al-Sharaa’s transitional government", Item("organizations", "syrian-transitional-government").GetProperty("name").GetString());
        Assert.Contains("Russia’s energy tsar", s_export.Value, StringComparison.Ordinal); // not \u2019-escaped: readable output
    }

    [Fact]
    public void Export_is_deterministic_and_culture_invariant()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(s_export.Value, JsonExporter.WriteToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.DoesNotContain("\r", s_export.Value, StringComparison.Ordinal);
        Assert.EndsWith("}\n", s_export.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_export_writes_json_to_stdout_and_nothing_to_stderr()
    {
        var (code, stdout, stderr) = RunInProcess("export", "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(s_export.Value, stdout);
    }

    [Theory]
    [InlineData("leaders")]
    [InlineData("Leaders")]
    [InlineData("leader")]
    public void Run_export_with_kind_writes_only_that_kind(string kind)
    {
        var (code, stdout, _) = RunInProcess("export", "--format", "json", "--kind", kind);
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        var property = Assert.Single(root.EnumerateObject());
        Assert.Equal("leaders", property.Name);
        Assert.Equal(Leaders.Count, property.Value.GetArrayLength());
    }

    [Theory]
    [InlineData]
    [InlineData("import")]
    [InlineData("export", "--format", "xml")]
    [InlineData("export", "--format")]
    [InlineData("export")]
    [InlineData("export", "--format", "json", "--kind", "unicorns")]
    [InlineData("export", "--format", "json", "--verbose")]
    public void Bad_usage_prints_usage_on_stderr_and_exits_2(params string[] args)
    {
        var (code, stdout, stderr) = RunInProcess(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Usage: DomainModel.Cli export --format json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_prints_usage_on_stdout()
    {
        var (code, stdout, stderr) = RunInProcess("--help");
        Assert.Equal(0, code);
        Assert.StartsWith("Usage:", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Cli_process_exports_valid_json()
    {
        var (code, stdout, stderr) = RunProcess("export", "--format", "json");
        Assert.True(code == 0, $"exit code {code}; stderr: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(Agreements.Count, document.RootElement.GetProperty("agreements").GetArrayLength());
        Assert.Equal(s_export.Value, stdout);
    }

    [Fact]
    public void Cli_process_rejects_an_unknown_format_with_exit_code_2()
    {
        var (code, stdout, stderr) = RunProcess("export", "--format", "yaml");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("Unknown format 'yaml'", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export", "--help")]
    [InlineData("export", "-h")]
    [InlineData("export", "--format", "json", "--help")]
    public void Help_after_a_command_prints_the_usage_and_succeeds(params string[] args)
    {
        var (code, stdout, stderr) = RunInProcess(args);
        Assert.Equal(CliApp.Success, code);
        Assert.Equal(CliApp.Usage, stdout);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void A_closed_standard_output_is_an_error_message_and_exit_code_1_not_a_crash()
    {
        // What .NET throws for a closed descriptor (`>&-`): UnauthorizedAccessException around EBADF.
        var stderr = new StringWriter();
        var code = CliApp.Run(new[] { "export", "--format", "json" }, new ClosedStream(), stderr);
        Assert.Equal(CliApp.Failure, code);
        Assert.Equal("error: cannot write to standard output: Bad file descriptor" + Environment.NewLine, stderr.ToString());
        Assert.Equal(CliApp.Failure, CliApp.Run(new[] { "--help" }, new ClosedStream(), new StringWriter()));
    }

    private sealed class ClosedStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor"));

        public override void Write(ReadOnlySpan<byte> buffer) => throw new UnauthorizedAccessException("Access to the path is denied.", new IOException("Bad file descriptor"));
    }

    private static (int Code, string Stdout, string Stderr) RunInProcess(params string[] args)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private static (int Code, string Stdout, string Stderr) RunProcess(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException("DomainModel.Cli did not exit within 2 minutes.");
        }

        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>DomainModel.Cli.dll beside the test assembly (copied by the project reference), with its runtimeconfig.</summary>
    private static string CliAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "DomainModel.Cli.dll");
        Assert.True(File.Exists(path), $"{path} is missing.");
        Assert.True(File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), $"{path} has no runtimeconfig.json beside it.");
        return path;
    }

    /// <summary>The dotnet host running the tests (set by the SDK for child processes), else dotnet on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host :
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self :
        "dotnet";
}
