using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace DomainModel.Testing;

/// <summary>
/// Snapshot assertions with Verify's conventions, on a small helper of our own (Verify.Xunit cannot be
/// restored from this project's package source). Swappable for Verify.Xunit: same file names.
/// <list type="bullet">
/// <item><c>{TestClass}.{name}.verified.{ext}</c> beside the test source holds the accepted text.</item>
/// <item>On a mismatch, <c>*.received.{ext}</c> is written next to it and the test fails with a unified diff.</item>
/// <item>Accept with the environment variable <c>DOMAINMODEL_ACCEPT=1</c> (or copy received over verified).</item>
/// <item>A missing snapshot fails under <c>CI=true</c>; elsewhere it is written and the test fails once.</item>
/// <item>The package version is scrubbed (<see cref="Scrub"/>), as Verify scrubs it: a release changes only what changed.</item>
/// </list>
/// </summary>
public static class Snapshot
{
    /// <summary>What a scrubbed version reads in a snapshot.</summary>
    public const string VersionPlaceholder = "{version}";

    // The version in [GeneratedCode("DomainModel.Generators", "1.0.0")] (any tool name, any major.minor.patch with a suffix).
    private static readonly System.Text.RegularExpressions.Regex s_generatedCodeVersion = new(
        @"(GeneratedCode\(""[^""\n]*"", "")[0-9]+\.[0-9]+\.[0-9]+[^""\n]*(""\))",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Replaces the tool version in every <c>GeneratedCode</c> attribute with <see cref="VersionPlaceholder"/>:
    /// a version bump leaves every snapshot as it is. Nothing else is touched (a version in data stays).
    /// </summary>
    public static string Scrub(string text) => s_generatedCodeVersion.Replace(text, "${1}" + VersionPlaceholder + "${2}");

    public static void Verify(string actual, string name, string extension = "txt", [CallerFilePath] string sourceFile = "")
    {
        var directory = Path.GetDirectoryName(sourceFile)!;
        var className = Path.GetFileNameWithoutExtension(sourceFile);
        var stem = Path.Combine(directory, "Snapshots", $"{className}.{name}");
        var verified = $"{stem}.verified.{extension}";
        var received = $"{stem}.received.{extension}";
        actual = Scrub(actual.Replace("\r\n", "\n"));
        var accept = Environment.GetEnvironmentVariable("DOMAINMODEL_ACCEPT") is "1" or "true";
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        if (!File.Exists(verified))
        {
            if (accept)
            {
                Write(verified, actual);
                return;
            }

            if (!ci)
            {
                Write(received, actual);
            }

            throw new XunitException($"Snapshot {Path.GetFileName(verified)} does not exist." +
                (ci ? " Snapshots are never created under CI=true: run the tests locally and review the new file." : $" Review {received} and accept it (DOMAINMODEL_ACCEPT=1)."));
        }

        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (accept)
        {
            Write(verified, actual);
            return;
        }

        Write(received, actual);
        throw new XunitException($"Snapshot {Path.GetFileName(verified)} differs. Received: {received}\n" +
            "Accept with DOMAINMODEL_ACCEPT=1 dotnet test, after reviewing this diff:\n" + Diff(expected, actual));
    }

    /// <summary>A compact unified-style diff: changed lines with 2 lines of context, capped at 200 lines.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var builder = new StringBuilder();
        var shown = 0;
        var lastPrinted = -1;
        for (var i = 0; i < lines.Count && shown < 200; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged)
            {
                continue;
            }

            for (var j = Math.Max(lastPrinted + 1, i - 2); j <= i; j++)
            {
                if (j > lastPrinted + 1 && lastPrinted >= 0 && j == Math.Max(lastPrinted + 1, i - 2))
                {
                    builder.AppendLine("@@");
                }

                builder.Append(lines[j].Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " })
                    .AppendLine(lines[j].Text);
                lastPrinted = j;
                shown++;
            }

            for (var j = i + 1; j < Math.Min(lines.Count, i + 3) && lines[j].Type == ChangeType.Unchanged; j++)
            {
                builder.Append("  ").AppendLine(lines[j].Text);
                lastPrinted = j;
                shown++;
            }
        }

        return builder.ToString();
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
