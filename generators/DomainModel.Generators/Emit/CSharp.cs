using System.Globalization;
using System.Text;

namespace DomainModel.Generators.Emit;

/// <summary>
/// Turns arbitrary text into C# string literals and XML doc text that show exactly what they hold:
/// no character can end a comment or literal early, start a directive, or hide text
/// (control, format and bidirectional characters, line separators, unassigned and private-use code
/// points, and lone surrogates are escaped; so are invisible astral characters such as tag characters).
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

            if (IsVisible(value, i, out var width))
            {
                builder.Append(value, i, width);
            }
            else
            {
                builder.Append(Escape(value, i, width));
            }

            i += width - 1;
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

            if (IsVisible(value, i, out var width))
            {
                builder.Append(value, i, width);
            }
            else if (char.IsControl(c) || (width == 1 && char.IsSurrogate(c)) || c == '\uFFFE' || c == '\uFFFF')
            {
                builder.Append("&#xFFFD;"); // not allowed in XML at all
            }
            else
            {
                var code = width == 2 ? char.ConvertToUtf32(c, value[i + 1]) : c;
                builder.Append("&#x").Append(code.ToString("X4", CultureInfo.InvariantCulture)).Append(';');
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    /// <summary>A C# escape for the character (or surrogate pair) at <paramref name="index"/>: \uXXXX or \UXXXXXXXX.</summary>
    public static string Escape(string value, int index, int width) => width == 2
        ? "\\U" + char.ConvertToUtf32(value[index], value[index + 1]).ToString("X8", CultureInfo.InvariantCulture)
        : "\\u" + ((int)value[index]).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the character at <paramref name="index"/> (with its low surrogate, if it starts a valid
    /// pair: <paramref name="width"/> is then 2) is printable and unambiguous, so it may be shown as itself.
    /// </summary>
    public static bool IsVisible(string value, int index, out int width)
    {
        var c = value[index];
        width = 1;
        if (c >= ' ' && c <= '~')
        {
            return true;
        }

        if (c < 0x80)
        {
            return false;
        }

        UnicodeCategory category;
        if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            width = 2;
            category = CharUnicodeInfo.GetUnicodeCategory(value, index);
        }
        else
        {
            category = CharUnicodeInfo.GetUnicodeCategory(c);
        }

        switch (category)
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
