using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DomainModel.Benchmarks;

/// <summary>
/// What one named member costs a fresh compiler process, by the shape of the member: N members of one
/// static class over 100 files, compiled by the SDK's csc (no analyzers, no generator, no MSBuild), each
/// shape interleaved with a one-line program, medians of the runs. The generated catalogs declare one
/// <c>public static Leader Name =&gt; _At(n);</c> per fact; the other shapes show what cheaper forms would
/// save and which of them could still return a fact (<c>docs/performance.md</c>, "What a named fact costs").
/// </summary>
public static class MemberShapes
{
    private static readonly (string Name, string Returns, Func<int, string> Member)[] Shapes =
    {
        ("property => _At(n) (generated today)", "a fact, lazily", n => $"    public static Leader P{n} => _At({n});"),
        ("property => Table[n] (indexer)", "a fact, lazily", n => $"    public static Leader P{n} => T[{n}];"),
        ("property { get { return _At(n); } }", "a fact, lazily", n => $"    public static Leader P{n} {{ get {{ return _At({n}); }} }}"),
        ("property => s[n] ?? _Create(n)", "a fact, lazily", n => $"    public static Leader P{n} => s[{n}] ?? _C({n});"),
        ("property => n (int)", "no fact", n => $"    public static int P{n} => {n};"),
        ("static readonly field = _At(n)", "a fact, all at once (one static constructor)", n => $"    public static readonly Leader P{n} = _At({n});"),
        ("static field, no initializer", "nothing (mutable, unset)", n => $"    public static Leader? P{n};"),
        ("const int", "an id only", n => $"    public const int P{n} = {n};"),
    };

    public static int Run(string[] args)
    {
        var size = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var runs = RealBuild.Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var version = Path.GetFileName(runtime);
        var csc = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk"))
            .Select(d => Path.Combine(d, "Roslyn", "bincore", "csc.dll"))
            .Where(File.Exists)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Last();
        var refs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version, "ref", "net" + Environment.Version.ToString(2));
        var root = Path.Combine(Path.GetTempPath(), "dm-members-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine($"// member shapes: {size} members in 100 files, csc {csc}, {runs} runs, interleaved with a one-line program; load {File.ReadAllText("/proc/loadavg").Trim()}");

        var hello = Path.Combine(root, "hello");
        Directory.CreateDirectory(hello);
        File.WriteAllText(Path.Combine(hello, "a.cs"), "public static class Program { public static void Main() => System.Console.WriteLine(1); }\n");
        var dirs = new List<string>();
        for (var s = 0; s < Shapes.Length; s++)
        {
            var dir = Path.Combine(root, "shape" + s.ToString(CultureInfo.InvariantCulture));
            Write(dir, size, Shapes[s].Member);
            dirs.Add(dir);
        }

        var helloTimes = new List<double>();
        var times = dirs.Select(_ => new List<double>()).ToList();
        for (var run = 0; run < runs; run++)
        {
            for (var s = 0; s < dirs.Count; s++)
            {
                helloTimes.Add(Compile(csc, refs, hello));
                times[s].Add(Compile(csc, refs, dirs[s]));
            }
        }

        var baseline = RealBuild.Median(helloTimes);
        Console.WriteLine($"| Member shape ({size:N0}) | What it returns | csc, s | × one-line program |");
        Console.WriteLine("|---|---|---:|---:|");
        Console.WriteLine($"| one-line program | | {baseline:F2} | 1.0× |");
        for (var s = 0; s < dirs.Count; s++)
        {
            var median = RealBuild.Median(times[s]);
            Console.WriteLine($"| {Shapes[s].Name} | {Shapes[s].Returns} | {median:F2} ({times[s].Min():F2}–{times[s].Max():F2}) | {median / baseline:F1}× |");
        }

        Console.WriteLine($"// load at the end {File.ReadAllText("/proc/loadavg").Trim()}");
        Directory.Delete(root, recursive: true);
        return 0;
    }

    private static void Write(string dir, int size, Func<int, string> member)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "base.cs"), $$"""
            namespace X
            {
                public sealed class Leader { public readonly int I; public Leader(int i) { I = i; } }
                public static partial class Leaders
                {
                    static readonly Leader?[] s = new Leader?[{{size}}];
                    internal static Leader _At(int i) => s[i] ??= new Leader(i);
                    internal static Leader _C(int i) => s[i] = new Leader(i);
                    internal static readonly Tab T = new Tab();
                    internal sealed class Tab { public Leader this[int i] => _At(i); }
                }
            }

            """);
        const int files = 100;
        var per = size / files;
        for (var f = 0; f < files; f++)
        {
            var text = new StringBuilder("namespace X\n{\npublic static partial class Leaders\n{\n");
            for (var i = f * per; i < (f + 1) * per; i++)
            {
                text.Append(member(i)).Append('\n');
            }

            text.Append("}\n}\n");
            File.WriteAllText(Path.Combine(dir, "f" + f.ToString("D3", CultureInfo.InvariantCulture) + ".cs"), text.ToString());
        }
    }

    private static double Compile(string csc, string refs, string dir)
    {
        var args = new List<string> { csc, "-nologo", "-noconfig", "-nostdlib", "-nullable:disable", "-optimize-", "-debug:portable", "-deterministic", "-t:library", "-out:" + Path.Combine(dir, "out.dll") };
        args.AddRange(Directory.GetFiles(refs, "*.dll").Select(r => "-r:" + r));
        args.AddRange(Directory.GetFiles(dir, "*.cs"));
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("csc failed in " + dir + ":\n" + output);
        }

        return sw.Elapsed.TotalSeconds;
    }
}
