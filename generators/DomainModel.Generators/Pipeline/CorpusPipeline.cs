using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Layout;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DomainModel.Generators.Pipeline;

/// <summary>
/// The generator's pipeline without Roslyn's driver, for tools (the <c>domainmodel</c> command): given
/// the inputs as (path, text) and the MSBuild properties, it runs the same stages in the same order as
/// <see cref="DomainModelGenerator"/> wires them (role by file name, parse, schema, ids, validate and lay out
/// per file, id diagnostics, document diagnostics, assemble), each behind the same safety net, and returns every
/// diagnostic sorted by path and position plus the validated model. Nothing is emitted and nothing is
/// compiled. Pure: it reads no file (the caller reads them) and no clock.
/// </summary>
internal static class CorpusPipeline
{
    /// <summary>
    /// The properties a .NET 10 project with C# 11 or later passes to the generator: what the tool assumes
    /// unless told otherwise (they decide UTF-8 rows, which some size limits depend on).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultProperties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["build_property.TargetFrameworkIdentifier"] = ".NETCoreApp",
        ["build_property.TargetFrameworkVersion"] = "v10.0",
    };

    /// <summary>True when the file is an input the generator reads: a schema, a facts file or a source document.</summary>
    public static bool IsInput(string path) => InputParser.RoleOf(path) is not null || DocumentReader.IsDocument(path);

    /// <summary>
    /// Runs the pipeline. <paramref name="buildProperties"/> are the global analyzer options
    /// (<c>build_property.DomainModelNamespace</c>, …), null for <see cref="DefaultProperties"/>;
    /// <paramref name="utf8Literals"/> says whether the project's C# version has UTF-8 literals (11 or later).
    /// <paramref name="progress"/> is told (stage, done, total) as files are parsed and validated.
    /// </summary>
    public static CorpusResult Run(
        IEnumerable<(string Path, string Text)> inputs,
        IReadOnlyDictionary<string, string>? buildProperties = null,
        bool utf8Literals = true,
        Action<string, int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var files = inputs.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        // Behind the safety net, with the same fallback as the generator's options step.
        var options = DomainModelGenerator.Safely(
            "options",
            "the MSBuild options",
            () => DomainModelGenerator.ReadOptions(new PropertyOptions(buildProperties ?? DefaultProperties)),
            error => GeneratorOptions.Default with { Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { error }) });
        var mode = new RowMode(utf8Literals && options.Utf8Runtime, options.PackRows);

        // Parse: every schema and facts file, each on its own (as the generator's per-file step).
        var yaml = files.Select(f => (f.Path, f.Text, Role: InputParser.RoleOf(f.Path))).Where(f => f.Role is not null).ToList();
        var parsed = new ParsedFile[yaml.Count];
        var done = 0;
        ForEach(yaml.Count, i =>
        {
            parsed[i] = InputParser.Parse(yaml[i].Path, yaml[i].Role!.Value, yaml[i].Text, cancellationToken);
            progress?.Invoke("parse", Interlocked.Increment(ref done), yaml.Count);
        });

        var documents = files
            .Where(f => DocumentReader.IsDocument(f.Path))
            .Select(f => DocumentReader.Read(f.Path, f.Text))
            .ToList();

        var schema = DomainModelGenerator.Safely(
            "schema",
            "the schema (cross-file validation)",
            () => SchemaStage.Build(parsed.Where(f => f.Role == FileRole.Schema), options, cancellationToken),
            error => SchemaStage.Failed(options, error));

        var fileIds = parsed
            .Select(f => DomainModelGenerator.Safely(
                "file-ids:" + System.IO.Path.GetFileName(f.Path),
                "the fact ids of this file",
                () => IdStage.IdsOf(f),
                error => IdStage.FailedIds(f, error),
                LocationInfo.FileStart(f.Path)))
            .Where(f => f is not null)
            .Select(f => f!)
            .ToList();
        var index = DomainModelGenerator.Safely(
            "ids",
            "the fact ids (cross-file validation)",
            () => IdStage.BuildIndex(fileIds, schema, cancellationToken),
            error => IdStage.FailedIndex(schema, error));

        // Each document's quote index is built on first use; build them before files are validated in
        // parallel, so that no two files build the same one. A failure here is left to the validate step,
        // which reports it at the file as the generator does.
        foreach (var document in documents.Where(d => d.Normalized.Length <= QuoteIndex.MaxDocumentChars))
        {
            try
            {
                _ = QuoteIndex.Of(document);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
            }
        }

        var factsFiles = parsed.Where(f => f.Role == FileRole.Facts).ToList();
        var results = new FileResult[factsFiles.Count];
        done = 0;
        ForEach(factsFiles.Count, i =>
        {
            var file = factsFiles[i];
            results[i] = DomainModelGenerator.Safely(
                "validate:" + System.IO.Path.GetFileName(file.Path),
                "this file",
                () => FactsStage.Validate(file, schema, index, documents, cancellationToken),
                error => new FileResult(file.Path, null, EquatableArray<ValidatedFact>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error })),
                LocationInfo.FileStart(file.Path));
            progress?.Invoke("validate", Interlocked.Increment(ref done), factsFiles.Count);
        });

        var laidOut = results
            .Select(file => DomainModelGenerator.Safely(
                "layout:" + System.IO.Path.GetFileName(file.Path),
                "the layout of this file",
                () => FactLayout.File(file, schema, cancellationToken),
                error => new LaidOutFile(file.Path, null, EquatableArray<EmittedFact>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error })),
                LocationInfo.FileStart(file.Path)))
            .ToList();

        var assembled = DomainModelGenerator.Safely(
            "assemble",
            "the model (cross-file assembly)",
            () => Assembler.Assemble(laidOut, schema, index, mode, cancellationToken),
            error => Assembler.Failed(schema, error));

        var idDiagnostics = DomainModelGenerator.Safely(
            "id-diagnostics",
            "the fact id diagnostics (cross-file validation)",
            () => IdStage.Diagnostics(index, schema, parsed),
            error => new EquatableArray<DiagnosticInfo>(new[] { error }));

        var documentDiagnostics = DomainModelGenerator.Safely(
            "documents",
            "the source documents (cross-file validation)",
            () => DocumentStage.Diagnostics(
                DomainModelGenerator.Safely("document-problems", "the source documents", () => DocumentStage.Problems(documents), DocumentStage.Failed),
                parsed,
                schema),
            error => new EquatableArray<DiagnosticInfo>(new[] { error }));

        // The generator's reporting order (parse, schema, ids, files, documents, assembly, options), then a
        // stable sort by path and position: what a build lists, in a fixed order.
        var diagnostics = parsed.SelectMany(f => f.Diagnostics)
            .Concat(schema.Diagnostics)
            .Concat(idDiagnostics)
            .Concat(results.SelectMany(f => f.Diagnostics))
            .Concat(laidOut.SelectMany(f => f.Diagnostics))
            .Concat(documentDiagnostics)
            .Concat(assembled.Diagnostics)
            .Concat(options.Diagnostics)
            .Concat(InputParser.UnreadInputs(files.Select(f => f.Path)))
            .OrderBy(d => d)
            .ToList();

        return new CorpusResult(parsed, documents, schema, index, results, assembled, diagnostics);
    }

    /// <summary>
    /// A diagnostic as the C# compiler prints it (Roslyn's DiagnosticFormatter, invariant culture):
    /// <c>path(line,col): error DM0005: message (help link)</c>, or <c>error DM0027: message (help link)</c>
    /// when it has no file.
    /// With <paramref name="warningsAsErrors"/>, a warning is printed as an error (as TreatWarningsAsErrors does).
    /// </summary>
    public static string Format(DiagnosticInfo diagnostic, bool warningsAsErrors = false)
    {
        var level = Severity(diagnostic);
        if (warningsAsErrors && level == DiagnosticSeverity.Warning)
        {
            level = DiagnosticSeverity.Error;
        }

        var severity = level switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
        // As the compiler, the message is followed by the descriptor's help link (docs/diagnostics.md#dm0005).
        var help = DiagnosticDescriptors.ById(diagnostic.Id).HelpLinkUri;
        var head = severity + " " + diagnostic.Id + ": " + diagnostic.Message + (string.IsNullOrEmpty(help) ? string.Empty : " (" + help + ")");
        if (string.IsNullOrEmpty(diagnostic.Location.Path))
        {
            return head;
        }

        var line = Math.Max(0, diagnostic.Location.Line) + 1;
        var column = Math.Max(0, diagnostic.Location.Column) + 1;
        return diagnostic.Location.Path + "(" + line.ToString(CultureInfo.InvariantCulture) + "," + column.ToString(CultureInfo.InvariantCulture) + "): " + head;
    }

    /// <summary>The diagnostic's default severity (a build may raise warnings to errors; the tool reports the defaults).</summary>
    public static DiagnosticSeverity Severity(DiagnosticInfo diagnostic) => DiagnosticDescriptors.ById(diagnostic.Id).DefaultSeverity;

    private static void ForEach(int count, Action<int> body)
    {
        // Files are independent (as in the generator's per-file steps): parse and validate them in parallel
        // when there are enough to pay for it; results go to their own slots, so the order never changes.
        if (count < 8)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        System.Threading.Tasks.Parallel.For(0, count, body);
    }

    /// <summary>Global analyzer options from a dictionary (<c>build_property.Name</c> → value).</summary>
    private sealed class PropertyOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}

/// <summary>
/// What <see cref="CorpusPipeline.Run"/> gives: every stage's output (facts files' results in path order)
/// and all diagnostics, sorted.
/// </summary>
internal sealed record CorpusResult(
    IReadOnlyList<ParsedFile> Parsed,
    IReadOnlyList<DocumentText> Documents,
    SchemaModel Schema,
    IdIndex Index,
    IReadOnlyList<FileResult> Files,
    AssembledModel Assembled,
    IReadOnlyList<DiagnosticInfo> Diagnostics)
{
    public int Errors => Diagnostics.Count(d => CorpusPipeline.Severity(d) == DiagnosticSeverity.Error);

    public int Warnings => Diagnostics.Count(d => CorpusPipeline.Severity(d) == DiagnosticSeverity.Warning);

    /// <summary>
    /// The facts of a kind in index order (by id, ordinal), as the generated catalog's <c>All</c> lists
    /// them: the assembled chunks' facts, the ones the generator emits.
    /// </summary>
    public IReadOnlyList<EmittedFact> Facts(string kind) =>
        Assembled.Chunks.Where(c => c.Kind == kind).OrderBy(c => c.Number).SelectMany(c => c.Facts).ToList();

    /// <summary>
    /// Whether every fact of a kind has a named catalog property: a kind past DomainModelMaxNamedFactsPerKind
    /// has one only for the facts the consuming code names (not known without that code).
    /// </summary>
    public bool AllNamed(string kind) => Assembled.Chunks.Where(c => c.Kind == kind).All(c => c.Named);
}
