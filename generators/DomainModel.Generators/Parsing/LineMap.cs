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

    /// <summary>The one-based number of the line that starts at the first index in <see cref="_starts"/>.</summary>
    private readonly int _firstLine = 1;

    /// <summary>A map of the text from <paramref name="start"/> (a line start), whose line is number <paramref name="line"/>: earlier indexes are not mapped.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public LineMap(string text, int start = 0, int line = 1)
    {
        _text = text;
        _starts[0] = start;
        _firstLine = line;
        for (var i = start; i < text.Length; i++)
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

    /// <summary>The position of <paramref name="index"/>, clamped to the mapped text (its start to its length).</summary>
    public TextPos At(long index)
    {
        var at = (int)Math.Min(Math.Max(_starts[0], index), _text.Length);
        var line = _starts.BinarySearch(at);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new TextPos(at, line + _firstLine, at - _starts[line] + 1);
    }
}
