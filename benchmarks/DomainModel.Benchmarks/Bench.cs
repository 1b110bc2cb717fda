using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace DomainModel.Benchmarks;

/// <summary>Marks a class whose operations take milliseconds to seconds: one invocation per iteration, no pilot.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HeavyAttribute : Attribute
{
}

/// <summary>
/// Runs the BenchmarkDotNet classes in process (no per-class project build: that alone takes minutes
/// on 2 cores). <c>--quick</c>: 1 warm-up and 3 measured iterations (heavy), ShortRun (micro), sizes
/// 1k and 10k. Without it: 2 warm-ups and 9 iterations (heavy) or BenchmarkDotNet's default
/// statistics (micro), sizes 1k, 10k and 100k. <c>--sizes 10000,100000</c> overrides the sizes.
/// Other arguments filter classes by name (substring).
/// </summary>
public static class Bench
{
    public static bool Quick { get; private set; }

    /// <summary>--sizes 10000,100000 overrides the sizes of every class.</summary>
    public static int[]? SizesOverride { get; private set; }

    /// <summary>The sizes to run: the override, else 1k and 10k in quick mode, else 1k, 10k and 100k.</summary>
    public static int[] Sizes() => SizesOverride ?? (Quick ? new[] { 1_000, 10_000 } : new[] { 1_000, 10_000, 100_000 });

    public static int Run(string[] args)
    {
        Quick = args.Contains("--quick");
        var sizes = Array.IndexOf(args, "--sizes");
        if (sizes >= 0)
        {
            SizesOverride = args[sizes + 1].Split(',').Select(int.Parse).ToArray();
        }

        var filters = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--sizes")).ToArray();
        var types = typeof(Bench).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Benchmarks", StringComparison.Ordinal) && !t.IsAbstract)
            .Where(t => filters.Length == 0 || filters.Any(f => t.Name.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var summaries = new List<Summary>();
        foreach (var type in types)
        {
            summaries.Add(BenchmarkRunner.Run(type, Config(type.IsDefined(typeof(HeavyAttribute), false))));
        }

        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static IConfig Config(bool heavy)
    {
        var job = heavy
            ? Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(Quick ? 1 : 2).WithIterationCount(Quick ? 3 : 9)
            : Quick ? Job.ShortRun.WithLaunchCount(1) : Job.Default.WithLaunchCount(1);
        return ManualConfig.CreateEmpty()
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithId(heavy ? "Heavy" : "Micro"))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub, CsvExporter.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(heavy ? TimeUnit.Millisecond : TimeUnit.Nanosecond).WithRatioStyle(RatioStyle.Trend))
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts"));
    }
}
