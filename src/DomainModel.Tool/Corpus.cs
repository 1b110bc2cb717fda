using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Pipeline;

namespace DomainModel.Tool;

/// <summary>
/// The inputs of a corpus, found in folders by the generator's naming rules: <c>*.schema.yaml</c>,
/// <c>*.facts.yaml</c> (or <c>.yml</c>), and source documents <c>*.txt</c> and <c>*.md</c>, in every
/// subfolder except <c>bin</c>, <c>obj</c>, <c>node_modules</c> and hidden ones (<c>.git</c>). Any other
/// <c>*.yaml</c>/<c>*.yml</c> file is passed on too (without its text, which nothing reads), so that the
/// pipeline reports it as the generator reports such an AdditionalFile: DM0030 at the file. A path
/// that is a file is taken as it is. Paths are kept as found (relative to the current folder when the
/// folder was given so), and that is how diagnostics name them.
/// </summary>
internal sealed class Corpus
{
    private static readonly string[] s_skipped = { "bin", "obj", "node_modules" };

    private Corpus(IReadOnlyList<(string Path, string Text)> files, IReadOnlyList<string> roots)
    {
        Files = files;
        Roots = roots;
    }

    /// <summary>Every input file with its text, ordered by path (ordinal).</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; }

    /// <summary>The folders and files given on the command line.</summary>
    public IReadOnlyList<string> Roots { get; }

    public int SchemaFiles => Files.Count(f => InputParser.RoleOf(f.Path) == Generators.Model.FileRole.Schema);

    public int FactsFiles => Files.Count(f => InputParser.RoleOf(f.Path) == Generators.Model.FileRole.Facts);

    public int Documents => Files.Count(f => DocumentReader.IsDocument(f.Path));

    /// <summary>
    /// Finds and reads the inputs under <paramref name="paths"/>. Throws <see cref="ToolException"/> with
    /// exit code 2 for a path that does not exist, and 1 for a file or folder that cannot be read or a
    /// corpus with no schema file.
    /// </summary>
    public static Corpus Load(IReadOnlyList<string> paths, bool requireSchema = true)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (!IsRead(path))
                {
                    throw new ToolException(ToolApp.BadUsage, $"'{path}' is not a DomainModel input (*.schema.yaml, *.facts.yaml, *.txt or *.md).");
                }

                found.Add(path);
            }
            else if (Directory.Exists(path))
            {
                Collect(path, found);
            }
            else
            {
                throw new ToolException(ToolApp.BadUsage, $"'{path}' does not exist (give a corpus folder: its schemas, facts and source documents).");
            }
        }

        var files = new List<(string, string)>(found.Count);
        foreach (var file in found)
        {
            files.Add((file, CorpusPipeline.IsInput(file) ? Read(file) : string.Empty));
        }

        var corpus = new Corpus(files, paths);
        if (requireSchema && corpus.SchemaFiles == 0)
        {
            throw new ToolException(ToolApp.Failure, $"No schema in {Describe(paths)}: no *.schema.yaml file was found ({corpus.FactsFiles} facts files, {corpus.Documents} documents). Give the folder that holds the corpus's schemas too.");
        }

        return corpus;
    }

    private static string Describe(IReadOnlyList<string> paths) => string.Join(", ", paths.Select(p => "'" + p + "'"));

    private static void Collect(string folder, SortedSet<string> found)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(folder).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(ToolApp.Failure, $"Cannot read the folder '{folder}': {e.Message}");
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (Directory.Exists(entry))
            {
                if (!name.StartsWith('.') && !s_skipped.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    Collect(entry, found);
                }
            }
            else if (IsRead(entry))
            {
                found.Add(entry);
            }
        }
    }

    /// <summary>An input, or a YAML file whose name says neither role (the pipeline's DM0030).</summary>
    private static bool IsRead(string path) =>
        CorpusPipeline.IsInput(path) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static string Read(string path)
    {
        try
        {
            // As the compiler reads AdditionalFiles: UTF-8 unless a byte order mark says otherwise, the mark removed.
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ToolException(ToolApp.Failure, $"Cannot read '{path}': {e.Message}");
        }
    }
}

/// <summary>A problem that ends a command with a message (no stack trace) and an exit code.</summary>
internal sealed class ToolException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
