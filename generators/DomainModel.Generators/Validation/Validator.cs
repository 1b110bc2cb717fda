using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Emit;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Validation;

/// <summary>
/// The validation stages, each a pure function of its inputs so the driver can cache it:
/// schema (all schema files) → ids (the ids of all facts files) → one facts file at a time → assemble
/// (all files' facts placed in id order, cut into chunks). An edit to the values of one facts file
/// re-runs only that file's validation and the (linear, cheap) assembly.
/// Input order never matters: files are sorted by path and facts by id (ordinal).
/// </summary>
internal static class Validator
{
    /// <summary>Names the generated runtime types use; a kind or enum may not take them.</summary>
    public static readonly string[] ReservedTypeNames =
    {
        "FactDate", "DatePrecision", "Money", "Quantity", "QuantityQualifier", "Percent", "Provenance", "Evidence",
        "EvidenceStance", "FactList", "ValueList", "IFact", "FactCatalog", "KindInfo", "FactRow", "System",
    };

    /// <summary>Property names a field may not take (record members and the fact's own members).</summary>
    public static readonly string[] ReservedFieldProperties =
    {
        "Id", "Provenance", "Kind", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize",
    };

    /// <summary>Member names of every catalog class that a fact property may not take.</summary>
    public static readonly string[] ReservedCatalogMembers =
    {
        "All", "Count", "Get", "TryGet", "Kind", "Equals", "ReferenceEquals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    private static readonly Regex s_list = new(@"^list\s*<\s*(?<e>[^<>\s]+)\s*>$", RegexOptions.CultureInvariant);
    private static readonly Dictionary<string, ScalarType> s_builtIns = new(StringComparer.Ordinal)
    {
        ["string"] = ScalarType.String,
        ["integer"] = ScalarType.Integer,
        ["decimal"] = ScalarType.Decimal,
        ["boolean"] = ScalarType.Boolean,
        ["date"] = ScalarType.Date,
        ["money"] = ScalarType.Money,
        ["quantity"] = ScalarType.Quantity,
        ["percent"] = ScalarType.Percent,
    };

    /// <summary>Bytes of the #US heap an assembly may hold (2^24); CS8103 beyond it.</summary>
    public const long UserStringLimit = 1L << 24;

    /// <summary>
    /// The schema stage: every schema file (any order) and the options → enums and kinds with their
    /// fields resolved, plus the diagnostics about types, plurals and fields.
    /// </summary>
    public static SchemaModel BuildSchema(IEnumerable<ParsedFile> schemaFiles, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var files = schemaFiles.Where(f => f.Schema is not null).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        // 1. Types: enums and kinds share one namespace.
        var enums = new Dictionary<string, EnumDef>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, KindDef>(StringComparer.Ordinal);
        var typeLocations = new Dictionary<string, LocationInfo>(StringComparer.Ordinal);
        foreach (var schema in files.Select(f => f.Schema!))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var e in schema.Enums)
            {
                if (DeclareType(e.Name, e.NameLocation, "Enum", typeLocations, diagnostics))
                {
                    enums.Add(e.Name, e);
                }
            }

            foreach (var k in schema.Kinds)
            {
                if (DeclareType(k.Name, k.NameLocation, "Kind", typeLocations, diagnostics))
                {
                    kinds.Add(k.Name, k);
                }
            }
        }

        // 2. Plurals: catalog class names must not collide with any type or other catalog.
        var plurals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var plural = kind.Plural?.Value ?? Names.Pluralize(kind.Name);
            var at = kind.Plural?.Location ?? kind.NameLocation;
            if (Array.IndexOf(ReservedTypeNames, plural) >= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, plural, "a generated runtime type has this name"));
            }
            else if (typeLocations.TryGetValue(plural, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, at, "The catalog name", plural, first.Display));
            }
            else
            {
                typeLocations.Add(plural, at);
            }

            plurals[kind.Name] = plural;
        }

        // 3. Fields.
        var shapes = new List<KindShape>();
        var allTypeNames = s_builtIns.Keys.Concat(enums.Keys).Concat(kinds.Keys).ToList();
        foreach (var kind in kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var fields = new List<FieldModel>();
            foreach (var field in kind.Fields)
            {
                var property = Names.ToPascal(field.Name);
                if (Array.IndexOf(ReservedFieldProperties, property) >= 0 || field.Name is "evidence" or "note")
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, field.NameLocation, field.Name, "every fact has its own 'id', 'evidence', 'note' and generated members"));
                    continue;
                }

                if (property == kind.Name)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, field.NameLocation, field.Name, $"as a C# property '{property}' it would have the name of its record type '{kind.Name}'"));
                    continue;
                }

                if (ResolveType(field.Type, enums, kinds, allTypeNames, diagnostics) is { } type)
                {
                    fields.Add(new FieldModel(field.Name, property, field.Description, field.Required, type));
                }
            }

            shapes.Add(new KindShape(kind.Name, plurals[kind.Name], kind.Description, kind.NameLocation, fields.ToEquatableArray()));
        }

        diagnostics.Sort();
        var enumModels = enums.Values
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EnumModel(e.Name, e.Description, e.Values.Select(v => v.Value).ToEquatableArray()))
            .ToEquatableArray();
        return new SchemaModel(options.Namespace, options.MaxNamedFactsPerKind, enumModels, shapes.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The ids of a facts file (or null for a schema file): what the id stage needs, without positions.</summary>
    public static FileIds? IdsOf(ParsedFile file)
    {
        if (file.Facts is not { } facts)
        {
            return null;
        }

        var ids = new string[facts.Facts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = facts.Facts[i].Id.Value;
        }

        return new FileIds(file.Path, facts.Kind?.Value, new EquatableArray<string>(ids));
    }

    /// <summary>
    /// The id stage: per kind, ids unique and distinct once PascalCased, sorted (ordinal). Files are taken
    /// in path order and facts in file order: the first fact with an id keeps it.
    /// </summary>
    public static IdIndex BuildIndex(IEnumerable<FileIds> fileIds, SchemaModel schema, CancellationToken cancellationToken)
    {
        var files = fileIds.Where(f => f.Kind is not null && schema.Kind(f.Kind) is not null).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var result = new List<KindIds>();
        foreach (var kind in schema.Kinds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var byId = new Dictionary<string, (string Path, int Ordinal)>(StringComparer.Ordinal);
            var byProperty = new Dictionary<string, (string Path, int Ordinal, string Id)>(StringComparer.Ordinal);
            var rejected = new List<RejectedFact>();
            var kept = new List<string>();
            foreach (var file in files)
            {
                if (file.Kind != kind.Name)
                {
                    continue;
                }

                for (var i = 0; i < file.Ids.Count; i++)
                {
                    var id = file.Ids[i];
                    if (byId.TryGetValue(id, out var first))
                    {
                        rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.DuplicateId.Id, first.Path, first.Ordinal, null));
                        continue;
                    }

                    var property = Names.ToPascal(id);
                    if (byProperty.TryGetValue(property, out var same))
                    {
                        rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.IdCollision.Id, same.Path, same.Ordinal, same.Id));
                        continue;
                    }

                    if (Array.IndexOf(ReservedCatalogMembers, property) >= 0 || property == kind.Plural)
                    {
                        rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.ReservedName.Id, null, 0, null));
                        continue;
                    }

                    byId.Add(id, (file.Path, i));
                    byProperty.Add(property, (file.Path, i, id));
                    kept.Add(id);
                }
            }

            var ids = kept.ToArray();
            Array.Sort(ids, StringComparer.Ordinal);
            result.Add(new KindIds(kind.Name, new EquatableArray<string>(ids), rejected.ToEquatableArray()));
        }

        return new IdIndex(result.ToEquatableArray());
    }

    /// <summary>The diagnostics for facts rejected by their id: they need the positions of both facts.</summary>
    public static EquatableArray<DiagnosticInfo> IdDiagnostics(IdIndex index, SchemaModel schema, IEnumerable<ParsedFile> files)
    {
        if (index.Kinds.All(k => k.Rejected.Count == 0))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var byPath = files.Where(f => f.Facts is not null).ToDictionary(f => f.Path, f => f.Facts!, StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        foreach (var kind in index.Kinds)
        {
            var plural = schema.Kind(kind.Kind)!.Plural;
            foreach (var r in kind.Rejected)
            {
                var id = byPath[r.Path].Facts[r.Ordinal].Id;
                if (r.DiagnosticId == DiagnosticDescriptors.ReservedName.Id)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, id.Location, id.Value, $"the catalog {plural} has a member named '{Names.ToPascal(id.Value)}'"));
                    continue;
                }

                var first = byPath[r.FirstPath!].Facts[r.FirstOrdinal].Id;
                diagnostics.Add(r.DiagnosticId == DiagnosticDescriptors.DuplicateId.Id
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateId, id.Location, kind.Kind, id.Value, Where(first.Location, id.Location))
                    : DiagnosticInfo.Create(DiagnosticDescriptors.IdCollision, id.Location, kind.Kind, id.Value, Names.ToPascal(id.Value), r.OtherId!, Where(first.Location, id.Location)));
            }
        }

        diagnostics.Sort();
        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// The validate stage for one facts file: values converted to their schema types, references
    /// resolved to indexes, evidence checked against the documents, each fact rendered for emission.
    /// Runs again only when this file, the schema, the ids or the documents change.
    /// </summary>
    public static FileResult ValidateFile(ParsedFile file, SchemaModel schema, IdIndex index, IReadOnlyList<DocumentText> documentTexts, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var factsFile = file.Facts;
        if (factsFile?.Kind is null)
        {
            return new FileResult(file.Path, null, EquatableArray<EmittedFact>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var kind = schema.Kind(factsFile.Kind.Value);
        var ids = index.Kind(factsFile.Kind.Value);
        if (kind is null || ids is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKind, factsFile.Kind.Location, factsFile.Kind.Value, Names.DidYouMean(factsFile.Kind.Value, schema.Kinds.Select(k => k.Name))));
            return new FileResult(file.Path, null, EquatableArray<EmittedFact>.Empty, diagnostics.ToEquatableArray());
        }

        var documents = Documents(documentTexts);
        var converter = new ValueConverter(
            diagnostics,
            name => schema.Enum(name) is { } e ? e.Values : null,
            (target, id) => index.Kind(target) is { } k && k.IndexOf(id) is var i && i >= 0 ? i : null,
            target => index.Kind(target)?.Ids ?? Enumerable.Empty<string>());

        var fields = kind.Fields;
        var g = $"global::{schema.Namespace}.";
        var facts = new List<EmittedFact>(factsFile.Facts.Count);
        var evidence = new List<EvidenceItem>(4);
        for (var ordinal = 0; ordinal < factsFile.Facts.Count; ordinal++)
        {
            if ((ordinal & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var fact = factsFile.Facts[ordinal];
            if (ids.Rejected.Count > 0 && ids.IsRejected(file.Path, ordinal))
            {
                continue;
            }

            var values = new FieldValue[fields.Count];
            var seen = new bool[fields.Count];
            foreach (var entry in fact.Fields)
            {
                var f = kind.FieldIndex(entry.Key.Value);
                if (f < 0)
                {
                    var hint = Names.DidYouMean(entry.Key.Value, fields.Select(x => x.Name).Concat(new[] { "evidence", "note" }));
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, $"{kind.Name} '{fact.Id.Value}'", hint.Length > 0 ? hint : $" {kind.Name} has the fields: {string.Join(", ", fields.Select(x => x.Name))}."));
                    continue;
                }

                seen[f] = true;
                values[f] = converter.Convert(fields[f], entry.Value);
            }

            for (var i = 0; i < fields.Count; i++)
            {
                values[i] ??= FieldValue.Null;
                if (fields[i].Required && values[i].IsNull && !seen[i])
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, fact.Id.Location, fields[i].Name, $"{kind.Name} '{fact.Id.Value}'", $"Add '{fields[i].Name}:' ({fields[i].Type}) or make the field optional in the schema."));
                }
                else if (fields[i].Required && values[i].IsNull && fact.Fields.FirstOrDefault(x => x.Key.Value == fields[i].Name) is { Value: RawScalar { IsNull: true } } nullEntry)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, nullEntry.Key.Location, fields[i].Name, $"{kind.Name} '{fact.Id.Value}'", $"The field is required; give it a {fields[i].Type} value."));
                }
            }

            evidence.Clear();
            foreach (var item in fact.Evidence)
            {
                var documentName = item.Document ?? factsFile.Document;
                if (documentName is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, item.Quote.Location, "document", "This evidence item", "Name the source document at the top of the facts file ('document: report.txt') or on the item."));
                    continue;
                }

                if (!documents.TryGetValue(documentName.Value, out var document))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDocument, documentName.Location, documentName.Value, Names.DidYouMean(documentName.Value, documents.Keys)));
                }
                else if (!document.Index.Contains(QuoteIndex.Normalize(item.Quote.Value)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.QuoteNotFound, item.Quote.Location, document.Name, Longest(document, item.Quote.Value)));
                }

                evidence.Add(new EvidenceItem(documentName.Value, item.Quote.Value, item.Contradicts));
            }

            var id = fact.Id.Value;
            var position = ids.IndexOf(id);
            var row = Emit.RowEncoder.Encode(fields, id, values, evidence, fact.Note);
            var member = position < schema.MaxNamedFactsPerKind ? Emit.Emitter.Member(g + kind.Name, fields, id, position, values, evidence, fact.Note) : null;
            var literal = Emit.CSharp.Literal(row);
            facts.Add(new EmittedFact(position, id, literal.Substring(1, literal.Length - 2) + "\\n", Emit.RowEncoder.IsWellFormedUtf16(row), member, Emit.RowEncoder.EstimateUserStringBytes(id, row)));
        }

        diagnostics.Sort();
        return new FileResult(file.Path, kind.Name, facts.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The assemble stage: every file's facts placed at their index, per kind, cut into chunks of
    /// <see cref="Emit.Emitter.RowsPerChunk"/>. Linear in the number of facts and allocation-light:
    /// the facts are the (cached) objects of the validate stage.
    /// </summary>
    public static AssembledModel Assemble(IEnumerable<FileResult> fileResults, SchemaModel schema, IdIndex index, bool utf8, CancellationToken cancellationToken)
    {
        var byKind = new Dictionary<string, EmittedFact[]>(StringComparer.Ordinal);
        foreach (var kind in index.Kinds)
        {
            byKind[kind.Kind] = new EmittedFact[kind.Ids.Count];
        }

        foreach (var file in fileResults)
        {
            if (file.Kind is null || !byKind.TryGetValue(file.Kind, out var slots))
            {
                continue;
            }

            foreach (var fact in file.Facts)
            {
                if (fact.Index >= 0 && fact.Index < slots.Length)
                {
                    slots[fact.Index] = fact;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>();
        var summaries = schema.Kinds.Select(k => new KindSummary(k.Name, k.Plural, k.Description)).ToEquatableArray();
        var kinds = new List<KindOutput>();
        var chunks = new List<ChunkModel>();
        long userStringBytes = 0;
        var size = Emit.Emitter.RowsPerChunk;
        foreach (var kind in schema.Kinds)
        {
            var slots = byKind[kind.Name];
            var chunkUtf8 = new bool[(slots.Length + size - 1) / size];
            for (var c = 0; c < chunkUtf8.Length; c++)
            {
                var length = Math.Min(size, slots.Length - (c * size));
                var facts = new EmittedFact[length];
                Array.Copy(slots, c * size, facts, 0, length);
                var safe = utf8;
                foreach (var fact in facts)
                {
                    safe &= fact is not null && fact.Utf8Safe;
                }

                if (!safe)
                {
                    foreach (var fact in facts)
                    {
                        userStringBytes += fact?.UserStringBytes ?? 0;
                    }
                }

                chunkUtf8[c] = safe;
                chunks.Add(new ChunkModel(schema.Namespace, kind.Name, kind.Plural, c, safe, new EquatableArray<EmittedFact>(facts)));
            }

            var ids = index.Kind(kind.Name)!.Ids;
            var idsText = ids.Count == 0 ? string.Empty : string.Join("\n", ids.AsSpan().ToArray()) + "\n";
            var idsUtf8 = utf8 && Emit.RowEncoder.IsWellFormedUtf16(idsText);
            if (!idsUtf8)
            {
                userStringBytes += (idsText.Length * 2) + 5;
            }

            if (slots.Length > schema.MaxNamedFactsPerKind)
            {
                var named = schema.MaxNamedFactsPerKind;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NamedFactsCapped, kind.NameLocation, kind.Name, Str(slots.Length), Str(named), Str(slots.Length - named), kind.Plural, Str(GeneratorOptions.HardMaxNamedFactsPerKind)));
            }

            kinds.Add(new KindOutput(schema.Namespace, kind, summaries, slots.Length, new EquatableArray<bool>(chunkUtf8), idsUtf8, idsText));
        }

        // Scale: warn well before the assembly's user-string heap is full (only rows kept as string literals count).
        if (userStringBytes >= UserStringLimit * 3 / 4)
        {
            var largest = schema.Kinds.OrderByDescending(k => byKind[k.Name].Length).First();
            diagnostics.Add(userStringBytes >= UserStringLimit
                ? DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetExceeded, largest.NameLocation, Str(userStringBytes))
                : DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetWarning, largest.NameLocation, Str(userStringBytes), Str(userStringBytes * 100 / UserStringLimit)));
        }

        diagnostics.Sort();
        return new AssembledModel(kinds.ToEquatableArray(), chunks.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>Documents by file name; of two with one name, the first by path wins (evidence names documents by file name).</summary>
    private static Dictionary<string, DocumentText> Documents(IReadOnlyList<DocumentText> documentTexts)
    {
        var documents = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        foreach (var document in documentTexts.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!documents.ContainsKey(document.Name))
            {
                documents.Add(document.Name, document);
            }
        }

        return documents;
    }

    private static string Str(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Where(LocationInfo first, LocationInfo here) =>
        first.Path == here.Path ? first.Display : $"{System.IO.Path.GetFileName(first.Path)}:{first.Display}";

    /// <summary>A hint: how much of the quote does occur, to point at where it goes wrong.</summary>
    private static string Longest(DocumentText document, string quote)
    {
        var words = QuoteIndex.Normalize(quote).Split(' ');
        var matched = 0;
        for (var n = 1; n <= words.Length; n++)
        {
            if (!document.Index.Contains(string.Join(" ", words, 0, n)))
            {
                break;
            }

            matched = n;
        }

        return matched == 0
            ? string.Empty
            : matched < words.Length ? $" (it matches up to '{string.Join(" ", words, 0, matched)}', then differs at '{words[matched]}')" : string.Empty;
    }

    private static bool DeclareType(string name, LocationInfo at, string what, Dictionary<string, LocationInfo> declared, List<DiagnosticInfo> diagnostics)
    {
        if (Array.IndexOf(ReservedTypeNames, name) >= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, name, "a generated runtime type has this name"));
            return false;
        }

        if (declared.TryGetValue(name, out var first))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, at, what, name, Where(first, at)));
            return false;
        }

        declared.Add(name, at);
        return true;
    }

    private static TypeRef? ResolveType(NamedValue type, Dictionary<string, EnumDef> enums, Dictionary<string, KindDef> kinds, List<string> allTypeNames, List<DiagnosticInfo> diagnostics)
    {
        var name = type.Value;
        var isList = false;
        var list = s_list.Match(name);
        if (list.Success)
        {
            name = list.Groups["e"].Value;
            isList = true;
        }

        if (s_builtIns.TryGetValue(name, out var builtIn))
        {
            return new TypeRef(builtIn, null, isList);
        }

        if (enums.ContainsKey(name))
        {
            return new TypeRef(ScalarType.Enum, name, isList);
        }

        if (kinds.ContainsKey(name))
        {
            return new TypeRef(ScalarType.Reference, name, isList);
        }

        var hint = name.StartsWith("list", StringComparison.Ordinal) && name.Contains("<")
            ? " Lists of lists are not supported."
            : Names.DidYouMean(name, allTypeNames);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, type.Location, type.Value, hint));
        return null;
    }
}
