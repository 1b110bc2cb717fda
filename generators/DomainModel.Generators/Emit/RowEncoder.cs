using System.Text;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Emit;

/// <summary>
/// Encodes a fact as one compact string (a "row") that the generated FactRow decodes lazily at run
/// time. A row is cheap to compile (one literal per fact, no per-value IL) and costs nothing until
/// the fact is first read. Tokens: id, one per field, evidence, note; separated by U+001F. List items
/// are separated by U+001E, an evidence item's document and quote by U+001D; U+0018 alone is null;
/// U+001B escapes any of these inside values.
/// </summary>
internal static class RowEncoder
{
    public const char FieldSeparator = '\u001F';
    public const char ItemSeparator = '\u001E';
    public const char PartSeparator = '\u001D';
    public const char Null = '\u0018';
    public const char Escape = '\u001B';

    /// <summary>Encodes a fact of <paramref name="kind"/>. A list is written as its items, each preceded by U+001E.</summary>
    public static string Encode(KindModel kind, FactModel fact)
    {
        var builder = new StringBuilder(64);
        Append(builder, fact.Id);
        for (var f = 0; f < kind.Fields.Count; f++)
        {
            var value = fact.Values[f];
            builder.Append(FieldSeparator);
            if (kind.Fields[f].Type.IsList)
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
        foreach (var evidence in fact.Evidence)
        {
            builder.Append(ItemSeparator);
            builder.Append(evidence.Contradicts ? '-' : '+');
            Append(builder, evidence.Document);
            builder.Append(PartSeparator);
            Append(builder, evidence.Quote);
        }

        builder.Append(FieldSeparator);
        if (fact.Note is null)
        {
            builder.Append(Null);
        }
        else
        {
            Append(builder, fact.Note);
        }

        return builder.ToString();
    }

    /// <summary>Bytes this fact adds to the assembly's user-string heap (UTF-16 row and id, plus overhead).</summary>
    public static long EstimateUserStringBytes(FactModel fact)
    {
        long chars = fact.Id.Length * 2L + 8;
        foreach (var value in fact.Values)
        {
            foreach (var item in value.Items)
            {
                chars += item.Length + 1;
            }

            chars++;
        }

        foreach (var evidence in fact.Evidence)
        {
            chars += evidence.Document.Length + evidence.Quote.Length + 2;
        }

        chars += fact.Note?.Length ?? 1;
        return (chars * 2) + 5;
    }

    private static void Append(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c is FieldSeparator or ItemSeparator or PartSeparator or Null or Escape)
            {
                builder.Append(Escape);
            }

            builder.Append(c);
        }
    }
}
