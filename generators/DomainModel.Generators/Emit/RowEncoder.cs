using System.Collections.Generic;
using System.Text;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Emit;

/// <summary>
/// Encodes a fact as one compact string (a "row") that the generated FactRow decodes lazily at run
/// time. A row is cheap to compile (one literal per fact, no per-value IL) and costs nothing until
/// the fact is first read. Tokens: id, one per field, evidence, note; separated by '|'. List items
/// are separated by '^', an evidence item's document and quote by '~'; '}' alone is null; '`' escapes
/// any of these inside values. The markers are printable ASCII, rare in prose, so a row literal needs
/// no \u escapes (six characters each) and stays short and readable in the generated source.
/// </summary>
internal static class RowEncoder
{
    public const char FieldSeparator = '|';
    public const char ItemSeparator = '^';
    public const char PartSeparator = '~';
    public const char Null = '}';
    public const char Escape = '`';

    /// <summary>Encodes a fact. A list is written as its items, each preceded by '^'.</summary>
    public static string Encode(EquatableArray<FieldModel> fields, string id, FieldValue[] values, List<EvidenceItem> evidence, string? note)
    {
        var builder = new StringBuilder(64 + (id.Length * 2));
        Append(builder, id);
        for (var f = 0; f < fields.Count; f++)
        {
            var value = values[f];
            builder.Append(FieldSeparator);
            if (fields[f].Type.IsList)
            {
                foreach (var item in value.Items)
                {
                    builder.Append(ItemSeparator);
                    Append(builder, item);
                }
            }
            else if (value.IsNull)
            {
                builder.Append(Null);
            }
            else
            {
                Append(builder, value.Items[0]);
            }
        }

        builder.Append(FieldSeparator);
        foreach (var item in evidence)
        {
            builder.Append(ItemSeparator);
            builder.Append(item.Contradicts ? '-' : '+');
            Append(builder, item.Document);
            builder.Append(PartSeparator);
            Append(builder, item.Quote);
        }

        builder.Append(FieldSeparator);
        if (note is null)
        {
            builder.Append(Null);
        }
        else
        {
            Append(builder, note);
        }

        return builder.ToString();
    }

    /// <summary>Bytes a fact adds to the assembly's user-string heap when its row is a string literal (UTF-16 row and id, plus overhead).</summary>
    public static int EstimateUserStringBytes(string id, string row) => ((row.Length + id.Length + 5) * 2) + 5;

    /// <summary>True when the text has no lone surrogate, so that it can be a UTF-8 literal.</summary>
    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c is FieldSeparator or ItemSeparator or PartSeparator or Null or Escape)
            {
                builder.Append(Escape);
            }
            else if (c == '\n')
            {
                // Rows are lines of one literal per chunk: a line feed in a value is written '`n'.
                builder.Append(Escape).Append('n');
                continue;
            }

            builder.Append(c);
        }
    }
}

/// <summary>One evidence item of a fact as it is encoded.</summary>
internal readonly struct EvidenceItem
{
    public EvidenceItem(string document, string quote, bool contradicts)
    {
        Document = document;
        Quote = quote;
        Contradicts = contradicts;
    }

    public string Document { get; }

    public string Quote { get; }

    public bool Contradicts { get; }
}
