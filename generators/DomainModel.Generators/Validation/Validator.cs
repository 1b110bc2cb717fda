using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Validation;

/// <summary>
/// The validate stage: all parsed files (in any order) and all documents in, one
/// <see cref="ValidatedModel"/> out. Resolves types and references, checks names, ids and evidence.
/// Input order never matters: files are sorted by path and facts by id (ordinal).
/// <para>
/// Whatever the input, the model it returns emits C# that compiles: every name that could clash in
/// the generated code is checked here, and a definition that is rejected is left out (or, for a
/// catalog name, replaced) after its diagnostic. Diagnostics that would only repeat an error already
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
    /// Member names of every catalog class (public and private, see Emitter.CatalogClass) that a fact
    /// property may not take; a catalog (plural) may not take them either. Row0, Row1, ... are reserved too.
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

    public static ValidatedModel Validate(
        IEnumerable<ParsedFile> parsedFiles,
        IEnumerable<DocumentText> documentTexts,
        GeneratorOptions options,
        CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var files = parsedFiles.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var documents = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        var ambiguousDocuments = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        foreach (var document in documentTexts.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            // Two documents with one file name: the first by path wins; evidence names documents by file name.
            if (!documents.ContainsKey(document.Name))
            {
                documents.Add(document.Name, document);
            }
            else if (!ambiguousDocuments.ContainsKey(document.Name))
            {
                ambiguousDocuments.Add(document.Name, document);
            }
        }

        // What could not be read at all: its errors are reported, and what depends on it is not reported again.
        var schemasIncomplete = files.Any(f => f.Role == FileRole.Schema && f.Unreadable);
        var factsIncomplete = files.Any(f => f.Role == FileRole.Facts && (f.Unreadable || (f.Facts is { Kind: null } && f.HasErrors)));
        var rejectedTypes = new HashSet<string>(StringComparer.Ordinal);

        // 1. Types: enums and kinds share one namespace. Names are unique ignoring case, because each
        // becomes a file name (hint name) too, and those must differ on case-insensitive file systems.
        var enums = new Dictionary<string, EnumDef>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, KindDef>(StringComparer.Ordinal);
        var typeLocations = new Dictionary<string, (string Name, LocationInfo Location)>(StringComparer.OrdinalIgnoreCase);
        foreach (var schema in files.Where(f => f.Schema is not null).Select(f => f.Schema!))
        {
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
        var fieldsByKind = new Dictionary<string, List<FieldModel>>(StringComparer.Ordinal);
        var rejectedFields = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var allTypeNames = s_builtIns.Keys.Concat(enums.Keys).Concat(kinds.Keys).ToList();
        foreach (var kind in kinds.Values)
        {
            var fields = new List<FieldModel>();
            var rejected = new HashSet<string>(kind.RejectedFields, StringComparer.Ordinal);
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

                if (ResolveType(field.Type, enums, kinds, allTypeNames, rejectedTypes, schemasIncomplete, diagnostics) is { } type)
                {
                    properties.Add(property, field);
                    fields.Add(new FieldModel(field.Name, property, field.Description, field.Required, type));
                }
                else
                {
                    rejected.Add(field.Name);
                }
            }

            fieldsByKind[kind.Name] = fields;
            rejectedFields[kind.Name] = rejected;
        }

        // 4. Facts: group by kind; ids unique and distinct once PascalCased; sorted by id.
        var factsByKind = new Dictionary<string, List<(FactDef Fact, FactsFile File)>>(StringComparer.Ordinal);
        var rejectedIds = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var incompleteKinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.Facts is not null))
        {
            var facts = file.Facts!;
            if (facts.Kind is null)
            {
                continue;
            }

            if (!kinds.ContainsKey(facts.Kind.Value))
            {
                if (!schemasIncomplete && !rejectedTypes.Contains(facts.Kind.Value))
                {
                    var hint = enums.ContainsKey(facts.Kind.Value) ? $" '{facts.Kind.Value}' is an enum, not a kind." : Names.DidYouMean(facts.Kind.Value, kinds.Keys);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKind, facts.Kind.Location, facts.Kind.Value, hint));
                }

                factsIncomplete = true;
                continue;
            }

            if (!factsByKind.TryGetValue(facts.Kind.Value, out var list))
            {
                factsByKind[facts.Kind.Value] = list = new List<(FactDef, FactsFile)>();
            }

            if (!rejectedIds.TryGetValue(facts.Kind.Value, out var ids))
            {
                rejectedIds[facts.Kind.Value] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.UnionWith(facts.RejectedIds);
            if (!facts.Complete)
            {
                incompleteKinds.Add(facts.Kind.Value);
            }

            foreach (var fact in facts.Facts)
            {
                list.Add((fact, facts));
            }
        }

        var ordered = new Dictionary<string, List<(FactDef Fact, FactsFile File)>>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var kind in kinds.Keys)
        {
            if (!rejectedIds.TryGetValue(kind, out var rejected))
            {
                rejectedIds[kind] = rejected = new HashSet<string>(StringComparer.Ordinal);
            }

            var byId = new Dictionary<string, FactDef>(StringComparer.Ordinal);
            var byProperty = new Dictionary<string, FactDef>(StringComparer.Ordinal);
            var kept = new List<(FactDef Fact, FactsFile File)>();
            if (factsByKind.TryGetValue(kind, out var facts))
            {
                foreach (var item in facts)
                {
                    var id = item.Fact.Id;
                    if (byId.TryGetValue(id.Value, out var first))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateId, id.Location, kind, id.Value, Where(first.Id.Location, id.Location)));
                        continue;
                    }

                    var property = Names.ToPascal(id.Value);
                    if (byProperty.TryGetValue(property, out var same))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IdCollision, id.Location, kind, id.Value, property, same.Id.Value, Where(same.Id.Location, id.Location)));
                        rejected.Add(id.Value);
                        continue;
                    }

                    if (IsReservedCatalogMember(property) || property == plurals[kind])
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, id.Location, id.Value, $"the catalog {plurals[kind]} has a member named '{property}'"));
                        rejected.Add(id.Value);
                        continue;
                    }

                    byId.Add(id.Value, item.Fact);
                    byProperty.Add(property, item.Fact);
                    kept.Add(item);
                }
            }

            kept.Sort((a, b) => string.CompareOrdinal(a.Fact.Id.Value, b.Fact.Id.Value));
            ordered[kind] = kept;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < kept.Count; i++)
            {
                index.Add(kept[i].Fact.Id.Value, i);
            }

            indexes[kind] = index;
        }

        // 5. Values and evidence.
        var converter = new ValueConverter(
            diagnostics,
            name => enums.TryGetValue(name, out var e) ? e.Values.Select(v => v.Value).ToList() : null,
            (kind, id) => indexes.TryGetValue(kind, out var index) && index.TryGetValue(id, out var i) ? i : null,
            kind => indexes.TryGetValue(kind, out var index) ? index.Keys : Enumerable.Empty<string>(),
            (kind, id) => factsIncomplete || incompleteKinds.Contains(kind) || (rejectedIds.TryGetValue(kind, out var ids) && ids.Contains(id)));

        var kindModels = new List<KindModel>();
        var reportedAmbiguous = new HashSet<string>(StringComparer.Ordinal);
        var oversized = new HashSet<string>(StringComparer.Ordinal);
        long userStringBytes = 0;
        foreach (var kind in kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fields = fieldsByKind[kind.Name];
            var fieldByName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var factModels = new List<FactModel>(ordered[kind.Name].Count);
            foreach (var (fact, file) in ordered[kind.Name])
            {
                var values = new FieldValue[fields.Count];
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in fact.Fields)
                {
                    if (!fieldByName.TryGetValue(entry.Key.Value, out var field))
                    {
                        if (rejectedFields[kind.Name].Contains(entry.Key.Value))
                        {
                            continue; // the field's own error is reported in the schema
                        }

                        var hint = Names.DidYouMean(entry.Key.Value, fields.Select(f => f.Name).Concat(new[] { "evidence", "note" }));
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, $"{kind.Name} '{fact.Id.Value}'", hint.Length > 0 ? hint : $" {kind.Name} has the fields: {Names.List(fields.Select(f => f.Name).Concat(new[] { "evidence", "note" }))}."));
                        continue;
                    }

                    seen.Add(field.Name);
                    values[fields.IndexOf(field)] = converter.Convert(field, entry.Value);
                }

                for (var i = 0; i < fields.Count; i++)
                {
                    values[i] ??= FieldValue.Null;
                    if (fields[i].Required && (values[i].IsNull && !seen.Contains(fields[i].Name)))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, fact.Id.Location, fields[i].Name, $"{kind.Name} '{fact.Id.Value}'", $"Add '{fields[i].Name}:' ({fields[i].Type}) or make the field optional in the schema."));
                    }
                    else if (fields[i].Required && values[i].IsNull && fact.Fields.FirstOrDefault(f => f.Key.Value == fields[i].Name) is { Value: RawScalar { IsNull: true } } nullEntry)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, nullEntry.Key.Location, fields[i].Name, $"{kind.Name} '{fact.Id.Value}'", $"The field is required; give it a {fields[i].Type} value."));
                    }
                }

                var evidence = new List<EvidenceModel>(fact.Evidence.Count);
                foreach (var item in fact.Evidence)
                {
                    var documentName = item.Document ?? file.Document;
                    if (documentName is null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, item.Quote.Location, "document", "This evidence item", "Name the source document at the top of the facts file ('document: report.txt') or on the item."));
                        continue;
                    }

                    if (!documents.TryGetValue(documentName.Value, out var document))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDocument, documentName.Location, documentName.Value, Names.DidYouMean(documentName.Value, documents.Keys)));
                    }
                    else
                    {
                        if (ambiguousDocuments.TryGetValue(document.Name, out var other) && reportedAmbiguous.Add(document.Name))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AmbiguousDocument, documentName.Location, document.Name, document.Path, other.Path));
                        }

                        if (document.Normalized.Length > QuoteIndex.MaxDocumentChars)
                        {
                            if (oversized.Add(document.Name))
                            {
                                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, documentName.Location, $"Source document '{document.Name}' ({Str(document.Normalized.Length)} characters)", $"{Str(QuoteIndex.MaxDocumentChars)} characters", "Split the document; quotes in it are not checked."));
                            }
                        }
                        else if (!document.Index.Contains(QuoteIndex.Normalize(item.Quote.Value)))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.QuoteNotFound, item.Quote.Location, document.Name, Longest(document, item.Quote.Value)));
                        }
                    }

                    evidence.Add(new EvidenceModel(documentName.Value, item.Quote.Value, item.Contradicts));
                }

                var model = new FactModel(fact.Id.Value, Names.ToPascal(fact.Id.Value), new EquatableArray<FieldValue>(values), evidence.ToEquatableArray(), fact.Note);
                userStringBytes += Emit.RowEncoder.EstimateUserStringBytes(model);
                factModels.Add(model);
            }

            var named = Math.Min(factModels.Count, options.MaxNamedFactsPerKind);
            if (named < factModels.Count)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NamedFactsCapped, kind.NameLocation, kind.Name, Str(factModels.Count), Str(named), Str(factModels.Count - named), plurals[kind.Name], Str(GeneratorOptions.HardMaxNamedFactsPerKind)));
            }

            kindModels.Add(new KindModel(kind.Name, plurals[kind.Name], kind.Description, fields.ToEquatableArray(), factModels.ToEquatableArray(), named));
        }

        // 6. Scale: warn well before the assembly's user-string heap is full.
        if (userStringBytes >= UserStringLimit * 3 / 4)
        {
            var largest = kindModels.OrderByDescending(k => k.Facts.Count).First();
            var at = kinds[largest.Name].NameLocation;
            diagnostics.Add(userStringBytes >= UserStringLimit
                ? DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetExceeded, at, Str(userStringBytes))
                : DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetWarning, at, Str(userStringBytes), Str(userStringBytes * 100 / UserStringLimit)));
        }

        diagnostics.Sort();
        var enumModels = enums.Values
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EnumModel(e.Name, e.Description, e.Values.Select(v => v.Value).ToEquatableArray()))
            .ToEquatableArray();
        return new ValidatedModel(options.Namespace, enumModels, kindModels.ToEquatableArray(), diagnostics.ToEquatableArray());
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
