using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Validation;

/// <summary>
/// The schema stage: every schema file (any order) and the options → enums and kinds with their fields
/// resolved, plus the diagnostics about types, plurals and fields. Whatever the input, the kinds it
/// returns emit C# that compiles: every name that could clash in the generated code is checked here, and
/// a definition that is rejected is left out (or, for a catalog name, replaced) after its diagnostic.
/// </summary>
internal static class SchemaStage
{
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



    /// <summary>
    /// The schema stage: every schema file (any order) and the options → enums and kinds with their
    /// fields resolved, plus the diagnostics about types, plurals and fields.
    /// </summary>
    public static SchemaModel Build(IEnumerable<ParsedFile> schemaFiles, GeneratorOptions options, CancellationToken cancellationToken)
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
            if (GeneratedNames.IsReservedTypeName(plural))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, plural, "a generated runtime type has this name"));
                plural = FreePlural(kind.Name, typeLocations);
            }
            else if (GeneratedNames.IsReservedCatalogMember(plural))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, plural, $"every catalog class has a member named '{plural}', and a class may not contain a member of its own name"));
                plural = FreePlural(kind.Name, typeLocations);
            }
            else if (typeLocations.TryGetValue(plural, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, at, "The catalog name", plural, Messages.Where(first.Location, at) + Messages.AsSpelled(first.Name, plural) + (kind.Plural is null ? "; set 'plural:' on the kind" : string.Empty)));
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
                if (Array.IndexOf(GeneratedNames.ReservedFieldProperties, property) >= 0 || field.Name is "evidence" or "note")
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
    public static SchemaModel Failed(GeneratorOptions options, DiagnosticInfo error) =>
        new(options.Namespace, options.MaxNamedFactsPerKind, EquatableArray<EnumModel>.Empty, EquatableArray<KindShape>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error }), true, EquatableArray<string>.Empty, options.EvidenceDocs);

    /// <summary>A catalog name no type or catalog has taken: Name + "Catalog", then Name + "Catalog2", ...</summary>
    private static string FreePlural(string kind, Dictionary<string, (string Name, LocationInfo Location)> taken)
    {
        var candidate = kind + "Catalog";
        for (var n = 2; taken.ContainsKey(candidate) || GeneratedNames.IsReservedTypeName(candidate) || GeneratedNames.IsReservedCatalogMember(candidate); n++)
        {
            candidate = kind + "Catalog" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static bool DeclareType(string name, LocationInfo at, string what, Dictionary<string, (string Name, LocationInfo Location)> declared, List<DiagnosticInfo> diagnostics, bool isKind)
    {
        if (GeneratedNames.IsReservedTypeName(name))
        {
            var reserved = GeneratedNames.ReservedTypeNames.First(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, name, reserved == name ? "a generated runtime type has this name" : $"the generated runtime type '{reserved}' differs only in case, and generated file names must differ ignoring case"));
            return false;
        }

        if (isKind && Array.IndexOf(GeneratedNames.ReservedFieldProperties, name) >= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, at, name, $"every generated record has a member named '{name}', and a type may not contain a member of its own name"));
            return false;
        }

        if (declared.TryGetValue(name, out var first))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, at, what, name, Messages.Where(first.Location, at) + Messages.AsSpelled(first.Name, name)));
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
