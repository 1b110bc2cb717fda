using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DomainModel.Generators.Model;

/// <summary>
/// A position in an input file, kept as plain data (never a Roslyn <see cref="Location"/>),
/// so that models stay equatable and hold no compilation state. Lines and columns are zero-based.
/// </summary>
internal readonly record struct LocationInfo(string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    /// <summary>No place in a file (MSBuild options, internal errors outside any file): reported without a location.</summary>
    public static readonly LocationInfo None = new(string.Empty, 0, 0, 0, 0, 0, 0);

    /// <summary>The Roslyn location; never throws, whatever the numbers (an inverted span becomes empty).</summary>
    public Location ToLocation()
    {
        if (string.IsNullOrEmpty(Path))
        {
            return Location.None;
        }

        var start = new LinePosition(Math.Max(0, Line), Math.Max(0, Column));
        var end = new LinePosition(Math.Max(0, EndLine), Math.Max(0, EndColumn));
        if (end < start)
        {
            end = start;
        }

        return Location.Create(Path, new TextSpan(Math.Max(0, Start), Math.Max(0, Length)), new LinePositionSpan(start, end));
    }

    /// <summary>This location cut to its first line: a diagnostic about a node is reported on its first line rather than across all of it.</summary>
    public LocationInfo Head() =>
        EndLine == Line ? this : this with { Length = 0, EndLine = Line, EndColumn = Column };

    /// <summary>One-based "line:column" as editors display it.</summary>
    public string Display => $"{Line + 1}:{Column + 1}";
}
