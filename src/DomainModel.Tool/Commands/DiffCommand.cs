using System;
using System.CommandLine;
using System.Linq;
using DomainModel.Tool.Evolution;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel diff OLD NEW [--format markdown|json|msbuild] [--version V]</c>: every change from OLD to
/// NEW (each a corpus folder or a manifest file) in the user's terms, classified major/minor/patch. With
/// <c>--version</c>, a check: exit 1 when V is lower than the change needs (the pack check runs this with
/// <c>--format msbuild</c>). Exit codes: 0 (changes listed; with --version, V is high enough), 1 (V too low,
/// an unreadable manifest, a corpus with errors), 2 (bad usage).
/// </summary>
internal static class DiffCommand
{
    /// <summary>The code of a change the version being packed does not allow, in the msbuild format.</summary>
    public const string VersionCode = "DMV001";

    public static Command Create(ToolConsole console)
    {
        var old = new Argument<string>("OLD") { Description = "The baseline: a manifest file (*.json) or a corpus folder." };
        var @new = new Argument<string>("NEW") { Description = "The new version: a corpus folder or a manifest file (*.json)." };
        var properties = ToolApp.PropertyOption();
        var format = new Option<string>("--format") { Description = "markdown (release notes, the default), json, or msbuild (one line per change; errors for the changes --version does not allow).", DefaultValueFactory = _ => "markdown", HelpName = "markdown|json|msbuild" };
        format.AcceptOnlyFromAmong("markdown", "json", "msbuild");
        var version = new Option<string?>("--version") { Description = "The version being released: exit 1 when the changes need a higher one.", HelpName = "X.Y.Z" };
        var baselineVersion = new Option<string?>("--baseline-version") { Description = "The version OLD was released as (default: the manifest's; 1.0.0 for a folder).", HelpName = "X.Y.Z" };
        var command = new Command("diff", "Lists the facts, kinds, fields and enum members added, removed, renamed and changed from OLD to NEW, and the version the change needs.")
        {
            old,
            @new,
            properties,
            format,
            version,
            baselineVersion,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(old)!,
            parse.GetValue(@new)!,
            ToolApp.Properties(parse.GetValue(properties)),
            parse.GetValue(format)!,
            parse.GetValue(version),
            parse.GetValue(baselineVersion)));
        return command;
    }

    public static int Run(ToolConsole console, string oldPath, string newPath, System.Collections.Generic.IReadOnlyDictionary<string, string> properties, string format, string? version, string? baselineVersion)
    {
        if (version is not null)
        {
            RequireVersion(version);
        }

        if (baselineVersion is not null)
        {
            RequireVersion(baselineVersion);
        }

        var before = ManifestSource.Load(oldPath, properties, package: null, baselineVersion);
        RequireVersion(before.Version);
        var after = ManifestSource.Load(newPath, properties, before.Package, version);
        var changes = ManifestDiff.Compare(before, after);
        var level = ManifestDiff.Level(changes);
        var needed = ManifestDiff.Needed(before.Version, level);
        var allowed = version is null || ManifestDiff.Allows(version, needed);
        switch (format)
        {
            case "json":
                console.Out.Write(ManifestDiff.Json(before, after, changes, version));
                break;
            case "msbuild":
                MsBuild(console, oldPath, before, changes, version);
                break;
            default:
                console.Out.Write(ManifestDiff.Markdown(before, after, changes));
                break;
        }

        var summary = changes.Count == 0
            ? $"No change from {before.Version}."
            : $"{changes.Count} change(s) from {before.Version}: {level.ToString().ToLowerInvariant()}, needs version {needed}.";
        console.Error.WriteLine(version is null ? summary : summary + (allowed ? $" {version} allows it." : $" {version} is too low: release it as {needed}."));
        return allowed ? ToolApp.Success : ToolApp.Failure;
    }

    /// <summary>
    /// One line per change, as MSBuild's Exec task reads them: an error (<c>FILE: error DMV001: ...</c>) for
    /// each change that <paramref name="version"/> does not allow, the others as plain lines.
    /// </summary>
    private static void MsBuild(ToolConsole console, string oldPath, Manifest before, System.Collections.Generic.IReadOnlyList<Change> changes, string? version)
    {
        // The highest level the version allows: changes above it are errors.
        var allows = version is null
            ? ChangeLevel.Major
            : new[] { ChangeLevel.Major, ChangeLevel.Minor, ChangeLevel.Patch, ChangeLevel.None }.FirstOrDefault(l => ManifestDiff.Allows(version, ManifestDiff.Needed(before.Version, l)), (ChangeLevel)(-1));
        if ((int)allows < 0)
        {
            console.Out.WriteLine($"{oldPath}: error {VersionCode}: version {version} is older than the baseline {before.Version}.");
        }

        foreach (var change in changes)
        {
            var kind = change.Level.ToString().ToLowerInvariant();
            console.Out.WriteLine(change.Level > allows
                ? $"{oldPath}: error {VersionCode}: {change.Text}: a {kind} change from {before.Version}, needs version {ManifestDiff.Needed(before.Version, change.Level)} (packing {version})."
                : $"{kind}: {change.Text}");
        }
    }

    /// <summary>A version the check can compare (major.minor.patch, an optional pre-release suffix), else bad usage.</summary>
    public static void RequireVersion(string version)
    {
        try
        {
            ManifestDiff.Needed(version, ChangeLevel.None);
        }
        catch (FormatException e)
        {
            throw new ToolException(ToolApp.BadUsage, e.Message + ".");
        }
    }
}
