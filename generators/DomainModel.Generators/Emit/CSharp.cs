using System.Globalization;
using System.Text;

namespace DomainModel.Generators.Emit;

/// <summary>
/// Turns arbitrary text into C# string literals and XML doc text that show exactly what they hold:
/// no character can end a comment or literal early, start a directive, or hide text
/// (control, format and bidirectional characters, line separators and lone surrogates are escaped).
/// </summary>
internal static class CSharp
{
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    continue;
                case '\\':
                    builder.Append("\\\\");
                    continue;
                case '\n':
                    builder.Append("\\n");
                    continue;
                case '\r':
                    builder.Append("\\r");
                    continue;
                case '\t':
                    builder.Append("\\t");
                    continue;
                case '\0':
                    builder.Append("\\0");
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (IsVisible(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Escapes text for an XML doc comment. Line breaks of any kind become '\n' (the writer starts a
    /// new '///' line); invisible characters become character references or U+FFFD.
    /// </summary>
    public static string Xml(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    continue;
                case '<':
                    builder.Append("&lt;");
                    continue;
                case '>':
                    builder.Append("&gt;");
                    continue;
                case '\r':
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    builder.Append('\n');
                    continue;
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    builder.Append('\n');
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (IsVisible(c))
            {
                builder.Append(c);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
            {
                builder.Append("&#xFFFD;"); // not allowed in XML at all
            }
            else
            {
                builder.Append("&#x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return builder.ToString();
    }

    /// <summary>Printable and unambiguous: shown as itself in source.</summary>
    private static bool IsVisible(char c)
    {
        if (c >= ' ' && c <= '~')
        {
            return true;
        }

        if (c < 0x80)
        {
            return false;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.SpaceSeparator:
                return false;
            default:
                return true;
        }
    }
}
