using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace DomainModel.Benchmarks.Corpus;

/// <summary>A file of the corpus: its path (as the compiler would see it) and its text.</summary>
public sealed record CorpusFile(string Path, string Text);

/// <summary>
/// A deterministic synthetic corpus in the shape of seeds/: one schema file (kinds Country, Leader,
/// Agreement, Base, Event with strings, integers, booleans, dates, money, quantities, percents, enums,
/// references and lists), facts split over N files (one kind per file, about 1% of the facts each
/// with 100 files), and one source document per facts file that holds every quote of that file.
/// Every reference resolves and every quote occurs: the generator reports no diagnostic.
/// The same seed gives the same bytes on every machine.
/// <para>
/// <see cref="CorpusStyle.Mixed"/> writes the same facts (the same values) in the other styles YAML users
/// write: double- and single-quoted scalars over two lines, folded (<c>&gt;-</c>) and literal (<c>|</c>)
/// block scalars, flow mappings for money and quantities (<c>{ amount: 1, currency: USD }</c>), block
/// sequences, comments between list items and after values.
/// </para>
/// </summary>
public sealed class SyntheticCorpus
{
    public const string SchemaPath = "/corpus/schema/synthetic.schema.yaml";

    /// <summary>Share of the facts per kind (sums to 100), and so of the facts files.</summary>
    public static readonly (string Kind, string Plural, int Percent)[] Kinds =
    {
        ("Country", "Countries", 2),
        ("Leader", "Leaders", 28),
        ("Agreement", "Agreements", 25),
        ("Base", "Bases", 15),
        ("Event", "Events", 30),
    };

    private static readonly string[] s_first = { "Amina", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Irina", "Jamal", "Karin", "Leon", "Maya", "Nikolai", "Olga", "Pavel", "Rania", "Sergei", "Tamar", "Umar", "Vera", "Walid", "Yara", "Zoran", "Ahmed", "Lina", "Omar", "Sofia", "Tariq", "Nadia" };
    private static readonly string[] s_last = { "Petrova", "Haddad", "Ivanov", "Khalil", "Morozov", "Nasser", "Orlova", "Qasim", "Romanov", "Saleh", "Tarasov", "Volkova", "Yusuf", "Zakharov", "Aziz", "Belov", "Darwish", "Fedorov", "Ghanem", "Karimova" };
    private static readonly string[] s_words = { "northern", "coastal", "eastern", "desert", "river", "harbour", "mountain", "central", "western", "southern", "valley", "island", "border", "capital", "plains", "delta" };
    private static readonly string[] s_things = { "energy", "transport", "grain", "port", "rail", "health", "water", "security", "tourism", "power", "housing", "airfield" };
    private static readonly string[] s_agreementTypes = { "credit-line", "lease", "memorandum-of-understanding", "supply", "humanitarian-aid", "joint-patrol", "ceasefire" };
    private static readonly string[] s_statuses = { "discussed", "proposed", "agreed", "pledged", "committed", "announced", "signed" };
    private static readonly string[] s_sectors = { "energy", "transport", "tourism", "healthcare", "security", "infrastructure" };
    private static readonly string[] s_eventTypes = { "summit", "ceremony", "visit", "election", "offensive", "ceasefire" };
    private static readonly string[] s_currencies = { "USD", "EUR", "RUB", "GBP", "CNY" };
    private static readonly string[] s_units = { "troops", "engineers", "people", "hours", "days", "tons" };
    private static readonly string[] s_epithets = { "former envoy", "veteran negotiator", "reformist", "hardliner", "technocrat", "retired general" };

    private SyntheticCorpus(int factCount, IReadOnlyList<CorpusFile> facts, IReadOnlyList<CorpusFile> documents, IReadOnlyList<CorpusFile> json, IReadOnlyDictionary<string, IReadOnlyList<string>> ids)
    {
        FactCount = factCount;
        FactsFiles = facts;
        Documents = documents;
        JsonFiles = json;
        Ids = ids;
    }

    public int FactCount { get; }

    public CorpusFile Schema { get; } = new(SchemaPath, SchemaText);

    /// <summary>The *.facts.yaml files, in path order.</summary>
    public IReadOnlyList<CorpusFile> FactsFiles { get; }

    /// <summary>The *.txt source documents, one per facts file.</summary>
    public IReadOnlyList<CorpusFile> Documents { get; }

    /// <summary>The same facts as JSON, one *.facts.json per facts file (same order, same kinds).</summary>
    public IReadOnlyList<CorpusFile> JsonFiles { get; }

    /// <summary>Ids per kind, in generation order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ids { get; }

    /// <summary>Every input of the generator: schema, facts and documents.</summary>
    public IEnumerable<CorpusFile> GeneratorInputs => new[] { Schema }.Concat(FactsFiles).Concat(Documents);

    /// <summary>Only the YAML (schema and facts), as the parse-only baseline reads it.</summary>
    public IEnumerable<CorpusFile> YamlFiles => new[] { Schema }.Concat(FactsFiles);

    public long YamlBytes => YamlFiles.Sum(f => (long)Encoding.UTF8.GetByteCount(f.Text));

    /// <summary>The facts files of one kind (for loaders that need only that kind).</summary>
    public IEnumerable<int> FilesOfKind(string kind) =>
        Enumerable.Range(0, FactsFiles.Count).Where(i => KindOf(FactsFiles[i].Text) == kind);

    /// <summary>The value of a facts file's top-level <c>kind:</c> line.</summary>
    private static string KindOf(string text)
    {
        var at = text.StartsWith("kind: ", StringComparison.Ordinal) ? 0 : text.IndexOf("\nkind: ", StringComparison.Ordinal) + 1;
        var start = at + "kind: ".Length;
        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return text.Substring(start, end - start);
    }

    /// <summary>The facts file in the middle of the Leader files with the first fact's name changed: the "edit one file" case.</summary>
    public (int Index, CorpusFile Edited) EditOneLeaderName()
    {
        var leaders = FilesOfKind("Leader").ToList();
        var index = leaders[leaders.Count / 2];
        var file = FactsFiles[index];
        var at = file.Text.IndexOf("\n    name: ", StringComparison.Ordinal) + "\n    name: ".Length;
        var end = file.Text.IndexOf('\n', at);
        return (index, file with { Text = file.Text.Substring(0, end) + " Edited" + file.Text.Substring(end) });
    }

    public static SyntheticCorpus Generate(int factCount, int fileCount = 100, int seed = 20251015, CorpusStyle style = CorpusStyle.Plain)
    {
        var random = new Random(seed);

        // The style's choices come from their own sequence: both styles hold the same facts.
        var styleRandom = style == CorpusStyle.Mixed ? new Random(seed + 1) : null;
        var perKind = new Dictionary<string, int>();
        var remaining = factCount;
        foreach (var (kind, _, percent) in Kinds)
        {
            var n = kind == Kinds[^1].Kind ? remaining : Math.Max(1, factCount * percent / 100);
            perKind[kind] = n;
            remaining -= n;
        }

        var filesPerKind = Kinds.ToDictionary(k => k.Kind, k => Math.Max(1, Math.Min(perKind[k.Kind], fileCount * k.Percent / 100)));

        // 1. Ids first, so that every reference can point at any fact of its kind.
        var ids = new Dictionary<string, IReadOnlyList<string>>();
        var names = new Dictionary<string, List<string>>();
        foreach (var (kind, _, _) in Kinds)
        {
            var list = new List<string>(perKind[kind]);
            var nameList = new List<string>(perKind[kind]);
            for (var i = 0; i < perKind[kind]; i++)
            {
                var name = kind switch
                {
                    "Country" => $"{Cap(Pick(random, s_words))} {Pick(random, s_last)}ia",
                    "Leader" => $"{Pick(random, s_first)} {Pick(random, s_last)}",
                    "Agreement" => $"{Cap(Pick(random, s_words))} {Pick(random, s_things)} accord",
                    "Base" => $"{Cap(Pick(random, s_words))} {Pick(random, s_things)} base",
                    _ => $"{Cap(Pick(random, s_words))} {Pick(random, s_things)} {Pick(random, s_eventTypes)}",
                };
                nameList.Add(name);
                list.Add(Slug(name) + "-" + i.ToString(CultureInfo.InvariantCulture));
            }

            ids[kind] = list;
            names[kind] = nameList;
        }

        // 2. Facts, file by file: fact i of a kind goes to file i * files / count of that kind.
        var facts = new List<CorpusFile>();
        var documents = new List<CorpusFile>();
        var json = new List<CorpusFile>();
        var fileNumber = 0;
        foreach (var (kind, plural, _) in Kinds)
        {
            var files = filesPerKind[kind];
            var count = perKind[kind];
            for (var f = 0; f < files; f++)
            {
                var from = (int)((long)f * count / files);
                var to = (int)((long)(f + 1) * count / files);
                var document = $"doc-{fileNumber:D3}.txt";
                var stem = $"{fileNumber:D3}-{plural.ToLowerInvariant()}";
                var dtos = new List<FactDto>(to - from);
                for (var i = from; i < to; i++)
                {
                    dtos.Add(MakeFact(random, kind, i, names[kind][i], ids));
                }

                facts.Add(new CorpusFile($"/corpus/facts/{stem}.facts.yaml", styleRandom is null ? Yaml(kind, document, dtos) : MixedYaml(styleRandom, kind, document, dtos)));
                documents.Add(new CorpusFile($"/corpus/documents/{document}", Document(random, fileNumber, dtos)));
                json.Add(new CorpusFile($"/corpus/json/{stem}.facts.json", Json(kind, document, dtos)));
                fileNumber++;
            }
        }

        return new SyntheticCorpus(factCount, facts, documents, json, ids);
    }

    /// <summary>Writes the corpus under <paramref name="directory"/> (schema/, facts/, documents/, json/).</summary>
    public void WriteTo(string directory)
    {
        foreach (var file in GeneratorInputs.Concat(JsonFiles))
        {
            var path = System.IO.Path.Combine(directory, file.Path.TrimStart('/').Substring("corpus/".Length));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, file.Text);
        }
    }

    private static FactDto MakeFact(Random r, string kind, int i, string name, Dictionary<string, IReadOnlyList<string>> ids)
    {
        string Ref(string k) => ids[k][r.Next(ids[k].Count)];
        List<string> Refs(string k, int max) => Enumerable.Range(0, 1 + r.Next(max)).Select(_ => Ref(k)).Distinct().ToList();
        string? Maybe(int percent, Func<string> value) => r.Next(100) < percent ? value() : null;
        var n = i.ToString(CultureInfo.InvariantCulture);
        FactDto fact = kind switch
        {
            "Country" => new CountryDto
            {
                Aliases = r.Next(3) == 0 ? new List<string> { name.Split(' ')[1] } : null,
                Historical = r.Next(10) == 0 ? true : null,
            },
            "Leader" => new LeaderDto
            {
                Country = Ref("Country"),
                Epithets = r.Next(3) == 0 ? new List<string> { Pick(r, s_epithets) } : null,
                AgeReported = r.Next(2) == 0 ? 30 + r.Next(60) : null,
                AgeReportedOn = Maybe(40, () => Date(r)),
                RelativeOf = Maybe(10, () => Ref("Leader")),
                Protection = Maybe(10, () => $"{1 + r.Next(24)} hours"),
                HealthConfirmed = r.Next(5) == 0 ? r.Next(2) == 0 : null,
            },
            "Agreement" => new AgreementDto
            {
                AgreementType = Pick(r, s_agreementTypes),
                Status = Pick(r, s_statuses),
                Date = Date(r),
                Parties = Refs("Country", 3),
                Provider = Maybe(60, () => Ref("Country")),
                AnnouncedBy = Maybe(60, () => Ref("Leader")),
                Amount = Maybe(60, () => $"{(1 + r.Next(5000)) * 100000} {Pick(r, s_currencies)}"),
                Quantity = Maybe(30, () => $"{1 + r.Next(5000)} {Pick(r, s_units)}"),
                Share = Maybe(20, () => $"{r.Next(100)}%"),
                Sectors = r.Next(2) == 0 ? new List<string> { Pick(r, s_sectors) } : null,
                Bases = Maybe(30, () => "x") is null ? null : Refs("Base", 2),
                Event = Maybe(50, () => Ref("Event")),
                Purpose = Maybe(40, () => $"{Pick(r, s_things)} projects in the {Pick(r, s_words)} region"),
            },
            "Base" => new BaseDto
            {
                Aliases = r.Next(3) == 0 ? new List<string> { name.Split(' ')[0] + " station" } : null,
                BaseType = r.Next(2) == 0 ? "naval" : "air",
                HostCountry = Ref("Country"),
                OperatingCountry = Ref("Country"),
                OnlyOutpost = r.Next(4) == 0 ? true : null,
                Personnel = Maybe(40, () => $"{100 + r.Next(5000)} troops"),
                UpgradeAgreements = r.Next(3) == 0 ? Refs("Agreement", 2) : null,
                LeaseAgreement = Maybe(30, () => Ref("Agreement")),
            },
            _ => new EventDto
            {
                EventType = Pick(r, s_eventTypes),
                Date = Date(r),
                EndDate = Maybe(15, () => Date(r)),
                Duration = Maybe(20, () => $"{1 + r.Next(72)} hours"),
                Countries = Refs("Country", 2),
                Participants = r.Next(2) == 0 ? Refs("Leader", 3) : null,
                Turnout = Maybe(10, () => $"{40 + r.Next(55)}"),
                GunSalute = r.Next(20) == 0 ? 21 : null,
                Description = Maybe(30, () => $"A {Pick(r, s_words)} {Pick(r, s_things)} meeting"),
                Precedes = Maybe(20, () => Ref("Event")),
            },
        };

        fact.Id = ids[kind][i];
        fact.Name = name;
        fact.Evidence.Add(Quote(fact, name, n));
        if (r.Next(20) == 0)
        {
            fact.Note = $"Date resolved from a relative reference in dispatch {n}.";
        }

        return fact;
    }

    /// <summary>
    /// The fact's quote: its name and dispatch, then each number, amount, percent and date it types, as written
    /// in the facts (ISO dates, "250000000 USD", "45%"), so that the generator finds every value in the quote (DM0032).
    /// </summary>
    private static string Quote(FactDto fact, string name, string n)
    {
        var figures = fact switch
        {
            LeaderDto l => new[] { l.AgeReported is { } age ? "age " + age.ToString(CultureInfo.InvariantCulture) : null, l.AgeReportedOn, l.Protection },
            AgreementDto a => new[] { a.Date, a.Amount, a.Quantity, a.Share },
            BaseDto b => new[] { b.Personnel },
            EventDto e => new[] { e.Date, e.EndDate, e.Duration, e.Turnout is null ? null : e.Turnout + "%", e.GunSalute is { } guns ? guns.ToString(CultureInfo.InvariantCulture) + " guns" : null },
            _ => Array.Empty<string?>(),
        };
        var stated = figures.Where(f => f is not null).ToList();
        return stated.Count == 0 ? $"{name} was reported in dispatch {n}" : $"{name} was reported in dispatch {n} with {string.Join(", ", stated)}";
    }

    private static string Document(Random r, int number, List<FactDto> facts)
    {
        var text = new StringBuilder(facts.Count * 80);
        text.Append("DISPATCH ").Append(number.ToString(CultureInfo.InvariantCulture)).Append("\n\n");
        var column = 0;
        foreach (var fact in facts)
        {
            foreach (var word in (fact.Evidence[0] + ". " + Cap(Pick(r, s_words)) + " sources confirmed it.").Split(' '))
            {
                if (column + word.Length > 96)
                {
                    text.Append('\n');
                    column = 0;
                }
                else if (column > 0)
                {
                    text.Append(' ');
                    column++;
                }

                text.Append(word);
                column += word.Length;
            }
        }

        return text.Append('\n').ToString();
    }

    private static string Yaml(string kind, string document, List<FactDto> facts)
    {
        var yaml = new StringBuilder(facts.Count * 320);
        yaml.Append("kind: ").Append(kind).Append('\n');
        yaml.Append("document: ").Append(document).Append('\n');
        yaml.Append("facts:\n");
        foreach (var fact in facts)
        {
            yaml.Append("  - id: ").Append(fact.Id).Append('\n');
            yaml.Append("    name: ").Append(Scalar(fact.Name)).Append('\n');
            foreach (var property in fact.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var value = property.GetValue(fact);
                if (value is null)
                {
                    continue;
                }

                yaml.Append("    ").Append(Snake(property.Name)).Append(": ");
                yaml.Append(value switch
                {
                    List<string> list => "[" + string.Join(", ", list.Select(Scalar)) + "]",
                    bool b => b ? "true" : "false",
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    string s => Scalar(s),
                    _ => throw new InvalidOperationException(property.Name),
                });
                yaml.Append('\n');
            }

            yaml.Append("    evidence:\n");
            foreach (var quote in fact.Evidence)
            {
                yaml.Append("      - '").Append(quote.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
            }

            if (fact.Note is not null)
            {
                yaml.Append("    note: '").Append(fact.Note.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
            }

            yaml.Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>The facts of <see cref="Yaml"/> in mixed styles (the first fact of a file keeps a plain one-line name: <see cref="EditOneLeaderName"/> edits it).</summary>
    private static string MixedYaml(Random s, string kind, string document, List<FactDto> facts)
    {
        var yaml = new StringBuilder(facts.Count * 400);
        yaml.Append("# ").Append(kind).Append(" facts, mixed YAML styles\n");
        yaml.Append("kind: ").Append(kind).Append("   # one kind per file\n");
        yaml.Append("document: \"").Append(document).Append("\"\n");
        yaml.Append("facts:\n");
        var first = true;
        foreach (var fact in facts)
        {
            if (s.Next(4) == 0)
            {
                yaml.Append("  # ").Append(fact.Name).Append('\n');
            }

            yaml.Append("  - id: ").Append(fact.Id).Append('\n');
            yaml.Append("    name: ");
            if (first)
            {
                yaml.Append(Scalar(fact.Name)).Append('\n');
                first = false;
            }
            else
            {
                AppendMixedScalar(s, yaml, fact.Name, "      ");
            }

            foreach (var property in fact.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var value = property.GetValue(fact);
                if (value is null)
                {
                    continue;
                }

                yaml.Append("    ").Append(Snake(property.Name)).Append(':');
                switch (value)
                {
                    case List<string> list when s.Next(2) == 0:
                        yaml.Append('\n');
                        foreach (var item in list)
                        {
                            yaml.Append("      - ").Append(Scalar(item)).Append('\n');
                        }

                        break;
                    case List<string> list:
                        yaml.Append(" [").Append(string.Join(", ", list.Select(Scalar))).Append("]\n");
                        break;
                    case bool b:
                        yaml.Append(' ').Append(b ? "true" : "false").Append(s.Next(8) == 0 ? "  # as reported\n" : "\n");
                        break;
                    case long l:
                        yaml.Append(' ').Append(l.ToString(CultureInfo.InvariantCulture)).Append('\n');
                        break;
                    case string text when property.Name == "Amount" && s.Next(2) == 0:
                        var money = text.Split(' ');
                        yaml.Append(" { amount: ").Append(money[0]).Append(", currency: ").Append(money[1]).Append(" }\n");
                        break;
                    case string text when property.Name is "Quantity" or "Protection" or "Personnel" or "Duration" && s.Next(2) == 0:
                        var quantity = text.Split(' ');
                        yaml.Append(" { value: ").Append(quantity[0]).Append(", unit: ").Append(quantity[1]).Append(" }\n");
                        break;
                    case string text when property.Name is "Purpose" or "Description":
                        yaml.Append(' ');
                        AppendMixedScalar(s, yaml, text, "      ");
                        break;
                    case string text:
                        yaml.Append(' ').Append(Scalar(text)).Append('\n');
                        break;
                    default:
                        throw new InvalidOperationException(property.Name);
                }
            }

            yaml.Append("    evidence:\n");
            foreach (var quote in fact.Evidence)
            {
                if (s.Next(6) == 0)
                {
                    yaml.Append("      # the dispatch's own words\n");
                }

                yaml.Append("      - ");
                AppendMixedScalar(s, yaml, quote, "        ");
            }

            if (fact.Note is not null)
            {
                yaml.Append("    note: ");
                AppendMixedScalar(s, yaml, fact.Note, "      ");
            }

            yaml.Append('\n');
        }

        return yaml.ToString();
    }

    /// <summary>
    /// A string scalar with the same value in one of several styles: plain or quoted on one line, quoted over
    /// two lines (the line break folds to a space), folded over two lines, or literal on one line.
    /// </summary>
    private static void AppendMixedScalar(Random s, StringBuilder yaml, string value, string indent)
    {
        var space = value.IndexOf(' ', value.Length / 2);
        var style = space > 0 ? s.Next(7) : s.Next(3);
        switch (style)
        {
            case 0:
                yaml.Append(Scalar(value)).Append('\n');
                return;
            case 1:
                yaml.Append('"').Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
                return;
            case 2:
                yaml.Append("|-\n").Append(indent).Append(value).Append('\n');
                return;
        }

        var head = value.Substring(0, space);
        var tail = value.Substring(space + 1);
        switch (style)
        {
            case 3:
            case 4:
                yaml.Append(">-\n").Append(indent).Append(head).Append('\n').Append(indent).Append(tail).Append('\n');
                return;
            case 5:
                yaml.Append('\'').Append(head.Replace("'", "''", StringComparison.Ordinal)).Append('\n')
                    .Append(indent).Append(tail.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
                return;
            default:
                yaml.Append('"').Append(head.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('\n')
                    .Append(indent).Append(tail.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
                return;
        }
    }

    private static string Json(string kind, string document, List<FactDto> facts) => kind switch
    {
        "Country" => JsonSerializer.Serialize(File<CountryDto>(kind, document, facts), CorpusJsonContext.Default.FactsFileDtoCountryDto),
        "Leader" => JsonSerializer.Serialize(File<LeaderDto>(kind, document, facts), CorpusJsonContext.Default.FactsFileDtoLeaderDto),
        "Agreement" => JsonSerializer.Serialize(File<AgreementDto>(kind, document, facts), CorpusJsonContext.Default.FactsFileDtoAgreementDto),
        "Base" => JsonSerializer.Serialize(File<BaseDto>(kind, document, facts), CorpusJsonContext.Default.FactsFileDtoBaseDto),
        _ => JsonSerializer.Serialize(File<EventDto>(kind, document, facts), CorpusJsonContext.Default.FactsFileDtoEventDto),
    };

    private static FactsFileDto<T> File<T>(string kind, string document, List<FactDto> facts)
        where T : FactDto => new() { Kind = kind, Document = document, Facts = facts.Cast<T>().ToList() };

    private static string Scalar(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '.' or '%') && !value.EndsWith(' ') && char.IsAsciiLetterOrDigit(value[0])
            ? value
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Date(Random r)
    {
        var year = 1990 + r.Next(36);
        return r.Next(10) switch
        {
            0 => year.ToString(CultureInfo.InvariantCulture),
            1 or 2 or 3 => $"{year}-{1 + r.Next(12):D2}",
            _ => $"{year}-{1 + r.Next(12):D2}-{1 + r.Next(28):D2}",
        };
    }

    private static string Pick(Random r, string[] items) => items[r.Next(items.Length)];

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s.Substring(1);

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');

    private static string Snake(string pascal)
    {
        var b = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && b.Length > 0)
            {
                b.Append('_');
            }

            b.Append(char.ToLowerInvariant(c));
        }

        return b.ToString();
    }

    public const string SchemaText = """
# Synthetic schema for benchmarks, modelled on seeds/schema (same field types, fewer fields).
enums:
  AgreementType:
    description: The nature of an agreement.
    values: [credit-line, lease, memorandum-of-understanding, supply, humanitarian-aid, joint-patrol, ceasefire]
  AgreementStatus:
    description: The status of an agreement as reported.
    values: [discussed, proposed, agreed, pledged, committed, announced, signed]
  Sector:
    description: A policy or cooperation area.
    values: [energy, transport, tourism, healthcare, security, infrastructure]
  BaseType:
    description: The type of a military base.
    values: [naval, air]
  EventType:
    description: The type of an event.
    values: [summit, ceremony, visit, election, offensive, ceasefire]

kinds:
  Country:
    plural: Countries
    description: A sovereign state.
    fields:
      name: { type: string, required: true, description: Common English name. }
      aliases: { type: list<string>, description: Other names used by the source. }
      historical: { type: boolean, description: True for states that no longer exist. }

  Leader:
    plural: Leaders
    description: A person named in a source document.
    fields:
      name: { type: string, required: true, description: Name as reported. }
      country: { type: Country, description: The country the person serves. }
      epithets: { type: list<string>, description: Characterisations applied to the person. }
      age_reported: { type: integer, description: Age in years as stated by the source. }
      age_reported_on: { type: date, description: Date at which age_reported applies. }
      relative_of: { type: Leader, description: The person this person is a relative of. }
      protection: { type: quantity, description: Security protection reported for the person. }
      health_confirmed: { type: boolean, description: Whether a health report is confirmed. }

  Agreement:
    plural: Agreements
    description: An agreement, deal, commitment or pledge between parties.
    fields:
      name: { type: string, required: true, description: Short descriptive name. }
      agreement_type: { type: AgreementType, required: true, description: The nature of the agreement. }
      status: { type: AgreementStatus, required: true, description: The status as reported. }
      date: { type: date, description: When the reported status was reached. }
      parties: { type: list<Country>, description: Countries party to the agreement. }
      provider: { type: Country, description: The country providing the funds. }
      announced_by: { type: Leader, description: The person who announced it. }
      amount: { type: money, description: Total monetary value. }
      quantity: { type: quantity, description: The main quantity committed. }
      share: { type: percent, description: Share of the cost borne by the provider. }
      sectors: { type: list<Sector>, description: Cooperation areas concerned. }
      bases: { type: list<Base>, description: Military bases concerned. }
      event: { type: Event, description: The event in whose context it was reached. }
      purpose: { type: string, description: What the agreement is for. }

  Base:
    plural: Bases
    description: A military base operated by one country on another's territory.
    fields:
      name: { type: string, required: true, description: Name as reported. }
      aliases: { type: list<string>, description: Other names used by the source. }
      base_type: { type: BaseType, required: true, description: Naval or air. }
      host_country: { type: Country, description: The country where the base is. }
      operating_country: { type: Country, description: The country operating the base. }
      only_outpost: { type: boolean, description: Whether it is the only outpost of its type in the region. }
      personnel: { type: quantity, description: Personnel stationed. }
      upgrade_agreements: { type: list<Agreement>, description: Agreements funding upgrades. }
      lease_agreement: { type: Agreement, description: The agreement setting lease terms. }

  Event:
    plural: Events
    description: Something that happened or is planned.
    fields:
      name: { type: string, required: true, description: Descriptive name. }
      event_type: { type: EventType, required: true, description: The type of event. }
      date: { type: date, description: When it happened. }
      end_date: { type: date, description: When an extended event ended. }
      duration: { type: quantity, description: How long it lasted. }
      countries: { type: list<Country>, description: Countries concerned. }
      participants: { type: list<Leader>, description: Who took part. }
      turnout: { type: percent, description: Voter turnout. }
      gun_salute: { type: integer, description: Number of guns in a salute. }
      description: { type: string, description: A short summary. }
      precedes: { type: Event, description: The event this one preceded. }
""";
}

/// <summary>How the synthetic corpus writes its YAML.</summary>
public enum CorpusStyle
{
    /// <summary>One-line scalars: plain where they can be, single-quoted otherwise; flow sequences.</summary>
    Plain,

    /// <summary>The same facts in quoted scalars over two lines, folded and literal block scalars, flow mappings, block sequences and comments.</summary>
    Mixed,
}
