using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// Every C# sample in the README files, the package READMEs (PACKAGE.md) and docs/ is compiled and run,
/// and the output its comments show is the output it prints. The conventions are in
/// docs/architecture.md ("Code samples in the docs"):
/// <list type="bullet">
/// <item>A ```csharp (or ```cs, ```c#) block is a program of top-level statements, with the implicit usings
/// of a console project. It compiles against the DomainModel package (the facts in seeds/).</item>
/// <item>The line <c>&lt;!-- sample: files; RootNamespace=MyApp --&gt;</c> just before the block compiles it
/// instead against the generator run on the files of its page: every block whose first line is
/// <c># file: path</c> (that line is not part of the file), with the MSBuild properties given.</item>
/// <item>On a line that calls <c>Console.WriteLine</c>, a trailing <c>// text</c> comment is the exact line it
/// prints; the program's output lines are compared in order with these comments. Explanations go on
/// lines of their own or after other statements.</item>
/// </list>
/// </summary>
[Collection("console")]
public class DocSampleTests
{
    private static readonly Regex s_fence = new(@"^```(?<lang>[^\s`]*)[^\n]*\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Regex s_declaration = new(@"<!--\s*sample:\s*(?<spec>[^>]*?)\s*-->\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex s_file = new(@"^#\s*file:\s*(?<path>\S+)\s*$", RegexOptions.CultureInvariant);

    private static readonly Regex s_expected = new(@"Console\.WriteLine\(.*\);\s*//\s?(?<out>.*?)\s*$", RegexOptions.CultureInvariant);

    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static TheoryData<string, int> Samples()
    {
        var data = new TheoryData<string, int>();
        foreach (var (page, line, _, _) in AllSamples())
        {
            data.Add(page, line);
        }

        return data;
    }

    [Fact]
    public void The_samples_of_the_readmes_are_found()
    {
        var pages = AllSamples().Select(s => s.Page).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("README.md", pages);
        Assert.Contains("generators/DomainModel.Generators/PACKAGE.md", pages);
        Assert.Contains("src/DomainModel/PACKAGE.md", pages);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_compiles_runs_and_prints_what_its_comments_say(string page, int line)
    {
        var sample = AllSamples().Single(s => s.Page == page && s.Line == line);
        var (files, options) = Inputs(page, sample.Spec);
        var compilation = GeneratorHarness.Compilation()
            .AddSyntaxTrees(
                CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions, path: "GlobalUsings.cs"),
                CSharpSyntaxTree.ParseText(sample.Code, GeneratorHarness.ParseOptions, path: $"{page}:{line}"))
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var run = GeneratorHarness.Run(GeneratorHarness.Driver(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)), options), compilation);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, $"{page}:{line}: the generator reported\n{string.Join("\n", run.GeneratorDiagnostics)}");
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{page}:{line} does not compile:\n{string.Join("\n", errors)}");

        var printed = RunProgram(run.Load());
        var expected = sample.Code.Split('\n').Select(l => s_expected.Match(l)).Where(m => m.Success).Select(m => m.Groups["out"].Value).ToList();
        Assert.True(expected.SequenceEqual(printed), $"{page}:{line} prints\n{string.Join("\n", printed)}\nbut its comments say\n{string.Join("\n", expected)}");
    }

    private static List<string> RunProgram(Assembly assembly)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = Console.Out;
        var culture = CultureInfo.CurrentCulture;
        Console.SetOut(output);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var entry = assembly.EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() });
        }
        finally
        {
            Console.SetOut(console);
            CultureInfo.CurrentCulture = culture;
        }

        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Where(l => l.Length > 0).ToList();
    }

    /// <summary>The generator's inputs: the seeds (the DomainModel package), or the page's files.</summary>
    private static (IReadOnlyList<(string Path, string Text)> Files, IReadOnlyDictionary<string, string> Options) Inputs(string page, string? spec)
    {
        if (spec is null)
        {
            return (GeneratorHarness.SeedFiles(), new Dictionary<string, string> { ["build_property.RootNamespace"] = "DomainModel" });
        }

        var parts = spec.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        Assert.True(parts.Count > 0 && parts[0] == "files", $"{page}: unknown sample declaration '{spec}' (write '<!-- sample: files; RootNamespace=X -->')");
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            Assert.True(eq > 0, $"{page}: '{part}' is not Property=Value");
            options["build_property." + part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        var text = Read(page);
        var files = new List<(string Path, string Text)>();
        foreach (Match block in s_fence.Matches(text))
        {
            var body = block.Groups["body"].Value;
            var newline = body.IndexOf('\n', StringComparison.Ordinal);
            var first = s_file.Match(newline < 0 ? body : body[..newline]);
            if (first.Success)
            {
                files.Add(("/sample/" + first.Groups["path"].Value, newline < 0 ? string.Empty : body[(newline + 1)..]));
            }
        }

        Assert.True(files.Count > 0, $"{page}: a sample compiled with 'files' needs blocks starting with '# file: path'");
        return (files, options);
    }

    private static IEnumerable<(string Page, int Line, string Code, string? Spec)> AllSamples()
    {
        foreach (var page in Pages())
        {
            var text = Read(page);
            foreach (Match block in s_fence.Matches(text))
            {
                if (block.Groups["lang"].Value.ToLowerInvariant() is not ("csharp" or "cs" or "c#"))
                {
                    continue;
                }

                var line = text.Take(block.Index).Count(c => c == '\n') + 1;
                var before = text[..block.Index].TrimEnd('\n').Split('\n').Last();
                var declaration = s_declaration.Match(before);
                yield return (page, line, block.Groups["body"].Value, declaration.Success ? declaration.Groups["spec"].Value : null);
            }
        }
    }

    /// <summary>README.md and PACKAGE.md files anywhere in the repository, and everything in docs/.</summary>
    private static IEnumerable<string> Pages()
    {
        var root = RepoRoot.Path;
        return Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj" or "artifacts" or ".git" or "TestResults" or "node_modules"))
            .Where(p => p.StartsWith("docs/", StringComparison.Ordinal) || Path.GetFileName(p) is "README.md" or "PACKAGE.md")
            .OrderBy(p => p, StringComparer.Ordinal);
    }

    private static string Read(string page) => File.ReadAllText(Path.Combine(RepoRoot.Path, page)).Replace("\r\n", "\n", StringComparison.Ordinal);
}

[CollectionDefinition("console", DisableParallelization = true)]
public sealed class ConsoleCollection
{
}
