using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Emit;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DomainModel.Generators;

/// <summary>
/// Wires the pipeline, and nothing else: parse (per YAML file) → schema (schema files) → ids (ids of
/// all facts files) → validate (per facts file) → assemble (all facts in id order, in chunks) → emit
/// (per kind, per chunk of rows, per enum, runtime, catalog). Diagnostics travel as data in their own outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DomainModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Select(static (file, _) => (File: file, Role: InputParser.RoleOf(file.Path)))
            .Where(static x => x.Role is not null)
            .Select(static (x, ct) => InputParser.Parse(x.File.Path, x.Role!.Value, x.File.GetText(ct)?.ToString() ?? string.Empty, ct))
            .WithTrackingName(TrackingNames.Parse);

        var documents = context.AdditionalTextsProvider
            .Where(static file => IsDocument(file.Path))
            .Select(static (file, ct) => new DocumentText(System.IO.Path.GetFileName(file.Path), file.Path, QuoteIndex.Normalize(file.GetText(ct)?.ToString() ?? string.Empty)))
            .WithTrackingName(TrackingNames.Documents);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        // Schema: only the schema files; an edit to a facts file leaves it cached.
        var schema = parsed
            .Where(static f => f.Role == FileRole.Schema)
            .Collect()
            .Combine(options)
            .Select(static (x, ct) => Validator.BuildSchema(x.Left, x.Right, ct))
            .WithTrackingName(TrackingNames.Schema);

        // Ids: per file without positions, so an edit to values (or lines) leaves the index cached.
        var ids = parsed
            .Select(static (f, _) => Validator.IdsOf(f))
            .Where(static f => f is not null)
            .Select(static (f, _) => f!)
            .WithTrackingName(TrackingNames.FileIds)
            .Collect()
            .Combine(schema)
            .Select(static (x, ct) => Validator.BuildIndex(x.Left, x.Right, ct))
            .WithTrackingName(TrackingNames.IdIndex);

        // Validate: one facts file at a time, against the schema, the ids and the documents.
        var inputs = schema.Combine(ids).Combine(documents.Collect());
        var files = parsed
            .Where(static f => f.Role == FileRole.Facts)
            .Combine(inputs)
            .Select(static (x, ct) => Validator.ValidateFile(x.Left, x.Right.Left.Left, x.Right.Left.Right, x.Right.Right, ct))
            .WithTrackingName(TrackingNames.ValidateFile);

        // UTF-8 literals keep the rows off the 16 MB user-string heap; they need C# 11 and Encoding.GetString(ReadOnlySpan<byte>).
        var utf8 = context.CompilationProvider
            .Select(static (c, _) => SupportsUtf8(c))
            .WithTrackingName(TrackingNames.Utf8Support);

        // Assemble: every file's facts in id order, cut into chunks (linear, no re-validation).
        var assembled = files.Collect()
            .Combine(schema.Combine(ids))
            .Combine(utf8)
            .Select(static (x, ct) => Validator.Assemble(x.Left.Left, x.Left.Right.Left, x.Left.Right.Right, x.Right, ct))
            .WithTrackingName(TrackingNames.Assemble);

        var idDiagnostics = ids
            .Combine(schema)
            .Combine(parsed.Collect())
            .Select(static (x, _) => Validator.IdDiagnostics(x.Left.Left, x.Left.Right, x.Right))
            .WithTrackingName(TrackingNames.IdDiagnostics);

        // Diagnostics: per file from the parse and validate stages, then the cross-file ones, then options.
        context.RegisterSourceOutput(parsed, static (spc, file) => Report(spc, file.Diagnostics));
        context.RegisterSourceOutput(files, static (spc, file) => Report(spc, file.Diagnostics));
        context.RegisterSourceOutput(schema.Select(static (m, _) => m.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(idDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(assembled.Select(static (m, _) => m.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(options.Select(static (o, _) => o.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        // Sources: each kind's record and catalog, and each chunk of rows separately, so an edit to
        // one fact's values re-emits only the chunk that holds it.
        var kinds = assembled
            .SelectMany(static (m, _) => m.Kinds)
            .WithTrackingName(TrackingNames.KindModels);
        context.RegisterSourceOutput(kinds, static (spc, kind) =>
            spc.AddSource($"{kind.Kind.Name}.g.cs", SourceText.From(Emitter.Kind(kind), Encoding.UTF8)));

        var chunks = assembled
            .SelectMany(static (m, _) => m.Chunks)
            .WithTrackingName(TrackingNames.Chunks);
        context.RegisterSourceOutput(chunks, static (spc, chunk) =>
            spc.AddSource($"{chunk.Kind}.Rows{chunk.Number.ToString(CultureInfo.InvariantCulture)}.g.cs", SourceText.From(Emitter.Chunk(chunk), Encoding.UTF8)));

        var enums = schema
            .SelectMany(static (m, _) => m.Enums.Select(e => (m.Namespace, Enum: e)).ToImmutableArray())
            .WithTrackingName(TrackingNames.EnumModels);
        context.RegisterSourceOutput(enums, static (spc, x) =>
            spc.AddSource($"{x.Enum.Name}.g.cs", SourceText.From(Emitter.Enum(x.Namespace, x.Enum), Encoding.UTF8)));

        var catalog = schema
            .Select(static (m, _) => (m.Namespace, Kinds: m.Kinds.Select(k => new KindSummary(k.Name, k.Plural, k.Description)).ToEquatableArray()))
            .WithTrackingName(TrackingNames.CatalogModel);
        context.RegisterSourceOutput(catalog, static (spc, x) =>
        {
            spc.AddSource("DomainModel.Runtime.g.cs", SourceText.From(Emitter.Runtime(x.Namespace), Encoding.UTF8));
            spc.AddSource("FactCatalog.g.cs", SourceText.From(Emitter.Catalog(x.Namespace, x.Kinds.ToList()), Encoding.UTF8));
        });
    }

    /// <summary>UTF-8 string literals (C# 11) whose bytes the generated code can decode (Encoding.GetString(ReadOnlySpan&lt;byte&gt;)).</summary>
    internal static bool SupportsUtf8(Compilation compilation) =>
        compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 }
        && compilation.GetTypeByMetadataName("System.Text.Encoding") is { } encoding
        && encoding.GetMembers("GetString").Any(static m => m is IMethodSymbol { Parameters.Length: 1 } method
            && method.Parameters[0].Type is INamedTypeSymbol { Name: "ReadOnlySpan", IsGenericType: true } span
            && span.TypeArguments[0].SpecialType == SpecialType.System_Byte);

    internal static bool IsDocument(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    internal static GeneratorOptions ReadOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var ns = "DomainModel";
        if (options.TryGetValue("build_property.DomainModelNamespace", out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            ns = configured.Trim();
        }
        else if (options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root))
        {
            ns = root.Trim();
        }

        if (!IsNamespace(ns))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, LocationInfo.FileStart("DomainModelNamespace"), "DomainModelNamespace", ns, "Use a dotted C# namespace such as 'Acme.Facts'; 'DomainModel' is used instead."));
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
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, LocationInfo.FileStart("DomainModelMaxNamedFactsPerKind"), "DomainModelMaxNamedFactsPerKind", text, $"Use a whole number from 0 to {GeneratorOptions.HardMaxNamedFactsPerKind}; {GeneratorOptions.DefaultMaxNamedFactsPerKind} is used instead."));
            }
        }

        return new GeneratorOptions(ns, max, diagnostics.ToEquatableArray());
    }

    private static bool IsNamespace(string ns) =>
        ns.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'));

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

}
