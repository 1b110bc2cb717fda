using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The generator does no file, network, environment or clock access (RS1035 and RS0030 with
/// BannedSymbols.txt make that a build error; this checks the built assembly too), and its output
/// depends only on its inputs: not on file order, culture or time.
/// </summary>
public class GeneratorPurityTests
{
    private static readonly string[] s_bannedTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream", "System.IO.DriveInfo",
        "System.Environment", "System.Console", "System.Diagnostics.Process", "System.Diagnostics.Stopwatch", "System.Random",
        "System.Net.Http.HttpClient", "System.Net.WebClient", "System.Net.WebRequest", "System.Net.Dns", "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient",
        "System.Threading.Timer", "System.Security.Cryptography.RandomNumberGenerator",
    ];

    private static readonly string[] s_bannedMembers =
    [
        "System.DateTime.get_Now", "System.DateTime.get_UtcNow", "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow", "System.Guid.NewGuid",
    ];

    [Fact]
    public void Generator_assembly_references_no_file_network_environment_clock_or_randomness_API()
    {
        using var stream = System.IO.File.OpenRead(typeof(DomainModelGenerator).Assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var types = reader.TypeReferences.Select(h => Name(reader, reader.GetTypeReference(h))).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(types.Intersect(s_bannedTypes));
        Assert.DoesNotContain(types, t => t.StartsWith("System.Net.", StringComparison.Ordinal));

        var members = new List<string>();
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                members.Add(Name(reader, reader.GetTypeReference((TypeReferenceHandle)member.Parent)) + "." + reader.GetString(member.Name));
            }
        }

        Assert.Empty(members.Intersect(s_bannedMembers));
        Assert.NotEmpty(members); // the scan sees something
    }

    [Fact]
    public void Output_is_identical_whatever_the_file_order_and_culture()
    {
        var files = GeneratorHarness.SeedFiles().ToList();
        var expected = GeneratorHarness.Run(files).Sources;
        var original = CultureInfo.CurrentCulture;
        var originalUi = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "de-DE", "ar-SA", "ja-JP" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                files.Reverse();
                var actual = GeneratorHarness.Run(files).Sources;
                Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
                foreach (var (name, text) in expected)
                {
                    Assert.True(text == actual[name], $"{name} differs under {culture} with the files reversed");
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = originalUi;
        }
    }

    [Fact]
    public void Diagnostics_are_identical_whatever_the_file_order()
    {
        var files = new List<(string Path, string Text)>(TestSupport.Baseline)
        {
            ("/proj/a.schema.yaml", "kinds:\n  Thing:\n    description: x\n    bogus: 1\n  Thing2:\n    descripton: y\n"),
            ("/proj/b.schema.yaml", "kinds:\n  Thing:\n    description: again\n"),
            ("/proj/a.facts.yaml", "kind: Thing\nfacts:\n  - id: a\n  - id: a\n"),
        };
        var expected = GeneratorHarness.Run(files).DiagnosticLines;
        Assert.NotEmpty(expected);
        files.Reverse();
        Assert.Equal(expected, GeneratorHarness.Run(files).DiagnosticLines);
    }

    private static string Name(MetadataReader reader, TypeReference type) =>
        type.Namespace.IsNil ? reader.GetString(type.Name) : reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
}
