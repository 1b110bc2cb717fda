using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DomainModel.Generators.Model;
using DomainModel.Generators.Pipeline;

namespace DomainModel.Tool.Report;

/// <summary>
/// The validated model of a corpus (<see cref="CorpusResult"/>, the generator's own stages) read back for
/// pictures: every accepted fact with its values as text (an enum value by name, a reference by the id it
/// points to), in the catalogs' order (kinds as declared, facts by id).
/// </summary>
internal sealed class CorpusView
{
    private readonly Dictionary<(string Kind, string Id), FactView> _byId = new();

    public CorpusView(CorpusResult result, IReadOnlyDictionary<string, string>? texts = null)
    {
        Result = result;
        Texts = texts ?? new Dictionary<string, string>(StringComparer.Ordinal);
        Kinds = result.Schema.Kinds.ToList();
        var facts = new List<FactView>();
        foreach (var kind in Kinds)
        {
            foreach (var fact in result.Facts(kind.Name))
            {
                var view = new FactView(kind, fact, Label(kind, fact));
                facts.Add(view);
                _byId[(kind.Name, fact.Id)] = view;
            }
        }

        Facts = facts;
    }

    public CorpusResult Result { get; }

    /// <summary>The input files' texts as read, by path: what <c>coverage</c> splits into sentences (with their lines).</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>The kinds, in schema order.</summary>
    public IReadOnlyList<KindShape> Kinds { get; }

    /// <summary>Every accepted fact: kinds in schema order, facts by id (ordinal) within a kind.</summary>
    public IReadOnlyList<FactView> Facts { get; }

    public IEnumerable<FactView> FactsOf(string kind) => Facts.Where(f => f.Kind.Name == kind);

    public FactView? Find(string kind, string id) => _byId.TryGetValue((kind, id), out var fact) ? fact : null;

    /// <summary>The items of a value as text: enum values by name, references by the target's id.</summary>
    public IReadOnlyList<string> Items(FieldModel field, FieldValue value)
    {
        var items = new string[value.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Item(field, value, i);
        }

        return items;
    }

    /// <summary>The facts a fact references, field by field, in field order then list order.</summary>
    public IEnumerable<(FieldModel Field, FactView Target)> References(FactView fact)
    {
        var fields = fact.Kind.Fields;
        for (var f = 0; f < fields.Count && f < fact.Fact.Values.Count; f++)
        {
            var field = fields[f];
            if (field.Type.Type != ScalarType.Reference)
            {
                continue;
            }

            var value = fact.Fact.Values[f];
            for (var i = 0; i < value.Count; i++)
            {
                if (Find(field.Type.Target!, Item(field, value, i)) is { } target)
                {
                    yield return (field, target);
                }
            }
        }
    }

    private string Item(FieldModel field, FieldValue value, int i)
    {
        var text = value[i];
        if (field.Type.Type is not (ScalarType.Enum or ScalarType.Reference)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return text;
        }

        if (field.Type.Type == ScalarType.Enum)
        {
            var values = Result.Schema.Enum(field.Type.Target!)?.Values;
            return values is not null && index < values.Value.Count ? values.Value[index] : text;
        }

        var ids = Result.Index.Kind(field.Type.Target!)?.Ids;
        return ids is not null && index < ids.Value.Count ? ids.Value[index] : text;
    }

    /// <summary>A fact's label: its <c>name</c> or <c>title</c> (a string field), else its id.</summary>
    private static string Label(KindShape kind, EmittedFact fact)
    {
        foreach (var name in new[] { "name", "title" })
        {
            var f = kind.FieldIndex(name);
            if (f >= 0 && f < fact.Values.Count && kind.Fields[f].Type is { Type: ScalarType.String, IsList: false } && !fact.Values[f].IsNull)
            {
                var text = fact.Values[f][0].Trim();
                if (text.Length > 0)
                {
                    return text;
                }
            }
        }

        return fact.Id;
    }
}

/// <summary>One accepted fact, with the label pictures show for it.</summary>
internal sealed record FactView(KindShape Kind, EmittedFact Fact, string Label)
{
    public string Id => Fact.Id;
}

/// <summary>A date value at its precision: a decade (<c>199X</c>), a year, a month or a day.</summary>
internal readonly record struct DateValue(string Text)
{
    public string Precision => Text.Length switch
    {
        4 when Text[3] == 'X' => "decade",
        4 => "year",
        7 => "month",
        _ => "day",
    };

    /// <summary>The date as shown: <c>1990s</c> for a decade, otherwise as written (2025, 2025-10, 2025-10-15).</summary>
    public string Display => Precision == "decade" ? Text.Substring(0, 3) + "0s" : Text;

    /// <summary>A key that orders dates by their start, a coarser date before a finer one that starts with it.</summary>
    public string SortKey => Precision == "decade" ? Text.Substring(0, 3) + "0" : Text;
}
