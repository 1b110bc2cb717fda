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

    public Location ToLocation() =>
        Location.Create(
            Path,
            new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(Line, Column), new LinePosition(EndLine, EndColumn)));

    /// <summary>One-based "line:column" as editors display it.</summary>
    public string Display => $"{Line + 1}:{Column + 1}";
}
