using System;
using System.Collections.Generic;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Internal;

namespace DomainModel.Generators.Parsing;

/// <summary>
/// The parse stage: one YAML file in, its model and its diagnostics out. Pure and per file, so the
/// incremental driver re-runs it only for the file that changed, and one bad file never affects others.
/// </summary>
internal static class InputParser
{
    /// <summary>
    /// Longest kind, enum, field or plural name, fact id or enum value, in characters. Each becomes a C#
    /// name (fact ids and enum values in PascalCase), and the compiler rejects a name of about 1,000
    /// characters or more in metadata (CS7013); the limit leaves room for the prefixes and suffixes of
    /// the generated names.
    /// </summary>
    public const int MaxNameLength = 512;

    private static readonly string[] s_schemaKeys = { "enums", "kinds" };
    private static readonly string[] s_enumKeys = { "description", "values" };
    private static readonly string[] s_kindKeys = { "plural", "description", "fields" };
    private static readonly string[] s_fieldKeys = { "type", "required", "description" };
    private static readonly string[] s_factsKeys = { "kind", "document", "facts" };
    private static readonly string[] s_evidenceKeys = { "quote", "document", "stance", "attributed_to", "hedge" };

    /// <summary>The role of an input file by its name, or null when the file is not ours.</summary>
    public static FileRole? RoleOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".schema.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".schema.yml", StringComparison.OrdinalIgnoreCase))
        {
            return FileRole.Schema;
        }

        if (name.EndsWith(".facts.yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".facts.yml", StringComparison.OrdinalIgnoreCase))
        {
            return FileRole.Facts;
        }

        return null;
    }

    /// <summary>
    /// The inputs nothing reads, from the AdditionalFiles' paths alone: each YAML file whose name is not
    /// *.schema.yaml or *.facts.yaml (DM0030, at the file), and no schema at all (DM0031), so that a project
    /// that forgot its AdditionalFiles or misnamed a file is told so, not left with CS0103 in its own code.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static EquatableArray<DiagnosticInfo> UnreadInputs(IEnumerable<string> paths)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var schemas = 0;
        var facts = 0;
        foreach (var path in paths)
        {
            var name = System.IO.Path.GetFileName(path);
            switch (RoleOf(path))
            {
                case FileRole.Schema:
                    schemas++;
                    break;
                case FileRole.Facts:
                    facts++;
                    break;
                default:
                    if (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    {
                        var stem = name.Substring(0, name.LastIndexOf('.'));
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadYamlFile, LocationInfo.FileStart(path), name, stem));
                    }

                    break;
            }
        }

        if (schemas == 0)
        {
            var found = facts > 0 ? $" (the {facts} facts file{(facts == 1 ? string.Empty : "s")} need one)" : string.Empty;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoSchema, LocationInfo.None, found));
        }

        diagnostics.Sort();
        return diagnostics.ToEquatableArray();
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static ParsedFile Parse(string path, FileRole role, string text, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        SchemaFile? schema = null;
        FactsFile? facts = null;
        try
        {
            FaultInjection.Check("parse:" + System.IO.Path.GetFileName(path));
            var root = YamlReader.Read(path, text, diagnostics, cancellationToken);
            if (root is null || (root is RawScalar s && s.IsNull))
            {
                if (diagnostics.Count == 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyFile, LocationInfo.FileStart(path), System.IO.Path.GetFileName(path)));
                }
            }
            else
            {
                var reader = new Reader(diagnostics);
                if (role == FileRole.Schema)
                {
                    schema = reader.Schema(root);
                }
                else
                {
                    facts = reader.Facts(root);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Defence in depth: a bug of ours must not take the whole generator down (CS8785).
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), "this file", ex.GetType().Name + ": " + ex.Message));
            schema = null;
            facts = null;
        }

        diagnostics.Sort();
        return new ParsedFile(path, role, schema, facts, new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
    }

    private sealed class Reader
    {
        private readonly List<DiagnosticInfo> _diagnostics;

        /// <summary>The mapping <see cref="CheckKeys"/> last checked, and the "Did you mean" hints of its unknown keys.</summary>
        private readonly HashSet<string> _renames = new(StringComparer.Ordinal);
        private RawMapping? _checkedMap;

        public Reader(List<DiagnosticInfo> diagnostics) => _diagnostics = diagnostics;

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public SchemaFile? Schema(RawNode root)
        {
            if (Mapping(root, "The schema file", "Start the file with 'kinds:' (and optionally 'enums:').") is not { } map)
            {
                return null;
            }

            CheckKeys(map, s_schemaKeys, "a schema file");
            var enums = new List<EnumDef>();
            var kinds = new List<KindDef>();
            var rejected = new List<string>();
            if (map.Find("enums") is { } enumsEntry && !(enumsEntry.Value is RawScalar { IsNull: true }))
            {
                if (Mapping(enumsEntry.Value, "enums", "Write one entry per enum: 'Name: { description, values }'.") is not { } enumsMap)
                {
                    return null;
                }

                foreach (var entry in enumsMap.Entries)
                {
                    if (Enum(entry) is { } e)
                    {
                        enums.Add(e);
                    }
                    else
                    {
                        rejected.Add(entry.Key.Value);
                    }
                }
            }

            if (map.Find("kinds") is { } kindsEntry && !(kindsEntry.Value is RawScalar { IsNull: true }))
            {
                if (Mapping(kindsEntry.Value, "kinds", "Write one entry per kind: 'Name: { description, fields }'.") is not { } kindsMap)
                {
                    return null;
                }

                foreach (var entry in kindsMap.Entries)
                {
                    if (Kind(entry) is { } k)
                    {
                        kinds.Add(k);
                    }
                    else
                    {
                        rejected.Add(entry.Key.Value);
                    }
                }
            }

            return new SchemaFile(enums.ToEquatableArray(), kinds.ToEquatableArray(), rejected.ToEquatableArray());
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public FactsFile? Facts(RawNode root)
        {
            if (Mapping(root, "The facts file", "Start the file with 'kind:' and 'facts:'.") is not { } map)
            {
                return null;
            }

            CheckKeys(map, s_factsKeys, "a facts file");
            var kind = RequiredScalar(map, "kind", "the facts file", "Name the kind of every fact in this file, e.g. 'kind: Leader'.");
            var document = OptionalScalar(map, "document");
            var facts = new List<FactDef>();
            var rejected = new List<string>();
            var complete = true;
            if (map.Find("facts") is not { } factsEntry)
            {
                Missing(map, "facts", "the facts file", "List the facts under 'facts:'.");
            }
            else if (factsEntry.Value is RawScalar { IsNull: true })
            {
                // 'facts:' with nothing under it: an empty list.
            }
            else if (Sequence(factsEntry.Value, "facts", "List each fact as '- id: ...'.") is { } list)
            {
                foreach (var item in list.Items)
                {
                    if (Fact(item, out var rejectedId) is { } fact)
                    {
                        facts.Add(fact);
                    }
                    else if (rejectedId is not null)
                    {
                        rejected.Add(rejectedId);
                    }
                    else
                    {
                        complete = false;
                    }
                }
            }
            else
            {
                complete = false;
            }

            return new FactsFile(kind is null ? null : new NamedValue(kind.Value, kind.Location), document, facts.ToEquatableArray(), rejected.ToEquatableArray(), complete);
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private EnumDef? Enum(RawEntry entry)
        {
            var name = entry.Key;
            var valid = CheckName(name, Names.TypeName, "enum name", "Use PascalCase letters and digits, e.g. 'AgreementStatus'.");
            if (Mapping(entry.Value, name.Value, "Write 'description:' and 'values:'.") is not { } map)
            {
                return null;
            }

            CheckKeys(map, s_enumKeys, $"enum '{name.Value}'");
            var description = RequiredScalar(map, "description", $"enum '{name.Value}'", "Describe the enum; it becomes its XML documentation.");
            var values = new List<NamedValue>();
            if (map.Find("values") is not { } valuesEntry)
            {
                Missing(map, "values", $"enum '{name.Value}'", "List the allowed values, e.g. 'values: [agreed, signed]'.");
            }
            else if (Sequence(valuesEntry.Value, "values", "List the allowed values, e.g. 'values: [agreed, signed]'.") is { } seq)
            {
                if (seq.Items.Count == 0)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, seq.Location.Head(), "values", "a sequence of at least one value", "an empty sequence", $"List the values enum '{name.Value}' allows, e.g. 'values: [agreed, signed]'."));
                }

                var seen = new Dictionary<string, NamedValue>(StringComparer.Ordinal);
                foreach (var item in seq.Items)
                {
                    if (Scalar(item, "an enum value") is { } value)
                    {
                        if (!CheckName(value, Names.Slug, "enum value", "Use a lowercase slug such as 'at-least'."))
                        {
                            continue;
                        }

                        var pascal = Names.ToPascal(value.Value);
                        if (seen.TryGetValue(pascal, out var first))
                        {
                            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateDefinition, value.Location, "Enum value", value.Value, first.Location.Display));
                            continue;
                        }

                        var named = new NamedValue(value.Value, value.Location);
                        seen.Add(pascal, named);
                        values.Add(named);
                    }
                }
            }

            return valid ? new EnumDef(name.Value, name.Location, description?.Value ?? string.Empty, values.ToEquatableArray()) : null;
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private KindDef? Kind(RawEntry entry)
        {
            var name = entry.Key;
            var valid = CheckName(name, Names.TypeName, "kind name", "Use PascalCase letters and digits, e.g. 'Leader'.");
            if (Mapping(entry.Value, name.Value, "Write 'description:' and 'fields:'.") is not { } map)
            {
                return null;
            }

            CheckKeys(map, s_kindKeys, $"kind '{name.Value}'");
            var description = RequiredScalar(map, "description", $"kind '{name.Value}'", "Describe the kind; it becomes the record's XML documentation.");
            var plural = OptionalScalar(map, "plural");
            if (plural is not null && TooLong(plural.Value, plural.Location, "plural"))
            {
                plural = null;
            }
            else if (plural is not null && !Names.TypeName.IsMatch(plural.Value))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, plural.Location, plural.Value, "plural", "Use PascalCase letters and digits, e.g. 'Leaders'."));
                plural = null;
            }

            var fields = new List<FieldDef>();
            var rejected = new List<string>();
            if (map.Find("fields") is { } fieldsEntry && !(fieldsEntry.Value is RawScalar { IsNull: true }))
            {
                if (Mapping(fieldsEntry.Value, "fields", "Write one entry per field: 'name: { type, description }'.") is not { } fieldsMap)
                {
                    return null;
                }

                foreach (var fieldEntry in fieldsMap.Entries)
                {
                    if (Field(fieldEntry, name.Value) is { } field)
                    {
                        fields.Add(field);
                    }
                    else
                    {
                        rejected.Add(fieldEntry.Key.Value);
                    }
                }
            }

            return valid ? new KindDef(name.Value, name.Location, plural, description?.Value ?? string.Empty, fields.ToEquatableArray(), rejected.ToEquatableArray()) : null;
        }

        private FieldDef? Field(RawEntry entry, string kind)
        {
            var name = entry.Key;
            var valid = CheckName(name, Names.FieldName, "field name", "Use snake_case, e.g. 'annual_payment'.");
            if (Mapping(entry.Value, name.Value, "Write 'type:' and 'description:', e.g. '{ type: string, description: ... }'.") is not { } map)
            {
                return null;
            }

            CheckKeys(map, s_fieldKeys, $"field '{kind}.{name.Value}'");
            var type = RequiredScalar(map, "type", $"field '{kind}.{name.Value}'", "Give the field a type, e.g. 'type: string'.");
            var description = RequiredScalar(map, "description", $"field '{kind}.{name.Value}'", "Describe the field; it becomes the property's XML documentation.");
            var required = false;
            if (map.Find("required") is { } requiredEntry && Scalar(requiredEntry.Value, "required") is { } r)
            {
                if (r.Value == "true" || r.Value == "false")
                {
                    required = r.Value == "true";
                }
                else
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, r.Location, "boolean", r.Value, "required", "Write true or false."));
                }
            }

            if (!valid || type is null)
            {
                return null;
            }

            return new FieldDef(name.Value, name.Location, new NamedValue(type.Value.Trim(), type.Location), required, description?.Value ?? string.Empty);
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private FactDef? Fact(RawNode node, out string? rejectedId)
        {
            rejectedId = null;
            if (Mapping(node, "Each fact", "Write each fact as a mapping starting with '- id: ...'.") is not { } map)
            {
                return null;
            }

            var id = RequiredScalar(map, "id", "this fact", "Give every fact a lowercase slug id, e.g. 'id: vladimir-putin'.");
            if (id is null)
            {
                return null;
            }

            if (!CheckName(id, Names.Slug, "fact id", "Use a lowercase ASCII slug that starts with a letter, e.g. 'vladimir-putin'."))
            {
                rejectedId = id.Value;
                return null;
            }

            // The fields are the entries but id, note and evidence: counted first, so that they are one array of the right size.
            var fieldCount = 0;
            foreach (var entry in map.Entries)
            {
                fieldCount += entry.Key.Value is "id" or "note" or "evidence" ? 0 : 1;
            }

            var fields = fieldCount == 0 ? Array.Empty<RawEntry>() : new RawEntry[fieldCount];
            fieldCount = 0;
            var evidence = new List<EvidenceDef>();
            string? note = null;
            var hasEvidence = false;
            foreach (var entry in map.Entries)
            {
                switch (entry.Key.Value)
                {
                    case "id":
                        break;
                    case "note":
                        note = Scalar(entry.Value, "note")?.Value;
                        break;
                    case "evidence":
                        hasEvidence = true;
                        Evidence(entry, evidence, id.Value);
                        break;
                    default:
                        fields[fieldCount++] = entry;
                        break;
                }
            }

            if (!hasEvidence)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingEvidence, id.Location, id.Value));
            }

            return new FactDef(new NamedValue(id.Value, id.Location), map.Location, new EquatableArray<RawEntry>(fields), evidence.ToEquatableArray(), note);
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private void Evidence(RawEntry entry, List<EvidenceDef> evidence, string id)
        {
            if (Sequence(entry.Value, "evidence", "List quotes: 'evidence: [\"verbatim text\"]'.") is not { } list)
            {
                return;
            }

            if (list.Items.Count == 0)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingEvidence, entry.Key.Location, id));
            }

            foreach (var item in list.Items)
            {
                if (item is RawScalar { IsNull: false } quote)
                {
                    if (!EmptyQuote(quote.Value, quote.Location))
                    {
                        evidence.Add(new EvidenceDef(new NamedValue(quote.Value, quote.Location), null, false));
                    }

                    continue;
                }

                if (Mapping(item, "An evidence item", "Write a quote string or '{ quote: ..., document: ... }'.") is not { } map)
                {
                    continue;
                }

                CheckKeys(map, s_evidenceKeys, "an evidence item");
                var text = RequiredScalar(map, "quote", "this evidence item", "Add the verbatim quote.");
                var document = OptionalScalar(map, "document");
                var contradicts = false;
                if (OptionalScalar(map, "stance") is { } stance)
                {
                    if (stance.Value == "contradicts")
                    {
                        contradicts = true;
                    }
                    else if (stance.Value != "supports")
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, stance.Location, "stance", stance.Value, "stance", "Write 'supports' or 'contradicts'."));
                    }
                }

                var hedge = -1;
                if (OptionalScalar(map, "hedge") is { } hedgeText)
                {
                    hedge = Array.IndexOf(RowFormat.Hedges, hedgeText.Value);
                    if (hedge < 0)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, hedgeText.Location, "hedge", hedgeText.Value, "hedge", $"{Names.DidYouMean(hedgeText.Value, RowFormat.Hedges).TrimStart()} Allowed values: {string.Join(", ", RowFormat.Hedges)}.".TrimStart()));
                    }
                }

                NamedValue? attributedTo = null;
                if (OptionalScalar(map, "attributed_to") is { } attribution)
                {
                    if (attribution.Value.Trim().Length == 0)
                    {
                        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, attribution.Location, "attribution", attribution.Value, "attributed_to", "Name who makes the claim: a fact id ('vladimir-putin') or a text ('sources close to the Kremlin'), or remove the key."));
                    }
                    else
                    {
                        attributedTo = new NamedValue(attribution.Value, attribution.Location);
                    }
                }

                if (text is not null && !EmptyQuote(text.Value, text.Location))
                {
                    evidence.Add(new EvidenceDef(new NamedValue(text.Value, text.Location), document, contradicts, hedge, attributedTo));
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private bool CheckName(RawScalar name, System.Text.RegularExpressions.Regex pattern, string what, string hint) =>
            CheckName(new RawKey(name.Value, name.Location), pattern, what, hint);

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private bool CheckName(RawKey name, System.Text.RegularExpressions.Regex pattern, string what, string hint)
        {
            if (TooLong(name.Value, name.Location, what))
            {
                return false;
            }

            if (pattern.IsMatch(name.Value))
            {
                return true;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidName, name.Location, name.Value, what, hint));
            return false;
        }

        /// <summary>A name too long to become a C# name: DM0002 at the name.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private bool TooLong(string name, LocationInfo location, string what)
        {
            if (name.Length <= MaxNameLength)
            {
                return false;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, location.Head(), $"The {what} '{Names.Shorten(name, 40)}' ({name.Length} characters)", $"{MaxNameLength} characters", "Shorten it: it becomes a C# name."));
            return true;
        }

        /// <summary>A quote with no text would match any document: DM0013 at the quote.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private bool EmptyQuote(string quote, LocationInfo location)
        {
            if (quote.Trim().Length > 0)
            {
                return false;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, location, "quote", quote, "evidence", "A quote must hold text copied verbatim from the source document; remove the empty quote or fill it in."));
            return true;
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private void CheckKeys(RawMapping map, string[] allowed, string where)
        {
            _checkedMap = map;
            _renames.Clear();
            foreach (var entry in map.Entries)
            {
                if (Array.IndexOf(allowed, entry.Key.Value) < 0)
                {
                    var hint = Names.DidYouMean(entry.Key.Value, allowed);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, where, hint.Length > 0 ? hint : $" Allowed keys: {string.Join(", ", allowed)}."));
                    if (hint.Length > 0)
                    {
                        _renames.Add(hint);
                    }
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private RawScalar? RequiredScalar(RawMapping map, string key, string where, string hint)
        {
            if (map.Find(key) is not { } entry || entry.Value is RawScalar { IsNull: true })
            {
                Missing(map, key, where, hint);
                return null;
            }

            return Scalar(entry.Value, key);
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private NamedValue? OptionalScalar(RawMapping map, string key)
        {
            if (map.Find(key) is not { } entry || entry.Value is RawScalar { IsNull: true })
            {
                return null;
            }

            return Scalar(entry.Value, key) is { } s ? new NamedValue(s.Value, s.Location) : null;
        }

        /// <summary>
        /// DM0006, unless the mapping has an unknown key that is a likely misspelling of this one: its
        /// DM0005 ("Did you mean 'type'?") already says what to fix, once.
        /// </summary>
        private void Missing(RawMapping map, string key, string where, string hint)
        {
            if (ReferenceEquals(map, _checkedMap) && _renames.Contains($" Did you mean '{key}'?"))
            {
                return;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, map.Location.Head(), key, Capitalize(where), hint));
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private RawScalar? Scalar(RawNode node, string what)
        {
            if (node is RawScalar scalar)
            {
                return scalar;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, node.Location.Head(), what, "a scalar", node.Describe, "Write a single value."));
            return null;
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private RawMapping? Mapping(RawNode node, string what, string hint)
        {
            if (node is RawMapping mapping)
            {
                return mapping;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, node.Location.Head(), what, "a mapping", node.Describe, hint));
            return null;
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        private RawSequence? Sequence(RawNode node, string what, string hint)
        {
            if (node is RawSequence sequence)
            {
                return sequence;
            }

            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrongShape, node.Location.Head(), what, "a sequence", node.Describe, hint));
            return null;
        }

        private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
    }
}
