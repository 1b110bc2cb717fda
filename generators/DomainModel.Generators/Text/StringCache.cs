namespace DomainModel.Generators.Text;

/// <summary>
/// Short strings read again and again (a reference, a date, a currency code in every fact) kept once: a fixed
/// number of hash slots, each holding the last string read into it. A string read again while its slot still
/// holds it is not allocated again, so the parsed model holds one copy. Only where a string comes from
/// changes, never its text; a string longer than <see cref="MaxLength"/> is always new.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Longest string kept.</summary>
    public const int MaxLength = 32;

    private const int Size = 1024;

    private readonly string?[] _slots = new string?[Size];

    /// <summary><paramref name="text"/>[<paramref name="start"/>..+<paramref name="length"/>), as a string kept from before when there is one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.HotLoop)]
    public string Get(string text, int start, int length)
    {
        if (length > MaxLength)
        {
            return text.Substring(start, length);
        }

        var slot = (int)(Hash(text, start, length) & (Size - 1));
        var cached = _slots[slot];
        if (cached is not null && cached.Length == length && string.CompareOrdinal(cached, 0, text, start, length) == 0)
        {
            return cached;
        }

        return _slots[slot] = text.Substring(start, length);
    }

    /// <summary>A hash of the characters (djb2), the same on every run and platform.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Jit.HotLoop)]
    public static uint Hash(string text, int start, int length)
    {
        var hash = 5381u;
        for (var k = start; k < start + length; k++)
        {
            hash = unchecked((hash * 33u) ^ text[k]);
        }

        return hash;
    }
}
