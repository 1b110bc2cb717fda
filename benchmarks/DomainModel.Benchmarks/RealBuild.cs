using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DomainModel.Benchmarks.Corpus;

namespace DomainModel.Benchmarks;

/// <summary>
/// What a user waits for: <c>dotnet build</c> of a plain net10.0 console project that references the packed
/// DomainModel.Generators (or the generator project, <c>--reference project</c>) and holds the synthetic corpus,
/// after editing one fact value, against the rebuild of a hello-world console after editing its one line,
/// measured in the same run, interleaved (hello, facts, hello, facts, ...), per configuration: with and
/// without the compiler server (<c>-p:UseSharedCompilation</c>), with and without
/// <c>GenerateDocumentationFile</c>. Peak memory is sampled from /proc every 50 ms: the sum of the build's
/// process tree (MSBuild runs without node reuse, so its nodes and csc are the build's own children) and the
/// largest single process in it; with the compiler server, the server's own peak (it is not a child of the build).
/// Then one more build per configuration with <c>-p:ReportAnalyzer=true</c> gives the time of the generator
/// and of each analyzer inside the compile.
/// </summary>
public static class RealBuild
{
    private sealed record Config(bool Server, bool Doc, bool NoCache = false)
    {
        public string Name => (Server ? "compiler server" : "no server") + (Doc ? ", /doc" : string.Empty) + (NoCache ? ", no generator cache" : string.Empty);

        public string Properties => $"-p:UseSharedCompilation={(Server ? "true" : "false")} -p:GenerateDocumentationFile={(Doc ? "true" : "false")}"
            + (NoCache ? " -p:DomainModelCompilerServerCache=false" : string.Empty);
    }

    private sealed record Sample(double Seconds, double TreeMb, double LargestMb, double ServerMb, int ExitCode, string Output);

    private const string Version = "1.0.0";

    public static int Run(string[] args)
    {
        var quick = args.Contains("--quick");
        var keep = args.Contains("--keep");
        var runs = Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : quick ? 2 : 5;
        var sizes = (Option(args, "--sizes") ?? "100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var styles = (Option(args, "--styles") ?? (quick ? "mixed" : "plain,mixed")).Split(',')
            .Select(s => s switch { "plain" => CorpusStyle.Plain, "mixed" => CorpusStyle.Mixed, _ => throw new ArgumentException("--styles takes plain and/or mixed") }).ToArray();
        var reference = Option(args, "--reference") ?? "package";
        // --named 0,2000: one facts project per DomainModelMaxNamedFactsPerKind value (default: the generator's default).
        var named = Option(args, "--named") is { } n ? n.Split(',').Select(v => (int?)int.Parse(v, CultureInfo.InvariantCulture)).ToArray() : new int?[] { null };
        var configs = quick
            ? new[] { new Config(false, false), new Config(true, false), new Config(false, true) }
            : new[] { new Config(false, false), new Config(true, false), new Config(false, true), new Config(true, true) };
        if (Option(args, "--configs") is { } only)
        {
            // e.g. --configs noserver,server,noserver-doc,server-doc,server-nocache (the compiler server without the generator cache)
            configs = only.Split(',').Select(c => new Config(c.StartsWith("server", StringComparison.Ordinal), c.Contains("-doc", StringComparison.Ordinal), c.Contains("-nocache", StringComparison.Ordinal))).ToArray();
        }

        var repo = RepoRoot();
        var root = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "dm-realbuild-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        Console.WriteLine($"// real build: {string.Join(", ", sizes)} facts, styles {string.Join(", ", styles)}, {runs} runs per configuration, generator by {reference} reference, in {root}");
        Console.WriteLine($"// machine: {Environment.ProcessorCount} cores, {Machine()}; load {Load()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; commit {Command(repo, "git", "rev-parse --short HEAD")}");

        var env = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildSDKsPath"] = null,
        };

        var runtimeProject = Path.Combine(repo, "src", "DomainModel.Runtime", "DomainModel.Runtime.csproj");
        var hasRuntime = File.Exists(runtimeProject);
        if (reference == "package")
        {
            var feed = Path.Combine(root, "feed");
            if (Directory.Exists(feed))
            {
                Directory.Delete(feed, recursive: true);
            }

            if (Directory.Exists(env["NUGET_PACKAGES"]))
            {
                Directory.Delete(env["NUGET_PACKAGES"]!, recursive: true);
            }
            foreach (var project in new[] { Path.Combine(repo, "generators", "DomainModel.Generators", "DomainModel.Generators.csproj") }.Concat(hasRuntime ? new[] { runtimeProject } : Array.Empty<string>()))
            {
                var pack = Exec(repo, $"pack \"{project}\" -c Release -o \"{feed}\" -p:UseArtifactsOutput=true -p:ArtifactsPath=\"{Path.Combine(root, "pack-build")}\" -p:Version={Version}", env, sample: false);
                if (pack.ExitCode != 0)
                {
                    Console.WriteLine(pack.Output);
                    return 1;
                }
            }

            File.WriteAllText(Path.Combine(root, "nuget.config"),
                $"<configuration><packageSources><clear /><add key=\"local\" value=\"{feed}\" /></packageSources></configuration>");
        }
        else
        {
            File.WriteAllText(Path.Combine(root, "nuget.config"), "<configuration><packageSources><clear /></packageSources></configuration>");
        }

        // Outside the repository: its Directory.Build.props and central package versions do not apply.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />");

        var hello = Path.Combine(root, "hello");
        WriteProject(hello, string.Empty, "Console.WriteLine(\"hello 0\");\n");

        var projects = new List<(string Name, string Dir, Func<int, string> Edit)>();
        foreach (var size in sizes)
        {
            foreach (var (style, cap) in styles.SelectMany(st => named.Select(cap => (st, cap))))
            {
                var corpus = SyntheticCorpus.Generate(size, style: style);
                var suffix = cap is { } c ? "-named" + c.ToString(CultureInfo.InvariantCulture) : string.Empty;
                var dir = Path.Combine(root, $"facts{size}-{style.ToString().ToLowerInvariant()}{suffix}");
                var first = corpus.Ids["Leader"][0];
                var program = cap is not null
                    ? $"Console.WriteLine(Bench.Leaders.Get(\"{first}\").Name);\n"
                    : $"Console.WriteLine(Bench.Leaders.{Harness.Pascal(first)}.Name);\n";
                var capProperty = cap is { } m ? $"<DomainModelMaxNamedFactsPerKind>{m.ToString(CultureInfo.InvariantCulture)}</DomainModelMaxNamedFactsPerKind>" : string.Empty;
                WriteProject(dir, GeneratorReference(repo, reference, hasRuntime), program, capProperty);
                corpus.WriteTo(Path.Combine(dir, "corpus"));
                Directory.Delete(Path.Combine(dir, "corpus", "json"), recursive: true);
                var (index, edited) = corpus.EditOneLeaderName();
                var path = Path.Combine(dir, "corpus", "facts", Path.GetFileName(corpus.FactsFiles[index].Path));
                var texts = new[] { corpus.FactsFiles[index].Text, edited.Text };
                projects.Add(($"{size / 1000}k facts, {style}" + (cap is { } k ? $", {k} named per kind" : string.Empty), dir, run =>
                {
                    File.WriteAllText(path, texts[run % 2]);
                    return "one fact's name in " + Path.GetFileName(path);
                }));
                Console.WriteLine($"// {size} facts, {style}: {corpus.YamlBytes / 1048576.0:F1} MB of YAML in {corpus.FactsFiles.Count + 1} files, {corpus.Documents.Count} documents");
            }
        }

        // Restore and a first build of each (not measured): the rebuilds after an edit are what is timed.
        foreach (var dir in new[] { hello }.Concat(projects.Select(p => p.Dir)))
        {
            var first = Exec(dir, "build -nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false", env, sample: true);
            Console.WriteLine($"// first build of {Path.GetFileName(dir)}: {first.Seconds:F1} s, exit {first.ExitCode}, largest process {first.LargestMb:F0} MB");
            if (first.ExitCode != 0)
            {
                Console.WriteLine(first.Output);
                return 1;
            }
        }

        var results = new Dictionary<(string Project, Config Config), List<Sample>>();
        void Measure(string name, string dir, Config config, Func<int, string> edit, int run, bool record)
        {
            edit(run);
            var sample = Exec(dir, $"build --no-restore -nologo -v:q -nodeReuse:false {config.Properties}", env, sample: true);
            if (sample.ExitCode != 0)
            {
                throw new InvalidOperationException($"build of {dir} failed:\n{sample.Output}");
            }

            if (record)
            {
                (results.TryGetValue((name, config), out var list) ? list : results[(name, config)] = new List<Sample>()).Add(sample);
            }
        }

        string HelloEdit(int run)
        {
            File.WriteAllText(Path.Combine(hello, "Program.cs"), $"Console.WriteLine(\"hello {run}\");\n");
            return "its one line";
        }

        // One untimed round first for the compiler server's configurations: it starts the server and warms it
        // (the first builds above warmed the file cache for the others).
        var all = new[] { ("hello world", hello, (Func<int, string>)HelloEdit) }.Concat(projects).ToList();
        for (var run = -1; run < runs; run++)
        {
            foreach (var config in configs.Where(c => run >= 0 || c.Server))
            {
                foreach (var (name, dir, edit) in all)
                {
                    Measure(name, dir, config, edit, run + 1, record: run >= 0);
                }
            }

            Console.WriteLine(run < 0 ? $"// warm-up round done, load {Load()}" : $"// run {run + 1} of {runs} done, load {Load()}");
        }

        Console.WriteLine();
        Console.WriteLine($"Rebuild after an edit (median of {runs}, interleaved; spread min-max), against the hello world's rebuild in the same configuration:");
        Console.WriteLine();
        Console.WriteLine("| Project | Configuration | Rebuild s (min-max) | × hello world | Peak, build tree MB | Peak, largest process MB | Compiler server peak MB |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var config in configs)
        {
            var helloMedian = Median(results[("hello world", config)].Select(s => s.Seconds));
            foreach (var (name, _, _) in all)
            {
                var list = results[(name, config)];
                var median = Median(list.Select(s => s.Seconds));
                var server = config.Server ? list.Max(s => s.ServerMb) : 0;
                Console.WriteLine($"| {name} | {config.Name} | {median:F1} ({list.Min(s => s.Seconds):F1}-{list.Max(s => s.Seconds):F1}) | {median / helloMedian:F1}× | {list.Max(s => s.TreeMb):F0} | {list.Max(s => s.LargestMb):F0} | {(server > 0 ? server.ToString("F0", CultureInfo.InvariantCulture) : "-")} |");
            }
        }

        // Inside the compile: the generator's and the analyzers' own times.
        Console.WriteLine();
        Console.WriteLine("Inside one rebuild (-p:ReportAnalyzer=true), seconds:");
        foreach (var (name, dir, edit) in projects)
        {
            foreach (var config in configs)
            {
                edit(runs + 1);
                var report = Exec(dir, $"build --no-restore -nologo -v:d -nodeReuse:false {config.Properties} -p:ReportAnalyzer=true", env, sample: false);
                Console.WriteLine($"- {name}, {config.Name}: {AnalyzerSummary(report.Output)}");
            }
        }

        Console.WriteLine($"// load at the end {Load()}");
        if (!keep)
        {
            Directory.Delete(root, recursive: true);
        }
        else
        {
            Console.WriteLine("// kept " + root);
        }

        return 0;
    }

    private static string GeneratorReference(string repo, string reference, bool hasRuntime)
    {
        if (reference == "package")
        {
            return $"""
                <PackageReference Include="DomainModel.Generators" Version="{Version}" PrivateAssets="all" />
            """ + (hasRuntime ? $"\n    <PackageReference Include=\"DomainModel.Runtime\" Version=\"{Version}\" />" : string.Empty);
        }

        var generator = Path.Combine(repo, "generators", "DomainModel.Generators");
        return $"""
                <ProjectReference Include="{Path.Combine(generator, "DomainModel.Generators.csproj")}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            """ + (hasRuntime ? $"\n    <ProjectReference Include=\"{Path.Combine(repo, "src", "DomainModel.Runtime", "DomainModel.Runtime.csproj")}\" />" : string.Empty)
            + $"\n  </ItemGroup>\n  <Import Project=\"{Path.Combine(generator, "build", "DomainModel.Generators.props")}\" />\n  <ItemGroup>";
    }

    private static void WriteProject(string dir, string references, string program, string properties = "")
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, Path.GetFileName(dir) + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>Bench</RootNamespace>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
                {properties}
              </PropertyGroup>
              <ItemGroup>
            {references}
                <AdditionalFiles Include="corpus/schema/*.schema.yaml;corpus/facts/*.facts.yaml;corpus/documents/*.txt" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
    }

    /// <summary>The generator's, NetAnalyzers' and the heaviest analyzers' times from a ReportAnalyzer build log.</summary>
    internal static string AnalyzerSummary(string log)
    {
        var parts = new List<string>();
        foreach (Match m in Regex.Matches(log, @"Total (analyzer|generator) execution time: ([0-9.]+) seconds", RegexOptions.CultureInvariant))
        {
            parts.Add($"all {m.Groups[1].Value}s {m.Groups[2].Value}");
        }

        // Lines such as "   7.400   52   Microsoft.CodeAnalysis.NetAnalyzers, Version=..." and, under it, "   3.900   27      Microsoft...DetectPreviewFeatureAnalyzer (CA2252)".
        var top = new List<(double Seconds, string Name)>();
        foreach (Match m in Regex.Matches(log, @"^\s*(?:\d+>)?\s*([0-9]+\.[0-9]+)\s+<?[0-9]+\s+(.+?)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant))
        {
            var name = m.Groups[2].Value;
            var comma = name.IndexOf(", Version=", StringComparison.Ordinal);
            name = comma > 0 ? name.Substring(0, comma) : name;
            top.Add((double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), name));
        }

        parts.AddRange(top.Where(t => t.Seconds >= 0.1 || t.Name.Contains("DomainModel", StringComparison.Ordinal)).DistinctBy(t => t.Name)
            .OrderByDescending(t => t.Seconds).Take(8).Select(t => $"{t.Name} {t.Seconds:F2}"));
        return parts.Count == 0 ? "(no ReportAnalyzer output found)" : string.Join("; ", parts);
    }

    private static Sample Exec(string dir, string arguments, Dictionary<string, string?> env, bool sample)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in env)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        double tree = 0, largest = 0, server = 0;
        while (!process.WaitForExit(sample ? 50 : 500))
        {
            if (sample)
            {
                var (sum, max, vbcs) = Memory(process.Id);
                tree = Math.Max(tree, sum);
                largest = Math.Max(largest, max);
                server = Math.Max(server, vbcs);
            }
        }

        process.WaitForExit();
        var seconds = sw.Elapsed.TotalSeconds;
        return new Sample(seconds, tree, largest, server, process.ExitCode, output.ToString());
    }

    /// <summary>
    /// From /proc: the summed resident memory of <paramref name="rootPid"/> and its descendants, the largest
    /// peak (VmHWM) among them, and the resident peak of a compiler server (VBCSCompiler), in MB.
    /// </summary>
    private static (double Sum, double Largest, double Server) Memory(int rootPid)
    {
        var parents = new Dictionary<int, int>();
        var servers = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat.Substring(close + 2).Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (stat.Contains("(VBCSCompiler)", StringComparison.Ordinal) || (stat.Contains("(dotnet)", StringComparison.Ordinal) && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("VBCSCompiler", StringComparison.Ordinal)))
                {
                    servers.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        double sum = 0, largest = 0;
        foreach (var pid in parents.Keys)
        {
            var p = pid;
            var depth = 0;
            while (p != rootPid && parents.TryGetValue(p, out var parent) && parent > 1 && depth++ < 64)
            {
                p = parent;
            }

            if (p == rootPid)
            {
                var (rss, hwm) = Status(pid);
                sum += rss;
                largest = Math.Max(largest, hwm);
            }
        }

        var server = servers.Count == 0 ? 0 : servers.Max(s => Status(s).Hwm);
        return (sum, largest, server);
    }

    private static (double Rss, double Hwm) Status(int pid)
    {
        try
        {
            double rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kb(line) / 1024;
                }
            }

            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private static double Kb(string line) => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() : null;
        var memory = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] : "0";
        return $"{model ?? "unknown CPU"}, {double.Parse(memory, CultureInfo.InvariantCulture) / 1048576:F1} GB RAM, .NET SDK {Command(".", "dotnet", "--version")}";
    }

    private static string Command(string dir, string file, string args)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = dir, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return text;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DomainModel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DomainModel.sln not found above " + AppContext.BaseDirectory + ": run the benchmark from its build output in the repository");
    }
}
