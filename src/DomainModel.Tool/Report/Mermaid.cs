using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DomainModel.Generators.Model;

namespace DomainModel.Tool.Report;

/// <summary>
/// Mermaid text for a corpus: the schema (<c>erDiagram</c>), the timeline of dated facts (<c>timeline</c>)
/// and the graph of facts and references (<c>flowchart</c>). Names from the input never reach the diagram
/// syntax as they are: identifiers are generated (<c>K0</c>, <c>F12</c>, <c>S3</c>) or checked against a
/// strict pattern, and every label goes through <see cref="Text"/>. Output uses '\n' line ends, is the same
/// for the same corpus whatever the culture, and ends with a line feed.
/// </summary>
internal static class Mermaid
{
    /// <summary>
    /// Words that a diagram's grammar reads as keywords wherever an identifier may stand: an identifier
    /// equal to one of them (in any case) is replaced by a generated one.
    /// </summary>
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "end", "graph", "flowchart", "subgraph", "style", "linkStyle", "classDef", "class", "click", "call", "href",
        "direction", "erDiagram", "title", "accTitle", "accDescr", "section", "timeline", "PK", "FK", "UK",
        "one", "only", "zero", "many", "optionally", "to", "u", "o", "x", "default", "TB", "TD", "BT", "RL", "LR",
    };

    /// <summary>
    /// A label that cannot break any diagram's syntax: ASCII letters and digits, spaces, other characters above ASCII that no grammar reads (letters of any script, dashes, curly quotes) and
    /// <c>, . - _ ' ( ) / ! ? + = * ~ @ $ ^</c> are kept; line breaks and tabs become spaces; every other
    /// character (quotes, brackets, <c>; # % : &lt; &gt; &amp; | { }</c>, backticks, other symbols) becomes
    /// Mermaid's entity code <c>#NNN;</c> (its Unicode code point), which Mermaid shows as the character.
    /// A lone surrogate becomes U+FFFD.
    /// </summary>
    public static string Text(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\t')
            {
                builder.Append(' ');
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || " ,.-_'()/!?+=*~@$^".IndexOf(c) >= 0)
            {
                builder.Append(c);
            }
            else if (c > 127 && IsPlain(c))
            {
                builder.Append(c);
            }
            else
            {
                int code = c;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    code = char.ConvertToUtf32(c, text[i + 1]);
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    code = 0xFFFD;
                }

                builder.Append('#').Append(code.ToString(CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// A character above ASCII that no grammar gives a meaning: not a control, format, separator or private
    /// character, not a surrogate, and not U+FB02 or U+00B6 (the marks of Mermaid's own entity encoding).
    /// </summary>
    private static bool IsPlain(char c) =>
        c is not ('\uFB02' or '\u00B6') && !char.IsSurrogate(c) && char.GetUnicodeCategory(c) is not (
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    /// <summary>A quoted label (<c>"…"</c>) made with <see cref="Text"/>; never empty.</summary>
    public static string Quoted(string text)
    {
        var label = Text(text);
        return "\"" + (label.Length == 0 ? "#160;" : label) + "\"";
    }

    /// <summary>
    /// The identifier as written when it is plain ASCII (<c>[A-Za-z][A-Za-z0-9_]*</c>, at most 64 characters)
    /// and no keyword; otherwise <paramref name="fallback"/>.
    /// </summary>
    public static string Identifier(string name, string fallback)
    {
        if (name.Length is 0 or > 64 || s_reserved.Contains(name) || !(name[0] is >= 'a' and <= 'z' or >= 'A' and <= 'Z'))
        {
            return fallback;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return fallback;
            }
        }

        return name;
    }

    /// <summary>
    /// The schema: one entity per kind (its id and fields with their types; <c>list&lt;T&gt;</c> as <c>T[]</c>)
    /// and one relationship per reference field: exactly one target for a required reference, zero or one for
    /// an optional one, zero or more for a list.
    /// </summary>
    public static string Schema(CorpusView view)
    {
        var kinds = view.Kinds;
        var ids = KindIds(kinds);
        var text = new StringBuilder("erDiagram\n");
        for (var k = 0; k < kinds.Count; k++)
        {
            var kind = kinds[k];
            var id = ids[kind.Name];
            text.Append("    ").Append(id);
            if (id != kind.Name)
            {
                text.Append('[').Append(Quoted(kind.Name)).Append(']');
            }

            text.Append(" {\n        string id PK\n");
            for (var f = 0; f < kind.Fields.Count; f++)
            {
                var field = kind.Fields[f];
                var element = field.Type.Type switch
                {
                    ScalarType.Reference => ids.TryGetValue(field.Type.Target!, out var target) ? target : "reference",
                    ScalarType.Enum => Identifier(field.Type.Target!, "enum"),
                    _ => field.Type.Element,
                };
                var name = Identifier(field.Name, "field_" + f.ToString(CultureInfo.InvariantCulture));
                text.Append("        ").Append(element).Append(field.Type.IsList ? "[]" : string.Empty).Append(' ').Append(name);
                if (field.Type.Type == ScalarType.Reference)
                {
                    text.Append(" FK");
                }

                var comment = new List<string>();
                if (name != field.Name)
                {
                    comment.Add(field.Name);
                }

                if (field.Required)
                {
                    comment.Add("required");
                }

                if (comment.Count > 0)
                {
                    text.Append(' ').Append(Quoted(string.Join(", ", comment)));
                }

                text.Append('\n');
            }

            text.Append("    }\n");
        }

        foreach (var kind in kinds)
        {
            foreach (var field in kind.Fields.Where(f => f.Type.Type == ScalarType.Reference))
            {
                if (!ids.TryGetValue(field.Type.Target!, out var target))
                {
                    continue;
                }

                var cardinality = field.Type.IsList ? "o{" : field.Required ? "||" : "o|";
                text.Append("    ").Append(ids[kind.Name]).Append(" }o--").Append(cardinality).Append(' ').Append(target)
                    .Append(" : ").Append(Quoted(field.Name)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Every value of every date field of every fact, ordered by date (a coarser date before a finer one
    /// starting with it), then kind, id and field; one section per decade; each date shown at its precision
    /// (<c>1990s</c>, <c>2011</c>, <c>2024-12</c>, <c>2025-10-15</c>). An entry names the fact, and the field
    /// when it is not <c>date</c>.
    /// </summary>
    public static string Timeline(CorpusView view, string title = "Dated facts")
    {
        var entries = TimelineEntries(view);
        var text = new StringBuilder("timeline\n    title ").Append(Text(title)).Append('\n');
        string? section = null;
        foreach (var group in entries.GroupBy(e => e.Date.Display))
        {
            var first = group.First().Date;
            var decade = first.Text.Substring(0, 3) + "0s";
            if (decade != section)
            {
                section = decade;
                text.Append("    section ").Append(decade).Append('\n');
            }

            text.Append("        ").Append(first.Display);
            foreach (var entry in group)
            {
                text.Append(" : ").Append(Text(entry.Text.Length == 0 ? entry.Fact.Id : entry.Text));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The dated facts as <see cref="Timeline"/> lists them.</summary>
    public static IReadOnlyList<(DateValue Date, FactView Fact, FieldModel Field, string Text)> TimelineEntries(CorpusView view)
    {
        var entries = new List<(DateValue Date, FactView Fact, FieldModel Field, string Text, int Order)>();
        var order = 0;
        foreach (var fact in view.Facts)
        {
            for (var f = 0; f < fact.Kind.Fields.Count && f < fact.Fact.Values.Count; f++)
            {
                var field = fact.Kind.Fields[f];
                if (field.Type.Type != ScalarType.Date)
                {
                    continue;
                }

                foreach (var item in view.Items(field, fact.Fact.Values[f]))
                {
                    var date = new DateValue(item.TrimEnd('\n'));
                    var label = field.Name == "date" ? fact.Label : fact.Label + " (" + field.Name.Replace('_', ' ') + ")";
                    entries.Add((date, fact, field, label, order++));
                }
            }
        }

        return entries
            .OrderBy(e => e.Date.SortKey, StringComparer.Ordinal)
            .ThenBy(e => e.Order)
            .Select(e => (e.Date, e.Fact, e.Field, e.Text))
            .ToList();
    }

    /// <summary>
    /// The graph. With neither <paramref name="kind"/> nor <paramref name="around"/>: one node per kind (its
    /// number of facts) and one edge per pair of kinds that reference each other (the fields and their number of references), the corpus at a glance.
    /// With <paramref name="kind"/>: the facts of that kind and the facts they reference or are referenced by.
    /// With <paramref name="around"/> (a fact id, or <c>Kind:id</c> when ids repeat across kinds): the facts
    /// within <paramref name="depth"/> references of it, either way. Facts are grouped by kind (subgraphs).
    /// Throws <see cref="ToolException"/> for an unknown kind or fact.
    /// </summary>
    public static string Graph(CorpusView view, string? kind = null, string? around = null, int depth = 1)
    {
        if (kind is null && around is null)
        {
            return KindGraph(view);
        }

        var edges = view.Facts.SelectMany(f => view.References(f).Select(r => (From: f, r.Field, To: r.Target))).ToList();
        var selected = new HashSet<FactView>();
        if (kind is not null)
        {
            if (view.Kinds.All(k => k.Name != kind))
            {
                throw new ToolException(ToolApp.BadUsage, $"There is no kind '{kind}'. Kinds: {string.Join(", ", view.Kinds.Select(k => k.Name))}.");
            }

            foreach (var fact in view.FactsOf(kind))
            {
                selected.Add(fact);
            }

            foreach (var edge in edges.Where(e => e.From.Kind.Name == kind || e.To.Kind.Name == kind))
            {
                selected.Add(edge.From);
                selected.Add(edge.To);
            }
        }

        if (around is not null)
        {
            var seed = FindFact(view, around);
            var reached = new HashSet<FactView> { seed };
            var frontier = new List<FactView> { seed };
            for (var step = 0; step < depth && frontier.Count > 0; step++)
            {
                var next = new List<FactView>();
                foreach (var edge in edges)
                {
                    if (frontier.Contains(edge.From) && reached.Add(edge.To))
                    {
                        next.Add(edge.To);
                    }
                    else if (frontier.Contains(edge.To) && reached.Add(edge.From))
                    {
                        next.Add(edge.From);
                    }
                }

                frontier = next;
            }

            selected = kind is null ? reached : new HashSet<FactView>(selected.Where(reached.Contains));
        }

        var nodeIds = new Dictionary<FactView, string>();
        var text = new StringBuilder("flowchart LR\n");
        var section = 0;
        foreach (var group in view.Kinds)
        {
            var facts = view.FactsOf(group.Name).Where(selected.Contains).ToList();
            if (facts.Count == 0)
            {
                continue;
            }

            text.Append("    subgraph S").Append(section.ToString(CultureInfo.InvariantCulture)).Append('[').Append(Quoted(group.Plural)).Append("]\n");
            section++;
            foreach (var fact in facts)
            {
                var id = "F" + nodeIds.Count.ToString(CultureInfo.InvariantCulture);
                nodeIds[fact] = id;
                text.Append("        ").Append(id).Append('[').Append(Quoted(fact.Label)).Append("]\n");
            }

            text.Append("    end\n");
        }

        foreach (var edge in edges.Where(e => nodeIds.ContainsKey(e.From) && nodeIds.ContainsKey(e.To)))
        {
            text.Append("    ").Append(nodeIds[edge.From]).Append(" -->|").Append(Quoted(edge.Field.Name)).Append("| ").Append(nodeIds[edge.To]).Append('\n');
        }

        return text.ToString();
    }

    private static string KindGraph(CorpusView view)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder("flowchart LR\n");
        foreach (var kind in view.Kinds)
        {
            var id = "K" + ids.Count.ToString(CultureInfo.InvariantCulture);
            ids[kind.Name] = id;
            var count = view.FactsOf(kind.Name).Count();
            text.Append("    ").Append(id).Append('[').Append(Quoted(kind.Plural + " (" + count.ToString(CultureInfo.InvariantCulture) + ")")).Append("]\n");
        }

        foreach (var kind in view.Kinds)
        {
            // One edge per pair of kinds: the reference fields that link them and their number of references.
            var fields = kind.Fields.Where(f => f.Type.Type == ScalarType.Reference && ids.ContainsKey(f.Type.Target!)).ToList();
            foreach (var target in view.Kinds.Where(t => fields.Any(f => f.Type.Target == t.Name)))
            {
                var names = new List<string>();
                var references = 0;
                foreach (var field in fields.Where(f => f.Type.Target == target.Name))
                {
                    var count = view.FactsOf(kind.Name).Sum(f => view.References(f).Count(r => r.Field == field));
                    if (count > 0)
                    {
                        names.Add(field.Name);
                        references += count;
                    }
                }

                if (references > 0)
                {
                    text.Append("    ").Append(ids[kind.Name]).Append(" -->|").Append(Quoted((names.Count <= 3 ? string.Join(", ", names) : string.Join(", ", names.Take(2)) + " and " + (names.Count - 2).ToString(CultureInfo.InvariantCulture) + " more") + " (" + references.ToString(CultureInfo.InvariantCulture) + ")")).Append("| ").Append(ids[target.Name]).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    private static FactView FindFact(CorpusView view, string around)
    {
        var colon = around.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && view.Find(around[..colon], around[(colon + 1)..]) is { } exact)
        {
            return exact;
        }

        var matches = view.Facts.Where(f => f.Id == around).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ToolException(ToolApp.BadUsage, $"There is no fact '{around}' (give a fact id, or Kind:id)."),
            _ => throw new ToolException(ToolApp.BadUsage, $"'{around}' is the id of facts of {string.Join(", ", matches.Select(m => m.Kind.Name))}: give Kind:id."),
        };
    }

    private static Dictionary<string, string> KindIds(IReadOnlyList<KindShape> kinds)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var k = 0; k < kinds.Count; k++)
        {
            var id = Identifier(kinds[k].Name, "K" + k.ToString(CultureInfo.InvariantCulture));
            for (var n = 1; !used.Add(id); n++)
            {
                id = "K" + k.ToString(CultureInfo.InvariantCulture) + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            ids[kinds[k].Name] = id;
        }

        return ids;
    }
}
