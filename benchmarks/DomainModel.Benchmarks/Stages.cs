using System.Diagnostics;
using DomainModel.Benchmarks.Corpus;
using DomainModel.Generators.Emit;
using DomainModel.Generators.Layout;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Validation;

namespace DomainModel.Benchmarks;

/// <summary>Times the generator's stages directly (no driver), to see where a cold run goes.</summary>
public static class Stages
{
    public static void Run(int[] sizes)
    {
        foreach (var size in sizes)
        {
            var corpus = Harness.Corpus(size);
            for (var round = 0; round < 3; round++)
            {
                Lap(Stopwatch.StartNew());
                var sw = Stopwatch.StartNew();
                var parsed = corpus.YamlFiles.Select(f => InputParser.Parse(f.Path, InputParser.RoleOf(f.Path)!.Value, f.Text, default)).ToList();
                var parse = Lap(sw);
                var docs = corpus.Documents.Select(d => DocumentReader.Read(d.Path, d.Text)).ToList();
                var normalize = Lap(sw);
                var schema = SchemaStage.Build(parsed.Where(p => p.Role == FileRole.Schema), GeneratorOptions.Default, default);
                var index = IdStage.BuildIndex(parsed.Select(IdStage.IdsOf).Where(x => x is not null)!, schema, default);
                var ids = Lap(sw);
                var files = parsed.Where(p => p.Role == FileRole.Facts).Select(p => FactsStage.Validate(p, schema, index, docs, default)).ToList();
                var validate = Lap(sw);
                // The validate stage again, after a full collection each time: its least time is the least noisy figure.
                var least = double.MaxValue;
                for (var again = 0; again < 4; again++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    Lap(sw);
                    parsed.Where(p => p.Role == FileRole.Facts).Select(p => FactsStage.Validate(p, schema, index, docs, default)).ToList();
                    least = Math.Min(least, sw.Elapsed.TotalMilliseconds);
                    Lap(sw);
                }

                Console.Write(FormattableString.Invariant($"[validate again, least of 4: {least:F0} ms] "));
                Lap(sw);

                var laidOut = files.Select(f => FactLayout.File(f, schema, default)).ToList();
                var layout = Lap(sw);
                var assembled = Assembler.Assemble(laidOut, schema, index, new RowMode(Utf8: true, Pack: null), default);
                var assemble = Lap(sw);
                long chars = 0;
                foreach (var kind in assembled.Kinds)
                {
                    chars += Emitter.Kind(kind).Length;
                }

                foreach (var chunk in assembled.Chunks)
                {
                    chars += Emitter.Chunk(chunk).Length;
                }

                var emit = Lap(sw);
                var diagnostics = files.Sum(f => f.Diagnostics.Count) + assembled.Diagnostics.Count + schema.Diagnostics.Count + parsed.Sum(p => p.Diagnostics.Count);
                Console.WriteLine($"{size}: parse {parse}, normalize {normalize}, schema+ids {ids}, validate {validate}, layout {layout}, assemble {assemble}, emit {emit} ({chars / 1e6:F1} M chars), diagnostics {diagnostics}");
            }
        }
    }

    private static long s_allocated = GC.GetAllocatedBytesForCurrentThread();
    private static TimeSpan s_paused = GC.GetTotalPauseDuration();

    /// <summary>The stage's milliseconds, of them paused for collections, and the megabytes it allocated: "N ms (GC G)/M MB".</summary>
    private static string Lap(Stopwatch sw)
    {
        var ms = sw.Elapsed.TotalMilliseconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var mb = (allocated - s_allocated) / 1e6;
        s_allocated = allocated;
        var paused = GC.GetTotalPauseDuration();
        var gc = (paused - s_paused).TotalMilliseconds;
        s_paused = paused;
        sw.Restart();
        return FormattableString.Invariant($"{ms:F0} ms (GC {gc:F0})/{mb:F0} MB");
    }
}
