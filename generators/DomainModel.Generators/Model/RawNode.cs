namespace DomainModel.Generators.Model;

/// <summary>
/// A YAML node as read, with its position. Values in facts files stay raw until validation,
/// because only the schema (from other files) says what type they must have.
/// </summary>
internal abstract record RawNode(LocationInfo Location)
{
    /// <summary>A human word for the node kind, used in diagnostics.</summary>
    public abstract string Describe { get; }
}

/// <summary>A scalar. <see cref="IsPlain"/> is false for quoted and block scalars.</summary>
internal sealed record RawScalar(string Value, bool IsPlain, LocationInfo Location) : RawNode(Location)
{
    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override string Describe => IsNull ? "null" : "a scalar";
}

internal sealed record RawSequence(EquatableArray<RawNode> Items, LocationInfo Location) : RawNode(Location)
{
    public override string Describe => "a sequence";
}

internal sealed record RawMapping(EquatableArray<RawEntry> Entries, LocationInfo Location) : RawNode(Location)
{
    public override string Describe => "a mapping";

    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public RawEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry;
            }
        }

        return null;
    }
}

/// <summary>A mapping key: its text and position. Keys are plain text (a key that is not a scalar is an error), kept inline in their entry.</summary>
internal readonly record struct RawKey(string Value, LocationInfo Location);

/// <summary>A mapping entry: a value type holding its key, so that a mapping's entries are one array and not two objects each.</summary>
internal readonly record struct RawEntry(RawKey Key, RawNode Value);
