using System.Globalization;

namespace DomainModel.Generators.Text;

/// <summary>
/// Which characters text may show as themselves, and how the others are written: what C# literals, XML
/// doc comments (the emit stage) and diagnostic messages (shown to the user) all need, so that no
/// control, format, bidirectional, separator, unassigned, private-use or lone-surrogate character can hide
/// or reorder text.
/// </summary>
internal static class VisibleText
{
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
