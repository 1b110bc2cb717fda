using System;
using System.Threading;

namespace DomainModel.Generators.Parsing;

/// <summary>
/// A fast reader for the YAML that facts and schema files are written in: block mappings with plain keys,
/// block sequences (items may be compact mappings, <c>- id: x</c>), plain scalars and single- and
/// double-quoted scalars on one line or over several (folded as YAML folds them), literal and folded block
/// scalars (clipped or stripped) as mapping values and sequence items, flow sequences and flow mappings of
/// scalars (on one line or over several), comments anywhere, blank lines, an explicit document start (<c>---</c>), LF or CR LF
/// line breaks. It feeds the same <see cref="TreeBuilder"/> as YamlDotNet
/// does, with the same values, styles and positions (a differential test holds it to that).
/// <para>
/// It never reports a problem: on anything outside the subset, and on anything YamlDotNet would reject, it
/// gives up (returns false) and the caller reads the file again with YamlDotNet, which handles all of YAML
/// and gives the diagnostics. Giving up is always safe; reading differently from YamlDotNet is not, so every
/// rule below errs on the side of giving up.
/// </para>
/// </summary>
internal sealed class FastYamlScanner
{
    /// <summary>YamlDotNet rejects simple keys longer than this; leave those to it.</summary>
    private const int MaxKeyLength = 1000;

    private readonly string _text;
    private readonly TreeBuilder _builder;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Keys and one-line plain scalars repeat (references, dates, codes): read into one string each.</summary>
    private readonly Text.StringCache _plain = new();
    private int _depth;

    /// <summary>For each depth of open collections, the last line where YamlDotNet could take over (<see cref="Checkpoint"/>).</summary>
    private readonly ResumePoint[] _resume = new ResumePoint[YamlReader.MaxDepth + 2];

    /// <summary>The current character index.</summary>
    private int _pos;

    /// <summary>The one-based line of <see cref="_pos"/>, and the index its line starts at.</summary>
    private int _line = 1;
    private int _lineStart;

    private FastYamlScanner(string text, TreeBuilder builder, CancellationToken cancellationToken)
    {
        _text = text;
        _builder = builder;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads the whole text into <paramref name="builder"/>; false when the caller must use YamlDotNet instead.</summary>
    public static bool TryRead(string text, TreeBuilder builder, CancellationToken cancellationToken) =>
        TryRead(text, builder, cancellationToken, out _);

    /// <summary>As <see cref="TryRead(string, TreeBuilder, CancellationToken, out int)"/>; <paramref name="resume"/> is where YamlDotNet can take over when it gave up.</summary>
    internal static bool TryRead(string text, TreeBuilder builder, CancellationToken cancellationToken, out int stoppedAt, out ResumePoint resume)
    {
        resume = default;
        stoppedAt = Prescan(text);
        if (stoppedAt >= 0)
        {
            return false;
        }

        var scanner = new FastYamlScanner(text, builder, cancellationToken);
        if (scanner.Document())
        {
            stoppedAt = -1;
            return true;
        }

        stoppedAt = scanner._pos;
        resume = scanner.ResumeAt();
        return false;
    }

    /// <summary>
    /// As above; <paramref name="stoppedAt"/> is the index where it gave up (for tests), -1 when it read the
    /// text. When the pre-scan (<see cref="Prescan"/>) gave up, nothing was read: the builder holds no node.
    /// </summary>
    internal static bool TryRead(string text, TreeBuilder builder, CancellationToken cancellationToken, out int stoppedAt)
    {
        return TryRead(text, builder, cancellationToken, out stoppedAt, out _);
    }

    /// <summary>
    /// Where YamlDotNet can take over from a give-up: the start of the line of the last entry or item begun
    /// in the innermost open block collection that has one (its line's first content), with the builder's
    /// state then; none (depth 0) when a limit stopped the builder or no such line was read.
    /// </summary>
    private ResumePoint ResumeAt()
    {
        if (_builder.Failed || _depth > YamlReader.MaxDepth || _depth != _builder.Depth)
        {
            return default;
        }

        for (var depth = _depth; depth > 0; depth--)
        {
            if (_resume[depth].Depth == depth)
            {
                return _resume[depth];
            }
        }

        return default;
    }

    /// <summary>
    /// At a line's first content that begins an entry or item of the innermost block collection: YamlDotNet could
    /// take over here, unless it is the collection's first (YamlDotNet does not read every first key as it reads
    /// a later one, and the skeleton it would read first always makes it a later one).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private void Checkpoint()
    {
        var children = _builder.Children;
        if (children > 0)
        {
            _resume[_depth] = new ResumePoint(_depth, _lineStart, _line, children, _builder.Nodes, _builder.DiagnosticCount);
        }
    }

    /// <summary>
    /// One pass over the characters, before anything is read: the index of the first thing the fast path
    /// would give up on wherever it stands, or -1. Characters: a tab, a control character other than LF and
    /// CR LF, the other line breaks YAML knows (U+0085, U+2028, U+2029), a BOM or non-character, a lone
    /// surrogate. Where a node starts (<see cref="StartsNode"/>): an anchor, alias or tag; a block scalar
    /// header other than '|', '>', '|-', '>-' alone on its line (keep, indentation indicator, comment); an
    /// explicit key or value ('? ', ': '). A key in quotes in block context; a directive ('%' in column 0);
    /// a document marker ('---', '...') after content or with content after it; in a double-quoted scalar an
    /// escape the fast path does not read; in a flow collection a nested one, an empty entry or a trailing
    /// comma. It tracks quotes and brackets only where they start a node, so a quote or bracket inside other
    /// text can make it give up on a text the fast path reads (never the other way round: whatever it misses,
    /// the fast path still gives up on where it meets it).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    internal static int Prescan(string text)
    {
        // The last character before this one that is not a space ('\n' at a line start).
        var lastNonSpace = '\n';
        var content = false;
        var flow = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
                {
                    lastNonSpace = '\n';
                    continue;
                }

                return i;
            }

            if (c < '\u007F')
            {
                if (quoted)
                {
                    if (c == '"')
                    {
                        quoted = false;
                    }
                    else if (c == '\\')
                    {
                        if (!ReadableEscape(text, i))
                        {
                            return i;
                        }

                        i++;
                    }

                    lastNonSpace = c == ' ' ? lastNonSpace : c;
                    continue;
                }

                if (lastNonSpace == '\n' && c != ' ' && c != '#')
                {
                    // A line's first content.
                    if (i == 0 || text[i - 1] == '\n')
                    {
                        flow = 0;
                        if (c == '%' || (c == '.' && IsMarker(text, i)))
                        {
                            return i;
                        }

                        if (c == '-' && IsMarker(text, i))
                        {
                            if (content || !OnlyCommentAfter(text, i + 3))
                            {
                                return i;
                            }

                            content = true;
                            lastNonSpace = '-';
                            i += 2;
                            continue;
                        }
                    }

                    content = true;
                }

                if (c is '&' or '*' or '!' or '|' or '>' or '?' or ':' or '"' or '[' or '{' or ']' or '}' or ',' && GivesUp(text, i, lastNonSpace, ref flow, ref quoted))
                {
                    return i;
                }

                if (c != ' ')
                {
                    lastNonSpace = c;
                }

                continue;
            }

            if (lastNonSpace == '\n')
            {
                content = true;
            }

            lastNonSpace = c;
            if (c <= '\u009F' || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE')
            {
                return i;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The pre-scan's rules for the indicators at <paramref name="i"/> (outside a double-quoted scalar); true to give up.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool GivesUp(string text, int i, char lastNonSpace, ref int flow, ref bool quoted)
    {
        var c = text[i];
        var node = StartsNode(text, i, lastNonSpace, flow);
        switch (c)
        {
            case '&' or '*' or '!':
                // An anchor, alias or tag ("& x" is text).
                return node && !IsBlankAt(text, i + 1);
            case '|' or '>':
                // A block scalar's header: only '|', '>', '|-' and '>-' alone on the line are read.
                return node && flow == 0 && lastNonSpace != '\n' && !OnlyBreakAfter(text, i + 1 < text.Length && text[i + 1] == '-' ? i + 2 : i + 1);
            case '?':
                return node && IsBlankAt(text, i + 1);
            case ':':
                // An explicit value (": x" where a node starts), or a key in quotes in block context.
                return IsBlankAt(text, i + 1) && ((node && lastNonSpace is '\n' or '-') || (flow == 0 && lastNonSpace is '\'' or '"' && QuotedKey(text, i)));
            case '"':
                quoted = node;
                return false;
            case '[' or '{':
                if (flow > 0)
                {
                    // A flow collection inside another.
                    return node;
                }

                if (node)
                {
                    flow = 1;
                }

                return false;
            case ']' or '}':
                if (flow == 0)
                {
                    return false;
                }

                flow = 0;
                return lastNonSpace == ',';
            default:
                // ',': an empty entry in a flow collection.
                return flow > 0 && lastNonSpace is '[' or '{' or ',';
        }
    }

    /// <summary>
    /// Whether a node could start at <paramref name="i"/>: at a line's first content, after ": " or "- ",
    /// or, in a flow collection, after '[', '{' or ','.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool StartsNode(string text, int i, char lastNonSpace, int flow) =>
        lastNonSpace == '\n'
        || (flow > 0 && lastNonSpace is '[' or '{' or ',')
        || (i > 0 && text[i - 1] == ' ' && lastNonSpace is ':' or '-');

    /// <summary>Whether the ':' at <paramref name="i"/>, after a quote, ends a key in quotes: its line's content (after any "- ") starts with a quote.</summary>
    private static bool QuotedKey(string text, int i)
    {
        var p = i;
        while (p > 0 && text[p - 1] != '\n')
        {
            p--;
        }

        while (true)
        {
            while (text[p] == ' ')
            {
                p++;
            }

            if (text[p] != '-' || text[p + 1] != ' ')
            {
                return text[p] is '\'' or '"';
            }

            p++;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsBlankAt(string text, int i) => i >= text.Length || text[i] is ' ' or '\n' or '\r';

    /// <summary>"---" or "..." at <paramref name="i"/>, followed by a blank or the end.</summary>
    private static bool IsMarker(string text, int i) =>
        i + 2 < text.Length && text[i + 1] == text[i] && text[i + 2] == text[i] && IsBlankAt(text, i + 3);

    /// <summary>Only spaces from <paramref name="i"/> to a line break (not the end of the text).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool OnlyBreakAfter(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i < text.Length && text[i] is '\n' or '\r';
    }

    /// <summary>Only spaces, then a comment or a line break (or the end), from <paramref name="i"/>.</summary>
    private static bool OnlyCommentAfter(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i >= text.Length || text[i] is '\n' or '\r' or '#';
    }

    /// <summary>Whether the escape at <paramref name="i"/> (a backslash in a double-quoted scalar) is one the fast path reads.</summary>
    private static bool ReadableEscape(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return false;
        }

        switch (text[i + 1])
        {
            case '\\' or '"' or '/' or 'n' or 't' or 'r' or '0':
                return true;
            case 'u':
                if (i + 6 > text.Length)
                {
                    return false;
                }

                for (var k = i + 2; k < i + 6; k++)
                {
                    if (!Uri.IsHexDigit(text[k]))
                    {
                        return false;
                    }
                }

                // A surrogate as an escape is left to YamlDotNet.
                return text[i + 2] is not ('d' or 'D') || text[i + 3] is not ('8' or '9' or 'a' or 'b' or 'c' or 'd' or 'e' or 'f' or 'A' or 'B' or 'C' or 'D' or 'E' or 'F');
            default:
                return false;
        }
    }

    private TextPos Here => new(_pos, _line, _pos - _lineStart + 1);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private TextPos At(int index) => new(index, _line, index - _lineStart + 1);

    private bool AtEnd => _pos >= _text.Length;

    private char CharAt(int index) => index < _text.Length ? _text[index] : '\0';

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    private bool IsBreakAt(int index) => index >= _text.Length || _text[index] == '\n' || _text[index] == '\r';

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool IsBlankAt(int index) => IsBreakAt(index) || _text[index] == ' ';

    private bool Document()
    {
        var indent = FirstContent();
        if (indent == -1)
        {
            return true;
        }

        if (indent != 0)
        {
            return false;
        }

        var ok = IsSequenceEntry() ? BlockSequence(0) : BlockMapping(0);
        return ok && AtEnd;
    }

    /// <summary>A block mapping whose first key starts at <see cref="_pos"/>, in column <paramref name="indent"/> (zero-based).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool BlockMapping(int indent, bool compact = false)
    {
        if (!Enter(true))
        {
            return false;
        }

        while (true)
        {
            if (!compact)
            {
                Checkpoint();
            }

            compact = false;
            if (!Key())
            {
                return false;
            }

            var next = MappingValue(indent);
            if (next == -2)
            {
                return false;
            }

            if (next < indent)
            {
                return Leave();
            }

            if (next > indent || IsSequenceEntry())
            {
                return false;
            }
        }
    }

    /// <summary>
    /// A block sequence whose first '-' is at <see cref="_pos"/>, in column <paramref name="indent"/>;
    /// <paramref name="indentless"/> when it is a mapping value in its key's column, where content in that
    /// column that is not an entry ends it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool BlockSequence(int indent, bool indentless = false)
    {
        if (!Enter(false))
        {
            return false;
        }

        while (true)
        {
            // At '-' followed by a space: an entry on this line is all the fast path reads.
            Checkpoint();
            _pos++;
            SkipSpaces();
            if (IsBreakAt(_pos) || Current == '#')
            {
                return false;
            }

            int next;
            var column = _pos - _lineStart;
            var c = Current;
            if (c is '[' or '{' or '\'' or '"')
            {
                if (!FlowOrQuoted(indent) || (next = EndOfEntry()) == -2)
                {
                    return false;
                }
            }
            else if (c is '|' or '>')
            {
                if ((next = BlockScalar(indent)) == -2)
                {
                    return false;
                }
            }
            else if (!StartsPlain())
            {
                return false;
            }
            else if (LineHasKey())
            {
                // A compact mapping: "- id: x" and its further keys in the same column on the next lines.
                if (!BlockMapping(column, compact: true))
                {
                    return false;
                }

                next = ColumnOrEnd();
            }
            else if (!BlockPlain(indent) || (next = EndOfEntry()) == -2)
            {
                return false;
            }

            if (next < indent)
            {
                return Leave();
            }

            if (next > indent)
            {
                return false;
            }

            if (!IsSequenceEntry())
            {
                return indentless && Leave();
            }
        }
    }

    /// <summary>
    /// The value after a key's ':' in a mapping at column <paramref name="indent"/>. Returns the column of the
    /// next content line (positioned there), -1 at the end of the text, -2 to give up.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int MappingValue(int indent)
    {
        var colon = Here;
        SkipSpaces();
        if (Current == '#' && _pos > colon.Index)
        {
            // "key: # comment": the value is on the next lines, or empty.
            while (!IsBreakAt(_pos))
            {
                _pos++;
            }
        }

        if (IsBreakAt(_pos))
        {
            // The value is on the next lines, or empty.
            var next = SkipToContent();
            if (next == -2)
            {
                return -2;
            }

            if (next > indent)
            {
                var nested = IsSequenceEntry() ? BlockSequence(next) : BlockMapping(next);
                return nested ? ColumnOrEnd() : -2;
            }

            if (next == indent && IsSequenceEntry())
            {
                // An indentless sequence ("key:" then "- item" in the key's column): it ends at the next
                // content in that column that is not an entry (the mapping's next key), or further left.
                return BlockSequence(next, indentless: true) ? ColumnOrEnd() : -2;
            }

            return _builder.Scalar(string.Empty, true, colon, colon) ? next : -2;
        }

        var c = Current;
        if (c is '[' or '{' or '\'' or '"')
        {
            return FlowOrQuoted(indent) ? EndOfEntry() : -2;
        }

        if (c is '|' or '>')
        {
            return BlockScalar(indent);
        }

        return StartsPlain() && BlockPlain(indent) ? EndOfEntry() : -2;
    }

    /// <summary>
    /// After a value that ends its line: the rest of the line may only be a comment; then the next content
    /// line, which must not be indented further (that would continue or break the value). Returns its
    /// column, -1 at the end of the text, -2 to give up.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int EndOfEntry()
    {
        var start = _pos;
        SkipSpaces();

        if (Current == '#' && _pos > start)
        {
            while (!IsBreakAt(_pos))
            {
                _pos++;
            }
        }

        if (!IsBreakAt(_pos))
        {
            return -2;
        }

        return SkipToContent();
    }

    private int ColumnOrEnd() => _pos >= _text.Length ? -1 : _pos - _lineStart;

    /// <summary>
    /// From a line break (or the end of the text), skips to the next line with content: blank lines and
    /// comment lines are passed over. Returns that content's column (positioned there), -1 at the end of the
    /// text, or -2 to give up (a document marker or a directive).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int SkipToContent()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return -1;
            }

            // CR is always followed by LF here (Prescan).
            if (_text[_pos] == '\r')
            {
                _pos++;
            }

            _pos++;
            _line++;
            _lineStart = _pos;
            var column = ScanLine();
            if (column != -3)
            {
                return column;
            }
        }
    }

    /// <summary>The first line's content, as <see cref="SkipToContent"/> does for the lines after a break.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int FirstContent()
    {
        var column = ScanLine();
        if (column == -3)
        {
            column = SkipToContent();
        }

        if (column == -2 && _pos == _lineStart && _pos < _text.Length && _text[_pos] == '-' && IsDocumentMarker())
        {
            // "---" alone on its line (or with a comment) before the content: the explicit start of the one
            // document, which changes nothing in the tree. An empty document after it is left to YamlDotNet.
            _pos += 3;
            SkipSpaces();
            if (Current == '#')
            {
                while (!IsBreakAt(_pos))
                {
                    _pos++;
                }
            }

            if (!IsBreakAt(_pos) || _pos >= _text.Length)
            {
                return -2;
            }

            column = SkipToContent();
            return column == -1 ? -2 : column;
        }

        return column;
    }

    /// <summary>At a line start: the column of its content, -3 for a blank or comment line (left at its break), -1 at the end, -2 to give up.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int ScanLine()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            return -1;
        }

        var c = _text[_pos];
        if (c == '#')
        {
            while (!IsBreakAt(_pos))
            {
                _pos++;
            }

            return -3;
        }

        if (c is '\n' or '\r')
        {
            return -3;
        }

        if (_pos == _lineStart && (c == '%' || IsDocumentMarker()))
        {
            return -2;
        }

        return _pos - _lineStart;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool IsDocumentMarker()
    {
        if (_pos + 3 > _text.Length)
        {
            return false;
        }

        var c = _text[_pos];
        return (c == '-' || c == '.') && _text[_pos + 1] == c && _text[_pos + 2] == c && IsBlankAt(_pos + 3);
    }

    /// <summary>'-' followed by a space or a line break.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool IsSequenceEntry() => Current == '-' && IsBlankAt(_pos + 1);

    /// <summary>Passes the line break at <paramref name="i"/> (CR is always followed by LF here: <see cref="Prescan"/>) and the spaces after it; returns their number.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int PassBreak(ref int i)
    {
        i += _text[i] == '\r' ? 2 : 1;
        var spaces = 0;
        while (i < _text.Length && _text[i] == ' ')
        {
            i++;
            spaces++;
        }

        return spaces;
    }

    /// <summary>Appends what <paramref name="breaks"/> line breaks fold into: a space for one, a line feed for each further one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static void Fold(System.Text.StringBuilder value, int breaks)
    {
        if (breaks == 1)
        {
            value.Append(' ');
        }
        else
        {
            value.Append('\n', breaks - 1);
        }
    }

    /// <summary>Skips spaces on the current line.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }

    /// <summary>Whether a plain scalar may start here (no indicator that YAML gives a meaning at the start).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool StartsPlain()
    {
        var c = Current;
        switch (c)
        {
            case '-':
                // "-1", "-x" are plain; followed by a blank it is an indicator.
                return !IsBlankAt(_pos + 1) && !IsFlowIndicator(_text[_pos + 1]);
            case '?':
            case ':':
                // YamlDotNet does not read every plain scalar that starts with these ("?x" is, ":x" as a key is not).
                return false;
            case ',':
            case '[':
            case ']':
            case '{':
            case '}':
            case '#':
            case '&':
            case '*':
            case '!':
            case '|':
            case '>':
            case '\'':
            case '"':
            case '%':
            case '@':
            case '`':
            case ' ':
            case '\n':
            case '\r':
            case '\0':
                return false;
            default:
                return true;
        }
    }

    private static bool IsFlowIndicator(char c) => c is ',' or '[' or ']' or '{' or '}';

    /// <summary>
    /// Whether the plain text from <see cref="_pos"/> to the end of the line holds ': ' (or ends in ':')
    /// before any comment: then it is a key.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool LineHasKey()
    {
        for (var i = _pos; !IsBreakAt(i); i++)
        {
            var c = _text[i];
            if (c == ':' && IsBlankAt(i + 1))
            {
                return true;
            }

            if (c == '#' && _text[i - 1] == ' ')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A plain key at <see cref="_pos"/>, up to ': ' or ':' at the end of the line; leaves <see cref="_pos"/> after the ':'.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool Key()
    {
        if (!StartsPlain())
        {
            return false;
        }

        var start = _pos;
        var i = _pos;
        while (true)
        {
            if (IsBreakAt(i))
            {
                return false;
            }

            var c = _text[i];
            if (c == ':' && IsBlankAt(i + 1))
            {
                break;
            }

            // Keys are words: letters, digits, '_', '-', '.', '/' and single spaces. Anything else (YamlDotNet
            // does not read every key with '*' in it, for one) is left to YamlDotNet.
            if (c == ' ' ? CharAt(i + 1) is '#' or ':' or ' ' : !IsKeyChar(c))
            {
                return false;
            }

            i++;
        }

        var length = i - start;
        if (length > MaxKeyLength)
        {
            return false;
        }

        if (!_builder.Scalar(_plain.Get(_text, start, length), true, At(start), At(i)))
        {
            return false;
        }

        _pos = i + 1;
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/';

    /// <summary>
    /// A plain scalar in block context: its first line ends at the line break or at a comment; it goes on over
    /// the next lines that are indented further than its parent (<paramref name="parentIndent"/>), each line
    /// break folded into a space and each further empty line kept as a line feed; a comment (after a space, or
    /// on a line of its own) ends it. Gives up on ': ' in it (YamlDotNet reports that, or reads a key) and on a
    /// continuation that starts with an indicator; a line indented further after a comment is left to
    /// <see cref="EndOfEntry"/>'s callers, which give up.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool BlockPlain(int parentIndent)
    {
        var start = _pos;
        var startMark = Here;
        var end = PlainLine(start, out var comment);
        if (end < 0)
        {
            return false;
        }

        System.Text.StringBuilder? value = null;
        var lastLine = _line;
        var lastLineStart = _lineStart;
        var i = end;
        while (!comment)
        {
            // Past the trailing spaces to the line break, then over empty lines to the next line's content.
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            if (i >= _text.Length)
            {
                break;
            }

            var breaks = 0;
            var line = lastLine;
            int lineStart;
            int spaces;
            while (true)
            {
                lineStart = i + (_text[i] == '\r' ? 2 : 1);
                spaces = PassBreak(ref i);
                breaks++;
                line++;
                if (i >= _text.Length || !IsBreakAt(i))
                {
                    break;
                }
            }

            if (i >= _text.Length || spaces <= parentIndent || _text[i] == '#')
            {
                // Not indented into the scalar, or a comment line: the scalar ends with the line before.
                break;
            }

            var saved = _pos;
            _pos = i;
            var continues = StartsPlain();
            _pos = saved;
            if (!continues)
            {
                // An indicator indented into the scalar: left to YamlDotNet.
                return false;
            }

            var lineEnd = PlainLine(i, out comment);
            if (lineEnd < 0)
            {
                return false;
            }

            value ??= new System.Text.StringBuilder().Append(_text, start, end - start);
            Fold(value, breaks);
            value.Append(_text, i, lineEnd - i);
            lastLine = line;
            lastLineStart = lineStart;
            end = lineEnd;
            i = lineEnd;
        }

        _line = lastLine;
        _lineStart = lastLineStart;
        if (!_builder.Scalar(value is null ? _plain.Get(_text, start, end - start) : value.ToString(), true, startMark, At(end)))
        {
            return false;
        }

        _pos = end;
        return true;
    }

    /// <summary>
    /// One line of a plain scalar in block context from <paramref name="start"/>: the index after its last
    /// non-space character (before a comment, which sets <paramref name="comment"/>), or -1 to give up (': ' in it).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int PlainLine(int start, out bool comment)
    {
        comment = false;
        var end = start;
        var i = start;
        while (!IsBreakAt(i))
        {
            var c = _text[i];
            if (c == ':' && IsBlankAt(i + 1))
            {
                return -1;
            }

            if (c == '#' && _text[i - 1] == ' ')
            {
                comment = true;
                break;
            }

            i++;
            if (c != ' ')
            {
                end = i;
            }
        }

        return end;
    }

    /// <summary>
    /// A literal (|) or folded (>) block scalar, clipped or stripped (-), whose lines all have the indentation
    /// of its first line (more-indented lines, explicit indentation and keep (+) are left to YamlDotNet).
    /// Returns the column of the next content line (positioned there), -1 at the end of the text, -2 to give up.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private int BlockScalar(int parentIndent)
    {
        var start = Here;
        var literal = Current == '|';
        _pos++;
        var strip = false;
        if (Current == '-')
        {
            strip = true;
            _pos++;
        }

        SkipSpaces();
        if (_pos >= _text.Length || !IsBreakAt(_pos))
        {
            return -2;
        }

        var value = new System.Text.StringBuilder();
        var indent = -1;
        var breaks = 0;
        var any = false;
        var next = -1;
        var end = default(TextPos);
        var ended = false;
        var leading = 0;
        while (_pos < _text.Length)
        {
            // Pass the line break that ends the previous line.
            if (_text[_pos] == '\r')
            {
                _pos++;
            }

            _pos++;
            _line++;
            _lineStart = _pos;
            var spaces = 0;
            while (_pos < _text.Length && _text[_pos] == ' ')
            {
                _pos++;
                spaces++;
            }

            if (IsBreakAt(_pos))
            {
                // An empty line: a line break in the value, unless it is more indented than the text.
                if (indent >= 0 && spaces > indent)
                {
                    return -2;
                }

                leading = Math.Max(leading, spaces);
                breaks++;
                continue;
            }

            if (indent < 0)
            {
                // YamlDotNet rejects some leading empty lines that hold spaces: left to it.
                if (spaces <= parentIndent || leading > 0)
                {
                    return -2;
                }

                indent = spaces;
            }

            if (spaces < indent)
            {
                // The next content (or a comment line): the scalar ends before this line.
                _pos = _lineStart;
                end = Here;
                ended = true;
                next = ScanLine();
                if (next == -3)
                {
                    next = SkipToContent();
                }

                break;
            }

            if (spaces > indent)
            {
                return -2;
            }

            if (any)
            {
                if (literal || breaks > 0)
                {
                    value.Append('\n', literal ? breaks + 1 : breaks);
                }
                else
                {
                    value.Append(' ');
                }
            }
            else
            {
                value.Append('\n', breaks);
            }

            breaks = 0;
            var lineStart = _pos;
            while (!IsBreakAt(_pos))
            {
                _pos++;
            }

            value.Append(_text, lineStart, _pos - lineStart);
            any = true;
        }

        if (!any || next == -2)
        {
            return -2;
        }

        if (!ended)
        {
            // The end of the text: after its last line break, or right after the last line's text.
            if (_text[_text.Length - 1] == '\n')
            {
                end = Here;
            }
            else if (breaks == 0)
            {
                end = Here;
                strip = true;
            }
            else
            {
                return -2;
            }
        }

        if (!strip)
        {
            value.Append('\n');
        }

        return _builder.Scalar(value.ToString(), false, start, end) ? next : -2;
    }

    /// <summary>A flow collection or a quoted scalar starting at <see cref="_pos"/>, ending on this line.</summary>
    /// <summary>
    /// A flow collection or a quoted scalar starting at <see cref="_pos"/> in block context: either may go on
    /// over lines indented further than its parent (<paramref name="parentIndent"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool FlowOrQuoted(int parentIndent) => Current switch
    {
        '[' => FlowCollection(false, parentIndent),
        '{' => FlowCollection(true, parentIndent),
        '\'' => SingleQuoted(parentIndent),
        _ => DoubleQuoted(parentIndent),
    };

    /// <summary>
    /// At a line break inside a quoted scalar (<paramref name="i"/>): folds it as YAML does. The line's trailing
    /// spaces go; one line break becomes a space, each further (empty) line a line feed; the next line's leading
    /// spaces go. The next content line must be indented further than <paramref name="parentIndent"/> (which also
    /// keeps document markers out); -1 as <paramref name="parentIndent"/> (inside a flow collection) gives up.
    /// Moves <see cref="_line"/> on; false to give up.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool QuotedBreak(ref int i, ref System.Text.StringBuilder? value, ref int runStart, int parentIndent)
    {
        if (parentIndent < 0)
        {
            return false;
        }

        value ??= new System.Text.StringBuilder();
        var runEnd = i;
        while (runEnd > runStart && _text[runEnd - 1] == ' ')
        {
            runEnd--;
        }

        value.Append(_text, runStart, runEnd - runStart);
        var breaks = 0;
        while (true)
        {
            _lineStart = i + (_text[i] == '\r' ? 2 : 1);
            var spaces = PassBreak(ref i);
            breaks++;
            _line++;
            if (i >= _text.Length)
            {
                return false;
            }

            if (IsBreakAt(i))
            {
                continue;
            }

            if (spaces <= parentIndent)
            {
                return false;
            }

            break;
        }

        Fold(value, breaks);
        runStart = i;
        return true;
    }

    /// <summary>
    /// [a, b] or { k: v, k2: v2 } of scalars. In block context (<paramref name="parentIndent"/> ≥ 0) it may go
    /// on over lines indented further than its parent, with comments and empty lines between its tokens.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool FlowCollection(bool isMapping, int parentIndent)
    {
        var close = isMapping ? '}' : ']';
        if (!Enter(isMapping))
        {
            return false;
        }

        _pos++;
        if (!FlowSpace(parentIndent))
        {
            return false;
        }

        if (Current == close)
        {
            return LeaveFlow();
        }

        while (true)
        {
            if (isMapping)
            {
                // A plain key on one line, then ':' and a blank.
                if (!FlowScalar(isKey: true) || Current != ':' || !IsBlankAt(_pos + 1) || _pos + 1 >= _text.Length)
                {
                    return false;
                }

                _pos++;
                if (!FlowSpace(parentIndent))
                {
                    return false;
                }
            }

            if (!FlowScalar(isKey: false) || !FlowSpace(parentIndent))
            {
                return false;
            }

            if (Current == ',')
            {
                _pos++;
                if (!FlowSpace(parentIndent))
                {
                    return false;
                }

                if (Current == close)
                {
                    // A trailing comma: left to YamlDotNet.
                    return false;
                }

                continue;
            }

            if (Current == close)
            {
                return LeaveFlow();
            }

            return false;
        }
    }

    /// <summary>
    /// Spaces between the tokens of a flow collection; in block context (<paramref name="parentIndent"/> ≥ 0)
    /// also a comment, line breaks, empty and comment lines, the next content indented further than the parent
    /// (which keeps document markers out). Leaves <see cref="_pos"/> at the next token; false to give up.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool FlowSpace(int parentIndent)
    {
        SkipSpaces();
        while (true)
        {
            if (Current == '#' && (_pos == _lineStart || _text[_pos - 1] == ' '))
            {
                while (!IsBreakAt(_pos))
                {
                    _pos++;
                }
            }

            if (!IsBreakAt(_pos))
            {
                return true;
            }

            if (parentIndent < 0 || _pos >= _text.Length)
            {
                return false;
            }

            var i = _pos;
            _lineStart = i + (_text[i] == '\r' ? 2 : 1);
            var spaces = PassBreak(ref i);
            _line++;
            _pos = i;
            if (_pos < _text.Length && !IsBreakAt(_pos) && _text[_pos] != '#' && spaces <= parentIndent)
            {
                return false;
            }
        }
    }

    /// <summary>A scalar inside a flow collection: quoted, or plain without ':' (a key ends at ': '), '#' or flow indicators.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool FlowScalar(bool isKey)
    {
        var c = Current;
        if (c == '\'')
        {
            return SingleQuoted();
        }

        if (c == '"')
        {
            return DoubleQuoted();
        }

        if (!StartsPlain())
        {
            return false;
        }

        var start = _pos;
        var end = start;
        var i = start;
        while (true)
        {
            if (IsBreakAt(i))
            {
                // At the end of the line: the scalar ends here when the next token is ',' or the closing
                // bracket; otherwise it goes on over the line (left to YamlDotNet), or the text ends.
                if (isKey || !FlowTokenEndsAfter(i))
                {
                    return false;
                }

                break;
            }

            c = _text[i];
            if (c is ',' or ']' or '}' || (isKey && c == ':' && CharAt(i + 1) == ' '))
            {
                break;
            }

            if (c is ':' or '#' or '[' or '{' or '\'' or '"' || (isKey && c != ' ' && !IsKeyChar(c)))
            {
                return false;
            }

            i++;
            if (c != ' ')
            {
                end = i;
            }
        }

        if (!_builder.Scalar(_plain.Get(_text, start, end - start), true, At(start), At(end)))
        {
            return false;
        }

        _pos = end;
        return true;
    }

    /// <summary>Whether the first content after the line break at <paramref name="i"/> (over empty lines) is ',', ']' or '}'.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool FlowTokenEndsAfter(int i)
    {
        while (i < _text.Length)
        {
            PassBreak(ref i);
            if (i < _text.Length && !IsBreakAt(i))
            {
                return _text[i] is ',' or ']' or '}';
            }
        }

        return false;
    }

    /// <summary>'...'; '' is a quote. Over several lines when <paramref name="parentIndent"/> allows it (<see cref="QuotedBreak"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool SingleQuoted(int parentIndent = -1)
    {
        var start = _pos;
        var startMark = Here;
        var i = start + 1;
        System.Text.StringBuilder? escaped = null;
        var runStart = i;
        while (true)
        {
            if (i >= _text.Length)
            {
                return false;
            }

            if (IsBreakAt(i))
            {
                if (!QuotedBreak(ref i, ref escaped, ref runStart, parentIndent))
                {
                    return false;
                }

                continue;
            }

            if (_text[i] == '\'')
            {
                if (i + 1 < _text.Length && _text[i + 1] == '\'')
                {
                    escaped ??= new System.Text.StringBuilder();
                    escaped.Append(_text, runStart, i + 1 - runStart);
                    i += 2;
                    runStart = i;
                    continue;
                }

                break;
            }

            i++;
        }

        string value;
        if (escaped is null)
        {
            value = _text.Substring(start + 1, i - start - 1);
        }
        else
        {
            escaped.Append(_text, runStart, i - runStart);
            value = escaped.ToString();
        }

        if (!_builder.Scalar(value, false, startMark, At(i + 1)))
        {
            return false;
        }

        _pos = i + 1;
        return true;
    }

    /// <summary>
    /// "...", with the common escapes (any other escape, and an escaped line break, is left to YamlDotNet). Over
    /// several lines when <paramref name="parentIndent"/> allows it (<see cref="QuotedBreak"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool DoubleQuoted(int parentIndent = -1)
    {
        var start = _pos;
        var startMark = Here;
        var i = start + 1;
        System.Text.StringBuilder? escaped = null;
        var runStart = i;
        while (true)
        {
            if (i >= _text.Length)
            {
                return false;
            }

            if (IsBreakAt(i))
            {
                if (!QuotedBreak(ref i, ref escaped, ref runStart, parentIndent))
                {
                    return false;
                }

                continue;
            }

            var c = _text[i];
            if (c == '"')
            {
                break;
            }

            if (c != '\\')
            {
                i++;
                continue;
            }

            escaped ??= new System.Text.StringBuilder();
            escaped.Append(_text, runStart, i - runStart);
            if (i + 1 >= _text.Length)
            {
                return false;
            }

            var e = _text[i + 1];
            var length = 2;
            switch (e)
            {
                case '\\':
                case '"':
                case '/':
                    escaped.Append(e);
                    break;
                case 'n':
                    escaped.Append('\n');
                    break;
                case 't':
                    escaped.Append('\t');
                    break;
                case 'r':
                    escaped.Append('\r');
                    break;
                case '0':
                    escaped.Append('\0');
                    break;
                case 'u':
                    if (!Hex4(i + 2, out var code) || (code >= 0xD800 && code <= 0xDFFF))
                    {
                        return false;
                    }

                    escaped.Append((char)code);
                    length = 6;
                    break;
                default:
                    return false;
            }

            i += length;
            runStart = i;
        }

        string value;
        if (escaped is null)
        {
            value = _text.Substring(start + 1, i - start - 1);
        }
        else
        {
            escaped.Append(_text, runStart, i - runStart);
            value = escaped.ToString();
        }

        if (!_builder.Scalar(value, false, startMark, At(i + 1)))
        {
            return false;
        }

        _pos = i + 1;
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool Hex4(int at, out int code)
    {
        code = 0;
        if (at + 4 > _text.Length)
        {
            return false;
        }

        for (var k = 0; k < 4; k++)
        {
            var c = _text[at + k];
            int digit;
            if (c >= '0' && c <= '9')
            {
                digit = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                return false;
            }

            code = (code * 16) + digit;
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool Enter(bool isMapping)
    {
        // Deeper than the limit: YamlDotNet's path reports it.
        if (++_depth > YamlReader.MaxDepth)
        {
            return false;
        }

        _resume[_depth] = default;

        var here = Here;
        return _builder.Start(isMapping, here, here);
    }

    /// <summary>
    /// Ends the innermost block collection where the next content starts, or at the end of the text
    /// (YamlDotNet's own marks put some collections that end with the text on a virtual line after it;
    /// the YamlDotNet path takes positions from the index, as here).
    /// </summary>
    private bool Leave()
    {
        _depth--;
        return _builder.End(Here);
    }

    /// <summary>Ends a flow collection at its closing bracket (YamlDotNet's end mark is the bracket's start), and passes the bracket.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool LeaveFlow()
    {
        _depth--;
        var ok = _builder.End(Here);
        _pos++;
        return ok;
    }
}

/// <summary>
/// A line where YamlDotNet can take over from the fast path: <see cref="Depth"/> open collections (0: none),
/// the line's start index and one-based number, and the builder's state at that line (see <see cref="TreeBuilder.Restore"/>).
/// </summary>
internal readonly record struct ResumePoint(int Depth, int LineStart, int Line, int Children, int Nodes, int Diagnostics);
