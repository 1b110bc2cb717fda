namespace DomainModel.Generators.Text;

/// <summary>
/// Short strings read again and again (a reference, a date, a currency code in every fact, the words of
/// quotes) kept once: a fixed number of hash slots, each holding the last string read into it. A string read
/// again while its slot still holds it is not allocated again, so the parsed model holds one copy. Only where
/// a string comes from changes, never its text.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Longest string <see cref="Get"/> keeps; a longer one is always new.</summary>
    public const int MaxLength = 32;

    private readonly string?[] _slots;
    private readonly int _mask;

    /// <param name="size">The number of slots: a power of two.</param>
    public StringCache(int size = 1024)
    {
        _slots = new string?[size];
        _mask = size - 1;
    }

    /// <summary>The string a slot holds (one <see cref="Slot"/> returned).</summary>
    public string this[int slot] => _slots[slot]!;

    /// <summary><paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>), as a string kept from before when there is one.</summary>
    public string Get(string text, int start, int length) =>
        length > MaxLength ? text.Substring(start, length) : _slots[Slot(text, start, length, out _)]!;

    /// <summary>
    /// The slot that now holds <paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>), of
    /// any length; <paramref name="isNew"/> when the string was read into it just now (the slot held another or none).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.HotLoop)]
    public int Slot(string text, int start, int length, out bool isNew)
    {
        var hash = 5381u; // djb2: the same on every run and platform
        for (var k = start; k < start + length; k++)
        {
            hash = unchecked((hash * 33u) ^ text[k]);
        }

        var slot = (int)(hash & (uint)_mask);
        var cached = _slots[slot];
        isNew = cached is null || cached.Length != length || string.CompareOrdinal(cached, 0, text, start, length) != 0;
        if (isNew)
        {
            _slots[slot] = text.Substring(start, length);
        }

        return slot;
    }
}
