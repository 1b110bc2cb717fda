using System.Diagnostics;
using DomainModel.Benchmarks;
using DomainModel.Benchmarks.Corpus;

args = Harness.TakeStyle(Harness.TakeDocMode(args));
return args.Length > 0 && args[0] == "child" ? Child.Run(args) : Cli.Run(args);

namespace DomainModel.Benchmarks
{
    public static class Cli
    {
        public static int Run(string[] args)
        {
            switch (args.FirstOrDefault())
            {
                case "check":
                    foreach (var size in args.Skip(1).Select(int.Parse))
                    {
                        var sw = Stopwatch.StartNew();
                        var corpus = Harness.Corpus(size);
                        Console.WriteLine($"{size}: corpus {sw.ElapsedMilliseconds} ms, {corpus.YamlBytes / 1024.0 / 1024:F1} MB YAML, {corpus.FactsFiles.Count} files");
                        sw.Restart();
                        var sources = Harness.Generate(corpus, out var diagnostics);
                        Console.WriteLine($"  generate {sw.ElapsedMilliseconds} ms, {diagnostics.Length} diagnostics, {sources.Count} sources, {sources.Sum(s => (long)s.Text.Length) / 1e6:F1} M chars");
                        foreach (var d in diagnostics.Take(5)) Console.WriteLine("  " + d);
                        sw.Restart();
                        var image = Harness.Emit(sources, Harness.ProbeSource(corpus), "Facts");
                        Console.WriteLine($"  emit {sw.ElapsedMilliseconds} ms, {image.Length / 1024.0 / 1024:F1} MB");
                    }

                    return 0;
                case "realbuild":
                    return RealBuild.Run(args.Skip(1).ToArray());
                case "members":
                    return MemberShapes.Run(args.Skip(1).ToArray());
                case "sources":
                    SourceSize.Run(args.Skip(1).Select(int.Parse).ToArray());
                    return 0;
                case "fastpath":
                    FastPath.Run(args.Skip(1).Select(int.Parse).ToArray());
                    return 0;
                case "stages":
                    Stages.Run(args.Skip(1).Select(int.Parse).ToArray());
                    return 0;
                case "dump":
                    {
                        var corpus = Harness.Corpus(int.Parse(args[1]));
                        corpus.WriteTo(args[2]);
                        foreach (var (hint, text) in Harness.Generate(corpus, out _))
                        {
                            Directory.CreateDirectory(Path.Combine(args[2], "generated"));
                            File.WriteAllText(Path.Combine(args[2], "generated", hint), text.ToString());
                        }

                        return 0;
                    }
                case "emitdir":
                    {
                        // The generated sources of one size as "child emit DIR" reads them (NNNN_<hint>.cs + probe.txt).
                        var corpus = Harness.Corpus(int.Parse(args[1]));
                        var sources = Harness.Generate(corpus, out _);
                        Directory.CreateDirectory(args[2]);
                        for (var i = 0; i < sources.Count; i++)
                        {
                            File.WriteAllText(Path.Combine(args[2], i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "_" + sources[i].HintName), sources[i].Text.ToString());
                        }

                        File.WriteAllText(Path.Combine(args[2], "probe.txt"), Harness.ProbeSource(corpus));
                        return 0;
                    }
                case "cold":
                    {
                        // Cold driver runs in one process (the first is a build's case: a fresh process); for profilers too.
                        // --floor: YamlDotNet's event parse of the same files instead (the parse floor, fresh as well).
                        var corpus = Harness.Corpus(int.Parse(args[1]));
                        var texts = Harness.Texts(corpus);
                        var runs = args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 4;
                        var floor = args.Contains("--floor");
                        var yaml = corpus.YamlFiles.ToList();
                        for (var i = 0; i < runs; i++)
                        {
                            Console.WriteLine(floor ? ColdCommand.Floor(yaml) : ColdCommand.Generator(texts));
                        }

                        return 0;
                    }
                case "scale":
                    return Fresh.Scale(args);
                case "docmodes":
                    return DocModes.Run(args);
                case "fresh":
                    return Fresh.Run(args);
                case "corpus":
                    Harness.Corpus(int.Parse(args[1])).WriteTo(args[2]);
                    return 0;
                default:
                    return Bench.Run(args);
            }
        }
    }
}

/// <summary>One run of the <c>cold</c> command, in a method of its own so that nothing of it stays live after it.</summary>
internal static class ColdCommand
{
    public static string Generator(List<Microsoft.CodeAnalysis.AdditionalText> texts)
    {
        var compilation = Harness.Compilation();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var driver = Harness.Driver(texts).RunGenerators(compilation);
        var elapsed = sw.ElapsedMilliseconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;

        // What the driver keeps after the run (its tables, for the next run): the memory that stays live.
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(driver);
        return FormattableString.Invariant($"cold run {elapsed} ms, cpu {used:F0} ms, retained by the driver {retained / 1e6:F0} MB");
    }

    public static string Floor(List<CorpusFile> yaml)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var events = ColdRunBenchmarks.ParseFloor(yaml);
        return FormattableString.Invariant($"floor run {sw.ElapsedMilliseconds} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms, {events} events");
    }
}
