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
/// <para>
/// Whatever the input, the models these stages return emit C# that compiles: every name that could
/// clash in the generated code is checked here, and a definition that is rejected is left out (or, for
/// a catalog name, replaced) after its diagnostic. Diagnostics that would only repeat an error already
/// reported elsewhere (a use of a rejected kind, a reference into a file that could not be read) are
/// not reported, so the first error stays visible.
/// </para>
/// </summary>
internal static class Validator
{
    /// <summary>Names the generated runtime types use; a kind or enum may not take them.</summary>
    public static readonly string[] ReservedTypeNames =
    {
        "FactDate", "DatePrecision", "Money", "Quantity", "QuantityQualifier", "Percent", "Provenance", "Evidence",
        "EvidenceStance", "FactList", "ValueList", "IFact", "FactCatalog", "KindInfo", "FieldDescriptor", "FactRow", "System",
    };

    /// <summary>
    /// Property names a field may not take (record members and the fact's own members). A kind may not
    /// take them either: a member may not have the name of its record (CS0542).
    /// </summary>
    public static readonly string[] ReservedFieldProperties =
    {
        "Id", "Provenance", "Kind", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize",
    };

    /// <summary>
    /// Public and inherited member names of every catalog class (see Emitter.CatalogClass) that a fact
    /// property may not take; a catalog (plural) may not take them either. The catalog's private helpers
    /// (<c>_At</c>, <c>_Create</c>, <c>_Row</c>, <c>_Rows0</c>, <c>_BuildIndex</c>, ...) and
    /// fields (<c>s_facts</c>, ...) start with '_' or 's_', which no PascalCase id can.
    /// </summary>
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

    // ---- schema ---------------------------------------------------------------------------------

    /// <summary>
    /// The schema stage: every schema file (any order) and the options → enums and kinds with their
    /// fields resolved, plus the diagnostics about types, plurals and fields.
    /// </summary>
    public static SchemaModel BuildSchema(IEnumerable<ParsedFile> schemaFiles, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var all = schemaFiles.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        // What could not be read at all: its errors are reported, and what depends on it is not reported again.
        var incomplete = all.Any(f => f.Unreadable);
        var files = all.Where(f => f.Schema is not null).ToList();
        var rejectedTypes = new HashSet<string>(StringComparer.Ordinal);

        // 1. Types: enums and kinds share one namespace. Names are unique ignoring case, because each
        // becomes a file name (hint name) too, and those must differ on case-insensitive file systems.
        var enums = new Dictionary<string, EnumDef>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, KindDef>(StringComparer.Ordinal);
        var typeLocations = new Dictionary<string, (string Name, LocationInfo Location)>(StringComparer.OrdinalIgnoreCase);
        foreach (var schema in files.Select(f => f.Schema!))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rejectedTypes.UnionWith(schema.RejectedTypes);
            foreach (var e in schema.Enums)
            {
                if (DeclareType(e.Name, e.NameLocation, "Enum", typeLocations, diagnostics, isKind: false))
                {
                    enums.Add(e.Name, e);
                }
                else
                {
                    rejectedTypes.Add(e.Name);
                }
            }

            foreach (var k in schema.Kinds)
            {
                if (DeclareType(k.Name, k.NameLocation, "Kind", typeLocations, diagnostics, isKind: true))
                {
                    kinds.Add(k.Name, k);
                }
                else
                {
                    rejectedTypes.Add(k.Name);
                }
            }
        }

        // A name declared once validly and once invalidly is a declared type: its uses resolve.
        rejectedTypes.ExceptWith(enums.Keys);
        rejectedTypes.ExceptWith(kinds.Keys);

        // 2. Plurals: catalog class names must not collide with any type, other catalog, or catalog member.
        // A rejected plural is reported and replaced by a free name, so that the kind is still generated.
        var plurals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kind in kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var plural = kind.Plural?.Value ?? Names.Pluralize(kind.Name);
            var at = kind.Plural?.Location ?? kind.NameLocation;
            if (IsReservedTypeName(plural))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, plural, "a generated runtime type has this name"));
                plural = FreePlural(kind.Name, typeLocations);
            }
            else if (IsReservedCatalogMember(plural))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, plural, $"every catalog class has a member named '{plural}', and a class may not contain a member of its own name"));
                plural = FreePlural(kind.Name, typeLocations);
            }
            else if (typeLocations.TryGetValue(plural, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, at, "The catalog name", plural, Where(first.Location, at) + AsSpelled(first.Name, plural) + (kind.Plural is null ? "; set 'plural:' on the kind" : string.Empty)));
                plural = FreePlural(kind.Name, typeLocations);
            }

            typeLocations[plural] = (plural, at);
            plurals[kind.Name] = plural;
        }

        // 3. Fields.
        var shapes = new List<KindShape>();
        var allTypeNames = s_builtIns.Keys.Concat(enums.Keys).Concat(kinds.Keys).ToList();
        foreach (var kind in kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var fields = new List<FieldModel>();
            var rejected = new SortedSet<string>(kind.RejectedFields, StringComparer.Ordinal);
            var properties = new Dictionary<string, FieldDef>(StringComparer.Ordinal);
            foreach (var field in kind.Fields)
            {
                var property = Names.ToPascal(field.Name);
                if (Array.IndexOf(ReservedFieldProperties, property) >= 0 || field.Name is "evidence" or "note")
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, field.NameLocation, field.Name, "every fact has its own 'id', 'evidence', 'note' and generated members"));
                    rejected.Add(field.Name);
                    continue;
                }

                if (property == kind.Name)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, field.NameLocation, field.Name, $"as a C# property '{property}' it would have the name of its record type '{kind.Name}'"));
                    rejected.Add(field.Name);
                    continue;
                }

                if (properties.TryGetValue(property, out var same))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, field.NameLocation, "The C# property", property, $"{same.NameLocation.Display} as field '{same.Name}'; field names that differ only in '_' become the same property"));
                    rejected.Add(field.Name);
                    continue;
                }

                if (ResolveType(field.Type, enums, kinds, allTypeNames, rejectedTypes, incomplete, diagnostics) is { } type)
                {
                    properties.Add(property, field);
                    fields.Add(new FieldModel(field.Name, property, field.Description, field.Required, type));
                }
                else
                {
                    rejected.Add(field.Name);
                }
            }

            shapes.Add(new KindShape(kind.Name, plurals[kind.Name], kind.Description, kind.NameLocation, fields.ToEquatableArray(), rejected.ToEquatableArray()));
        }

        diagnostics.Sort();
        var enumModels = enums.Values
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EnumModel(e.Name, e.Description, e.Values.Select(v => v.Value).ToEquatableArray()))
            .ToEquatableArray();
        return new SchemaModel(
            options.Namespace,
            options.MaxNamedFactsPerKind,
            enumModels,
            shapes.ToEquatableArray(),
            diagnostics.ToEquatableArray(),
            incomplete,
            rejectedTypes.OrderBy(t => t, StringComparer.Ordinal).ToEquatableArray(),
            options.EvidenceDocs);
    }

    /// <summary>The schema stage's result when the stage itself failed: no types, and nothing reported about their uses.</summary>
    public static SchemaModel FailedSchema(GeneratorOptions options, DiagnosticInfo error) =>
        new(options.Namespace, options.MaxNamedFactsPerKind, EquatableArray<EnumModel>.Empty, EquatableArray<KindShape>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error }), true, EquatableArray<string>.Empty, options.EvidenceDocs);

    // ---- ids ------------------------------------------------------------------------------------

    /// <summary>
    /// The ids of a facts file (or null for a schema file or an empty facts file): what the id stage
    /// needs, without positions. A facts file that could not be read has no ids and is incomplete.
    /// </summary>
    public static FileIds? IdsOf(ParsedFile file)
    {
        if (file.Role != FileRole.Facts)
        {
            return null;
        }

        if (file.Facts is not { } facts)
        {
            return file.Unreadable ? new FileIds(file.Path, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, false) : null;
        }

        var ids = new string[facts.Facts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = facts.Facts[i].Id.Value;
        }

        // A file without a kind (an error of its own) cannot say which kind it was meant to complete.
        var complete = facts.Complete && !(facts.Kind is null && file.HasErrors);
        return new FileIds(file.Path, facts.Kind?.Value, new EquatableArray<string>(ids), facts.RejectedIds, complete);
    }

    /// <summary>
    /// The id stage: per kind, ids unique and distinct once PascalCased, sorted (ordinal). Files are taken
    /// in path order and facts in file order: the first fact with an id keeps it.
    /// </summary>
    public static IdIndex BuildIndex(IEnumerable<FileIds> fileIds, SchemaModel schema, CancellationToken cancellationToken)
    {
        var all = fileIds.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        // A facts file that could not be read, or whose kind is missing or unknown: its facts may be the
        // targets of references, so no dangling reference is reported (the file's own error is).
        var factsIncomplete = all.Any(f => f.Kind is null ? !f.Complete : schema.Kind(f.Kind) is null);
        var files = all.Where(f => f.Kind is not null && schema.Kind(f.Kind) is not null).ToList();
        var result = new List<KindIds>();
        foreach (var kind in schema.Kinds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // By the id's C# property (its PascalCase form): the entry of a kept id is under its own
            // property, so an id found there with the same text is a duplicate, with another a collision.
            var byProperty = new Dictionary<string, (string Path, int Ordinal, string Id)>(Names.PascalComparer.Instance);
            var rejected = new List<RejectedFact>();
            var unresolvable = new SortedSet<string>(StringComparer.Ordinal);
            var incomplete = false;
            var kept = new List<string>();
            foreach (var file in files)
            {
                if (file.Kind != kind.Name)
                {
                    continue;
                }

                unresolvable.UnionWith(file.RejectedIds);
                incomplete |= !file.Complete;
                for (var i = 0; i < file.Ids.Count; i++)
                {
                    var id = file.Ids[i];
                    if (byProperty.TryGetValue(id, out var same))
                    {
                        // The first fact keeps the id: references to it resolve.
                        if (same.Id == id)
                        {
                            rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.DuplicateId.Id, same.Path, same.Ordinal, null));
                            continue;
                        }

                        rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.IdCollision.Id, same.Path, same.Ordinal, same.Id));
                        unresolvable.Add(id);
                        continue;
                    }

                    if (IsReservedCatalogProperty(id) || Names.PascalComparer.Is(id, kind.Plural))
                    {
                        rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.ReservedName.Id, null, 0, null));
                        unresolvable.Add(id);
                        continue;
                    }

                    byProperty.Add(id, (file.Path, i, id));
                    kept.Add(id);
                }
            }

            var ids = kept.ToArray();
            Array.Sort(ids, StringComparer.Ordinal);
            result.Add(new KindIds(kind.Name, new EquatableArray<string>(ids), rejected.ToEquatableArray(), unresolvable.ToEquatableArray(), incomplete));
        }

        return new IdIndex(result.ToEquatableArray(), factsIncomplete, false, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>The id stage's result when the stage itself failed: every kind empty, and no reference reported.</summary>
    public static IdIndex FailedIndex(SchemaModel schema, DiagnosticInfo error) =>
        new(
            schema.Kinds.Select(k => new KindIds(k.Name, EquatableArray<string>.Empty, EquatableArray<RejectedFact>.Empty, EquatableArray<string>.Empty, true)).ToEquatableArray(),
            true,
            true,
            new EquatableArray<DiagnosticInfo>(new[] { error }));

    /// <summary>The diagnostics for facts rejected by their id: they need the positions of both facts.</summary>
    public static EquatableArray<DiagnosticInfo> IdDiagnostics(IdIndex index, SchemaModel schema, IEnumerable<ParsedFile> files)
    {
        if (index.Kinds.All(k => k.Rejected.Count == 0))
        {
            return index.Diagnostics;
        }

        var byPath = new Dictionary<string, FactsFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Facts is not null)
            {
                byPath[file.Path] = file.Facts;
            }
        }

        var diagnostics = new List<DiagnosticInfo>(index.Diagnostics);
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

    // ---- documents ------------------------------------------------------------------------------

    /// <summary>
    /// Document names that need a diagnostic at their first use: two documents with one file name (the
    /// first by path is used), or a document too large for its quotes to be checked. Usually none.
    /// </summary>
    public static EquatableArray<DocumentProblem> DocumentProblems(IEnumerable<DocumentText> documentTexts)
    {
        var first = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        var other = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        foreach (var document in documentTexts.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!first.ContainsKey(document.Name))
            {
                first.Add(document.Name, document);
            }
            else if (!other.ContainsKey(document.Name))
            {
                other.Add(document.Name, document);
            }
        }

        var problems = new List<DocumentProblem>();
        foreach (var document in first.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var ambiguous = other.TryGetValue(document.Name, out var second);
            if (ambiguous || document.Normalized.Length > QuoteIndex.MaxDocumentChars)
            {
                problems.Add(new DocumentProblem(document.Name, document.Path, ambiguous ? second!.Path : null, document.Normalized.Length));
            }
        }

        return problems.ToEquatableArray();
    }

    /// <summary>
    /// DM0028 (ambiguous document name) and DM0002 (document too large to check), each once per document
    /// name, at the first evidence (or 'document:') that names it: facts files in path order, facts and
    /// their evidence in file order. Does nothing when no document has a problem.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> DocumentDiagnostics(EquatableArray<DocumentProblem> problems, IEnumerable<ParsedFile> files, SchemaModel schema)
    {
        if (problems.Count == 0)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var pending = new Dictionary<string, DocumentProblem>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            pending[problem.Name] = problem;
        }

        var diagnostics = new List<DiagnosticInfo>();
        foreach (var file in files.Where(f => f.Facts?.Kind is { } k && schema.Kind(k.Value) is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var facts = file.Facts!;
            foreach (var fact in facts.Facts)
            {
                foreach (var item in fact.Evidence)
                {
                    var documentName = item.Document ?? facts.Document;
                    if (documentName is null || !pending.TryGetValue(documentName.Value, out var problem))
                    {
                        continue;
                    }

                    pending.Remove(problem.Name);
                    if (problem.OtherPath is not null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AmbiguousDocument, documentName.Location, problem.Name, problem.Path, problem.OtherPath));
                    }

                    if (problem.Length > QuoteIndex.MaxDocumentChars)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, documentName.Location, $"Source document '{problem.Name}' ({Str(problem.Length)} characters)", $"{Str(QuoteIndex.MaxDocumentChars)} characters", "Split the document; quotes in it are not checked."));
                    }

                    if (pending.Count == 0)
                    {
                        diagnostics.Sort();
                        return diagnostics.ToEquatableArray();
                    }
                }
            }
        }

        diagnostics.Sort();
        return diagnostics.ToEquatableArray();
    }

    // ---- one facts file -------------------------------------------------------------------------

    /// <summary>
    /// The validate stage for one facts file: values converted to their schema types, references
    /// resolved to indexes, evidence checked against the documents, each fact made ready for emission (its row measured).
    /// Runs again only when this file, the schema, the ids or the documents change.
    /// </summary>
    public static FileResult ValidateFile(ParsedFile file, SchemaModel schema, IdIndex index, IReadOnlyList<DocumentText> documentTexts, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var factsFile = file.Facts;
        if (factsFile?.Kind is null || index.Failed)
        {
            return new FileResult(file.Path, null, EquatableArray<EmittedFact>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var kindName = factsFile.Kind.Value;
        var kind = schema.Kind(kindName);
        var ids = index.Kind(kindName);
        if (kind is null || ids is null)
        {
            // Not reported when the kind was declared but rejected, or a schema file could not be read.
            if (!schema.Incomplete && !schema.IsRejectedType(kindName))
            {
                var hint = schema.Enum(kindName) is not null ? $" '{kindName}' is an enum, not a kind." : Names.DidYouMean(kindName, schema.Kinds.Select(k => k.Name));
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKind, factsFile.Kind.Location, kindName, hint));
            }

            return new FileResult(file.Path, null, EquatableArray<EmittedFact>.Empty, diagnostics.ToEquatableArray());
        }

        var documents = Documents(documentTexts);
        var converter = new ValueConverter(diagnostics, schema, index, kind);
        var fields = kind.Fields;
        var fieldIndexes = kind.FieldIndexes;
        var positions = ids.Positions;
        var facts = new List<EmittedFact>(factsFile.Facts.Count);
        var evidence = new List<EvidenceItem>(4);
        var seen = new bool[fields.Count];

        // Facts of a file mostly list their fields in one order: the field at an entry's position in the
        // previous fact is tried before the lookup by name.
        var guesses = new int[fields.Count];
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
            Array.Clear(seen, 0, seen.Length);
            string? renamed = null;
            for (var e = 0; e < fact.Fields.Count; e++)
            {
                var entry = fact.Fields[e];
                int f;
                if (e < guesses.Length && fields[guesses[e]].Name == entry.Key.Value)
                {
                    f = guesses[e];
                }
                else if (fieldIndexes.TryGetValue(entry.Key.Value, out f))
                {
                    if (e < guesses.Length)
                    {
                        guesses[e] = f;
                    }
                }
                else
                {
                    if (kind.IsRejectedField(entry.Key.Value))
                    {
                        continue; // the field's own error is reported in the schema
                    }

                    var hint = Names.DidYouMean(entry.Key.Value, fields.Select(x => x.Name).Concat(new[] { "evidence", "note" }));
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, $"{kind.Name} '{fact.Id.Value}'", hint.Length > 0 ? hint : $" {kind.Name} has the fields: {Names.List(fields.Select(x => x.Name).Concat(new[] { "evidence", "note" }))}."));
                    if (hint.Length > 0)
                    {
                        // A likely rename: its DM0005 says what to fix, so a missing required field it
                        // names is not reported again as DM0006.
                        renamed = renamed is null ? hint : renamed + "\n" + hint;
                    }

                    continue;
                }

                seen[f] = true;
                values[f] = converter.Convert(f, entry.Value);
            }

            for (var i = 0; i < fields.Count; i++)
            {
                if (!fields[i].Required || !values[i].IsNull)
                {
                    continue;
                }

                if (!seen[i])
                {
                    if (renamed is not null && renamed.Split('\n').Contains($" Did you mean '{fields[i].Name}'?"))
                    {
                        continue;
                    }

                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, fact.Id.Location, fields[i].Name, $"{kind.Name} '{fact.Id.Value}'", $"Add '{fields[i].Name}:' ({fields[i].Type}) or make the field optional in the schema."));
                }
                else if (fact.Fields.FirstOrDefault(x => x.Key.Value == fields[i].Name) is { Value: RawScalar { IsNull: true } } nullEntry)
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
                else if (document.Normalized.Length <= QuoteIndex.MaxDocumentChars && !document.Index.Contains(QuoteIndex.Normalize(item.Quote.Value)))
                {
                    // A document too large to index is reported once (DM0002, see DocumentDiagnostics); its quotes are not checked.
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.QuoteNotFound, item.Quote.Location, document.Name, Longest(document, item.Quote.Value)));
                }

                evidence.Add(new EvidenceItem(documentName.Value, item.Quote.Value, item.Contradicts));
            }

            facts.Add(Fact(schema, kind, positions.IndexOf(fact.Id.Value), fact.Id.Value, values, evidence.ToArray(), fact.Note));
        }

        diagnostics.Sort();
        return new FileResult(file.Path, kind.Name, facts.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// One fact ready for emission (rendered in the emit stage): its values (a list field without a value
    /// becomes the empty list, which is how its row writes it), its row measured, and within the cap the
    /// summary of its named catalog property.
    /// </summary>
    private static EmittedFact Fact(SchemaModel schema, KindShape kind, int position, string id, FieldValue[] values, EvidenceItem[] evidence, string? note)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].IsNull && kind.Fields[i].Type.IsList)
            {
                values[i] = FieldValue.EmptyList;
            }
        }

        var rowLength = RowEncoder.Encode(null, raw: false, id, values, evidence, note, out var wellFormed, out var utf8Length);
        var summary = position < schema.MaxNamedFactsPerKind ? Emitter.Summary(kind.Fields, id, values) : null;
        return new EmittedFact(position, id, new EquatableArray<FieldValue>(values), new EquatableArray<EvidenceItem>(evidence), note, summary, wellFormed, rowLength, utf8Length);
    }

    // ---- assemble -------------------------------------------------------------------------------

    /// <summary>
    /// The assemble stage: every file's facts placed at their index, per kind, cut into chunks of
    /// <see cref="Emitter.RowsPerChunk"/>. Linear in the number of facts and allocation-light:
    /// the facts are the (cached) objects of the validate stage.
    /// </summary>
    public static AssembledModel Assemble(IEnumerable<FileResult> fileResults, SchemaModel schema, IdIndex index, RowMode mode, CancellationToken cancellationToken)
    {
        var utf8 = mode.Utf8;
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
        var kinds = new List<KindOutput>();
        var chunks = new List<ChunkModel>();
        long userStringBytes = 0;
        var size = Emitter.RowsPerChunk;
        foreach (var kind in schema.Kinds)
        {
            var ids = index.Kind(kind.Name)!.Ids;
            var slots = byKind[kind.Name];
            for (var i = 0; i < slots.Length; i++)
            {
                // Only when the validation of a file failed (DM0026, reported there): keep the indexes of
                // every other fact valid with a fact that has its id and no values.
                slots[i] ??= Fact(schema, kind, i, ids[i], new FieldValue[kind.Fields.Count], Array.Empty<EvidenceItem>(), null);
            }

            var chunkUtf8 = new bool[(slots.Length + size - 1) / size];
            for (var c = 0; c < chunkUtf8.Length; c++)
            {
                var length = Math.Min(size, slots.Length - (c * size));
                var facts = new EmittedFact[length];
                Array.Copy(slots, c * size, facts, 0, length);
                var safe = utf8;
                foreach (var fact in facts)
                {
                    safe &= fact.Utf8Safe;
                }

                if (!safe)
                {
                    foreach (var fact in facts)
                    {
                        userStringBytes += fact.UserStringBytes;
                    }
                }

                chunkUtf8[c] = safe;
                chunks.Add(new ChunkModel(schema.Namespace, kind.Name, kind.Plural, c, safe, new EquatableArray<EmittedFact>(facts), EvidenceDocs: schema.EvidenceDocs));
            }

            if (slots.Length > schema.MaxNamedFactsPerKind)
            {
                var named = schema.MaxNamedFactsPerKind;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NamedFactsCapped, kind.NameLocation, kind.Name, Str(slots.Length), Str(named), Str(slots.Length - named), kind.Plural, Str(GeneratorOptions.HardMaxNamedFactsPerKind)));
            }

            kinds.Add(new KindOutput(schema.Namespace, kind, References(schema, kind), slots.Length, new EquatableArray<bool>(chunkUtf8)));
        }

        // Scale: warn well before the assembly's user-string heap is full. Only what is kept as string
        // literals counts: UTF-8 rows are data in the PE image, not user strings.
        if (userStringBytes >= UserStringLimit * 3 / 4)
        {
            var largest = schema.Kinds.OrderByDescending(k => byKind[k.Name].Length).First();
            diagnostics.Add(userStringBytes >= UserStringLimit
                ? DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetExceeded, largest.NameLocation, Str(userStringBytes))
                : DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetWarning, largest.NameLocation, Str(userStringBytes), Str(userStringBytes * 100 / UserStringLimit)));
        }

        // Packed rows: UTF-8 chunks in string literals, two bytes per character, while the user-string heap
        // allows (the compiler lowers a UTF-8 literal to one node per byte; a string literal costs it nothing).
        var utf8Chunks = chunks.Where(c => c.Utf8).ToList();
        var pack = PackedRows.Choose(utf8Chunks.Select(c => PackedRows.UserStringBytes(c.Facts)).ToArray(), mode.Pack, userStringBytes);
        if (pack > 0)
        {
            var packedByKind = new Dictionary<string, bool[]>(StringComparer.Ordinal);
            foreach (var kind in kinds)
            {
                packedByKind[kind.Kind.Name] = new bool[kind.ChunkUtf8.Count];
            }

            for (int i = 0, seen = 0; i < chunks.Count && seen < pack; i++)
            {
                if (chunks[i].Utf8)
                {
                    seen++;
                    chunks[i] = chunks[i] with { Packed = true };
                    packedByKind[chunks[i].Kind][chunks[i].Number] = true;
                }
            }

            for (var k = 0; k < kinds.Count; k++)
            {
                kinds[k] = kinds[k] with { ChunkPacked = new EquatableArray<bool>(packedByKind[kinds[k].Kind.Name]) };
            }
        }

        diagnostics.Sort();
        return new AssembledModel(kinds.ToEquatableArray(), chunks.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The assemble stage's result when the stage itself failed: every kind generated without facts.</summary>
    public static AssembledModel FailedAssembly(SchemaModel schema, DiagnosticInfo error) =>
        new(
            schema.Kinds.Select(k => new KindOutput(schema.Namespace, k, References(schema, k), 0, EquatableArray<bool>.Empty)).ToEquatableArray(),
            EquatableArray<ChunkModel>.Empty,
            new EquatableArray<DiagnosticInfo>(new[] { error }));

    /// <summary>The kinds (with their catalog names) that a kind's fields refer to, by name.</summary>
    private static EquatableArray<KindName> References(SchemaModel schema, KindShape kind) =>
        kind.Fields
            .Where(f => f.Type.Type == ScalarType.Reference)
            .Select(f => f.Type.Target!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => t, StringComparer.Ordinal)
            .Select(t => new KindName(t, schema.Kind(t)!.Plural))
            .ToEquatableArray();

    // ---- helpers --------------------------------------------------------------------------------

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

    private static bool IsReservedTypeName(string name)
    {
        foreach (var reserved in ReservedTypeNames)
        {
            if (string.Equals(reserved, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReservedCatalogMember(string name) =>
        Array.IndexOf(ReservedCatalogMembers, name) >= 0;

    /// <summary>Whether the property of an id (its PascalCase form) is a catalog member's name.</summary>
    private static bool IsReservedCatalogProperty(string id)
    {
        foreach (var reserved in ReservedCatalogMembers)
        {
            if (Names.PascalComparer.Is(id, reserved))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A catalog name no type or catalog has taken: Name + "Catalog", then Name + "Catalog2", ...</summary>
    private static string FreePlural(string kind, Dictionary<string, (string Name, LocationInfo Location)> taken)
    {
        var candidate = kind + "Catalog";
        for (var n = 2; taken.ContainsKey(candidate) || IsReservedTypeName(candidate) || IsReservedCatalogMember(candidate); n++)
        {
            candidate = kind + "Catalog" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string AsSpelled(string first, string here) =>
        first == here ? string.Empty : $" as '{first}'; names that differ only in case count as the same";

    private static string Str(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Where(LocationInfo first, LocationInfo here) =>
        first.Path == here.Path ? first.Display : $"{System.IO.Path.GetFileName(first.Path)}:{first.Display}";

    /// <summary>
    /// A hint: how much of the quote does occur, to point at where it goes wrong. The matched prefix is
    /// found by binary search over whole words (a prefix of a match matches), so long quotes stay cheap.
    /// </summary>
    private static string Longest(DocumentText document, string quote)
    {
        var words = QuoteIndex.Normalize(quote).Split(' ');
        int low = 0, high = words.Length; // words[0..low) match; words[0..high] may not
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (document.Index.Contains(string.Join(" ", words, 0, middle)))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var matched = low;
        if (matched == 0 || matched >= words.Length)
        {
            return string.Empty;
        }

        const int Shown = 8;
        var tail = string.Join(" ", words, Math.Max(0, matched - Shown), Math.Min(Shown, matched));
        return $" (it matches up to '{(matched > Shown ? "\u2026 " : string.Empty)}{Names.Shorten(tail, 120)}', then differs at '{Names.Shorten(words[matched], 60)}')";
    }

    private static bool DeclareType(string name, LocationInfo at, string what, Dictionary<string, (string Name, LocationInfo Location)> declared, List<DiagnosticInfo> diagnostics, bool isKind)
    {
        if (IsReservedTypeName(name))
        {
            var reserved = ReservedTypeNames.First(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, name, reserved == name ? "a generated runtime type has this name" : $"the generated runtime type '{reserved}' differs only in case, and generated file names must differ ignoring case"));
            return false;
        }

        if (isKind && Array.IndexOf(ReservedFieldProperties, name) >= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, name, $"every generated record has a member named '{name}', and a type may not contain a member of its own name"));
            return false;
        }

        if (declared.TryGetValue(name, out var first))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, at, what, name, Where(first.Location, at) + AsSpelled(first.Name, name)));
            return false;
        }

        declared.Add(name, (name, at));
        return true;
    }

    private static TypeRef? ResolveType(NamedValue type, Dictionary<string, EnumDef> enums, Dictionary<string, KindDef> kinds, List<string> allTypeNames, HashSet<string> rejectedTypes, bool schemasIncomplete, List<DiagnosticInfo> diagnostics)
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

        if (rejectedTypes.Contains(name) || (schemasIncomplete && Names.TypeName.IsMatch(name)))
        {
            return null; // the type's own error (or the unreadable schema file) is reported already
        }

        var hint = name.StartsWith("list", StringComparison.Ordinal) && name.Contains("<")
            ? " Lists of lists are not supported."
            : Names.DidYouMean(name, allTypeNames);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownType, type.Location, type.Value, hint));
        return null;
    }
}
