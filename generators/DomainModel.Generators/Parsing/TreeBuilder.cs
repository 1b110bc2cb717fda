using System;
using System.Collections.Generic;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Parsing;

/// <summary>
/// A position in YAML text as YamlDotNet reports it: a zero-based character index, and one-based line and
/// column (line breaks counted as YamlDotNet counts them: CR LF is one break).
/// </summary>
internal readonly record struct TextPos(int Index, int Line, int Column);

/// <summary>
/// Builds <see cref="RawNode"/>s from a stream of YAML node events, whoever reads the text: YamlDotNet's
/// event parser or <see cref="FastYamlScanner"/>. It enforces the node, depth and scalar limits and
/// detects duplicate keys. Every method returns false when reading must stop (the diagnostic is added).
/// </summary>
internal sealed class TreeBuilder
{
    private readonly string _path;
    private readonly int _offset;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Stack<Frame> _stack = new();

    /// <summary>Frames of closed collections, kept with their lists' capacity for the next collection.</summary>
    private readonly Stack<Frame> _pool = new();
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private int _nodes;

    public TreeBuilder(string path, int offset, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _offset = offset;
        _diagnostics = diagnostics;
    }

    /// <summary>The document's root node, once its last event has been read.</summary>
    public RawNode? Root { get; private set; }

    /// <summary>The number of nodes read so far.</summary>
    public int Nodes => _nodes;

    /// <summary>Whether a method returned false (a limit was passed or a key is not a scalar; its diagnostic is added).</summary>
    public bool Failed { get; private set; }

    /// <summary>The number of open collections.</summary>
    public int Depth => _stack.Count;

    /// <summary>The number of entries or items of the innermost open collection (0 when none is open).</summary>
    public int Children => _stack.Count == 0 ? 0 : _stack.Peek().Count;

    /// <summary>The number of diagnostics added so far (to this builder's list).</summary>
    public int DiagnosticCount => _diagnostics.Count;

    /// <summary>
    /// Goes back to an earlier state: <paramref name="depth"/> open collections, the innermost with
    /// <paramref name="children"/> entries or items and no key waiting for its value, <paramref name="nodes"/>
    /// nodes and <paramref name="diagnostics"/> diagnostics. Everything read since is dropped.
    /// </summary>
    public void Restore(int depth, int children, int nodes, int diagnostics)
    {
        while (_stack.Count > depth)
        {
            _pool.Push(_stack.Pop());
        }

        _stack.Peek().Truncate(children);
        _nodes = nodes;
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
    }

    /// <summary>The open collections, outermost first: whether each is a mapping, and its zero-based start column.</summary>
    public (bool IsMapping, int Column)[] OpenCollections()
    {
        var frames = _stack.ToArray();
        var open = new (bool, int)[frames.Length];
        for (var i = 0; i < frames.Length; i++)
        {
            var frame = frames[frames.Length - 1 - i];
            open[i] = (frame.IsMapping, frame.Start.Column - 1);
        }

        return open;
    }

    /// <summary>Counts a node (scalar, mapping, sequence or alias) against <see cref="YamlReader.MaxNodes"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public bool CountNode(TextPos start)
    {
        if (++_nodes > YamlReader.MaxNodes)
        {
            Failed = true;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, Loc(start, start), "The number of YAML nodes", $"{YamlReader.MaxNodes} nodes", "Split the file into several files."));
            return false;
        }

        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public bool Scalar(string value, bool isPlain, TextPos start, TextPos end)
    {
        if (!CountNode(start))
        {
            return false;
        }

        if (value.Length > YamlReader.MaxScalarChars)
        {
            Failed = true;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, Loc(start, start), $"A scalar of {value.Length} characters", $"{YamlReader.MaxScalarChars} characters", "Shorten the value."));
            return false;
        }

        // Mapping keys repeat in every fact ("id", "name", ...): keep one string per distinct key,
        // so the parsed model that the driver caches holds each key once. A key is no node of its own.
        if (_stack.Count > 0 && _stack.Peek() is { IsMapping: true, HasPendingKey: false } mapping)
        {
            if (_keys.TryGetValue(value, out var known))
            {
                value = known;
            }
            else if (_keys.Count < 4096)
            {
                _keys.Add(value, value);
            }

            AddKey(mapping, new RawKey(value, Loc(start, end)));
            return true;
        }

        return Add(new RawScalar(value, isPlain, Loc(start, end)));
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public bool Start(bool isMapping, TextPos start, TextPos end)
    {
        if (!CountNode(start))
        {
            return false;
        }

        if (_stack.Count >= YamlReader.MaxDepth)
        {
            Failed = true;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, Loc(start, end), "Nesting depth", $"{YamlReader.MaxDepth} levels", "Flatten the structure."));
            return false;
        }

        var frame = _pool.Count > 0 ? _pool.Pop() : new Frame();
        frame.Reset(isMapping, start);
        _stack.Push(frame);
        return true;
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public bool End(TextPos end)
    {
        var frame = _stack.Pop();
        var location = Loc(frame.Start, end);
        RawNode node = frame.IsMapping
            ? new RawMapping(new EquatableArray<RawEntry>(frame.Entries.ToArray()), location)
            : new RawSequence(new EquatableArray<RawNode>(frame.Items.ToArray()), location);
        _pool.Push(frame);
        return Add(node);
    }

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public LocationInfo Loc(TextPos start, TextPos end) => YamlReader.Loc(_path, _offset, start, end);

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private bool Add(RawNode node)
    {
        if (_stack.Count == 0)
        {
            Root = node;
            return true;
        }

        var frame = _stack.Peek();
        if (!frame.IsMapping)
        {
            frame.Items.Add(node);
            return true;
        }

        if (!frame.HasPendingKey)
        {
            // A scalar key is added by Scalar: this is a collection where a key goes.
            Failed = true;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedYaml, node.Location, "A mapping key that is not a scalar", "Use a plain text key."));
            return false;
        }

        // A duplicate key was reported above; keep only the first entry so later stages see one value.
        var pending = frame.PendingKey;
        frame.HasPendingKey = false;
        if (!frame.PendingDuplicate)
        {
            frame.Add(new RawEntry(pending, node));
        }

        frame.PendingDuplicate = false;
        return true;
    }

    /// <summary>A key read in <paramref name="frame"/>, waiting for its value; a duplicate is reported (DM0004) and its entry will not be kept.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private void AddKey(Frame frame, RawKey key)
    {
        if (frame.FindKey(key.Value) is { } first)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateKey, key.Location, key.Value, first.Location.Display));
            frame.PendingDuplicate = true;
        }

        frame.PendingKey = key;
        frame.HasPendingKey = true;
    }

    /// <summary>An open collection. Frames are reused (<see cref="Reset"/>): a file has a few levels of nesting and thousands of collections.</summary>
    private sealed class Frame
    {
        private Dictionary<string, RawKey>? _spareKeys;

        public bool IsMapping { get; private set; }

        public TextPos Start { get; private set; }

        public List<RawEntry> Entries { get; } = new();

        /// <summary>The keys by text, once the mapping has more than 16 entries (null before).</summary>
        public Dictionary<string, RawKey>? Keys { get; private set; }

        public List<RawNode> Items { get; } = new();

        /// <summary>Makes this frame a new, empty collection.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public void Reset(bool isMapping, TextPos start)
        {
            IsMapping = isMapping;
            Start = start;
            Entries.Clear();
            Items.Clear();
            if (Keys is not null)
            {
                Keys.Clear();
                _spareKeys = Keys;
                Keys = null;
            }

            HasPendingKey = false;
            PendingDuplicate = false;
        }

        /// <summary>The key waiting for its value, when <see cref="HasPendingKey"/>.</summary>
        public RawKey PendingKey { get; set; }

        public bool HasPendingKey { get; set; }

        public bool PendingDuplicate { get; set; }

        public int Count => IsMapping ? Entries.Count : Items.Count;

        /// <summary>Keeps the first <paramref name="count"/> entries or items, and no key waiting for its value.</summary>
        public void Truncate(int count)
        {
            if (!IsMapping)
            {
                Items.RemoveRange(count, Items.Count - count);
                return;
            }

            for (var i = count; i < Entries.Count; i++)
            {
                // Entries hold no duplicate key: each key removed here is its entry's own.
                Keys?.Remove(Entries[i].Key.Value);
            }

            Entries.RemoveRange(count, Entries.Count - count);
            HasPendingKey = false;
            PendingDuplicate = false;
        }

        /// <summary>The first key with this text: a linear scan while the mapping is small, a dictionary beyond.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public RawKey? FindKey(string key)
        {
            if (Keys is not null)
            {
                return Keys.TryGetValue(key, out var found) ? found : null;
            }

            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Key;
                }
            }

            return null;
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public void Add(RawEntry entry)
        {
            Entries.Add(entry);
            if (Keys is not null)
            {
                Keys.Add(entry.Key.Value, entry.Key);
            }
            else if (Entries.Count > 16)
            {
                Keys = _spareKeys ?? new Dictionary<string, RawKey>(StringComparer.Ordinal);
                _spareKeys = null;
                foreach (var e in Entries)
                {
                    Keys.Add(e.Key.Value, e.Key);
                }
            }
        }
    }
}
