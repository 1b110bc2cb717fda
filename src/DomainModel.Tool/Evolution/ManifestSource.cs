using System;
using System.Collections.Generic;
using System.IO;
using DomainModel.Generators.Pipeline;

namespace DomainModel.Tool.Evolution;

/// <summary>
/// Where a manifest comes from: a manifest file (<c>*.json</c>, as <c>domainmodel manifest</c> writes it)
/// or a corpus folder, read and validated by the generator's pipeline.
/// </summary>
internal static class ManifestSource
{
    public const string CreateHint = "Create it from the released corpus with 'domainmodel manifest DIR --version X.Y.Z -o FILE' (docs/versioning.md).";

    public static bool IsManifestFile(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The manifest at <paramref name="path"/>. A manifest file that is missing or unreadable, or a corpus
    /// with errors, is a <see cref="ToolException"/> (exit 1) that says what to do.
    /// </summary>
    public static Manifest Load(string path, IReadOnlyDictionary<string, string> properties, string? package, string? version)
    {
        if (IsManifestFile(path))
        {
            if (!File.Exists(path))
            {
                throw new ToolException(ToolApp.Failure, $"The manifest '{path}' does not exist. {CreateHint}");
            }

            try
            {
                var manifest = Manifest.Parse(File.ReadAllText(path));
                return version is null ? manifest : manifest with { Version = version };
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                throw new ToolException(ToolApp.Failure, $"Cannot read the manifest '{path}': {e.Message.TrimEnd('.')}. {CreateHint}");
            }
        }

        return FromCorpus(new[] { path }, properties, package, version ?? "1.0.0");
    }

    /// <summary>The manifest of a corpus; a corpus with errors has none (its facts are not what a build would emit).</summary>
    public static Manifest FromCorpus(IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> properties, string? package, string version)
    {
        var corpus = Corpus.Load(paths);
        var result = CorpusPipeline.Run(corpus.Files, properties);
        if (result.Errors > 0)
        {
            throw new ToolException(ToolApp.Failure, $"The corpus {string.Join(", ", paths)} has {result.Errors} error(s): the build would fail, so it has no manifest. Run 'domainmodel check {string.Join(" ", paths)}' to list them.");
        }

        return Manifest.From(result, package ?? result.Schema.Namespace, version);
    }
}
