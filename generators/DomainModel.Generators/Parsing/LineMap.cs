using System;
using System.Collections.Generic;

namespace DomainModel.Generators.Parsing;

/// <summary>
/// Line and column of a character index, from the text itself. YamlDotNet's marks carry a line and a
/// column that are sometimes wrong (past the end of a line or of the file after a broken escape or a
/// final key without a line break, one line early after an escape it misreads); their index is right.
/// Lines end at LF, CR LF, CR, U+0085, U+2028 and U+2029, as YamlDotNet and the compiler count them.
/// </summary>
internal sealed class LineMap
{
    private readonly string _text;

    /// <summary>The index each line starts at, in order; the first is 0.</summary>
    private readonly List<int> _starts = new() { 0 };

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public LineMap(string text)
    {
        _text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                _starts.Add(i + 1);
            }
        }
    }

    /// <summary>The position of <paramref name="index"/>, clamped to the text (0 to its length).</summary>
    public TextPos At(long index)
    {
        var at = (int)Math.Min(Math.Max(0, index), _text.Length);
        var line = _starts.BinarySearch(at);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new TextPos(at, line + 1, at - _starts[line] + 1);
    }
}
