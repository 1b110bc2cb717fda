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
/// on 2 cores). <c>--quick</c>: 1 warm-up and 3 measured iterations, sizes 1k and 10k only (100k for
/// the generator runs). Without it: 2 warm-ups, 9 iterations (heavy) or BenchmarkDotNet's default
/// statistics (micro), sizes 1k, 10k and 100k. Other arguments filter classes by name.
/// </summary>
public static class Bench
{
    public static bool Quick { get; private set; }

    public static int[] Sizes(params int[] full) => Quick ? full.Where(s => s <= 10_000).DefaultIfEmpty(full[0]).ToArray() : full;

    public static int Run(string[] args)
    {
        Quick = args.Contains("--quick");
        var filters = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
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
