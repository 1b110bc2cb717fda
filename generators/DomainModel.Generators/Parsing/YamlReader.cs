using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DomainModel.Generators.Parsing;

/// <summary>
/// Reads YAML text into <see cref="RawNode"/>s using YamlDotNet's event parser, without recursion.
/// It enforces the documented limits, rejects aliases (no alias bombs), detects duplicate keys,
/// and turns every YamlDotNet failure into a DM0001 at the best known position: YamlDotNet reports
/// some errors at 1:1 or throws without a position, so the scanner's position (or the end of the
/// last good event) is used then. Documented in docs/diagnostics.md ("Limits").
/// </summary>
internal static class YamlReader
{
    /// <summary>
    /// Maximum nesting of mappings and sequences. Deeper input is a DM0002 at the first node past the
    /// limit; reading stops there, so YamlDotNet never scans deeper (its flow scanner is quadratic in depth).
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Maximum size of one input file, in characters (64 Mi).</summary>
    public const int MaxFileChars = 64 * 1024 * 1024;

    /// <summary>Maximum length of one scalar, in characters (1 Mi).</summary>
    public const int MaxScalarChars = 1024 * 1024;

    /// <summary>Maximum number of nodes (scalars, including keys, mappings and sequences) in one file: bounds memory.</summary>
    public const int MaxNodes = 2_000_000;

    private const char ByteOrderMark = '\uFEFF';

    private static readonly Regex s_tab = new(@"\btabs?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex s_spaces = new(@"\s+", RegexOptions.CultureInvariant);

    private static readonly Regex s_positionPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    public static RawNode? Read(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (text.Length > MaxFileChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, LocationInfo.FileStart(path), $"File size ({text.Length} characters)", $"{MaxFileChars} characters", "Split the file into several files."));
            return null;
        }

        // A byte order mark is not content (the compiler strips it from files it decodes; an editor
        // buffer may still hold one). Positions stay those of the text as given.
        var offset = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        if (offset > 0)
        {
            text = text.Substring(offset);
        }

        // YamlDotNet treats U+0000 as the end of the input and reports a misleading error after it.
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var at = new LineMap(text).At(nul);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Loc(path, offset, at, at), "The NUL character (U+0000) is not allowed in YAML", "Remove it, or write it as \"\\0\" inside a double-quoted string."));
            return null;
        }

        // The fast path reads the plain block YAML that facts and schemas are written in, several times faster
        // than YamlDotNet and allocating far less. It gives up (returns false) on anything it does not read
        // exactly as YamlDotNet does, and on any problem, whose diagnostic is YamlDotNet's: its result is used
        // only when it read the whole text and the tree was built without an error.
        // When it gives up part way, YamlDotNet reads the rest from the last line where the fast path began an
        // entry or item (ReadRest), and reports a YAML error there as a whole read would: a file the fast path
        // cannot read costs about one YamlDotNet read, whichever line it gives up on. Where the rest cannot
        // be read that way (an alias, a second document, a limit, an error without a position in the rest),
        // YamlDotNet reads the whole file instead.
        var fastDiagnostics = new List<DiagnosticInfo>();
        var fast = new TreeBuilder(path, offset, fastDiagnostics);
        if (FastYamlScanner.TryRead(text, fast, cancellationToken, out _, out var resume)
            || (resume.Depth > 0 && ReadRest(path, offset, text, fast, fastDiagnostics, resume, cancellationToken)))
        {
            diagnostics.AddRange(fastDiagnostics);
            return fast.Root;
        }

        return ReadWithYamlDotNet(path, offset, text, diagnostics, cancellationToken);
    }

    /// <summary>
    /// Reads the text from <paramref name="resume"/>'s line to its end with YamlDotNet into
    /// <paramref name="builder"/>, which holds the fast path's tree up to that line. YamlDotNet reads a skeleton
    /// of the open collections first (each with its column and kind: "k:" for a mapping, "-" for a sequence, the innermost with one entry or item),
    /// so it reads the rest in the state it would have reached there; the skeleton's events are skipped. A YAML
    /// error in the rest is added to <paramref name="diagnostics"/> (the builder's list) as a whole read words
    /// and places it, and the root is then null. False (the caller reads the whole text again) on an error
    /// YamlDotNet places in the skeleton or without a position after it, an alias, a second document or a
    /// limit: their diagnostics are those of a whole read.
    /// </summary>
    internal static bool ReadRest(string path, int offset, string text, TreeBuilder builder, List<DiagnosticInfo> diagnostics, ResumePoint resume, CancellationToken cancellationToken)
    {
        var first = resume.LineStart;
        while (first < text.Length && text[first] == ' ')
        {
            first++;
        }

        if (first < text.Length && text[first] == ':')
        {
            // Whether YamlDotNet reads a ':' here as a value depends on the token before it (a closing
            // bracket or quote allows ":x"), which the skeleton does not reproduce.
            return false;
        }

        builder.Restore(resume.Depth, resume.Children, resume.Nodes, resume.Diagnostics);
        var open = builder.OpenCollections();
        var skeleton = new System.Text.StringBuilder();
        var lineStart = 0;
        var skip = 2;
        for (var i = 0; i < open.Length; i++)
        {
            var (isMapping, column) = open[i];
            var innermost = i == open.Length - 1;
            if (i > 0 && open[i - 1].IsMapping)
            {
                skeleton.Append('\n');
                lineStart = skeleton.Length;
            }

            if (skeleton.Length - lineStart > column)
            {
                return false;
            }

            skeleton.Append(' ', column - (skeleton.Length - lineStart));
            skeleton.Append(isMapping ? (innermost ? "k: x\n" : "k:") : (innermost ? "- x\n" : "-"));
            skip += isMapping ? (innermost ? 3 : 2) : (innermost ? 2 : 1);
        }

        var head = skeleton.ToString();
        var lines = new LineMap(text, resume.LineStart, resume.Line);
        var shift = resume.LineStart - (long)head.Length;
        var scanner = new Scanner(new RestReader(head, text, resume.LineStart), skipComments: true);
        var parser = new Parser(scanner);
        Mark last = Mark.Empty;
        try
        {
            var skipped = 0;
            while (parser.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = parser.Current!;
                if (skipped < skip)
                {
                    // The skeleton's own events: the stream and document starts, each collection's start, its key or item.
                    if (current is not (StreamStart or DocumentStart or MappingStart or SequenceStart or Scalar))
                    {
                        return false;
                    }

                    skipped++;
                    last = current.End;
                    continue;
                }

                if (current.Start.Index < head.Length)
                {
                    return false;
                }

                switch (current)
                {
                    case Scalar or SequenceStart or MappingStart or SequenceEnd or MappingEnd:
                        if ((current is SequenceEnd or MappingEnd && builder.Depth == 0) || !Node(builder, current, lines, shift))
                        {
                            return false;
                        }

                        break;
                    case DocumentEnd:
                    case StreamEnd:
                        break;
                    default:
                        // An alias, a second document: left to the whole read.
                        return false;
                }

                last = current.End;
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Placed as a whole read places it only when YamlDotNet's marks are past the skeleton.
            if (last.Index < head.Length || Fallback(scanner, last).Index < head.Length || (ex is YamlException yaml && yaml.Start.Index < head.Length))
            {
                return false;
            }

            diagnostics.Add(SyntaxError(path, offset, text, lines, ex, scanner, last, shift));
            return true;
        }

        return builder.Root is not null && builder.Depth == 0;
    }

    /// <summary>A reader over a skeleton and then the text from an index, without copying the text.</summary>
    private sealed class RestReader : TextReader
    {
        private readonly string _head;
        private readonly string _text;
        private readonly int _start;
        private int _pos;

        public RestReader(string head, string text, int start)
        {
            _head = head;
            _text = text;
            _start = start;
        }

        private int Length => _head.Length + _text.Length - _start;

        public override int Peek() => _pos < Length ? CharAt(_pos) : -1;

        public override int Read() => _pos < Length ? CharAt(_pos++) : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Max(0, Math.Min(count, Length - _pos));
            var fromHead = Math.Max(0, Math.Min(n, _head.Length - _pos));
            if (fromHead > 0)
            {
                _head.CopyTo(_pos, buffer, index, fromHead);
            }

            if (n > fromHead)
            {
                _text.CopyTo(_start + _pos + fromHead - _head.Length, buffer, index + fromHead, n - fromHead);
            }

            _pos += n;
            return n;
        }

        private char CharAt(int i) => i < _head.Length ? _head[i] : _text[_start + i - _head.Length];
    }

    /// <summary>Reads with YamlDotNet's event parser: every YAML construct, and every error message.</summary>
    internal static RawNode? ReadWithYamlDotNet(string path, int offset, string text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        var builder = new TreeBuilder(path, offset, diagnostics);
        var lines = new LineMap(text);
        TextPos Pos(Mark mark) => lines.At(mark.Index);
        var documents = 0;
        Mark last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart start when !start.IsImplicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, offset, Pos(current.Start), Pos(current.End)), "A second YAML document in one file", "Put each document in its own file."));
                            return builder.Root;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case AnchorAlias alias:
                        if (!builder.CountNode(Pos(alias.Start)))
                        {
                            return null;
                        }

                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, offset, Pos(alias.Start), Pos(alias.End)), $"The alias '*{alias.Value}'", "Anchors and aliases are not expanded; write the value out."));
                        return null;
                    case Scalar or SequenceStart or MappingStart or SequenceEnd or MappingEnd:
                        if (!Node(builder, current, lines, 0))
                        {
                            return null;
                        }

                        break;
                }

                last = current.End;
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(SyntaxError(path, offset, text, lines, ex, scanner, last, 0));
            return null;
        }

        return builder.Root;
    }

    /// <summary>
    /// Gives the builder a scalar, or a collection's start or end; false when reading must stop. YamlDotNet's
    /// marks are those of a stream that starts <paramref name="shift"/> characters before the text.
    /// </summary>
    private static bool Node(TreeBuilder builder, ParsingEvent current, LineMap lines, long shift)
    {
        TextPos Pos(Mark mark) => lines.At(mark.Index + shift);
        return current switch
        {
            // Plain and untagged: only then is 'null', '~' or nothing YAML's null ('!!str null',
            // '! ~' and '!!str' are strings, as YamlDotNet reads them).
            Scalar scalar => builder.Scalar(scalar.Value, scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty, Pos(scalar.Start), Pos(scalar.End)),
            SequenceStart or MappingStart => builder.Start(current is MappingStart, Pos(current.Start), Pos(current.End)),
            _ => builder.End(Pos(current.End)),
        };
    }

    /// <summary>
    /// The DM0001 for a YamlDotNet failure. YamlDotNet's marks are those of a stream that starts at
    /// <paramref name="shift"/> characters before the text (0: the text itself).
    /// </summary>
    private static DiagnosticInfo SyntaxError(string path, int offset, string text, LineMap lines, Exception ex, Scanner scanner, Mark last, long shift)
    {
        TextPos Pos(Mark mark) => lines.At(mark.Index + shift);

        // YamlDotNet reports some errors at 1:1 (Mark.Empty), and a few failures are not YamlExceptions
        // at all (InvalidOperationException, ArgumentException: no position). Then the start of the
        // token the scanner stopped at is used, else its position, else the end of the last good event.
        var fallback = Pos(Fallback(scanner, last));
        TextPos start;
        TextPos end;
        if (ex is YamlException yaml && yaml.Start.Index + shift > 0)
        {
            start = Pos(yaml.Start);
            end = yaml.End.Index >= yaml.Start.Index ? Pos(yaml.End) : start;
        }
        else if (ex is YamlException atStart && fallback.Index == 0)
        {
            start = end = Pos(atStart.Start);
        }
        else if (ex is not YamlException && last.Index + shift > 0)
        {
            // No position (a broken escape such as "\uD83D\uD"): the token after the last good event,
            // not wherever the scanner's lookahead stopped (often a later line).
            start = end = lines.At(Math.Min(NextToken(text, (int)(last.Index + shift)), fallback.Index));
        }
        else
        {
            start = end = fallback;
        }

        var message = ex is YamlException ? Clean(ex.Message) : $"unreadable YAML ({ex.GetType().Name}: {Clean(ex.Message)})";
        if (s_tab.IsMatch(message) && TabNear(text, start.Index) is var tab and >= 0)
        {
            // YamlDotNet reports a tab at the token before it, often on the line above: point at the tab.
            start = end = lines.At(tab);
        }

        return DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Loc(path, offset, start, end), message, HintFor(message, text, start.Index));
    }

    /// <summary>A fix hint for a YamlDotNet error at <paramref name="index"/> of <paramref name="text"/>.</summary>
    internal static string HintFor(string message, string text, int index) =>
        (IsMappingValueError(message) ? OverIndented(text, index) : null) ?? HintFor(message);

    private static bool IsMappingValueError(string message) =>
        message.IndexOf("found invalid mapping", StringComparison.Ordinal) >= 0 || message.IndexOf("Mapping values are not allowed", StringComparison.Ordinal) >= 0;

    /// <summary>A fix hint for the YamlDotNet errors people make most.</summary>
    internal static string HintFor(string message)
    {
        if (s_tab.IsMatch(message))
        {
            return "Indent with spaces: YAML does not allow tabs in indentation.";
        }

        if (message.IndexOf("no more tokens", StringComparison.Ordinal) >= 0)
        {
            return "Remove the document end marker ('...') or the content after it: one file holds one YAML document.";
        }

        if (message.IndexOf(" tag", StringComparison.OrdinalIgnoreCase) >= 0 || message.IndexOf("%TAG", StringComparison.Ordinal) >= 0)
        {
            return "Remove the tag ('!...') and any %TAG directive: DomainModel does not use YAML tags.";
        }

        if (message.IndexOf("directive", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "Remove the '%' directive line, or quote a value that starts with '%'.";
        }

        if (IsMappingValueError(message))
        {
            return "Quote a value that contains ': ' (e.g. 'description: \"a: b\"'); a key must fit on one line and in 1024 characters.";
        }

        if (message.IndexOf("did not find expected key", StringComparison.Ordinal) >= 0 || message.IndexOf("did not find expected '-' indicator", StringComparison.Ordinal) >= 0)
        {
            return "Check this line's indentation against the lines above, and quote values that start with a YAML indicator.";
        }

        if (message.IndexOf("quoted scalar", StringComparison.Ordinal) >= 0 && message.IndexOf("end of stream", StringComparison.Ordinal) >= 0)
        {
            return "Close the quoted string that starts here.";
        }

        if (message.IndexOf("surrogate", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "Write a character beyond U+FFFF as one escape (\\U0001F600) or as a complete pair (\\uD83D\\uDE00), or write the character itself.";
        }

        if (message.IndexOf("escape", StringComparison.Ordinal) >= 0)
        {
            return "In double quotes write a backslash as \\\\, or use single quotes.";
        }

        if (message.IndexOf("flow sequence", StringComparison.Ordinal) >= 0 || message.IndexOf("flow mapping", StringComparison.Ordinal) >= 0)
        {
            return "Close the '[' or '{' opened before this position, or separate its items with ','.";
        }

        if (message.IndexOf("cannot start any token", StringComparison.Ordinal) >= 0)
        {
            return "Quote a value that starts with @ or `.";
        }

        return "Fix the YAML at this position.";
    }

    /// <summary>
    /// A hint for a line indented deeper than the key on the line above it when that key already has its
    /// value on its line ("kind: Leader" then "  document: x"): YamlDotNet reads it as a value that goes on
    /// and reports "mapping values are not allowed", which says nothing about indentation. Null otherwise.
    /// </summary>
    internal static string? OverIndented(string text, int index)
    {
        var lineStart = LineStart(text, Math.Min(index, text.Length));
        var indent = Indentation(text, lineStart);
        var next = lineStart;
        while (next > 0)
        {
            // The line above (its break ends at next - 1; CR LF is one break); blank and comment lines are skipped.
            var end = next - 1;
            if (end > 0 && text[end] == '\n' && text[end - 1] == '\r')
            {
                end--;
            }

            var start = LineStart(text, end);
            next = start;
            var content = start + Indentation(text, start);
            while (content + 1 < end && text[content] == '-' && text[content + 1] == ' ')
            {
                content += 2;
                while (content < end && text[content] == ' ')
                {
                    content++;
                }
            }

            var line = text.Substring(content, end - content);
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var keyColumn = content - start;
            if (colon <= 0 || indent <= keyColumn)
            {
                return null;
            }

            var value = line.Substring(colon + 2).Trim();
            if (value.Length == 0 || value[0] is '#' or '|' or '>' or '&' or '!')
            {
                return null;
            }

            var key = Names.Shorten(line.Substring(0, colon).Trim(), 40);
            return $"This line is indented deeper than '{key}' above it, whose value is already on its line: indent it as '{key}' (column {keyColumn + 1}) to make it the next key, or quote the value above if it contains ': '.";
        }

        return null;
    }

    private static int LineStart(string text, int index)
    {
        var i = index;
        while (i > 0 && text[i - 1] is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029'))
        {
            i--;
        }

        return i;
    }

    private static int LineEnd(string text, int index)
    {
        var i = index;
        while (i < text.Length && text[i] is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029'))
        {
            i++;
        }

        return i;
    }

    private static int Indentation(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i - lineStart;
    }

    /// <summary>The first tab from <paramref name="index"/> to the end of the next line, or -1.</summary>
    private static int TabNear(string text, int index)
    {
        var end = Math.Min(text.Length, LineEnd(text, Math.Min(text.Length, LineEnd(text, index) + 1)));
        return index < end ? text.IndexOf('\t', index, end - index) : -1;
    }

    /// <summary>The start of the next token from <paramref name="index"/>: past blanks, line breaks and the indicators ':', '-', '?', ',', '[' and '{'.</summary>
    private static long NextToken(string text, int index)
    {
        var i = Math.Max(0, index);
        while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n' or ':' or '-' or '?' or ',' or '[' or '{')
        {
            i++;
        }

        return i;
    }

    private static Mark Fallback(Scanner scanner, Mark last)
    {
        try
        {
            if (scanner.Current is { } token && token.Start.Index >= last.Index && token.Start.Index > 0)
            {
                return token.Start;
            }

            return scanner.CurrentPosition.Index >= last.Index ? scanner.CurrentPosition : last;
        }
        catch (Exception)
        {
            return last;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    internal static LocationInfo Loc(string path, int offset, TextPos start, TextPos end)
    {
        // YamlDotNet marks are one-based lines and columns with a zero-based index.
        if (end.Index < start.Index)
        {
            end = start;
        }

        var startIndex = (int)Math.Max(0, start.Index) + offset;
        var endIndex = (int)Math.Max(0, end.Index) + offset;
        return new LocationInfo(
            path,
            startIndex,
            endIndex - startIndex,
            (int)Math.Max(0, start.Line - 1),
            (int)Math.Max(0, start.Column - 1),
            (int)Math.Max(0, end.Line - 1),
            (int)Math.Max(0, end.Column - 1));
    }

    private static string Clean(string message)
    {
        message = s_spaces.Replace(s_positionPrefix.Replace(message, string.Empty), " ").Trim();
        return message.Length == 0 ? "unreadable YAML" : message.TrimEnd('.');
    }
}
