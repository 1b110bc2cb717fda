using System;
using System.Buffers;

namespace DomainModel.Generators.Text;

/// <summary>
/// A growable character buffer: what a StringBuilder does, plus reading back what was written (a span)
/// and appending a span, which netstandard2.0's StringBuilder cannot. The emit stage writes a chunk's
/// rows and named properties straight into one (reused scratch text aside), so rendering a fact makes
/// no strings of its own.
/// </summary>
internal sealed class TextBuffer
{
    private readonly bool _pooled;
    private char[] _chars;
    private int _length;

    /// <summary>
    /// A buffer of at least <paramref name="capacity"/> characters. A <paramref name="pooled"/> one rents
    /// its arrays from the shared pool (a large generated file is built without a new large array each
    /// time): call <see cref="Release"/> when done.
    /// </summary>
    public TextBuffer(int capacity = 256, bool pooled = false)
    {
        _pooled = pooled;
        _chars = pooled ? ArrayPool<char>.Shared.Rent(Math.Max(16, capacity)) : new char[Math.Max(16, capacity)];
    }

    public int Length => _length;

    /// <summary>What was written so far (valid until the next append).</summary>
    public ReadOnlySpan<char> Written => new(_chars, 0, _length);

    public TextBuffer Clear()
    {
        _length = 0;
        return this;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public TextBuffer Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
        return this;
    }

    [System.Runtime.CompilerServices.MethodImpl(Jit.HotLoop)]
    public TextBuffer Append(char c, int count)
    {
        Reserve(count);
        for (var i = 0; i < count; i++)
        {
            _chars[_length++] = c;
        }

        return this;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public TextBuffer Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(0, _chars, _length, text.Length);
        _length += text.Length;
        return this;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public TextBuffer Append(string text, int start, int count)
    {
        Reserve(count);
        text.CopyTo(start, _chars, _length, count);
        _length += count;
        return this;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public TextBuffer Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(new Span<char>(_chars, _length, text.Length));
        _length += text.Length;
        return this;
    }

    /// <summary>A non-negative number in invariant digits, without allocating.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.HotLoop)]
    public TextBuffer Append(int value)
    {
        if (value < 0)
        {
            return Append(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var digits = 1;
        for (var v = value; v >= 10; v /= 10)
        {
            digits++;
        }

        Reserve(digits);
        for (var i = _length + digits - 1; i >= _length; i--)
        {
            _chars[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        _length += digits;
        return this;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public override string ToString() => new(_chars, 0, _length);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private void Reserve(int count)
    {
        if (_length + count > _chars.Length)
        {
            Grow(count);
        }
    }

    /// <summary>Gives a pooled buffer's array back to the pool; the buffer is empty afterwards.</summary>
    public void Release()
    {
        if (_pooled && _chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        _chars = Array.Empty<char>();
        _length = 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private void Grow(int count)
    {
        var size = Math.Max(Math.Max(16, _chars.Length * 2), _length + count);
        var next = _pooled ? ArrayPool<char>.Shared.Rent(size) : new char[size];
        Array.Copy(_chars, next, _length);
        if (_pooled && _chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        _chars = next;
    }
}
