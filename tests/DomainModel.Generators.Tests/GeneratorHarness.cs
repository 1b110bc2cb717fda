using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using DomainModel.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DomainModel.Generators.Tests;

/// <summary>An input file held in memory, as the IDE or the compiler would pass it.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global MSBuild options (build_property.*) for a test run.</summary>
public sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(new Dictionary<string, string>());

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>The outcome of one generator run: its diagnostics, its sources, and the compilation with them.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyDictionary<string, string> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Diagnostics as "file(line,col): ID" with one-based positions, sorted.</summary>
    public IReadOnlyList<string> DiagnosticLines => GeneratorDiagnostics
        .Select(Format)
        .OrderBy(x => x, StringComparer.Ordinal)
        .ToList();

    /// <summary>Compiler errors in the output (generated code plus user code).</summary>
    public IReadOnlyList<Diagnostic> CompileErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static string Format(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id}";
    }

    /// <summary>Emits the output compilation and loads it into a collectible context.</summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }
}

public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>
    /// The MSBuild properties a net10.0 project passes to the generator (made visible by
    /// build/DomainModel.Generators.props): tests run as a real .NET 10 consumer would, UTF-8 rows included.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Net10Properties = new Dictionary<string, string>
    {
        ["build_property.TargetFrameworkIdentifier"] = ".NETCoreApp",
        ["build_property.TargetFrameworkVersion"] = "v10.0",
    };

    /// <summary>What a netstandard2.0 library passes: no Encoding.GetString(ReadOnlySpan&lt;byte&gt;), so rows are string constants.</summary>
    public static readonly IReadOnlyDictionary<string, string> NetStandard20Properties = new Dictionary<string, string>
    {
        ["build_property.TargetFrameworkIdentifier"] = ".NETStandard",
        ["build_property.TargetFrameworkVersion"] = "v2.0",
    };

    /// <summary>The net10.0 properties, with <paramref name="options"/> added or overriding them.</summary>
    public static IReadOnlyDictionary<string, string> Options(IReadOnlyDictionary<string, string>? options = null, IReadOnlyDictionary<string, string>? baseline = null)
    {
        var merged = new Dictionary<string, string>(baseline ?? Net10Properties, StringComparer.Ordinal);
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            merged[key] = value;
        }

        return merged;
    }

    /// <summary>Global options as a net10.0 project passes them, plus <paramref name="options"/>.</summary>
    public static TestOptionsProvider OptionsProvider(IReadOnlyDictionary<string, string>? options = null) => new(Options(options));

    /// <summary>What generated code compiles against: the .NET 10 reference assemblies and DomainModel.Runtime (its net8.0 build, as a net10.0 consumer gets it).</summary>
    public static readonly IReadOnlyList<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(DomainModel.FactDate).Assembly.Location)).ToList();

    public static CSharpCompilation Compilation(string userCode = "", string assemblyName = "Generated") =>
        CSharpCompilation.Create(
            assemblyName,
            userCode.Length == 0 ? Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(userCode, ParseOptions, path: "User.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true)
                .WithSpecificDiagnosticOptions(SdkNoWarn));

    /// <summary>
    /// What the .NET SDK never reports (its default NoWarn): CS1701 and CS1702 say that the runtime's net8.0
    /// build is bound to the .NET 10 reference assemblies here, as in any net10.0 consumer.
    /// </summary>
    public static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? options = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new DomainModelGenerator().AsSourceGenerator() },
            files,
            ParseOptions,
            OptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(IEnumerable<(string Path, string Text)> files, string userCode = "", IReadOnlyDictionary<string, string>? options = null) =>
        Run(Driver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), options), Compilation(userCode));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The seed corpus (schemas, facts and the source document) as shipped in seeds/.</summary>
    public static IReadOnlyList<(string Path, string Text)> SeedFiles()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "seeds");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".txt", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => ("/seeds/" + Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
    }
}
