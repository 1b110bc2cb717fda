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
using Microsoft.CodeAnalysis.Text;

namespace DomainModel.Generators;

/// <summary>
/// Wires the pipeline, and nothing else: parse (per YAML file) → validate (all files and documents)
/// → emit (per kind, per enum, runtime, catalog). Diagnostics travel as data in their own outputs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DomainModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.AdditionalTextsProvider
            .Select(static (file, _) => (File: file, Role: InputParser.RoleOf(file.Path)))
            .WithTrackingName(TrackingNames.InputFiles)
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

        var validated = parsed.Collect()
            .Combine(documents.Collect())
            .Combine(options)
            .Select(static (x, ct) => ValidateSafely(x.Left.Left, x.Left.Right, x.Right, ct))
            .WithTrackingName(TrackingNames.Validate);

        // Diagnostics: those of the parse stage (all files, by path and position, whatever order the
        // AdditionalFiles come in), then the cross-file ones, then options.
        var parseDiagnostics = parsed
            .Select(static (file, _) => file.Diagnostics)
            .Collect()
            .Select(static (files, _) => files.SelectMany(static d => d).OrderBy(static d => d).ToEquatableArray());
        context.RegisterSourceOutput(parseDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(validated.Select(static (m, _) => m.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));
        context.RegisterSourceOutput(options.Select(static (o, _) => o.Diagnostics), static (spc, diagnostics) => Report(spc, diagnostics));

        // Sources: each kind separately, so an edit to one kind's facts re-emits only that kind.
        // Each kind's emitter needs only the catalog names of the kinds it references.
        var plurals = validated.Select(static (m, _) => m.Kinds.Select(k => (k.Name, k.Plural)).ToEquatableArray());
        var kinds = validated
            .SelectMany(static (m, _) => m.Kinds.Select(k => new KindOutput(m.Namespace, k)).ToImmutableArray())
            .Combine(plurals)
            .WithTrackingName(TrackingNames.KindModels);
        context.RegisterSourceOutput(kinds, static (spc, x) => EmitSafely(spc, "kind", x.Left.Kind.Name, () =>
        {
            var map = x.Right.ToDictionary(k => k.Name, k => k.Plural, StringComparer.Ordinal);
            return Emitter.Kind(x.Left.Namespace, x.Left.Kind, map);
        }));

        var enums = validated
            .SelectMany(static (m, _) => m.Enums.Select(e => (m.Namespace, Enum: e)).ToImmutableArray())
            .WithTrackingName(TrackingNames.EnumModels);
        context.RegisterSourceOutput(enums, static (spc, x) =>
            EmitSafely(spc, "enum", x.Enum.Name, () => Emitter.Enum(x.Namespace, x.Enum)));

        var catalog = validated
            .Select(static (m, _) => (m.Namespace, Kinds: m.Kinds.Select(k => KindSummary.From(k)).ToEquatableArray()))
            .WithTrackingName(TrackingNames.CatalogModel);
        context.RegisterSourceOutput(catalog, static (spc, x) =>
        {
            EmitSafely(spc, "runtime", "DomainModel.Runtime", () => Emitter.Runtime(x.Namespace));
            EmitSafely(spc, "catalog", "FactCatalog", () => Emitter.Catalog(x.Namespace, x.Kinds.ToList()));
        });
    }

    /// <summary>
    /// Validation with a safety net: a bug of ours becomes DM0026 (and no kinds are generated) instead of
    /// an exception that would drop all output (CS8785).
    /// </summary>
    internal static ValidatedModel ValidateSafely(ImmutableArray<ParsedFile> files, ImmutableArray<DocumentText> documents, GeneratorOptions options, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            FaultInjection.Check("validate");
            return Validator.Validate(files, documents, options, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.None, "the model (cross-file validation)", ex.GetType().Name + ": " + ex.Message);
            return new ValidatedModel(options.Namespace, EquatableArray<EnumModel>.Empty, EquatableArray<KindModel>.Empty, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
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

    internal static bool IsDocument(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    internal static GeneratorOptions ReadOptions(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options)
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

        return new GeneratorOptions(ns, max, diagnostics.ToEquatableArray());
    }

    /// <summary>A dotted name whose parts are C# identifiers, not keywords, and not 'global' (which would read as the alias).</summary>
    internal static bool IsNamespace(string ns) =>
        ns.Length <= 512 && ns.Split('.').All(part =>
            part.Length > 0
            && (char.IsLetter(part[0]) || part[0] == '_')
            && part.All(c => char.IsLetterOrDigit(c) || c == '_')
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
            && part != "global"
            && part != "__arglist" && part != "__makeref" && part != "__reftype" && part != "__refvalue");

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>One kind to emit (internal so that incremental-caching tests can see which kind a step output is).</summary>
    internal sealed record KindOutput(string Namespace, KindModel Kind);
}
