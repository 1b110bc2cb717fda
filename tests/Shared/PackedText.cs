namespace DomainModel.Testing;

/// <summary>Packed rows as the compiler reads them back from a packed literal: bytes two per character, low byte first (see the generator's PackedRows).</summary>
public static class PackedText
{
    /// <summary>The string whose characters hold <paramref name="bytes"/>, an odd last byte padded with 0.</summary>
    public static string Pack(byte[] bytes, int bias = 0)
    {
        var chars = new char[(bytes.Length + 1) / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i / 2] |= (char)(bytes[i] << (8 * (i % 2)));
        }

        // Each character plus the bias, mod 2^16 (TableFormat.PackedBias in a biased literal).
        for (var c = 0; c < chars.Length; c++)
        {
            chars[c] = (char)((chars[c] + bias) & 0xFFFF);
        }

        return new string(chars);
    }
}
