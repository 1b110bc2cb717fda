using System;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Emit;

/// <summary>A text buffer with an indent level. Lines always end in '\n', whatever the OS.</summary>
internal sealed class SourceWriter
{
    private readonly TextBuffer _buffer;
    private int _indent;

    public SourceWriter(int capacity = 4096, bool pooled = false) => _buffer = new TextBuffer(capacity, pooled);

    /// <summary>The text written so far, to append to directly (for example a row, see RowEncoder).</summary>
    public TextBuffer Buffer => _buffer;

    public SourceWriter Line(string text = "") => Line(text.AsSpan());

    public SourceWriter Line(ReadOnlySpan<char> text)
    {
        if (text.Length > 0)
        {
            _buffer.Append(' ', _indent * 4);
            _buffer.Append(text);
        }

        _buffer.Append('\n');
        return this;
    }

    /// <summary>Appends text as is (no indent, no line end).</summary>
    public SourceWriter Raw(string text)
    {
        _buffer.Append(text);
        return this;
    }

    /// <summary>Appends text as is (no indent, no line end).</summary>
    public SourceWriter Raw(ReadOnlySpan<char> text)
    {
        _buffer.Append(text);
        return this;
    }

    /// <summary>Appends a non-negative number in invariant digits (no indent, no line end).</summary>
    public SourceWriter Raw(int value)
    {
        _buffer.Append(value);
        return this;
    }

    /// <summary>Starts a line: the indent only (then <see cref="Raw(string)"/> and <see cref="Line(string)"/>).</summary>
    public SourceWriter Start()
    {
        _buffer.Append(' ', _indent * 4);
        return this;
    }

    public SourceWriter Indent(int levels)
    {
        _indent += levels;
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        return Open();
    }

    /// <summary>Opens a block whose header was written already (for example across #if branches).</summary>
    public SourceWriter Open()
    {
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>A preprocessor directive: always at the start of the line, the indent level unchanged.</summary>
    public SourceWriter Directive(string text)
    {
        _buffer.Append(text).Append('\n');
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc comment element, one '///' line per line of (already escaped) text.</summary>
    public SourceWriter Doc(string element, string escapedText) => Doc(element, escapedText.AsSpan());

    /// <summary>Writes an XML doc comment element, one '///' line per line of (already escaped) text.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public SourceWriter Doc(string element, ReadOnlySpan<char> escapedText)
    {
        var end = escapedText.IndexOf('\n');
        if (end < 0)
        {
            Start();
            _buffer.Append("/// <").Append(element).Append('>').Append(escapedText).Append("</").Append(element).Append(">\n");
            return this;
        }

        Start();
        _buffer.Append("/// <").Append(element).Append(">\n");
        while (true)
        {
            var line = end < 0 ? escapedText : escapedText.Slice(0, end);
            Start();
            if (line.Length == 0)
            {
                _buffer.Append("/// <para/>\n");
            }
            else
            {
                _buffer.Append("/// ").Append(line).Append('\n');
            }

            if (end < 0)
            {
                break;
            }

            escapedText = escapedText.Slice(end + 1);
            end = escapedText.IndexOf('\n');
        }

        Start();
        _buffer.Append("/// </").Append(element).Append(">\n");
        return this;
    }

    public override string ToString() => _buffer.ToString();

    /// <summary>The text, and a pooled writer's buffer given back (the writer is empty afterwards).</summary>
    public string ToStringAndRelease()
    {
        var text = _buffer.ToString();
        _buffer.Release();
        return text;
    }
}
