using System.Text;

namespace DomainModel.Generators.Emit;

/// <summary>A StringBuilder with an indent level. Lines always end in '\n', whatever the OS.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    public SourceWriter(int capacity = 4096) => _builder = new StringBuilder(capacity);

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Appends text as is (no indent, no line end).</summary>
    public SourceWriter Raw(string text)
    {
        _builder.Append(text);
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
        _builder.Append(text).Append('\n');
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes an XML doc comment element, one '///' line per line of (already escaped) text.</summary>
    public SourceWriter Doc(string element, string escapedText)
    {
        var lines = escapedText.Split('\n');
        if (lines.Length == 1)
        {
            return Line($"/// <{element}>{lines[0]}</{element}>");
        }

        Line($"/// <{element}>");
        foreach (var line in lines)
        {
            Line(line.Length == 0 ? "/// <para/>" : "/// " + line);
        }

        return Line($"/// </{element}>");
    }

    public override string ToString() => _builder.ToString();
}
