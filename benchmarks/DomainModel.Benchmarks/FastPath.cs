using System.Diagnostics;
using DomainModel.Benchmarks.Corpus;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Parsing;
using YamlDotNet.Core;

namespace DomainModel.Benchmarks;

/// <summary>
/// Which files of the corpus the fast YAML path reads, where it gives up on the others, and what a file costs
/// read by the fast path, by YamlDotNet's event parser alone (the floor) and by the YamlDotNet path that
/// builds the tree (what a file the fast path gives up on costs on top of the fast path's attempt). Then the
/// same files with one construct the fast path does not read (<see cref="s_changes"/>): each costs
/// <see cref="YamlReader.Read"/> against the YamlDotNet path alone. Each phase is timed in wall-clock and in
/// process CPU time (the CPU time is the figure to read when other processes share the machine).
/// </summary>
public static class FastPath
{
    /// <summary>
    /// Changes to every file that the fast path does not read. Constructs the pre-scan does not see: YamlDotNet
    /// reads the rest from the last line the fast path began an entry on (a YAML error included, which it
    /// reports from there); the worst of them is one in the first fact, where the rest is nearly the whole
    /// file. Then one the pre-scan gives up on before anything is read (the whole file read by YamlDotNet).
    /// </summary>
    private static readonly (string Name, Func<string, string> Change)[] s_changes =
    [
        ("a YAML error in the last line (reported from the rest read by YamlDotNet)", t => t + "zz: a\n  b: c\n"),
        ("a more-indented line in a literal block scalar in the last line (the rest read by YamlDotNet)", t => t + "zz: |\n  a\n    b\n"),
        ("the same in the first fact (the rest read by YamlDotNet)", t => InFirstFact(t, "    zz: |\n      a\n        b\n")),
        ("an alias in the last line (the pre-scan gives up)", t => t + "zz: *a\n"),
    ];

    /// <summary>The text with <paramref name="entry"/> inserted after the first fact's first line ("  - id: ...").</summary>
    private static string InFirstFact(string text, string entry)
    {
        var item = text.IndexOf("\n  - ", StringComparison.Ordinal);
        var end = item < 0 ? -1 : text.IndexOf('\n', item + 1);
        return end < 0 ? text + entry : text.Substring(0, end + 1) + entry + text.Substring(end + 1);
    }

    public static void Run(int[] sizes)
    {
        foreach (var size in sizes)
        {
            var corpus = Harness.Corpus(size);
            var files = corpus.YamlFiles.ToList();
            var stopped = new List<string>();
            foreach (var file in files)
            {
                if (!FastYamlScanner.TryRead(file.Text, new TreeBuilder(file.Path, 0, new List<DiagnosticInfo>()), default, out var at))
                {
                    var line = file.Text.AsSpan(0, Math.Min(at, file.Text.Length)).Count('\n');
                    stopped.Add($"{Path.GetFileName(file.Path)} line {line + 1}: {file.Text.Split('\n')[line]}");
                }
            }

            Console.WriteLine($"{size} facts, {Harness.Style} style, {corpus.YamlBytes / 1048576.0:F1} MB: fast path read {files.Count - stopped.Count} of {files.Count} files; load average {LoadAverage()}");
            foreach (var line in stopped.Take(10))
            {
                Console.WriteLine("  gave up on " + line);
            }

            var tailed = s_changes.Select(t => files.Select(f => f with { Text = t.Change(f.Text) }).ToList()).ToList();
            for (var k = 0; k < s_changes.Length; k++)
            {
                // A facts file, for where the fast path gives up.
                var file = tailed[k][Math.Max(0, files.FindIndex(f => f.Text.Contains("\n  - id: ", StringComparison.Ordinal)))];
                FastYamlScanner.TryRead(file.Text, new TreeBuilder(file.Path, 0, new List<DiagnosticInfo>()), default, out var at);
                var line = file.Text.AsSpan(0, Math.Min(Math.Max(at, 0), file.Text.Length)).Count('\n') + 1;
                Console.WriteLine($"  with {s_changes[k].Name}: the fast path gives up at line {line} of {file.Text.Count(c => c == '\n')}" + (FastYamlScanner.Prescan(file.Text) >= 0 ? " (pre-scan)" : string.Empty));
            }

            for (var round = 0; round < 5; round++)
            {
                var lap = new Lap();
                var fastRead = 0;
                foreach (var file in files)
                {
                    fastRead += FastYamlScanner.TryRead(file.Text, new TreeBuilder(file.Path, 0, new List<DiagnosticInfo>()), default) ? 1 : 0;
                }

                var fast = lap.Next();
                foreach (var file in files)
                {
                    var parser = new Parser(new StringReader(file.Text));
                    while (parser.MoveNext())
                    {
                    }
                }

                var floor = lap.Next();
                foreach (var file in files)
                {
                    YamlReader.Read(file.Path, file.Text, new List<DiagnosticInfo>(), default);
                }

                var read = lap.Next();
                foreach (var file in files)
                {
                    YamlReader.ReadWithYamlDotNet(file.Path, 0, file.Text, new List<DiagnosticInfo>(), default);
                }

                var slow = lap.Next();
                Console.WriteLine($"  round {round}: fast path alone {fast} ({fastRead} files read), YamlReader.Read {read}, YamlDotNet Parser (floor) {floor}, YamlDotNet + tree {slow}; Read/floor {read.Cpu / floor.Cpu:F2}x CPU ({read.Wall / floor.Wall:F2}x wall)");
                for (var k = 0; k < s_changes.Length; k++)
                {
                    // Alternating: Read, then the YamlDotNet path alone, on the same texts.
                    foreach (var file in tailed[k])
                    {
                        YamlReader.Read(file.Path, file.Text, new List<DiagnosticInfo>(), default);
                    }

                    var giveUp = lap.Next();
                    foreach (var file in tailed[k])
                    {
                        YamlReader.ReadWithYamlDotNet(file.Path, 0, file.Text, new List<DiagnosticInfo>(), default);
                    }

                    var giveUpSlow = lap.Next();
                    Console.WriteLine($"    {s_changes[k].Name}: Read {giveUp} against YamlDotNet + tree {giveUpSlow}: {giveUp.Cpu / giveUpSlow.Cpu:F2}x CPU ({giveUp.Wall / giveUpSlow.Wall:F2}x wall)");
                }
            }

            Console.WriteLine($"  load average at the end: {LoadAverage()}");
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>
    /// Wall-clock and process CPU milliseconds since the previous lap. Each lap starts after a full garbage
    /// collection (not timed), so no phase pays for the garbage of the one before.
    /// </summary>
    private sealed class Lap
    {
        private readonly Stopwatch _wall = new();
        private TimeSpan _cpu;

        public Lap() => Start();

        public Time Next()
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var time = new Time(_wall.Elapsed.TotalMilliseconds, (cpu - _cpu).TotalMilliseconds);
            Start();
            return time;
        }

        private void Start()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _wall.Restart();
        }
    }

    private readonly record struct Time(double Wall, double Cpu)
    {
        public override string ToString() => $"{Cpu:F0} ms CPU ({Wall:F0} ms wall)";
    }
}
