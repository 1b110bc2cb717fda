using System.Diagnostics;
using DomainModel.Benchmarks.Corpus;
using DomainModel.Generators.Emit;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Validation;

namespace DomainModel.Benchmarks;

/// <summary>Times the generator's stages directly (no driver), to see where a run goes.</summary>
public static class Stages
{
    public static void Run(int[] sizes)
    {
        foreach (var size in sizes)
        {
            var corpus = SyntheticCorpus.Generate(size);
            for (var round = 0; round < 3; round++)
            {
                var sw = Stopwatch.StartNew();
                var parsed = corpus.YamlFiles.Select(f => InputParser.Parse(f.Path, InputParser.RoleOf(f.Path)!.Value, f.Text, default)).ToList();
                var parse = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var docs = corpus.Documents.Select(d => new DocumentText(Path.GetFileName(d.Path), d.Path, QuoteIndex.Normalize(d.Text))).ToList();
                var normalize = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var model = Validator.Validate(parsed, docs, GeneratorOptions.Default, default);
                var validate = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var plurals = model.Kinds.ToDictionary(k => k.Name, k => k.Plural);
                long chars = 0;
                foreach (var kind in model.Kinds)
                {
                    chars += Emitter.Kind(model.Namespace, kind, plurals).Length;
                }

                var emit = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                var eq = model.Equals(Validator.Validate(parsed, docs, GeneratorOptions.Default, default));
                var equals = sw.Elapsed.TotalMilliseconds - validate;
                Console.WriteLine($"{size}: parse {parse:F0} ms, normalize {normalize:F0}, validate {validate:F0}, emit {emit:F0} ({chars / 1e6:F1} M chars), model equality {equals:F0} ({eq}), diagnostics {model.Diagnostics.Count}");
            }
        }
    }
}
