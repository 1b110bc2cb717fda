using System.Diagnostics;
using System.Globalization;
using DomainModel.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace DomainModel.Benchmarks;

/// <summary>
/// Time to the first fact in a fresh process, against a hello-world process started the same way
/// (<c>dotnet app.dll</c>). The generated libraries and the hello world are compiled with Roslyn
/// (Release) into a temp folder; the run-time loaders (System.Text.Json source-generated, YamlDotNet
/// Deserializer) run as child modes of this benchmark program, against its own hello-world mode.
/// Runs are interleaved (a, b, c, a, b, c, ...) so that load from other processes hits all alike;
/// the median of N wall-clock times (Process.Start to exit) is reported.
/// </summary>
public static class Fresh
{
    /// <summary>
    /// One fresh process per size (so that peak memory is that size's alone): generate, compile and
    /// emit, load the assembly, touch the last fact. Checks that 100k facts compile (no CS8103) and load
    /// (no TypeLoadException), and that the cost grows linearly.
    /// </summary>
    public static int Scale(string[] args)
    {
        var sizes = args.Contains("--quick") ? new[] { 1_000, 10_000, 100_000 } : new[] { 1_000, 10_000, 30_000, 100_000 };
        var self = typeof(Fresh).Assembly.Location;
        Console.WriteLine("| Facts | Generate ms | Parse+compile+emit ms | Load + last fact ms | Generated M chars | DLL MB | Peak working set MB | Working set before MB | Diagnostics | Last fact |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var size in sizes)
        {
            var start = new ProcessStartInfo("dotnet", $"\"{self}\" child scale {size} --docmode {Harness.DocMode}") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            Console.WriteLine("| " + line.Replace("\t", " | ", StringComparison.Ordinal) + " |");
            if (process.ExitCode != 0)
            {
                return process.ExitCode;
            }
        }

        return 0;
    }

    private const string RuntimeConfig = """{"runtimeOptions":{"tfm":"net10.0","framework":{"name":"Microsoft.NETCore.App","version":"10.0.0"},"configProperties":{"System.Globalization.Invariant":true}}}""";

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var runs = args.Contains("--once") ? 1 : quick ? 7 : 21;
        var sizes = quick ? new[] { 10_000, 100_000 } : new[] { 1_000, 10_000, 100_000 };
        var only = Array.IndexOf(args, "--sizes");
        if (only >= 0)
        {
            sizes = args[only + 1].Split(',').Select(int.Parse).ToArray();
        }
        var root = Path.Combine(Path.GetTempPath(), "dm-fresh-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        var self = typeof(Fresh).Assembly.Location;
        var commands = new List<(string Group, string Name, string Args)>();

        Build(root, "hello", Array.Empty<(string, Microsoft.CodeAnalysis.Text.SourceText)>(), "public static class Program { public static void Main() => System.Console.WriteLine(\"hello\"); }");
        commands.Add(("roslyn", "hello world", Quote(Path.Combine(root, "hello.dll"))));
        commands.Add(("bench", "hello world (benchmark exe)", $"{Quote(self)} child hello"));
        foreach (var size in sizes)
        {
            var sw = Stopwatch.StartNew();
            var corpus = SyntheticCorpus.Generate(size);
            var sources = Harness.Generate(corpus, out var diagnostics);
            Harness.ThrowOnErrors(diagnostics, "generator");
            var name = "facts" + size.ToString(CultureInfo.InvariantCulture);
            var program = Harness.ProbeSource(corpus) + """

public static class Program
{
    // Like the hello world, the measured run only prints: the first fact's name. "timed" also prints the
    // time inside Main (a Stopwatch and number formatting the hello world does not pay for).
    public static void Main(string[] args)
    {
        if (args.Length == 0)
        {
            System.Console.WriteLine(DomainModel.Probe.Probe.First());
            return;
        }

        if (args[0] == "id")
        {
            System.Console.WriteLine(DomainModel.Probe.Probe.FirstById());
            return;
        }

        if (args[0] == "all")
        {
            // Every Leader materialized once: the cold cost of reading a whole catalog.
            System.Console.WriteLine(DomainModel.Probe.Probe.Enumerate());
            return;
        }

        var sw = System.Diagnostics.Stopwatch.StartNew();
        var name = args.Length == 1 ? DomainModel.Probe.Probe.First() : DomainModel.Probe.Probe.FirstById();
        System.Console.WriteLine(name + " " + sw.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " ms in Main");
    }
}
""";
            Build(root, name, sources, program);
            var data = Path.Combine(root, "corpus" + size.ToString(CultureInfo.InvariantCulture));
            corpus.WriteTo(data);
            var id = corpus.Ids["Leader"][0];
            Console.WriteLine($"// built {name}: {new FileInfo(Path.Combine(root, name + ".dll")).Length / 1048576.0:F1} MB in {sw.Elapsed.TotalSeconds:F0} s");
            commands.Add(("roslyn", $"generated library, {size / 1000}k facts, named property", Quote(Path.Combine(root, name + ".dll"))));
            commands.Add(("roslyn", $"generated library, {size / 1000}k facts, Get(id)", Quote(Path.Combine(root, name + ".dll")) + " id"));
            commands.Add(("roslyn", $"generated library, {size / 1000}k facts, every Leader (All)", Quote(Path.Combine(root, name + ".dll")) + " all"));
            commands.Add(("roslyn", $"generated library, {size / 1000}k facts, named property, timed in Main", Quote(Path.Combine(root, name + ".dll")) + " timed"));
            commands.Add(("roslyn", $"generated library, {size / 1000}k facts, Get(id), timed in Main", Quote(Path.Combine(root, name + ".dll")) + " timed id"));
            commands.Add(("bench", $"System.Text.Json (source-gen), {size / 1000}k facts", $"{Quote(self)} child json {Quote(data)} {id}"));
            commands.Add(("bench", $"YamlDotNet Deserializer, {size / 1000}k facts", $"{Quote(self)} child yaml {Quote(data)} {id}"));
        }

        // Warm the OS file cache once, then interleave.
        foreach (var command in commands)
        {
            Time(command.Args, out _);
        }

        var times = commands.ToDictionary(c => c.Name, _ => new List<double>());
        var outputs = new Dictionary<string, string>();
        for (var r = 0; r < runs; r++)
        {
            foreach (var command in commands)
            {
                times[command.Name].Add(Time(command.Args, out var output));
                outputs[command.Name] = output;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Fresh process, wall clock, median of {runs} (interleaved); ratio against the hello world started the same way.");
        Console.WriteLine();
        Console.WriteLine("| Process | Median ms | Min ms | Ratio vs hello | Output |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var command in commands)
        {
            var hello = RealBuild.Median(times[command.Group == "roslyn" ? "hello world" : "hello world (benchmark exe)"]);
            var median = RealBuild.Median(times[command.Name]);
            Console.WriteLine($"| {command.Name} | {median:F1} | {times[command.Name].Min():F1} | {median / hello:F2}x | {outputs[command.Name].Trim().Replace('\n', ' ')} |");
        }

        if (args.Contains("--keep"))
        {
            Console.WriteLine("// kept " + root);
        }
        else
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static void Build(string root, string name, IEnumerable<(string HintName, Microsoft.CodeAnalysis.Text.SourceText Text)> sources, string program)
    {
        var image = Harness.Emit(sources, program, name, OutputKind.ConsoleApplication);
        File.WriteAllBytes(Path.Combine(root, name + ".dll"), image);
        File.WriteAllText(Path.Combine(root, name + ".runtimeconfig.json"), RuntimeConfig);

        // Generated code uses DomainModel.Runtime: beside the program, as a consumer's build output has it.
        File.Copy(typeof(DomainModel.FactDate).Assembly.Location, Path.Combine(root, "DomainModel.Runtime.dll"), overwrite: true);
    }

    private static double Time(string arguments, out string output)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // Every child runs as an ordinary app: workstation GC (this program itself runs under Server GC, as csc does).
        start.Environment["DOTNET_gcServer"] = "0";
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var elapsed = sw.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} exited with {process.ExitCode}: {error}");
        }

        return elapsed;
    }

    private static string Quote(string path) => "\"" + path + "\"";
}

/// <summary>The child modes that <see cref="Fresh"/> starts: nothing but the work measured.</summary>
public static class Child
{
    public static int Run(string[] args)
    {
        switch (args[1])
        {
            case "hello":
                Console.WriteLine("hello");
                return 0;
            case "json":
            case "yaml":
                {
                    var sw = Stopwatch.StartNew();
                    var texts = Loaders.ReadLeaderFiles(args[2], args[1]);
                    var leaders = args[1] == "json" ? Loaders.LeadersFromJson(texts) : Loaders.LeadersFromYaml(texts);
                    // As the generated library's measured run: only the name, unless "timed".
                    Console.WriteLine(args.Length > 4 && args[4] == "timed"
                        ? leaders[args[3]].Name + " " + sw.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms in Main"
                        : leaders[args[3]].Name);
                    return 0;
                }

            case "scale":
                {
                    // Generate, compile and emit one size, load it, touch the last fact: time and peak memory of this process.
                    var size = int.Parse(args[2], CultureInfo.InvariantCulture);
                    var corpus = SyntheticCorpus.Generate(size);
                    GC.Collect();
                    var before = Environment.WorkingSet;
                    var sw = Stopwatch.StartNew();
                    var sources = Harness.Generate(corpus, out var diagnostics);
                    var generate = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    var image = Harness.Emit(sources, Harness.ProbeSource(corpus), "Facts" + size.ToString(CultureInfo.InvariantCulture));
                    var emit = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    var probe = Harness.Load(image).GetType("DomainModel.Probe.Probe")!;
                    var last = (string)probe.GetMethod("Last")!.Invoke(null, null)!;
                    var load = sw.Elapsed.TotalMilliseconds;
                    using var process = Process.GetCurrentProcess();
                    process.Refresh();
                    Console.WriteLine(string.Join("\t", size, generate.ToString("F0", CultureInfo.InvariantCulture), emit.ToString("F0", CultureInfo.InvariantCulture), load.ToString("F0", CultureInfo.InvariantCulture),
                        (sources.Sum(s => (long)s.Text.Length) / 1e6).ToString("F1", CultureInfo.InvariantCulture), (image.Length / 1048576.0).ToString("F1", CultureInfo.InvariantCulture),
                        (process.PeakWorkingSet64 / 1048576).ToString(CultureInfo.InvariantCulture), (before / 1048576).ToString(CultureInfo.InvariantCulture),
                        diagnostics.Length.ToString(CultureInfo.InvariantCulture), last.Length > 0 ? "ok" : "empty"));
                    return 0;
                }

            case "emit":
            case "emitwarm":
                return DocModes.Child(args);
            default:
                return 2;
        }
    }
}
