// Compiled into both DomainModel.Runtime and DomainModel.Generators (a linked file): how the generated
// catalogs hand their rows to the runtime's FactTable, defined here once.
namespace DomainModel.Internal;

/// <summary>
/// The form of each literal of rows a catalog passes to FactTable (one character per literal, in the
/// literals' order; the last character also stands for every literal after it), and the lookup policy
/// both sides describe.
/// </summary>
internal static class TableFormat
{
    /// <summary>A UTF-8 literal (<c>"..."u8</c>), its rows ended by line feeds.</summary>
    public const char Utf8 = 'u';

    /// <summary>A string literal, its rows ended by line feeds.</summary>
    public const char String = 's';

    /// <summary>A packed string literal: UTF-8 bytes two per character after a header of row offsets (see FactRow.PackedRow).</summary>
    public const char Packed = 'p';

    /// <summary>
    /// A packed string literal whose characters are offset by <see cref="PackedBias"/>: every pair of printable
    /// ASCII bytes then lands in U+3400–U+9FFF (CJK ideographs), which the literal shows as they are instead of as
    /// six-character escapes. What the generator writes; <see cref="Packed"/> is still read.
    /// </summary>
    public const char PackedBiased = 'q';

    /// <summary>Added to each character of a <see cref="PackedBiased"/> literal (mod 2^16): U+2020 (two spaces) becomes U+3400.</summary>
    public const int PackedBias = 0x13E0;

    /// <summary>How many lookups by id search the rows (O(log n), nothing built) before the id index is built (O(1) from then on).</summary>
    public const int SearchesBeforeIndex = 64;
}
