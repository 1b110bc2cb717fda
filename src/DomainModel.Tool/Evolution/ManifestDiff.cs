using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DomainModel.Tool.Evolution;

/// <summary>What a change needs of the next version (docs/versioning.md).</summary>
internal enum ChangeLevel
{
    None = 0,
    Patch = 1,
    Minor = 2,
    Major = 3,
}

/// <summary>
/// One change between two manifests, in the user's terms: <see cref="Subject"/> is what a consumer writes
/// (<c>Leaders.VladimirPutin</c>, <c>Agreement.AnnualPayment</c>, <c>AgreementStatus.Pledged</c>),
/// <see cref="Action"/> one of removed, renamed, added, changed, <see cref="Detail"/> the rest of the sentence.
/// </summary>
internal sealed record Change(ChangeLevel Level, string Area, string Action, string Subject, string Detail)
{
    public string Text => Detail.Length == 0 ? Subject + " " + Action : Subject + (Detail.StartsWith(':') ? Detail : " " + Detail);
}

/// <summary>
/// The changes from one manifest to another, and the version they need. Renames are found by content:
/// a fact removed and one added in the same kind with the same values and evidence; a kind removed and one
/// added with the same fields; a field removed and one added with the same type whose values are the same
/// in every fact; an enum member removed and one added at the same position.
/// </summary>
internal static class ManifestDiff
{
    public static IReadOnlyList<Change> Compare(Manifest old, Manifest @new)
    {
        var changes = new List<Change>();
        if (old.Namespace != @new.Namespace)
        {
            changes.Add(new(ChangeLevel.Major, "namespace", "changed", "namespace " + old.Namespace, $"changed to {@new.Namespace}"));
        }

        Enums(old, @new, changes);
        Kinds(old, @new, changes);
        return changes;
    }

    public static ChangeLevel Level(IEnumerable<Change> changes) => changes.Select(c => c.Level).DefaultIfEmpty(ChangeLevel.None).Max();

    /// <summary>The lowest version after <paramref name="baseline"/> that allows a change of <paramref name="level"/>.</summary>
    public static string Needed(string baseline, ChangeLevel level)
    {
        var v = Core(baseline) ?? throw new FormatException($"'{baseline}' is not a version (major.minor.patch)");
        return level switch
        {
            ChangeLevel.Major => $"{v.Major + 1}.0.0",
            ChangeLevel.Minor => $"{v.Major}.{v.Minor + 1}.0",
            ChangeLevel.Patch => $"{v.Major}.{v.Minor}.{v.Build + 1}",
            _ => $"{v.Major}.{v.Minor}.{v.Build}",
        };
    }

    /// <summary>True when <paramref name="version"/> (its major.minor.patch; a pre-release suffix is ignored) is at least <paramref name="needed"/>.</summary>
    public static bool Allows(string version, string needed) =>
        (Core(version) ?? throw new FormatException($"'{version}' is not a version (major.minor.patch)")) >= Core(needed)!;

    private static Version? Core(string version)
    {
        var core = version.Split('-', '+')[0];
        var parts = core.Split('.');
        if (parts.Length is < 1 or > 3 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        int Part(int i) => i < parts.Length ? int.Parse(parts[i], CultureInfo.InvariantCulture) : 0;
        return new Version(Part(0), Part(1), Part(2));
    }

    private static void Enums(Manifest old, Manifest @new, List<Change> changes)
    {
        var newEnums = @new.Enums.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var e in old.Enums)
        {
            if (!newEnums.TryGetValue(e.Name, out var after))
            {
                changes.Add(new(ChangeLevel.Major, "enum", "removed", e.Name, string.Empty));
                continue;
            }

            var newMembers = after.Members.Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            var oldMembers = e.Members.Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < e.Members.Count; i++)
            {
                var member = e.Members[i];
                if (newMembers.Contains(member.Value))
                {
                    continue;
                }

                // Renamed: the member at its position is new too.
                if (i < after.Members.Count && !oldMembers.Contains(after.Members[i].Value))
                {
                    changes.Add(new(ChangeLevel.Major, "member", "renamed", $"{e.Name}.{member.Member}", $"renamed to {e.Name}.{after.Members[i].Member}"));
                }
                else
                {
                    changes.Add(new(ChangeLevel.Major, "member", "removed", $"{e.Name}.{member.Member}", string.Empty));
                }
            }

            for (var i = 0; i < after.Members.Count; i++)
            {
                var member = after.Members[i];
                var renamed = i < e.Members.Count && !newMembers.Contains(e.Members[i].Value);
                if (!oldMembers.Contains(member.Value) && !renamed)
                {
                    changes.Add(new(ChangeLevel.Minor, "member", "added", $"{e.Name}.{member.Member}", string.Empty));
                }
            }
        }

        var oldEnums = old.Enums.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(@new.Enums.Where(e => !oldEnums.Contains(e.Name)).Select(e => new Change(ChangeLevel.Minor, "enum", "added", e.Name, string.Empty)));
    }

    private static void Kinds(Manifest old, Manifest @new, List<Change> changes)
    {
        var newKinds = @new.Kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var oldKinds = old.Kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var added = @new.Kinds.Where(k => !oldKinds.ContainsKey(k.Name)).ToList();
        foreach (var kind in old.Kinds)
        {
            if (newKinds.TryGetValue(kind.Name, out var after))
            {
                Kind(kind, after, changes);
                continue;
            }

            var renamed = added.FirstOrDefault(k => SameFields(k, kind));
            if (renamed is not null)
            {
                added.Remove(renamed);
                changes.Add(new(ChangeLevel.Major, "kind", "renamed", kind.Name, $"renamed to {renamed.Name} (catalog {kind.Catalog} → {renamed.Catalog}, same fields)"));
            }
            else
            {
                changes.Add(new(ChangeLevel.Major, "kind", "removed", kind.Name, $"removed (catalog {kind.Catalog}, {Count(kind.Facts.Count, "fact")})"));
            }
        }

        changes.AddRange(added.Select(k => new Change(ChangeLevel.Minor, "kind", "added", k.Name, $"added (catalog {k.Catalog}, {Count(k.Facts.Count, "fact")})")));
    }

    private static bool SameFields(KindEntry a, KindEntry b) =>
        a.Fields.Count == b.Fields.Count && a.Fields.Zip(b.Fields).All(p => p.First == p.Second);

    private static void Kind(KindEntry old, KindEntry @new, List<Change> changes)
    {
        if (old.Catalog != @new.Catalog)
        {
            changes.Add(new(ChangeLevel.Major, "kind", "changed", old.Name, $": catalog {old.Catalog} → {@new.Catalog}"));
        }

        // Fields: removed, renamed (same type, same values in every fact of both), type or requirement changed, added.
        var newFields = @new.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var oldFields = old.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var addedFields = @new.Fields.Where(f => !oldFields.ContainsKey(f.Name)).ToList();
        var renamedTo = new Dictionary<string, string>(StringComparer.Ordinal);
        var newFacts = @new.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var field in old.Fields)
        {
            var subject = $"{old.Name}.{field.Property}";
            if (!newFields.TryGetValue(field.Name, out var after))
            {
                var renamed = addedFields.FirstOrDefault(f => f.Type == field.Type && f.Required == field.Required && SameValues(old, field.Name, newFacts, f.Name));
                if (renamed is not null)
                {
                    addedFields.Remove(renamed);
                    renamedTo[field.Name] = renamed.Name;
                    changes.Add(new(ChangeLevel.Major, "field", "renamed", subject, $"renamed to {old.Name}.{renamed.Property}"));
                }
                else
                {
                    changes.Add(new(ChangeLevel.Major, "field", "removed", subject, string.Empty));
                }

                continue;
            }

            if (field.Type != after.Type)
            {
                changes.Add(new(ChangeLevel.Major, "field", "changed", subject, $": {field.Type} → {after.Type}"));
            }

            if (field.Required != after.Required)
            {
                changes.Add(new(ChangeLevel.Major, "field", "changed", subject, field.Required ? ": required → optional" : ": optional → required"));
            }

            if (field.Property != after.Property)
            {
                changes.Add(new(ChangeLevel.Major, "field", "renamed", subject, $"renamed to {old.Name}.{after.Property}"));
            }
        }

        changes.AddRange(addedFields.Select(f => new Change(ChangeLevel.Minor, "field", "added", $"{old.Name}.{f.Property}", $"added ({f.Type}{(f.Required ? ", required" : string.Empty)})")));
        Facts(old, @new, renamedTo, changes);
    }

    private static bool SameValues(KindEntry old, string oldField, Dictionary<string, FactEntry> newFacts, string newField) =>
        old.Facts.Count > 0 && old.Facts.All(f =>
            newFacts.TryGetValue(f.Id, out var after) && Value(f, oldField).Same(Value(after, newField)));

    private static ManifestValue Value(FactEntry fact, string field) => fact.Values.TryGetValue(field, out var value) ? value : ManifestValue.Null;

    private static string Name(KindEntry kind, FactEntry fact) =>
        fact.Property is null ? $"{kind.Catalog}.Get(\"{fact.Id}\")" : $"{kind.Catalog}.{fact.Property}";

    private static void Facts(KindEntry old, KindEntry @new, Dictionary<string, string> renamedFields, List<Change> changes)
    {
        var newFacts = @new.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var oldIds = old.Facts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var added = @new.Facts.Where(f => !oldIds.Contains(f.Id)).ToList();
        var newFieldNames = @new.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var fact in old.Facts)
        {
            if (!newFacts.TryGetValue(fact.Id, out var after))
            {
                // Renamed: a new fact of the kind with the same values and evidence.
                var renamed = added.FirstOrDefault(f => f.Evidence == fact.Evidence && SameContent(fact, f));
                if (renamed is not null)
                {
                    added.Remove(renamed);
                    changes.Add(new(ChangeLevel.Major, "fact", "renamed", Name(old, fact), $"renamed to {Name(@new, renamed)} (id {fact.Id} → {renamed.Id}, same content)"));
                }
                else
                {
                    changes.Add(new(ChangeLevel.Major, "fact", "removed", Name(old, fact), fact.Property is null ? string.Empty : $"removed (id {fact.Id})"));
                }

                continue;
            }

            if (fact.Property is not null && after.Property is null)
            {
                changes.Add(new(ChangeLevel.Major, "fact", "changed", Name(old, fact), "no longer has a named property (DomainModelMaxNamedFactsPerKind): use " + Name(@new, after)));
            }
            else if (fact.Property is null && after.Property is not null)
            {
                changes.Add(new(ChangeLevel.Minor, "fact", "changed", Name(@new, after), "added as a named property"));
            }

            // Values, field by field (a field removed, renamed or retyped is reported as such, not per fact).
            foreach (var field in old.Fields)
            {
                var newName = renamedFields.TryGetValue(field.Name, out var renamed) ? renamed : field.Name;
                if (!newFieldNames.TryGetValue(newName, out var newField) || newField.Type != field.Type)
                {
                    continue;
                }

                var before = Value(fact, field.Name);
                var now = Value(after, newName);
                if (!before.Same(now))
                {
                    changes.Add(new(ChangeLevel.Patch, "value", "changed", $"{Name(old, fact)}.{field.Property}", $": {before} → {now}"));
                }
            }

            foreach (var field in @new.Fields.Where(f => !old.Fields.Any(o => o.Name == f.Name) && !renamedFields.ContainsValue(f.Name)))
            {
                if (!Value(after, field.Name).IsNull)
                {
                    changes.Add(new(ChangeLevel.Patch, "value", "changed", $"{Name(@new, after)}.{field.Property}", $": null → {Value(after, field.Name)}"));
                }
            }

            if (fact.Evidence != after.Evidence)
            {
                changes.Add(new(ChangeLevel.Patch, "evidence", "changed", Name(old, fact), "evidence or note changed"));
            }
        }

        changes.AddRange(added.Select(f => new Change(ChangeLevel.Minor, "fact", "added", Name(@new, f), f.Property is null ? string.Empty : $"added (id {f.Id})")));
    }

    private static bool SameContent(FactEntry a, FactEntry b) =>
        a.Values.Count == b.Values.Count && a.Values.All(v => b.Values.TryGetValue(v.Key, out var other) && v.Value.Same(other));

    private static string Count(int n, string what) => n.ToString(CultureInfo.InvariantCulture) + " " + what + (n == 1 ? string.Empty : "s");

    /// <summary>Release notes: the classification, the version needed, then the changes by level.</summary>
    public static string Markdown(Manifest old, Manifest @new, IReadOnlyList<Change> changes)
    {
        var level = Level(changes);
        var s = new StringBuilder();
        s.Append("# ").Append(@new.Package).Append(": changes from ").Append(old.Version).Append('\n').Append('\n');
        s.Append(level == ChangeLevel.None
            ? "No change to the public surface or to any value.\n"
            : $"**{level.ToString().ToLowerInvariant()}**: {Count(changes.Count, "change")}; needs version {Needed(old.Version, level)} or later.\n");
        foreach (var (heading, l) in new[] { ("Breaking changes (major)", ChangeLevel.Major), ("Additions (minor)", ChangeLevel.Minor), ("Value changes (patch)", ChangeLevel.Patch) })
        {
            var these = changes.Where(c => c.Level == l).ToList();
            if (these.Count == 0)
            {
                continue;
            }

            s.Append('\n').Append("## ").Append(heading).Append('\n').Append('\n');
            foreach (var change in these)
            {
                s.Append("- ").Append(Escape(change.Text)).Append('\n');
            }
        }

        return s.ToString();
    }

    private static string Escape(string text) => text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The changes as JSON (classification, versions, then one object per change).</summary>
    public static string Json(Manifest old, Manifest @new, IReadOnlyList<Change> changes, string? version)
    {
        var level = Level(changes);
        using var stream = new System.IO.MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("package", @new.Package);
            w.WriteString("baseline", old.Version);
            w.WriteString("level", level.ToString().ToLowerInvariant());
            w.WriteString("needs", Needed(old.Version, level));
            if (version is not null)
            {
                w.WriteString("version", version);
                w.WriteBoolean("allowed", Allows(version, Needed(old.Version, level)));
            }

            w.WriteStartArray("changes");
            foreach (var c in changes)
            {
                w.WriteStartObject();
                w.WriteString("level", c.Level.ToString().ToLowerInvariant());
                w.WriteString("area", c.Area);
                w.WriteString("action", c.Action);
                w.WriteString("subject", c.Subject);
                w.WriteString("text", c.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
