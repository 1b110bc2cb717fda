using System.CommandLine;
using System.IO;
using DomainModel.Tool.Evolution;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel manifest DIR... --version V [-o FILE]</c>: the public surface of the corpus's package
/// (kinds, fields, enum members, facts and their values) as JSON: the released baseline that
/// <c>domainmodel diff</c> and the pack check compare with (docs/versioning.md).
/// </summary>
internal static class ManifestCommand
{
    public static Command Create(ToolConsole console)
    {
        var paths = ToolApp.PathsArgument("Corpus folders (or files), as for check.");
        var properties = ToolApp.PropertyOption();
        var version = new Option<string>("--version") { Description = "The package version this manifest is released as.", Required = true, HelpName = "X.Y.Z" };
        var package = new Option<string?>("--package") { Description = "The package id (default: the generated namespace).", HelpName = "ID" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the manifest to this file (default: standard output).", HelpName = "FILE" };
        var command = new Command("manifest", "Writes the corpus's public surface and values as a JSON manifest: a release's baseline for diff.")
        {
            paths,
            properties,
            version,
            package,
            output,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(paths)!,
            ToolApp.Properties(parse.GetValue(properties)),
            parse.GetValue(version)!,
            parse.GetValue(package),
            parse.GetValue(output)));
        return command;
    }

    public static int Run(ToolConsole console, string[] paths, System.Collections.Generic.IReadOnlyDictionary<string, string> properties, string version, string? package, string? output)
    {
        DiffCommand.RequireVersion(version);
        var json = ManifestSource.FromCorpus(paths, properties, package, version).ToJson();
        if (output is null)
        {
            console.Out.Write(json);
            return ToolApp.Success;
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
            Directory.CreateDirectory(folder);
            File.WriteAllText(output, json, new System.Text.UTF8Encoding(false));
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
        {
            throw new ToolException(ToolApp.Failure, $"Cannot write '{output}': {e.Message}");
        }

        console.Error.WriteLine($"Wrote {output} (version {version}).");
        return ToolApp.Success;
    }
}
