using System.Diagnostics;
using DomainModel.Benchmarks.Corpus;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Parsing;
using YamlDotNet.Core;

namespace DomainModel.Benchmarks;

/// <summary>
/// Which files of the corpus the fast YAML path reads, where it gives up on the others, and what a file costs
/// read by the fast path, by YamlDotNet's event parser alone (the floor) and by the YamlDotNet path that
/// builds the tree (what a file the fast path gives up on costs on top of the fast path's attempt).
/// </summary>
public static class FastPath
{
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

            Console.WriteLine($"{size} facts, {Harness.Style} style, {corpus.YamlBytes / 1048576.0:F1} MB: fast path read {files.Count - stopped.Count} of {files.Count} files");
            foreach (var line in stopped.Take(10))
            {
                Console.WriteLine("  gave up on " + line);
            }

            var unreadable = files.Select(f => f with { Text = f.Text + "zz:\n- indentless\n" }).ToList();
            for (var round = 0; round < 5; round++)
            {
                var sw = Stopwatch.StartNew();
                var fastRead = 0;
                foreach (var file in files)
                {
                    fastRead += FastYamlScanner.TryRead(file.Text, new TreeBuilder(file.Path, 0, new List<DiagnosticInfo>()), default) ? 1 : 0;
                }

                var fast = Lap(sw);
                foreach (var file in files)
                {
                    var parser = new Parser(new StringReader(file.Text));
                    while (parser.MoveNext())
                    {
                    }
                }

                var floor = Lap(sw);
                foreach (var file in files)
                {
                    YamlReader.Read(file.Path, file.Text, new List<DiagnosticInfo>(), default);
                }

                var read = Lap(sw);
                foreach (var file in files)
                {
                    YamlReader.ReadWithYamlDotNet(file.Path, 0, file.Text, new List<DiagnosticInfo>(), default);
                }

                var slow = Lap(sw);

                // The worst case for a file the fast path gives up on: at its last line (an indentless sequence).
                foreach (var file in unreadable)
                {
                    YamlReader.Read(file.Path, file.Text, new List<DiagnosticInfo>(), default);
                }

                var giveUp = Lap(sw);
                foreach (var file in unreadable)
                {
                    YamlReader.ReadWithYamlDotNet(file.Path, 0, file.Text, new List<DiagnosticInfo>(), default);
                }

                var giveUpSlow = Lap(sw);
                Console.WriteLine($"  round {round}: fast path alone {fast:F0} ms ({fastRead} files read), YamlReader.Read {read:F0} ms, YamlDotNet Parser (floor) {floor:F0} ms, YamlDotNet + tree {slow:F0} ms; Read/floor {read / floor:F2}x; files it gives up on at the last line: Read {giveUp:F0} ms against YamlDotNet + tree {giveUpSlow:F0} ms ({giveUp / giveUpSlow:F2}x)");
            }
        }
    }

    private static double Lap(Stopwatch sw)
    {
        var ms = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        return ms;
    }
}
