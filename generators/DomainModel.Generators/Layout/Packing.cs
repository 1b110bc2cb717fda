using System.Collections.Generic;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Layout;

/// <summary>
/// Which UTF-8 chunks are packed: their bytes kept in a string literal, two per character (see
/// Emit.PackedRows for the format). The compiler lowers a UTF-8 literal (<c>"..."u8</c>) to one bound node
/// per byte, while a string literal of any length is one token; but string literals live on the
/// assembly's 16 MB user-string heap. So rows are packed while they fit in <see cref="BudgetBytes"/>
/// (with the rows that must be strings anyway), and the rest stay UTF-8 literals.
/// </summary>
internal static class Packing
{
    /// <summary>Without DomainModelPackRows, rows are packed only when all UTF-8 rows together exceed this (1 MiB): small catalogs keep readable rows.</summary>
    public const long AutoAboveBytes = 1L << 20;

    /// <summary>The user-string heap bytes that packed rows may take, together with the rows that must be strings (10 MiB of 16).</summary>
    public const long BudgetBytes = 10L << 20;

    /// <summary>What a chunk's rows take on the user-string heap when packed: per literal of <see cref="Chunking.RowsPerLiteral"/> rows, the offsets, the rows and their line feeds, rounded up to whole characters, plus the string's header.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static long UserStringBytes(EquatableArray<EmittedFact> facts)
    {
        long total = 0;
        for (var start = 0; start < facts.Count; start += Chunking.RowsPerLiteral)
        {
            var end = System.Math.Min(start + Chunking.RowsPerLiteral, facts.Count);
            long bytes = 4L * (end - start + 1);
            for (var i = start; i < end; i++)
            {
                bytes += facts[i].RowUtf8Length + 1;
            }

            total += ((bytes + 1) / 2 * 2) + 5;
        }

        return total;
    }

    /// <summary>
    /// How many of the UTF-8 chunks, in order, to pack: none when <paramref name="mode"/> is false, or when it
    /// is null (automatic) and all of them hold <see cref="AutoAboveBytes"/> or less; else as many as fit in
    /// <paramref name="budget"/> after the <paramref name="stringBytes"/> that string rows take already.
    /// </summary>
    public static int Choose(IReadOnlyList<long> chunkBytes, bool? mode, long stringBytes, long budget = BudgetBytes)
    {
        if (mode == false || chunkBytes.Count == 0)
        {
            return 0;
        }

        if (mode is null)
        {
            long total = 0;
            foreach (var bytes in chunkBytes)
            {
                total += bytes;
            }

            if (total <= AutoAboveBytes)
            {
                return 0;
            }
        }

        var used = stringBytes;
        var count = 0;
        foreach (var bytes in chunkBytes)
        {
            if (used + bytes > budget)
            {
                break;
            }

            used += bytes;
            count++;
        }

        return count;
    }
}
