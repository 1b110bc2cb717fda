using System;
using DomainModel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DomainModel.Generators.Diagnostics;

/// <summary>A diagnostic as data: descriptor id, where, and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
    : IComparable<DiagnosticInfo>
{
    /// <summary>Longest message argument kept; longer ones (echoed input) are cut with an ellipsis.</summary>
    public const int MaxArgumentLength = 500;

    /// <summary>
    /// Creates a diagnostic. Arguments echo input, so they are made safe to print: control, format
    /// (bidirectional) and line-separator characters are shown as \uXXXX, and very long values are cut.
    /// </summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        var safe = new string[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            safe[i] = Printable(arguments[i] ?? string.Empty);
        }

        return new(descriptor.Id, location, new EquatableArray<string>(safe));
    }

    public bool IsError => DiagnosticDescriptors.ById(Id).DefaultSeverity == DiagnosticSeverity.Error;

    internal static string Printable(string value)
    {
        var cut = value.Length > MaxArgumentLength;
        var length = cut ? MaxArgumentLength : value.Length;
        System.Text.StringBuilder? builder = null;
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            var visible = Text.VisibleText.IsVisible(value, i, out var width);
            if (visible && builder is null)
            {
                i += width - 1;
                continue;
            }

            builder ??= new System.Text.StringBuilder(value, 0, i, length + 16);
            if (visible)
            {
                builder.Append(value, i, width);
                i += width - 1;
            }
            else
            {
                builder.Append(Text.VisibleText.Escape(value, i, width));
                i += width - 1;
            }
        }

        if (!cut)
        {
            return builder?.ToString() ?? value;
        }

        builder ??= new System.Text.StringBuilder(value, 0, length, length + 16);
        return builder.Append("\u2026 (").Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" characters)").ToString();
    }

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.ById(Id), Location.ToLocation(), Arguments.AsSpan().ToArray());

    /// <summary>The formatted message, as the compiler will print it.</summary>
    public string Message =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.ById(Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Arguments.AsSpan().ToArray());

    /// <summary>Ordinal order by file, position, then id: diagnostics are reported deterministically.</summary>
    public int CompareTo(DiagnosticInfo? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(Location.Path, other.Location.Path);
        if (c != 0)
        {
            return c;
        }

        c = Location.Start.CompareTo(other.Location.Start);
        return c != 0 ? c : string.CompareOrdinal(Id, other.Id);
    }

    public override string ToString() => $"{Location.Path}({Location.Display}): {Id}: {Message}";
}
