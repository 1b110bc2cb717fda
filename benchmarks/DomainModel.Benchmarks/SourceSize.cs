using System.Globalization;

namespace DomainModel.Benchmarks;

/// <summary>
/// What the generated source is made of, per fact: doc comments (read by IntelliSense and by /doc builds only),
/// named fact properties, row data (string and UTF-8 literals) and the rest (types, catalogs, readers).
/// </summary>
public static class SourceSize
{
    public static void Run(int[] sizes)
    {
        foreach (var size in sizes)
        {
            var corpus = Harness.Corpus(size);
            var sources = Harness.Generate(corpus, out _);
            long doc = 0, named = 0, data = 0, other = 0, docLines = 0, namedLines = 0;
            long evidenceInDocs = 0;
            foreach (var (_, text) in sources)
            {
                foreach (var line in text.ToString().Split('\n'))
                {
                    var trimmed = line.TrimStart();
                    var chars = line.Length + 1;
                    if (trimmed.StartsWith("///", StringComparison.Ordinal))
                    {
                        doc += chars;
                        docLines++;
                        if (trimmed.Contains('“', StringComparison.Ordinal))
                        {
                            evidenceInDocs += chars;
                        }
                    }
                    else if (trimmed.Contains(" => _At(", StringComparison.Ordinal) && trimmed.StartsWith("public static ", StringComparison.Ordinal))
                    {
                        named += chars;
                        namedLines++;
                    }
                    else if (line.Length > 2000)
                    {
                        data += chars;
                    }
                    else
                    {
                        other += chars;
                    }
                }
            }

            var total = doc + named + data + other;
            string Row(string what, long chars) => $"| {what} | {chars / 1e6:F1} | {(double)chars / size:F0} | {100.0 * chars / total:F0} % |";
            Console.WriteLine($"{size} facts ({Harness.Style}), {sources.Count} files, {total / 1e6:F1} M characters, {(double)total / size:F0} per fact; {namedLines} named properties, {docLines} doc comment lines");
            Console.WriteLine("| Part | M chars | per fact | share |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(Row("doc comments (IntelliSense, /doc)", doc));
            Console.WriteLine(Row("  of which evidence quotes", evidenceInDocs));
            Console.WriteLine(Row("named fact properties", named));
            Console.WriteLine(Row("row data (literals)", data));
            Console.WriteLine(Row("everything else", other));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"YAML input: {corpus.YamlBytes / 1e6:F1} MB"));
        }
    }
}
