using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using DomainModel.Internal;

namespace DomainModel;

/// <summary>The rows of one string literal of a catalog (a plain or a packed one), by the literal's number. For generated code.</summary>
/// <param name="literal">The literal's number among its catalog's literals, from 0.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate string StringRows(int literal);

#if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_0_OR_GREATER
/// <summary>The rows of one UTF-8 literal (<c>"..."u8</c>) of a catalog, by the literal's number. For generated code.</summary>
/// <param name="literal">The literal's number among its catalog's literals, from 0.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate ReadOnlySpan<byte> Utf8Rows(int literal);
#endif

/// <summary>
/// The facts of one kind, read from the rows the generator wrote: each fact is decoded the first time it
/// is read and then cached, and looked up by id. Public only because generated code, which lives in the
/// consumer's assembly, holds one per catalog: it is not meant to be used directly, is hidden from
/// IntelliSense, and may change with the generator in any release.
/// </summary>
/// <remarks>
/// <para>
/// Rows are kept in literals of a fixed number of rows (the last one holds the rest), one row per line
/// (see <see cref="RowFormat"/>), ordered by id (ordinal); a row's first token is its id. A literal is a
/// UTF-8 literal, a string, or a packed string (UTF-8 bytes two per character after a header of row
/// offsets); the generator chooses per literal, and says which in the forms string.
/// </para>
/// <para>
/// Lookup by id: the first 64 lookups binary-search the rows' ids (O(log n), nothing built, so a process
/// that looks up a few facts never pays for the index of all of them); the next builds a dictionary of
/// every id once, and from then on a lookup is O(1) and allocates nothing.
/// </para>
/// <para>
/// Thread safety: every member may be called from any thread. What is built lazily (a fact, a literal's
/// row offsets, the id index, <see cref="All"/>) is published with <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>:
/// two threads may both build it, and both then use the one published first, so a fact is one object.
/// </para>
/// </remarks>
/// <typeparam name="T">The kind of fact.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FactTable<T>
    where T : class, IFact
{
    private readonly string _kind;
    private readonly int _count;
    private readonly int _rowsPerLiteral;
    private readonly Func<FactRow, T> _create;
    private readonly string _forms;
    private readonly StringRows? _strings;
#if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_0_OR_GREATER
    private readonly Utf8Rows? _utf8;
#endif
    private readonly T?[] _facts;
    private readonly int[]?[] _offsets;
    private Dictionary<string, int>? _index;
    private int _searches;
    private FactList<T>? _all;

    /// <summary>A table of string (plain or packed) literals. For generated code.</summary>
    /// <param name="kind">The kind's name, for messages.</param>
    /// <param name="count">The number of facts.</param>
    /// <param name="rowsPerLiteral">The number of rows in each literal (the last holds the rest).</param>
    /// <param name="create">Reads a fact from a reader positioned at its row's first token.</param>
    /// <param name="forms">The form of each literal: <c>s</c> (string), <c>q</c> (packed, biased: what the generator writes) or <c>p</c> (packed, unbiased) per literal, the last standing for every literal after it.</param>
    /// <param name="strings">The string literals, by number.</param>
    public FactTable(string kind, int count, int rowsPerLiteral, Func<FactRow, T> create, string forms, StringRows? strings)
    {
        if (count < 0 || rowsPerLiteral <= 0)
        {
            throw new ArgumentOutOfRangeException(count < 0 ? nameof(count) : nameof(rowsPerLiteral));
        }

        _kind = kind ?? throw new ArgumentNullException(nameof(kind));
        _count = count;
        _rowsPerLiteral = rowsPerLiteral;
        _create = create ?? throw new ArgumentNullException(nameof(create));
        _forms = count == 0 ? string.Empty : string.IsNullOrEmpty(forms) ? throw new ArgumentException("Each literal needs a form.", nameof(forms)) : forms;
        _strings = strings;
        _facts = new T?[count];
        _offsets = new int[]?[(count + rowsPerLiteral - 1) / rowsPerLiteral];
    }

#if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_0_OR_GREATER
    /// <summary>A table of UTF-8 literals, and string or packed ones if <paramref name="forms"/> says so. For generated code.</summary>
    /// <param name="kind">The kind's name, for messages.</param>
    /// <param name="count">The number of facts.</param>
    /// <param name="rowsPerLiteral">The number of rows in each literal (the last holds the rest).</param>
    /// <param name="create">Reads a fact from a reader positioned at its row's first token.</param>
    /// <param name="forms">The form of each literal: <c>u</c> (UTF-8), <c>s</c> (string), <c>q</c> (packed, biased: what the generator writes) or <c>p</c> (packed, unbiased) per literal, the last standing for every literal after it.</param>
    /// <param name="strings">The string literals, by number (null when there are none).</param>
    /// <param name="utf8">The UTF-8 literals, by number.</param>
    public FactTable(string kind, int count, int rowsPerLiteral, Func<FactRow, T> create, string forms, StringRows? strings, Utf8Rows? utf8)
        : this(kind, count, rowsPerLiteral, create, forms, strings)
    {
        _utf8 = utf8;
    }
#endif

    /// <summary>The number of facts.</summary>
    public int Count => _count;

    /// <summary>Every fact, in id order (ordinal), each materialized on first access.</summary>
    public FactList<T> All => _all ?? CreateAll();

    /// <summary>The fact at this position in id order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public T At(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return _facts[index] ?? Create(index);
    }

    /// <summary>The fact with this id.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No fact has this id.</exception>
    public T Get(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        var index = IndexOf(id);
        return index >= 0 ? At(index) : throw new KeyNotFoundException("No " + _kind + " has the id '" + id + "'.");
    }

    /// <summary>The fact with this id, or null when there is none (or <paramref name="id"/> is null).</summary>
    public T? Find(string? id)
    {
        var index = id is null ? -1 : IndexOf(id);
        return index >= 0 ? At(index) : null;
    }

    /// <summary>The position of the fact with this id in id order, or -1.</summary>
    public int IndexOf(string id)
    {
        var index = _index;
        if (index is null && _searches < TableFormat.SearchesBeforeIndex && Interlocked.Increment(ref _searches) <= TableFormat.SearchesBeforeIndex)
        {
            return Search(id);
        }

        return (index ?? BuildIndex()).TryGetValue(id, out var at) ? at : -1;
    }

    /// <summary>Whether the id index is built (after the searches; for tests).</summary>
    internal bool IsIndexed => Volatile.Read(ref _index) is not null;

    /// <summary>The text of row <paramref name="index"/>.</summary>
    internal string Row(int index)
    {
        var literal = index / _rowsPerLiteral;
        var row = index - (literal * _rowsPerLiteral);
        switch (Form(literal))
        {
            case TableFormat.Packed or TableFormat.PackedBiased:
                return FactRow.PackedRow(Strings(literal), row, BiasOf(literal));
            case TableFormat.String:
                {
                    var rows = Strings(literal);
                    var offsets = _offsets[literal] ?? StringOffsets(literal, rows);
                    return rows.Substring(offsets[row], offsets[row + 1] - offsets[row] - 1);
                }

            default:
                return Utf8Row(literal, row);
        }
    }

    /// <summary>The id of row <paramref name="index"/>: its first token (a slug, never escaped).</summary>
    internal string IdAt(int index)
    {
        var literal = index / _rowsPerLiteral;
        var row = index - (literal * _rowsPerLiteral);
        switch (Form(literal))
        {
            case TableFormat.Packed or TableFormat.PackedBiased:
                return FactRow.PackedId(Strings(literal), row, BiasOf(literal));
            case TableFormat.String:
                {
                    var rows = Strings(literal);
                    var start = (_offsets[literal] ?? StringOffsets(literal, rows))[row];
                    return rows.Substring(start, rows.IndexOf(RowFormat.FieldSeparator, start) - start);
                }

            default:
                return Utf8Id(literal, row);
        }
    }

    private T Create(int index)
    {
        var fact = _create(new FactRow(Row(index)));
        return Interlocked.CompareExchange(ref _facts[index], fact, null) ?? fact;
    }

    private FactList<T> CreateAll()
    {
        var all = new FactList<T>(_count, At);
        return Interlocked.CompareExchange(ref _all, all, null) ?? all;
    }

    // Binary search of the rows' ids: the rows are ordered by id (ordinal).
    private int Search(string id)
    {
        var low = 0;
        var high = _count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(IdAt(middle), id);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    // One loop per literal, not one call per fact: in a fresh process the loop is what gets optimized (OSR).
    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_count, StringComparer.Ordinal);
        for (var literal = 0; literal < _offsets.Length; literal++)
        {
            var first = literal * _rowsPerLiteral;
            var count = RowsIn(literal);
            switch (Form(literal))
            {
                case TableFormat.Packed or TableFormat.PackedBiased:
                    FactRow.PackedIds(Strings(literal), first, count, index, BiasOf(literal));
                    break;
                case TableFormat.String:
                    {
                        var rows = Strings(literal);
                        for (var start = 0; start < rows.Length; start = rows.IndexOf(RowFormat.RowEnd, start) + 1)
                        {
                            index.Add(rows.Substring(start, rows.IndexOf(RowFormat.FieldSeparator, start) - start), first++);
                        }

                        break;
                    }

                default:
                    Utf8Ids(literal, first, count, index);
                    break;
            }
        }

        return Interlocked.CompareExchange(ref _index, index, null) ?? index;
    }

    private char Form(int literal) => _forms[literal < _forms.Length ? literal : _forms.Length - 1];

    /// <summary>What each character of a packed literal carries: TableFormat.PackedBias in the biased form, else 0.</summary>
    private int BiasOf(int literal) => Form(literal) == TableFormat.PackedBiased ? TableFormat.PackedBias : 0;

    private int RowsIn(int literal) => Math.Min(_rowsPerLiteral, _count - (literal * _rowsPerLiteral));

    private string Strings(int literal) => (_strings ?? throw Missing(literal))(literal);

    private InvalidOperationException Missing(int literal) =>
        new("The " + _kind + " table has no literal " + literal.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of form '" + Form(literal) + "'.");

    // Where each row of a literal starts, and where the last ends (after its line feed).
    private int[] StringOffsets(int literal, string rows)
    {
        var offsets = new int[RowsIn(literal) + 1];
        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] = rows.IndexOf(RowFormat.RowEnd, offsets[i - 1]) + 1;
        }

        return Interlocked.CompareExchange(ref _offsets[literal], offsets, null) ?? offsets;
    }

#if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_0_OR_GREATER
    private ReadOnlySpan<byte> Utf8(int literal) => (_utf8 ?? throw Missing(literal))(literal);

    private string Utf8Row(int literal, int row)
    {
        var rows = Utf8(literal);
        var offsets = _offsets[literal] ?? Utf8Offsets(literal, rows);
        return FactRow.Utf8(rows.Slice(offsets[row], offsets[row + 1] - offsets[row] - 1));
    }

    private string Utf8Id(int literal, int row)
    {
        var rows = Utf8(literal);
        var start = (_offsets[literal] ?? Utf8Offsets(literal, rows))[row];
        var tail = rows.Slice(start);
        return FactRow.Utf8(tail.Slice(0, tail.IndexOf((byte)RowFormat.FieldSeparator)));
    }

    private int[] Utf8Offsets(int literal, ReadOnlySpan<byte> rows)
    {
        var offsets = new int[RowsIn(literal) + 1];
        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] = offsets[i - 1] + rows.Slice(offsets[i - 1]).IndexOf((byte)RowFormat.RowEnd) + 1;
        }

        return Interlocked.CompareExchange(ref _offsets[literal], offsets, null) ?? offsets;
    }

    // Adds the ids of a literal's rows, numbered from first, without the offsets: one pass over its bytes.
    private void Utf8Ids(int literal, int first, int count, Dictionary<string, int> index)
    {
        var rows = Utf8(literal);
        for (var n = count; n > 0; n--)
        {
            var id = rows.Slice(0, rows.IndexOf((byte)RowFormat.FieldSeparator));
            index.Add(FactRow.Utf8(id), first++);
            rows = rows.Slice(id.Length + rows.Slice(id.Length).IndexOf((byte)RowFormat.RowEnd) + 1);
        }
    }
#else
    private string Utf8Row(int literal, int row) => throw Missing(literal);

    private string Utf8Id(int literal, int row) => throw Missing(literal);

    private void Utf8Ids(int literal, int first, int count, Dictionary<string, int> index) => throw Missing(literal);
#endif
}
