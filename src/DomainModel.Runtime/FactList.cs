using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;

namespace DomainModel;

/// <summary>A list that may be the source's examples ("firms like Gazprom and Rosneft") rather than a complete list.</summary>
internal interface IExampleList
{
    bool IsExamples { get; }
}

/// <summary>
/// A read-only list of facts, materialized one by one on first access.
/// Enumerating it with <c>foreach</c> allocates nothing.
/// </summary>
/// <typeparam name="T">The kind of fact.</typeparam>
public sealed class FactList<T> : IReadOnlyList<T>, IExampleList
    where T : class, IFact
{
    private readonly int[]? _indices;
    private readonly int _count;
    private readonly Func<int, T> _at;

    /// <summary>The facts 0 to <paramref name="count"/> - 1 of a catalog. For generated code; not meant to be called by users.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public FactList(int count, Func<int, T> at)
    {
        _count = count;
        _at = at;
    }

    /// <summary>
    /// The facts at these indexes of a catalog; a final -1 (see <see cref="FactRow.RefList"/>) marks the list as
    /// the source's examples. For generated code; not meant to be called by users.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public FactList(int[] indices, Func<int, T> at)
    {
        _indices = indices;
        IsExamples = indices.Length > 0 && indices[indices.Length - 1] < 0;
        _count = IsExamples ? indices.Length - 1 : indices.Length;
        _at = at;
    }

    /// <summary>The number of facts.</summary>
    public int Count => _count;

    /// <summary>
    /// True when the facts give the list as the source's examples (<c>{ examples: [gazprom, rosneft] }</c>: "Russian
    /// firms like Gazprom and Rosneft"), not as the whole list: other facts may belong in it.
    /// </summary>
    public bool IsExamples { get; }

    /// <summary>The fact at this position.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _at(_indices is null ? index : _indices[index]);
        }
    }

    /// <summary>
    /// The count and the first facts, e.g. <c>3 facts: a, b, c</c> (at most five are shown, then <c>…</c>), or
    /// <c>2 facts (examples): gazprom, rosneft</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder();
        text.Append(_count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(_count == 1 ? " fact" : " facts").Append(IsExamples ? " (examples)" : string.Empty);
        for (var i = 0; i < _count && i < 5; i++)
        {
            text.Append(i == 0 ? ": " : ", ").Append(this[i].Id);
        }

        return _count > 5 ? text.Append(", \u2026").ToString() : text.ToString();
    }

    /// <summary>A struct enumerator: <c>foreach</c> over the list does not allocate.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="FactList{T}"/>.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly FactList<T> _list;
        private int _index;

        internal Enumerator(FactList<T> list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly T Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _list._count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>A read-only list of values. Enumerating it with <c>foreach</c> allocates nothing.</summary>
/// <typeparam name="T">The type of the values.</typeparam>
public sealed class ValueList<T> : IReadOnlyList<T>, IExampleList
{
    internal static readonly ValueList<T> Empty = new(new T[0]);

    private readonly T[] _items;

    internal ValueList(T[] items, bool examples = false)
    {
        _items = items;
        IsExamples = examples;
    }

    /// <summary>The number of values.</summary>
    public int Count => _items.Length;

    /// <summary>True when the facts give the list as the source's examples (<c>{ examples: [a, b] }</c>), not as the whole list.</summary>
    public bool IsExamples { get; }

    /// <summary>The value at this position.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public T this[int index] => (uint)index < (uint)_items.Length ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A struct enumerator: <c>foreach</c> over the list does not allocate.</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="ValueList{T}"/>.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly T Current => _items[_index];

        readonly object? IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _items.Length;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
