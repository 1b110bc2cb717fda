using System.Text;

namespace DomainModel.Generators.Text;

/// <summary>
/// Whitespace-normalized text: how source documents are kept (the parse of a document) and how quotes are
/// compared with them (validation), so that line breaks and indentation never decide whether a quote is found.
/// </summary>
internal static class Whitespace
{
    /// <summary>Collapses every run of whitespace to one space and trims the ends (text that is so already is returned as is).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static string Normalize(string text) => IsNormalized(text) ? text : Collapse(text);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsNormalized(string text)
    {
        var previousSpace = true; // no leading space
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return text.Length == 0 || !previousSpace; // no trailing space
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static string Collapse(string text)
    {
        // Chunks of a few thousand characters, not one array the size of a document (which would be a large-object allocation).
        var builder = new StringBuilder(System.Math.Min(text.Length, 4096));
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
