namespace DomainModel.Generators.Layout;

/// <summary>How a kind's rows are cut: chunks (one generated file each) of literals (one constant each).</summary>
internal static class Chunking
{
    /// <summary>Facts per chunk: one generated file with their named properties and rows, re-emitted when one of them changes.</summary>
    public const int RowsPerChunk = 1024;

    /// <summary>
    /// Rows per literal (four per chunk). The first fact read from a literal costs its load: for a string or
    /// packed literal, the runtime copies and hashes the whole string (about 0.5 ms for the 87,000
    /// characters of 1,024 rows in a fresh process); UTF-8 literals have their line ends found once per
    /// literal. Smaller literals, not smaller chunks: four times as many files made the compile at 100k
    /// facts a second slower.
    /// </summary>
    public const int RowsPerLiteral = 256;

    /// <summary>Bytes of the #US heap an assembly may hold (2^24); CS8103 beyond it.</summary>
    public const long UserStringLimit = 1L << 24;
}
