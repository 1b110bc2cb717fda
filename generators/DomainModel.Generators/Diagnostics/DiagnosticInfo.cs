using System;
using DomainModel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DomainModel.Generators.Diagnostics;

/// <summary>A diagnostic as data: descriptor id, where, and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
    : IComparable<DiagnosticInfo>
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments) =>
        new(descriptor.Id, location, new EquatableArray<string>(arguments));

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
