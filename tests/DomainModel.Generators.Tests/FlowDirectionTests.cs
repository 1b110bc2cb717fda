using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Data flows parse → model → validate → lay out → emit, and each stage uses only what comes before it:
/// the generator's own sources are compiled here and every name in every file is bound, so a call, a
/// type, a constant or a cref into a later stage (however it is spelled: a using, a qualified name) fails.
/// docs/architecture.md draws the same table.
/// </summary>
public class FlowDirectionTests
{
    private const string Root = "DomainModel.Generators";

    /// <summary>What each folder (namespace) may use besides itself. The wiring (the root and Pipeline/) may use everything.</summary>
    public static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Text"] = [],
        ["Naming"] = ["Text"],
        ["Model"] = ["Diagnostics", "Text"],
        ["Diagnostics"] = ["Model", "Text"],
        ["Parsing"] = ["Model", "Diagnostics", "Text", "Naming"],
        ["Validation"] = ["Model", "Diagnostics", "Text", "Naming", "Grounding"],
        ["Grounding"] = ["Model", "Diagnostics", "Text", "Naming"],
        ["Layout"] = ["Model", "Diagnostics", "Text", "Naming"],
        ["Emit"] = ["Model", "Diagnostics", "Text", "Naming", "Layout"],
    };

    /// <summary>Folders that only wire stages together (the generator class, the Roslyn-free facade).</summary>
    private static readonly string[] s_wiring = ["", "Pipeline"];

    /// <summary>Types of the root namespace a stage may use: the fault-injection seam every stage checks.</summary>
    private static readonly string[] s_rootTypesForStages = ["FaultInjection"];

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly Lazy<CSharpCompilation> s_generator = new(() =>
    {
        var directory = Path.Combine(RepoRoot.Path, "generators", Root);
        var trees = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), s_parseOptions, path: Path.GetRelativePath(directory, p).Replace('\\', '/')))
            .ToList();

        // The row format and currency list the generator compiles as linked files (namespace DomainModel.Internal,
        // shared with DomainModel.Runtime): bound here too, outside every stage's rule.
        var shared = Path.Combine(RepoRoot.Path, "src", "DomainModel.Runtime", "Format");
        trees.AddRange(Directory.EnumerateFiles(shared, "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), s_parseOptions, path: "shared:" + Path.GetFileName(p))));
        var references = Net100.References.All
            .Concat(new[] { typeof(Compilation), typeof(CSharpCompilation), typeof(YamlDotNet.Core.Parser) }.Select(t => MetadataReference.CreateFromFile(t.Assembly.Location)));
        return CSharpCompilation.Create("FlowDirection", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    });

    [Fact]
    public void The_generator_sources_bind_so_that_every_reference_below_is_seen()
    {
        // A name that does not bind would be skipped by the scan: every name must bind (CS0103 the name does
        // not exist, CS0117/CS1061 no such member, CS0234/CS0246 no such type or namespace).
        string[] unbound = ["CS0103", "CS0117", "CS0234", "CS0246", "CS1061"];
        var errors = s_generator.Value.GetDiagnostics().Where(d => unbound.Contains(d.Id)).Select(d => d.ToString()).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Every_file_is_in_the_namespace_of_its_folder_and_every_folder_has_a_rule()
    {
        foreach (var tree in s_generator.Value.SyntaxTrees.Where(t => !t.FilePath.StartsWith("shared:", StringComparison.Ordinal)))
        {
            var folder = FolderOf(tree.FilePath);
            Assert.True(MayUse.ContainsKey(folder) || s_wiring.Contains(folder), $"{tree.FilePath}: folder '{folder}' has no rule in {nameof(MayUse)} (and docs/architecture.md)");
            // Polyfills of BCL types keep the BCL's namespace.
            foreach (var declared in tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Where(n => !n.Name.ToString().StartsWith("System", StringComparison.Ordinal)))
            {
                Assert.Equal(folder.Length == 0 ? Root : Root + "." + folder, declared.Name.ToString());
            }
        }
    }

    [Fact]
    public void Each_stage_uses_only_the_stages_before_it()
    {
        var violations = new List<string>();
        foreach (var tree in s_generator.Value.SyntaxTrees)
        {
            var folder = FolderOf(tree.FilePath);
            if (!MayUse.TryGetValue(folder, out var allowed))
            {
                continue;
            }

            foreach (var (used, what, line) in References(tree))
            {
                var ok = used == folder
                    || allowed.Contains(used)
                    || (used.Length == 0 && s_rootTypesForStages.Contains(what));
                if (!ok)
                {
                    violations.Add($"{tree.FilePath}:{line}: {folder} uses {(used.Length == 0 ? Root : used)}.{what}");
                }
            }
        }

        Assert.Empty(violations.Distinct());
    }

    [Fact]
    public void The_scan_sees_a_reference_into_a_later_stage_however_it_is_spelled()
    {
        // A validation file that calls the emitter three ways: with a using, qualified, and in a cref.
        var probe = CSharpSyntaxTree.ParseText(
            """
            using DomainModel.Generators.Emit;
            namespace DomainModel.Generators.Validation;
            /// <summary>See <see cref="Emit.PackedRows"/>.</summary>
            internal static class Probe
            {
                public static string A(string s) => CSharp.Literal(s);
                public static int B => DomainModel.Generators.Layout.Chunking.RowsPerChunk;
            }
            """,
            s_parseOptions,
            path: "Validation/Probe.cs");
        var compilation = s_generator.Value.AddSyntaxTrees(probe);
        var found = References(probe, compilation).Where(r => r.Namespace != "Validation").Select(r => $"{r.Namespace}.{r.Name}").Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "Emit.CSharp", "Emit.PackedRows", "Layout.Chunking" }, found);
    }

    private static IEnumerable<(string Namespace, string Name, int Line)> References(SyntaxTree tree, Compilation? compilation = null)
    {
        var model = (compilation ?? s_generator.Value).GetSemanticModel(tree);
        foreach (var name in tree.GetRoot(default).DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
            var type = symbol switch
            {
                INamedTypeSymbol t => t,
                IMethodSymbol { MethodKind: MethodKind.Constructor } m => m.ContainingType,
                ISymbol { ContainingType: { } containing } => containing,
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            while (type.ContainingType is { } outer)
            {
                type = outer;
            }

            var ns = type.ContainingNamespace.ToDisplayString();
            if (ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal))
            {
                yield return (ns.Length == Root.Length ? string.Empty : ns.Substring(Root.Length + 1), type.Name, name.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
            }
        }
    }

    private static string FolderOf(string relativePath)
    {
        var slash = relativePath.IndexOf('/');
        return slash < 0 ? string.Empty : relativePath.Substring(0, slash);
    }
}
