using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using DomainModel.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>docs/diagnostics.md and the analyzer release files list exactly the diagnostics the generator has.</summary>
public class DocumentationTests
{
    private static readonly string[] s_ids = DiagnosticDescriptors.All.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray();

    private static string Read(params string[] parts) => File.ReadAllText(Path.Combine([RepoRoot.Path, .. parts])).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Descriptor_ids_are_DM0001_upwards_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, s_ids.Length).Select(i => "DM" + i.ToString("D4", CultureInfo.InvariantCulture)), s_ids);
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal("https://github.com/domainmodel/domainmodel/blob/main/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri));
    }

    [Fact]
    public void Diagnostics_doc_has_one_section_per_id_with_its_severity_and_category()
    {
        var doc = Read("docs", "diagnostics.md");
        var sections = Regex.Matches(doc, @"^## (DM\d{4})\n\n\*\*(?<title>[^*]+)\*\* · Severity: (?<severity>\w+) · Category: (?<category>[\w.]+)$", RegexOptions.Multiline);
        Assert.Equal(s_ids, sections.Select(m => m.Groups[1].Value));
        Assert.Equal(s_ids.Length, Regex.Matches(doc, @"^## DM\d{4}", RegexOptions.Multiline).Count);
        foreach (Match section in sections)
        {
            var descriptor = DiagnosticDescriptors.ById(section.Groups[1].Value);
            Assert.Equal(descriptor.Title.ToString(CultureInfo.InvariantCulture), section.Groups["title"].Value);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), section.Groups["severity"].Value);
            Assert.Equal(descriptor.Category, section.Groups["category"].Value);
        }
    }

    [Fact]
    public void Release_tracking_lists_exactly_the_descriptors()
    {
        var rows = (Read("generators", "DomainModel.Generators", "AnalyzerReleases.Shipped.md") + "\n" + Read("generators", "DomainModel.Generators", "AnalyzerReleases.Unshipped.md"))
            .Split('\n')
            .Select(line => Regex.Match(line, @"^(DM\d{4})\s*\|\s*([\w.]+)\s*\|\s*(\w+)\s*\|"))
            .Where(m => m.Success)
            .ToList();
        Assert.Equal(s_ids, rows.Select(r => r.Groups[1].Value).OrderBy(id => id, StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var descriptor = DiagnosticDescriptors.ById(row.Groups[1].Value);
            Assert.Equal(descriptor.Category, row.Groups[2].Value);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Groups[3].Value);
        }
    }

    [Fact]
    public void Documented_limits_match_the_code()
    {
        var doc = Read("docs", "diagnostics.md");
        Assert.Contains($"| {Parsing.YamlReader.MaxDepth} levels (the root is level 1) |", doc, StringComparison.Ordinal);
        Assert.Contains($"| 64 Mi characters ({Parsing.YamlReader.MaxFileChars.ToString("N0", CultureInfo.InvariantCulture)}) |", doc, StringComparison.Ordinal);
        Assert.Contains($"| 1 Mi characters ({Parsing.YamlReader.MaxScalarChars.ToString("N0", CultureInfo.InvariantCulture)}) |", doc, StringComparison.Ordinal);
        Assert.Contains($"| {Parsing.YamlReader.MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} |", doc, StringComparison.Ordinal);
        Assert.Contains($"| 8 Mi characters ({Validation.QuoteIndex.MaxDocumentChars.ToString("N0", CultureInfo.InvariantCulture)})", doc, StringComparison.Ordinal);
        Assert.Contains($"at most {Model.GeneratorOptions.HardMaxNamedFactsPerKind.ToString("N0", CultureInfo.InvariantCulture)}", doc, StringComparison.Ordinal);
        Assert.Contains($"{Model.GeneratorOptions.DefaultMaxNamedFactsPerKind.ToString("N0", CultureInfo.InvariantCulture)} by default", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void Documented_reserved_names_match_the_code()
    {
        var doc = Read("docs", "diagnostics.md");
        Assert.All(Naming.GeneratedNames.ReservedTypeNames, name => Assert.Contains($"`{name}`", doc, StringComparison.Ordinal));
        Assert.All(Naming.GeneratedNames.ReservedFieldProperties, name => Assert.Contains($"`{name}`", doc, StringComparison.Ordinal));
        Assert.All(Naming.GeneratedNames.ReservedCatalogMembers, name => Assert.Contains($"`{name}`", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_message_ends_with_a_fix_or_a_placeholder_for_one()
    {
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            // Either the message ends a sentence, or it ends a sentence and then the placeholder of its last
            // argument, which is the fix hint (" Did you mean 'x'?", "Use true or false; ...").
            var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var end = System.Text.RegularExpressions.Regex.Match(message, @"\.( ?\{(?<hint>\d+)\})?$");
            Assert.True(end.Success, $"{descriptor.Id} ends neither with '.' nor with '.' and a hint placeholder: {message}");
            if (end.Groups["hint"].Success)
            {
                var last = System.Text.RegularExpressions.Regex.Matches(message, @"\{(\d+)\}").Max(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                Assert.True(int.Parse(end.Groups["hint"].Value, CultureInfo.InvariantCulture) == last, $"{descriptor.Id}: the placeholder at the end is not the last argument (the hint): {message}");
            }

            // Info only for DM0023: past the cap facts are named on use, nothing is lost (it says what happens and when to raise the cap).
            Assert.True(descriptor.DefaultSeverity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning || (descriptor.Id == "DM0023" && descriptor.DefaultSeverity == DiagnosticSeverity.Info), descriptor.Id);
        }
    }
}
