using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Emit;
using DomainModel.Generators.Layout;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DomainModel.Generators;

/// <summary>
/// Wires the pipeline, and nothing else: parse (per YAML file, per document) → schema (schema files) →
/// ids (per facts file, then all of them) → validate (per facts file) → lay out (per facts file: rows
/// encoded and measured) → assemble (all facts in id order, in chunks) → emit (per kind, per chunk of
/// rows, per enum, runtime, catalog). Each step's inputs are a named record (see <see cref="StageInputs"/>),
/// and each stage runs behind a safety net (<see cref="Safely"/>: DM0026). Diagnostics travel as data in
/// their own outputs. Nothing is derived from the compilation: the pipeline reads only AdditionalFiles,
/// the parse options and the MSBuild options; of the C# code only each file's identifiers (facts named
/// on use), so an edit to C# code re-runs nothing but the scan of the edited file.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DomainModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Parse: each YAML file in its own step (with its own safety net, inside InputParser.Parse).
        var parsed = context.AdditionalTextsProvider
            .Select(static (file, _) => (File: file, Role: InputParser.RoleOf(file.Path)))
            .WithTrackingName(TrackingNames.InputFiles)
            .Where(static x => x.Role is not null)
            // The text as a value: the compiler server's cached pipeline (enable-generator-cache) gets new
            // AdditionalText objects on every build, and a file whose text is unchanged is then not parsed again.
            .Select(static (x, ct) => new InputText(x.File.Path, x.File.GetText(ct)?.ToString() ?? string.Empty, x.Role))
            .WithTrackingName(TrackingNames.InputTexts)
            .Select(static (x, ct) => InputParser.Parse(x.Path, x.Role!.Value, x.Text, ct))
            .WithTrackingName(TrackingNames.Parse);

        var documents = context.AdditionalTextsProvider
            .Where(static file => DocumentReader.IsDocument(file.Path))
            .Select(static (file, ct) => new InputText(file.Path, file.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.DocumentTexts)
            .Select(static (x, _) => DocumentReader.Read(x.Path, x.Text))
            .WithTrackingName(TrackingNames.Documents);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Safely(
                "options",
                "the MSBuild options",
                () => ReadOptions(provider.GlobalOptions),
                error => GeneratorOptions.Default with { Diagnostics = new EquatableArray<DiagnosticInfo>(new[] { error }) }))
            .WithTrackingName(TrackingNames.Options);

        // UTF-8 literals keep the rows off the 16 MB user-string heap. They need C# 11 (the parse options)
        // and Encoding.GetString(ReadOnlySpan<byte>) at run time (the target framework, an MSBuild
        // property): never the compilation, so that an edit to C# code re-runs nothing.
        var utf8 = context.ParseOptionsProvider
            .Select(static (parse, _) => SupportsUtf8Literals(parse))
            .Join(options.Select(static (o, _) => (o.Utf8Runtime, o.PackRows)), static (supported, o) => new RowMode(supported && o.Utf8Runtime, o.PackRows))
            .WithTrackingName(TrackingNames.Utf8Rows);

        // The generated code uses record structs: below C# 10 say so once, in our words, at the start of
        // the error list (the compiler's own CS8773 errors in generated files follow).
        var languageVersion = context.ParseOptionsProvider
            .Select(static (parse, _) => parse is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest);
        context.RegisterSourceOutput(languageVersion, static (spc, version) =>
        {
            if (version < LanguageVersion.CSharp10)
            {
                spc.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, LocationInfo.None, version.ToDisplayString()).ToDiagnostic());
            }
        });

        // Schema: only the schema files; an edit to a facts file leaves it cached.
        var schema = parsed
            .Where(static f => f.Role == FileRole.Schema)
            .Collect()
            .Join(options, static (files, o) => new SchemaInputs(files, o))
            .Select(static (x, ct) => Safely(
                "schema",
                "the schema (cross-file validation)",
                () => SchemaStage.Build(x.SchemaFiles, x.Options, ct),
                error => SchemaStage.Failed(x.Options, error)))
            .WithTrackingName(TrackingNames.Schema);

        // Ids: per file without positions, so an edit to values (or lines) leaves the index cached.
        var ids = parsed
            .Select(static (f, _) => Safely(
                "file-ids:" + System.IO.Path.GetFileName(f.Path),
                "the fact ids of this file",
                () => IdStage.IdsOf(f),
                error => IdStage.FailedIds(f, error),
                LocationInfo.FileStart(f.Path)))
            .Where(static f => f is not null)
            .Select(static (f, _) => f!)
            .WithTrackingName(TrackingNames.FileIds)
            .Collect()
            .Join(schema, static (files, s) => new IdInputs(files, s))
            .Select(static (x, ct) => Safely(
                "ids",
                "the fact ids (cross-file validation)",
                () => IdStage.BuildIndex(x.Files, x.Schema, ct),
                error => IdStage.FailedIndex(x.Schema, error)))
            .WithTrackingName(TrackingNames.IdIndex);

        // Validate: one facts file at a time, against the schema, the ids and the documents.
        var factsContext = schema
            .Join(ids, static (s, i) => (Schema: s, Index: i))
            .Join(documents.Collect(), static (x, d) => new FactsContext(x.Schema, x.Index, d));
        var files = parsed
            .Where(static f => f.Role == FileRole.Facts)
            .Join(factsContext, static (f, c) => new FactsInputs(f, c))
            .Select(static (x, ct) => Safely(
                "validate:" + System.IO.Path.GetFileName(x.File.Path),
                "this file",
                () => FactsStage.Validate(x.File, x.Context.Schema, x.Context.Index, x.Context.Documents, ct),
                error => new FileResult(x.File.Path, null, EquatableArray<ValidatedFact>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error })),
                LocationInfo.FileStart(x.File.Path)))
            .WithTrackingName(TrackingNames.ValidateFile);

        // Lay out: one facts file at a time, each row encoded and measured once.
        var laidOut = files
            .Join(schema, static (f, s) => new LayoutInputs(f, s))
            .Select(static (x, ct) => Safely(
                "layout:" + System.IO.Path.GetFileName(x.File.Path),
                "the layout of this file",
                () => FactLayout.File(x.File, x.Schema, ct),
                error => new LaidOutFile(x.File.Path, null, EquatableArray<EmittedFact>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error })),
                LocationInfo.FileStart(x.File.Path)))
            .WithTrackingName(TrackingNames.LayoutFile);

        // Assemble: every file's facts in id order, cut into chunks (linear, no re-validation, no re-encoding).
        var assembled = laidOut.Collect()
            .Join(schema, static (f, s) => (Files: f, Schema: s))
            .Join(ids, static (x, i) => (x.Files, x.Schema, Index: i))
            .Join(utf8, static (x, m) => new AssembleInputs(x.Files, x.Schema, x.Index, m))
            .Select(static (x, ct) => Safely(
                "assemble",
                "the model (cross-file assembly)",
                () => Assembler.Assemble(x.Files, x.Schema, x.Index, x.Mode, ct),
                error => Assembler.Failed(x.Schema, error)))
            .WithTrackingName(TrackingNames.Assemble);

        // Diagnostics that need the positions of facts in other files: only computed when there is one.
        var idDiagnostics = ids
            .Join(schema, static (i, s) => (Index: i, Schema: s))
            .Join(parsed.Collect(), static (x, p) => new IdDiagnosticInputs(x.Index, x.Schema, p))
            .Select(static (x, _) => Safely(
                "id-diagnostics",
                "the fact id diagnostics (cross-file validation)",
                () => IdStage.Diagnostics(x.Index, x.Schema, x.Files),
                error => new EquatableArray<DiagnosticInfo>(new[] { error })))
            .WithTrackingName(TrackingNames.IdDiagnostics);

        var documentDiagnostics = documents.Collect()
            .Select(static (d, _) => Safely(
                "document-problems",
                "the source documents",
                () => DocumentStage.Problems(d),
                DocumentStage.Failed))
            .WithTrackingName(TrackingNames.DocumentProblems)
            .Join(parsed.Collect(), static (c, p) => (Check: c, Files: p))
            .Join(schema, static (x, s) => new DocumentInputs(x.Check, x.Files, s))
            .Select(static (x, _) => Safely(
                "documents",
                "the source documents (cross-file validation)",
                () => DocumentStage.Diagnostics(x.Check, x.Files, x.Schema),
                error => new EquatableArray<DiagnosticInfo>(new[] { error })))
            .WithTrackingName(TrackingNames.DocumentDiagnostics);

        var catalog = schema
            .Select(static (m, _) => Safely(
                "catalog",
                "the fact catalog",
                () => CatalogLayout.Of(m),
                error => CatalogLayout.Failed(m, error)))
            .WithTrackingName(TrackingNames.CatalogModel);

        // Inputs nothing reads (a YAML file misnamed, no schema at all): from the paths alone.
        var unread = context.AdditionalTextsProvider
            .Select(static (file, _) => file.Path)
            .Collect()
            .Select(static (paths, _) => InputParser.UnreadInputs(paths));
        context.RegisterSourceOutput(unread, static (spc, diagnostics) => Report(spc, diagnostics));

        // Diagnostics: per-file ones of all files, sorted by path and position whatever order the
        // AdditionalFiles come in; then the cross-file ones; then options.
        context.RegisterSourceOutput(Sorted(parsed.Select(static (f, _) => f.Diagnostics)), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(schema.Select(static (m, _) => m.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(idDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(Sorted(files.Select(static (f, _) => f.Diagnostics)), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(Sorted(laidOut.Select(static (f, _) => f.Diagnostics)), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(documentDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(assembled.Select(static (m, _) => m.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(catalog.Select(static (m, _) => m.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(options.Select(static (o, _) => o.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        // Sources: each kind's record and catalog, and each chunk of rows separately, so an edit to
        // one fact's values re-emits only the chunk that holds it.
        var kinds = assembled
            .SelectMany(static (m, _) => m.Kinds)
            .WithTrackingName(TrackingNames.KindModels);
        context.RegisterSourceOutput(kinds, static (spc, kind) =>
            EmitSafely(spc, "kind", kind.Kind.Name, () => Emitter.Kind(kind)));

        var chunks = assembled
            .SelectMany(static (m, _) => m.Chunks)
            .WithTrackingName(TrackingNames.Chunks);
        context.RegisterSourceOutput(chunks, static (spc, chunk) =>
            EmitSafely(spc, "rows", $"{chunk.Kind}.Rows{chunk.Number.ToString(CultureInfo.InvariantCulture)}", () => Emitter.Chunk(chunk)));

        // Facts named on use: in a kind past DomainModelMaxNamedFactsPerKind, a named property for each fact
        // the code names. Each C# file's identifiers are scanned on their own (syntax only; an edit re-scans
        // that file) and matched against the fact ids, so an edit that names no new fact changes nothing after the scan.
        var candidates = ids
            .Join(schema, static (i, s) => new UsageCandidates(i, s.MaxNamedFactsPerKind))
            .WithTrackingName(TrackingNames.UsageCandidates);
        var used = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => node is CompilationUnitSyntax, static (syntax, ct) => IdentifierScan.Of(syntax.Node, ct))
            .WithTrackingName(TrackingNames.Identifiers)
            .Join(candidates, static (names, c) => NamedOnUse.Match(names, c))
            .WithTrackingName(TrackingNames.UsedNames)
            .Collect()
            .Select(static (files, _) => NamedOnUse.Union(files));
        var namedOnUse = used
            .Join(assembled, static (u, a) => new NamedInputs(u, a))
            .Select(static (x, _) => Safely(
                "named-on-use",
                "the facts your code names",
                () => NamedOnUse.Models(x.Uses, x.Assembled),
                error => EquatableArray<NamedModel>.Empty))
            .WithTrackingName(TrackingNames.NamedOnUse)
            .SelectMany(static (models, _) => models);
        context.RegisterSourceOutput(namedOnUse, static (spc, model) =>
            EmitSafely(spc, "named", model.Plural + ".Named", () => Emitter.Named(model)));

        var enums = schema
            .SelectMany(static (m, _) => m.Enums.Select(e => (m.Namespace, Enum: e)).ToImmutableArray())
            .WithTrackingName(TrackingNames.EnumModels);
        context.RegisterSourceOutput(enums, static (spc, x) =>
            EmitSafely(spc, "enum", x.Enum.Name, () => Emitter.Enum(x.Namespace, x.Enum)));

        context.RegisterSourceOutput(catalog, static (spc, x) =>
            EmitSafely(spc, "catalog", "FactCatalog", () => Emitter.Catalog(x.Namespace, x.Kinds.ToList())));
    }

    /// <summary>UTF-8 string literals (<c>"..."u8</c>) need C# 11 or later.</summary>
    internal static bool SupportsUtf8Literals(ParseOptions options) =>
        options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 };

    /// <summary>
    /// Whether the target framework gets a DomainModel.Runtime asset with the UTF-8 row decoders
    /// (FactRow.Utf8(ReadOnlySpan&lt;byte&gt;), in its netstandard2.1 and net8.0 builds): .NET Standard 2.1,
    /// and .NET Core 3.0 and later (every .NET 5+), which NuGet gives the netstandard2.1 asset or a
    /// newer one. Not .NET Core 2.x: it implements only .NET Standard 2.0, whose asset has no span API.
    /// Read from MSBuild (TargetFrameworkIdentifier and TargetFrameworkVersion, made visible by the
    /// package's build props).
    /// </summary>
    internal static bool TargetFrameworkSupportsUtf8Rows(string? identifier, string? version)
    {
        if (identifier is null || version is null || !Version.TryParse(version.Trim().TrimStart('v', 'V'), out var parsed))
        {
            return false;
        }

        return identifier.Trim() switch
        {
            ".NETCoreApp" => parsed >= new Version(3, 0),
            ".NETStandard" => parsed >= new Version(2, 1),
            _ => false,
        };
    }

    /// <summary>
    /// Runs a stage with a safety net: a bug of ours becomes DM0026 (with the stage's fallback result, at
    /// <paramref name="location"/> or at no location) instead of an exception that would drop all output
    /// (CS8785). <see cref="FaultInjection"/> can make any <paramref name="stage"/> fail, for tests.
    /// </summary>
    internal static T Safely<T>(string stage, string what, Func<T> run, Func<DiagnosticInfo, T> fallback, LocationInfo location = default)
    {
        try
        {
            FaultInjection.Check(stage);
            return run();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return fallback(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location.Path is null ? LocationInfo.None : location, what, ex.GetType().Name + ": " + ex.Message));
        }
    }

    /// <summary>Emits one source; a bug of ours becomes DM0026 for that output only.</summary>
    private static void EmitSafely(SourceProductionContext context, string what, string name, Func<string> render)
    {
        string text;
        try
        {
            FaultInjection.Check("emit:" + name);
            text = render();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.None, $"{what} '{name}'", ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
            return;
        }

        context.AddSource(name + ".g.cs", SourceText.From(text, Encoding.UTF8));
    }

    /// <summary>The diagnostics of every item of a per-file step, as one array sorted by path and position.</summary>
    private static IncrementalValueProvider<EquatableArray<DiagnosticInfo>> Sorted(IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> perFile) =>
        perFile
            .Collect()
            .Select(static (files, _) => files.SelectMany(static d => d).OrderBy(static d => d).ToEquatableArray());

    internal static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var ns = "DomainModel";
        var source = "DomainModelNamespace";
        if (options.TryGetValue("build_property.DomainModelNamespace", out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            ns = configured.Trim();
        }
        else if (options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root))
        {
            ns = root.Trim();
            source = "RootNamespace";
        }

        if (!IsNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, LocationInfo.None, source, ns, "Use a dotted C# namespace such as 'Acme.Facts' (letters, digits and '_', no keywords), or set DomainModelNamespace; 'DomainModel' is used instead."));
            ns = "DomainModel";
        }

        var max = GeneratorOptions.DefaultMaxNamedFactsPerKind;
        if (options.TryGetValue("build_property.DomainModelMaxNamedFactsPerKind", out var text) && !string.IsNullOrWhiteSpace(text))
        {
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= GeneratorOptions.HardMaxNamedFactsPerKind)
            {
                max = value;
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, LocationInfo.None, "DomainModelMaxNamedFactsPerKind", text, $"Use a whole number from 0 to {GeneratorOptions.HardMaxNamedFactsPerKind}; {GeneratorOptions.DefaultMaxNamedFactsPerKind} is used instead."));
            }
        }

        // UTF-8 rows: decided from the target framework unless DomainModelUtf8Rows says otherwise.
        options.TryGetValue("build_property.TargetFrameworkIdentifier", out var identifier);
        options.TryGetValue("build_property.TargetFrameworkVersion", out var version);
        var fromFramework = TargetFrameworkSupportsUtf8Rows(identifier, version);
        var utf8 = ReadBool(options, "DomainModelUtf8Rows", diagnostics, $"Use true or false, or leave it empty to decide from the target framework; {(fromFramework ? "true" : "false")} (from the target framework) is used instead.")
            ?? fromFramework;

        // Packed rows: by size ("auto", the default) unless DomainModelPackRows says otherwise.
        var pack = ReadBool(options, "DomainModelPackRows", diagnostics, "Use true, false or auto (the default: rows are packed when the UTF-8 rows exceed 1 MiB in all); auto is used instead.", "auto");

        // Evidence in the named properties' doc comments: on unless DomainModelEvidenceDocs=false.
        var evidenceDocs = ReadBool(options, "DomainModelEvidenceDocs", diagnostics, "Use true (the default: each named fact's doc comment gives its id and evidence) or false (its summary only; the evidence stays in Provenance); true is used instead.")
            ?? true;

        return new GeneratorOptions(ns, max, diagnostics.ToEquatableArray(), utf8, pack, evidenceDocs);
    }

    /// <summary>
    /// A true/false MSBuild property: null when it is not set, empty or <paramref name="unset"/>; any other
    /// value is DM0027 (with <paramref name="hint"/>) and null, so the caller's default applies.
    /// </summary>
    private static bool? ReadBool(AnalyzerConfigOptions options, string property, List<DiagnosticInfo> diagnostics, string hint, string? unset = null)
    {
        if (!options.TryGetValue("build_property." + property, out var text) || string.IsNullOrWhiteSpace(text)
            || (unset is not null && string.Equals(text.Trim(), unset, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, LocationInfo.None, property, text, hint));
        return null;
    }

    /// <summary>A dotted name whose parts are C# identifiers, not keywords, and not 'global' (which would read as the alias).</summary>
    internal static bool IsNamespace(string ns) =>
        ns.Length <= 512 && ns.Split('.').All(part =>
            part.Length > 0
            && (char.IsLetter(part[0]) || part[0] == '_')
            && part.All(c => char.IsLetterOrDigit(c) || c == '_')
            && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None
            && part != "global"
            && part != "__arglist" && part != "__makeref" && part != "__reftype" && part != "__refvalue");

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
