using System.Diagnostics;
using System.Globalization;
using DomainModel.Benchmarks.Corpus;
using Microsoft.CodeAnalysis.Text;

namespace DomainModel.Benchmarks;

/// <summary>
/// <c>docmodes [--sizes 10000,100000] [--runs 3] [--modes none,parse,diagnose,doc]</c>: what the XML doc
/// comments of the generated code cost Roslyn. The generated sources of each size are written once to a
/// temp folder; then (1) one fresh child process per compile, the modes interleaved (none, parse, ...,
/// none, parse, ...), each reading the sources and doing only parse + compile + emit, so that its peak
/// working set is the compile's (plus the runtime and the sources as strings); (2) one warm child that
/// compiles once per mode to warm up, then the runs, modes interleaved, timing each compile and counting
/// its allocations. Children run with this program's Server GC, as csc does. Medians are reported.
/// </summary>
public static class DocModes
{
    private static readonly string[] AllModes = { "none", "parse", "diagnose", "doc" };

    public static int Run(string[] args)
    {
        var sizes = RealBuild.Option(args, "--sizes")?.Split(',').Select(int.Parse).ToArray() ?? new[] { 10_000, 100_000 };
        var runs = int.Parse(RealBuild.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var modes = RealBuild.Option(args, "--modes")?.Split(',') ?? AllModes;
        var self = typeof(DocModes).Assembly.Location;
        var root = Path.Combine(Path.GetTempPath(), "dm-docmodes-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            foreach (var size in sizes)
            {
                var corpus = Harness.Corpus(size);
                var sources = Harness.Generate(corpus, out var diagnostics);
                Harness.ThrowOnErrors(diagnostics, "generator");
                var dir = Path.Combine(root, size.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(dir);
                for (var i = 0; i < sources.Count; i++)
                {
                    File.WriteAllText(Path.Combine(dir, i.ToString("D4", CultureInfo.InvariantCulture) + "_" + sources[i].HintName), sources[i].Text.ToString());
                }

                File.WriteAllText(Path.Combine(dir, "probe.txt"), Harness.ProbeSource(corpus));
                var chars = sources.Sum(s => (long)s.Text.Length);
                var docChars = sources.Sum(s => DocCommentChars(s.Text.ToString()));
                Console.WriteLine($"## {size:N0} facts: {chars / 1e6:F1} M chars in {sources.Count} files, of which {docChars / 1e6:F1} M chars ({100.0 * docChars / chars:F0} %) are /// doc comment lines; {runs} runs per mode; load {Load()}");
                Console.WriteLine();

                var fresh = modes.ToDictionary(m => m, _ => new List<string[]>());
                for (var r = 0; r < runs; r++)
                {
                    foreach (var mode in modes)
                    {
                        fresh[mode].Add(Start(self, $"child emit \"{dir}\" --docmode {mode}").Trim().Split('\t'));
                    }
                }

                Console.WriteLine($"Fresh process per compile (cold compiler), median of {runs}; load now {Load()}:");
                Console.WriteLine();
                Console.WriteLine("| Mode | Parse + compile + emit ms | Runs ms | Peak working set MB | Working set before MB | Allocated MB | Warnings | DLL MB | XML doc MB |");
                Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");
                foreach (var mode in modes)
                {
                    var rows = fresh[mode];
                    string Med(int column) => RealBuild.Median(rows.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture))).ToString("F0", CultureInfo.InvariantCulture);
                    Console.WriteLine($"| {mode} | {Med(0)} | {string.Join(", ", rows.Select(r => r[0]))} | {Med(1)} | {Med(2)} | {Med(3)} | {rows[0][4]} | {rows[0][5]} | {rows[0][6]} |");
                }

                Console.WriteLine();
                var warm = Start(self, $"child emitwarm \"{dir}\" {runs} {string.Join(',', modes)}");
                Console.WriteLine($"Warm process (one compile per mode to warm up, then modes interleaved), median of {runs}; load now {Load()}:");
                Console.WriteLine();
                Console.WriteLine("| Mode | Parse + compile + emit ms | Runs ms | Allocated MB per compile |");
                Console.WriteLine("|---|---:|---|---:|");
                var lines = warm.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split('\t')).ToList();
                foreach (var mode in modes)
                {
                    var rows = lines.Where(l => l[0] == mode).ToList();
                    var ms = RealBuild.Median(rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)));
                    var mb = RealBuild.Median(rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)));
                    Console.WriteLine($"| {mode} | {ms:F0} | {string.Join(", ", rows.Select(r => r[1]))} | {mb:F0} |");
                }

                Console.WriteLine();
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>The child modes: <c>emit DIR</c> (one compile, in the mode of <c>--docmode</c>) and <c>emitwarm DIR RUNS MODES</c>.</summary>
    public static int Child(string[] args)
    {
        var dir = args[2];
        var sources = Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f).Substring(5), SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8)))
            .ToList();
        var probe = File.ReadAllText(Path.Combine(dir, "probe.txt"));
        if (args[1] == "emit")
        {
            GC.Collect();
            var before = Environment.WorkingSet;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            var image = Harness.Emit(sources, probe, "Facts", out var warnings, out var xmlBytes);
            var ms = sw.Elapsed.TotalMilliseconds;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(string.Join('\t', F(ms, 0), F(process.PeakWorkingSet64 / 1048576.0, 0), F(before / 1048576.0, 0), F(allocated / 1048576.0, 0),
                warnings, F(image.Length / 1048576.0, 1), F(xmlBytes / 1048576.0, 1)));
            return 0;
        }

        var runs = int.Parse(args[3], CultureInfo.InvariantCulture);
        var modes = args[4].Split(',');
        for (var r = -1; r < runs; r++)
        {
            foreach (var mode in modes)
            {
                Harness.TakeDocMode(new[] { "--docmode", mode });
                GC.Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                Harness.Emit(sources, probe, "Facts", out _, out _);
                var ms = sw.Elapsed.TotalMilliseconds;
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                if (r >= 0)
                {
                    Console.WriteLine(string.Join('\t', mode, F(ms, 0), F(allocated / 1048576.0, 0)));
                }
            }
        }

        return 0;
    }

    private static long DocCommentChars(string text) =>
        text.Split('\n').Where(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal)).Sum(l => (long)l.Length + 1);

    private static string Start(string self, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{self}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{arguments} exited with {process.ExitCode}: {error}");
        }

        return output;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
