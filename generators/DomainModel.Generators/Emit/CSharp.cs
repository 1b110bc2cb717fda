using System.Globalization;
using DomainModel.Generators.Text;

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
        var buffer = new TextBuffer(value.Length + 2);
        AppendLiteralBody(buffer.Append('"'), value);
        return buffer.Append('"').ToString();
    }

    /// <summary>Appends the value as the body of a C# string literal (what <see cref="Literal"/> holds between its quotes).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static void AppendLiteralBody(TextBuffer buffer, string value)
    {
        for (var i = 0; i < value.Length;)
        {
            // Runs of printable ASCII that need no escape are copied at once.
            var run = i;
            while (run < value.Length && value[run] is >= ' ' and <= '~' and not ('"' or '\\'))
            {
                run++;
            }

            if (run > i)
            {
                buffer.Append(value, i, run - i);
                i = run;
                continue;
            }

            i += AppendLiteralChar(buffer, value, i);
        }
    }

    /// <summary>
    /// Appends the character at <paramref name="index"/> as a C# string literal shows it (with its low
    /// surrogate, if it starts a valid pair); returns how many characters of the value that took (1 or 2).
    /// </summary>
    public static int AppendLiteralChar(TextBuffer buffer, string value, int index)
    {
        var c = value[index];
        if (c >= ' ' && c <= '~' && c != '"' && c != '\\')
        {
            buffer.Append(c);
            return 1;
        }

        switch (c)
        {
            case '"':
                buffer.Append('\\').Append('"');
                return 1;
            case '\\':
                buffer.Append('\\').Append('\\');
                return 1;
            case '\n':
                buffer.Append('\\').Append('n');
                return 1;
            case '\r':
                buffer.Append('\\').Append('r');
                return 1;
            case '\t':
                buffer.Append('\\').Append('t');
                return 1;
            case '\0':
                buffer.Append('\\').Append('0');
                return 1;
        }

        if (VisibleText.IsVisible(value, index, out var width))
        {
            buffer.Append(value, index, width);
        }
        else
        {
            buffer.Append(VisibleText.Escape(value, index, width));
        }

        return width;
    }

    /// <summary>
    /// Escapes text for an XML doc comment. Line breaks of any kind become '\n' (the writer starts a
    /// new '///' line); invisible characters become character references or U+FFFD.
    /// </summary>
    public static string Xml(string value)
    {
        var buffer = new TextBuffer(value.Length);
        AppendXml(buffer, value, '\n');
        return buffer.ToString();
    }

    /// <summary>Appends <see cref="Xml(string)"/> of the value, with every line break written as <paramref name="lineBreak"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static void AppendXml(TextBuffer builder, string value, char lineBreak)
    {
        for (var i = 0; i < value.Length; i++)
        {
            // Runs of printable ASCII that need no escape are copied at once.
            var run = i;
            while (run < value.Length && value[run] is >= ' ' and <= '~' and not ('&' or '<' or '>'))
            {
                run++;
            }

            if (run > i)
            {
                builder.Append(value, i, run - i);
                i = run - 1;
                continue;
            }

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

                    builder.Append(lineBreak);
                    continue;
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    builder.Append(lineBreak);
                    continue;
            }

            if (VisibleText.IsVisible(value, i, out var width))
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
    }
}
