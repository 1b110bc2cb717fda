using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DomainModel.Generators.Parsing;

/// <summary>
/// Reads YAML text into <see cref="RawNode"/>s using YamlDotNet's event parser, without recursion.
/// It enforces the documented limits, rejects aliases (no alias bombs), detects duplicate keys,
/// and turns every YamlDotNet failure into a DM0001 at the best known position: YamlDotNet reports
/// some errors at 1:1 or throws without a position, so the end of the last good event is used then.
/// </summary>
internal static class YamlReader
{
    /// <summary>Maximum nesting of mappings and sequences. YamlDotNet's own tree loader overflows the stack near 60,000.</summary>
    public const int MaxDepth = 64;

    /// <summary>Maximum size of one input file, in characters (64 Mi).</summary>
    public const int MaxFileChars = 64 * 1024 * 1024;

    /// <summary>Maximum length of one scalar, in characters (1 Mi).</summary>
    public const int MaxScalarChars = 1024 * 1024;

    private static readonly Regex s_positionPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    public static RawNode? Read(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        if (text.Length > MaxFileChars)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, LocationInfo.FileStart(path), $"File size ({text.Length} characters)", $"{MaxFileChars} characters", "Split the file into several files."));
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var stack = new Stack<Frame>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        RawNode? root = null;
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
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, current.Start, current.End), "A second YAML document in one file", "Put each document in its own file."));
                            return root;
                        }

                        break;
                    case DocumentStart:
                        documents++;
                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, Loc(path, alias.Start, alias.End), $"The alias '*{alias.Value}'", "Anchors and aliases are not expanded; write the value out."));
                        return null;
                    case Scalar scalar:
                        if (scalar.Value.Length > MaxScalarChars)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, Loc(path, scalar.Start, scalar.Start), $"A scalar of {scalar.Value.Length} characters", $"{MaxScalarChars} characters", "Shorten the value."));
                            return null;
                        }

                        // Mapping keys repeat in every fact ("id", "name", ...): keep one string per distinct key,
                        // so the parsed model that the driver caches holds each key once.
                        var value = scalar.Value;
                        if (stack.Count > 0 && stack.Peek() is { IsMapping: true, PendingKey: null })
                        {
                            if (keys.TryGetValue(value, out var known))
                            {
                                value = known;
                            }
                            else if (keys.Count < 4096)
                            {
                                keys.Add(value, value);
                            }
                        }

                        if (!Add(stack, ref root, new RawScalar(value, scalar.Style == ScalarStyle.Plain, Loc(path, scalar.Start, scalar.End)), path, diagnostics))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart:
                    case MappingStart:
                        if (stack.Count >= MaxDepth)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, Loc(path, current.Start, current.End), "Nesting depth", $"{MaxDepth} levels", "Flatten the structure."));
                            return null;
                        }

                        stack.Push(new Frame(current is MappingStart, current.Start));
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        var frame = stack.Pop();
                        var location = Loc(path, frame.Start, current.End);
                        RawNode node = frame.IsMapping
                            ? new RawMapping(new EquatableArray<RawEntry>(frame.Entries!.ToArray()), location)
                            : new RawSequence(new EquatableArray<RawNode>(frame.Items!.ToArray()), location);
                        if (!Add(stack, ref root, node, path, diagnostics))
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
        catch (YamlException ex)
        {
            // Some YamlDotNet errors carry 1:1 (or nothing useful): fall back to the last good event.
            var start = ex.Start.Index > 0 || last.Index == 0 ? ex.Start : last;
            var end = ex.Start.Index > 0 ? ex.End : last;
            if (end.Index < start.Index)
            {
                end = start;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Loc(path, start, end), Clean(ex.Message)));
            return null;
        }
        catch (Exception ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, Loc(path, last, last), Clean(ex.Message)));
            return null;
        }

        return root;
    }

    private static bool Add(Stack<Frame> stack, ref RawNode? root, RawNode node, string path, List<DiagnosticInfo> diagnostics)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        var frame = stack.Peek();
        if (!frame.IsMapping)
        {
            frame.Items!.Add(node);
            return true;
        }

        if (frame.PendingKey is null)
        {
            if (node is not RawScalar key)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, node.Location, "A mapping key that is not a scalar", "Use a plain text key."));
                return false;
            }

            if (frame.FindKey(key.Value) is { } first)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateKey, key.Location, key.Value, first.Location.Display));
                frame.PendingDuplicate = true;
            }

            frame.PendingKey = key;
            return true;
        }

        // A duplicate key was reported above; keep only the first entry so later stages see one value.
        var pending = frame.PendingKey;
        frame.PendingKey = null;
        if (!frame.PendingDuplicate)
        {
            frame.Add(new RawEntry(pending, node));
        }

        frame.PendingDuplicate = false;
        return true;
    }

    internal static LocationInfo Loc(string path, Mark start, Mark end)
    {
        // YamlDotNet marks are one-based; Mark.Empty is 0:0.
        var startIndex = (int)Math.Max(0, start.Index);
        var endIndex = (int)Math.Max(startIndex, end.Index);
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
        message = s_positionPrefix.Replace(message, string.Empty).Trim();
        return message.Length == 0 ? "unreadable YAML" : message.TrimEnd('.');
    }

    private sealed class Frame
    {
        public Frame(bool isMapping, Mark start)
        {
            IsMapping = isMapping;
            Start = start;
            if (isMapping)
            {
                Entries = new List<RawEntry>();
            }
            else
            {
                Items = new List<RawNode>();
            }
        }

        /// <summary>The first key with this text: a linear scan while the mapping is small, a dictionary beyond.</summary>
        public RawScalar? FindKey(string key)
        {
            if (Keys is not null)
            {
                return Keys.TryGetValue(key, out var found) ? found : null;
            }

            foreach (var entry in Entries!)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Key;
                }
            }

            return null;
        }

        public void Add(RawEntry entry)
        {
            Entries!.Add(entry);
            if (Keys is not null)
            {
                Keys.Add(entry.Key.Value, entry.Key);
            }
            else if (Entries.Count > 16)
            {
                Keys = new Dictionary<string, RawScalar>(StringComparer.Ordinal);
                foreach (var e in Entries)
                {
                    Keys.Add(e.Key.Value, e.Key);
                }
            }
        }

        public bool IsMapping { get; }

        public Mark Start { get; }

        public List<RawEntry>? Entries { get; }

        public Dictionary<string, RawScalar>? Keys { get; private set; }

        public List<RawNode>? Items { get; }

        public RawScalar? PendingKey { get; set; }

        public bool PendingDuplicate { get; set; }
    }
}
