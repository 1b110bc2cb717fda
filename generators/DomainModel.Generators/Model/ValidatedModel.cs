using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DomainModel.Generators.Diagnostics;

namespace DomainModel.Generators.Model;

// The models between the stages of the pipeline. Every one is an immutable record with value
// equality, so the incremental driver can tell an unchanged step output from a changed one. Lookups
// built from a model are kept beside it (ConditionalWeakTable), never in it: they take no part in
// equality, and they are built once per model instance, which the driver keeps while it is unchanged.

/// <summary>
/// The schema stage: all schema files and the options in, enums and kinds (with resolved fields) out.
/// <see cref="Incomplete"/> is true when a schema file could not be read at all (or the stage failed):
/// unknown kinds and type names are then not reported, as they may be declared in that file.
/// <see cref="RejectedTypes"/> are enums and kinds that were declared but rejected (each reported once):
/// their uses are not reported again.
/// </summary>
internal sealed record SchemaModel(
    string Namespace,
    int MaxNamedFactsPerKind,
    EquatableArray<EnumModel> Enums,
    EquatableArray<KindShape> Kinds,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool Incomplete,
    EquatableArray<string> RejectedTypes,
    bool EvidenceDocs = true)
{
    private static readonly ConditionalWeakTable<SchemaModel, Dictionary<string, KindShape>> s_kinds = new();
    private static readonly ConditionalWeakTable<SchemaModel, Dictionary<string, EnumModel>> s_enums = new();

    public bool IsRejectedType(string name)
    {
        foreach (var rejected in RejectedTypes)
        {
            if (rejected == name)
            {
                return true;
            }
        }

        return false;
    }

    public KindShape? Kind(string name) =>
        s_kinds.GetValue(this, static m =>
        {
            var map = new Dictionary<string, KindShape>(System.StringComparer.Ordinal);
            foreach (var kind in m.Kinds)
            {
                map[kind.Name] = kind;
            }

            return map;
        }).TryGetValue(name, out var k) ? k : null;

    public EnumModel? Enum(string name) =>
        s_enums.GetValue(this, static m =>
        {
            var map = new Dictionary<string, EnumModel>(System.StringComparer.Ordinal);
            foreach (var e in m.Enums)
            {
                map[e.Name] = e;
            }

            return map;
        }).TryGetValue(name, out var found) ? found : null;
}

internal sealed record EnumModel(string Name, string Description, EquatableArray<string> Values);

/// <summary>
/// A kind as declared: its names, its resolved fields and where its name is written.
/// <see cref="RejectedFields"/> are fields that were declared but rejected (each reported once): values
/// given for them in facts are not reported again.
/// </summary>
internal sealed record KindShape(
    string Name,
    string Plural,
    string Description,
    LocationInfo NameLocation,
    EquatableArray<FieldModel> Fields,
    EquatableArray<string> RejectedFields)
{
    public bool IsRejectedField(string name)
    {
        foreach (var rejected in RejectedFields)
        {
            if (rejected == name)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly ConditionalWeakTable<KindShape, Dictionary<string, int>> s_fieldIndex = new();

    /// <summary>The position of a field by its YAML name, or -1.</summary>
    public int FieldIndex(string name) => FieldIndexes.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The positions of the fields by their YAML names (built once per model: look it up once per file, not per value).</summary>
    public Dictionary<string, int> FieldIndexes =>
        s_fieldIndex.GetValue(this, static k =>
        {
            var map = new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (var i = 0; i < k.Fields.Count; i++)
            {
                map[k.Fields[i].Name] = i;
            }

            return map;
        });
}

internal enum ScalarType
{
    String,
    Integer,
    Decimal,
    Boolean,
    Date,
    Money,
    Quantity,
    Percent,
    Enum,
    Reference,
}

/// <summary>A field type: a built-in, an enum or a kind (<see cref="Target"/>), possibly a list of it.</summary>
internal sealed record TypeRef(ScalarType Type, string? Target, bool IsList)
{
    public override string ToString() => IsList ? $"list<{Element}>" : Element;

    public string Element => Type switch
    {
        ScalarType.Enum or ScalarType.Reference => Target!,
        _ => Type.ToString().ToLowerInvariant(),
    };
}

internal sealed record FieldModel(string Name, string Property, string Description, bool Required, TypeRef Type);

/// <summary>
/// The ids of one facts file, in file order, without positions: unchanged by edits to values.
/// <see cref="RejectedIds"/> are ids of facts that could not be read (each reported by the parser);
/// <see cref="Complete"/> is false when some fact (or the whole file) could not even be identified.
/// <see cref="Error"/> is the DM0026 of a failure to read the ids (the file then has none and is incomplete).
/// </summary>
internal sealed record FileIds(string Path, string? Kind, EquatableArray<string> Ids, EquatableArray<string> RejectedIds, bool Complete, DiagnosticInfo? Error = null);

/// <summary>
/// The id stage: per kind, the accepted ids in index order (ordinal), and the facts rejected for their id.
/// <see cref="FactsIncomplete"/> is true when some facts file could not be read or has an unknown or
/// missing kind: a reference may then dangle because of an error already reported, so none is reported.
/// <see cref="Failed"/> is true when the stage itself failed (DM0026 in <see cref="Diagnostics"/>).
/// </summary>
internal sealed record IdIndex(EquatableArray<KindIds> Kinds, bool FactsIncomplete, bool Failed, EquatableArray<DiagnosticInfo> Diagnostics)
{
    private static readonly ConditionalWeakTable<IdIndex, Dictionary<string, KindIds>> s_kinds = new();

    public KindIds? Kind(string name) =>
        s_kinds.GetValue(this, static m =>
        {
            var map = new Dictionary<string, KindIds>(System.StringComparer.Ordinal);
            foreach (var kind in m.Kinds)
            {
                map[kind.Kind] = kind;
            }

            return map;
        }).TryGetValue(name, out var k) ? k : null;
}

/// <summary>
/// The ids of one kind. <see cref="Unresolvable"/> are ids of facts that were rejected (unreadable, id
/// collision, reserved id): a reference to one is not reported again. <see cref="Incomplete"/> is true
/// when a facts file of this kind holds a fact that could not be identified.
/// </summary>
internal sealed record KindIds(string Kind, EquatableArray<string> Ids, EquatableArray<RejectedFact> Rejected, EquatableArray<string> Unresolvable, bool Incomplete)
{
    private static readonly ConditionalWeakTable<KindIds, IdPositions> s_positions = new();
    private static readonly ConditionalWeakTable<KindIds, HashSet<string>> s_unresolvable = new();

    /// <summary>True when a reference to <paramref name="id"/> dangles because of an error reported elsewhere.</summary>
    public bool IsExplained(string id) =>
        Incomplete || (Unresolvable.Count > 0 && s_unresolvable.GetValue(this, static k => new HashSet<string>(k.Unresolvable, System.StringComparer.Ordinal)).Contains(id));

    /// <summary>The index of an accepted id (its position in <see cref="Ids"/>), or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public int IndexOf(string id) => Positions.IndexOf(id);

    /// <summary>The indexes of the accepted ids (built once per model: look it up once per file, not per value).</summary>
    public IdPositions Positions => s_positions.GetValue(this, static k => new IdPositions(k.Ids));

    public bool IsRejected(string path, int ordinal)
    {
        foreach (var r in Rejected)
        {
            if (r.Ordinal == ordinal && r.Path == path)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Ids to their indexes, for the lookups of every reference: open addressing, each slot holding the id,
/// its hash and its index, so that a lookup reads one slot (and the id, to compare) rather than a bucket,
/// an entry and the key as a Dictionary does: with hundreds of thousands of random lookups into tables
/// of tens of thousands of ids, each of those reads is a cache miss.
/// </summary>
internal sealed class IdPositions
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    public IdPositions(EquatableArray<string> ids)
    {
        var size = 4;
        while (size < ids.Count * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _mask = size - 1;
        for (var i = 0; i < ids.Count; i++)
        {
            ref var slot = ref Find(ids[i], out var hash);
            slot.Id = ids[i];
            slot.Hash = hash;
            slot.Index = i;
        }
    }

    /// <summary>The index of the id, or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public int IndexOf(string id)
    {
        ref var slot = ref Find(id, out _);
        return slot.Id is null ? -1 : slot.Index;
    }

    /// <summary>The slot of the id, or the empty slot where it would go.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private ref Slot Find(string id, out int hash)
    {
        hash = System.StringComparer.Ordinal.GetHashCode(id);
        for (var s = hash & _mask; ; s = (s + 1) & _mask)
        {
            ref var slot = ref _slots[s];
            if (slot.Id is null || (slot.Hash == hash && (ReferenceEquals(slot.Id, id) || string.Equals(slot.Id, id))))
            {
                return ref slot;
            }
        }
    }

    private struct Slot
    {
        public string? Id;
        public int Hash;
        public int Index;
    }
}

/// <summary>
/// A fact not kept because of its id: a duplicate (DM0016), a collision once PascalCased (DM0017, with
/// <see cref="OtherId"/>), or a reserved member name (DM0011). The fact it conflicts with is at
/// <see cref="FirstPath"/>/<see cref="FirstOrdinal"/> (position in its file's fact list).
/// </summary>
internal sealed record RejectedFact(string Path, int Ordinal, string DiagnosticId, string? FirstPath, int FirstOrdinal, string? OtherId);

/// <summary>
/// A source document name that needs a diagnostic at the first evidence naming it: two AdditionalFiles
/// share the name (DM0028, <see cref="OtherPath"/>), or the document is too large for its quotes to be
/// checked (DM0002, <see cref="Length"/> normalized characters).
/// </summary>
internal sealed record DocumentProblem(string Name, string Path, string? OtherPath, int Length);

/// <summary>The documents' problems (usually none), and the DM0026 of a failure to find them.</summary>
internal sealed record DocumentCheck(EquatableArray<DocumentProblem> Problems, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The validate stage for one facts file: its facts, and its diagnostics.</summary>
internal sealed record FileResult(string Path, string? Kind, EquatableArray<ValidatedFact> Facts, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// One fact, validated: its index in its kind (-1 when its id was not kept), its values in the order of
/// its kind's fields (every list field a list, never null), its evidence and its note. The values are
/// references to text the parse stage holds already (or small numbers), so a fact kept by the driver
/// costs little.
/// </summary>
internal sealed record ValidatedFact(int Index, string Id, EquatableArray<FieldValue> Values, EquatableArray<EvidenceItem> Evidence, string? Note)
{
    /// <summary>A fact of <paramref name="kind"/> from its values (taken over: a list field without a value becomes the empty list).</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static ValidatedFact Create(KindShape kind, int index, string id, FieldValue[] values, EvidenceItem[] evidence, string? note)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].IsNull && kind.Fields[i].Type.IsList)
            {
                values[i] = FieldValue.EmptyList;
            }
        }

        return new ValidatedFact(index, id, new EquatableArray<FieldValue>(values), new EquatableArray<EvidenceItem>(evidence), note);
    }
}

/// <summary>
/// One evidence item of a fact: the document it quotes, the quote, whether it contradicts the fact, its hedge
/// (an index in RowFormat.Hedges, -1 for none) and who the claim is attributed to: a fact (<see cref="AttributedToKind"/>
/// and its id in <see cref="AttributedTo"/>) or a text (<see cref="AttributedToKind"/> null), or nobody (both null).
/// </summary>
internal readonly struct EvidenceItem : System.IEquatable<EvidenceItem>
{
    public EvidenceItem(string document, string quote, bool contradicts, int hedge = -1, string? attributedTo = null, string? attributedToKind = null)
    {
        Document = document;
        Quote = quote;
        Contradicts = contradicts;
        Hedge = hedge;
        AttributedTo = attributedTo;
        AttributedToKind = attributedToKind;
    }

    public string Document { get; }

    public string Quote { get; }

    public bool Contradicts { get; }

    /// <summary>The hedge's index in RowFormat.Hedges, or -1.</summary>
    public int Hedge { get; }

    public string? AttributedTo { get; }

    public string? AttributedToKind { get; }

    /// <summary>True when the item has a hedge or an attribution (its row holds three more parts).</summary>
    public bool HasQualification => Hedge >= 0 || AttributedTo is not null;

    public bool Equals(EvidenceItem other) =>
        Contradicts == other.Contradicts && Hedge == other.Hedge && Document == other.Document && Quote == other.Quote
        && AttributedTo == other.AttributedTo && AttributedToKind == other.AttributedToKind;

    public override bool Equals(object? obj) => obj is EvidenceItem other && Equals(other);

    public override int GetHashCode() => (((((Document.GetHashCode() * 31) + Quote.GetHashCode()) * 31) + Hedge) * 2) + (Contradicts ? 1 : 0);
}

/// <summary>The layout of one facts file's facts (see Layout.FactLayout): each row encoded once, and its diagnostics (only DM0026).</summary>
internal sealed record LaidOutFile(string Path, string? Kind, EquatableArray<EmittedFact> Facts, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// One fact as the emit stage writes it: its index in its kind, its values (those of its validated fact,
/// for tools that read the model; the emit stage writes the row), its row (encoded once, see
/// Layout.RowEncoder; rows are joined in one literal per chunk), and for its named catalog property the
/// text of its one-line summary, its
/// evidence and its note (for the property's doc comment). Also whether its row can be in a UTF-8
/// literal (no lone surrogate) and the row's length in UTF-8 bytes.
/// </summary>
internal sealed record EmittedFact(
    int Index,
    string Id,
    EquatableArray<FieldValue> Values,
    string Row,
    EquatableArray<EvidenceItem> Evidence,
    string? Note,
    string? Summary,
    bool Utf8Safe,
    int RowUtf8Length)
{
    /// <summary>The row's length in characters.</summary>
    public int RowLength => Row.Length;
}

/// <summary>The assemble stage (Layout.Assembler): every kind's catalog skeleton and every chunk of rows, plus the scale diagnostics.</summary>
internal sealed record AssembledModel(EquatableArray<KindOutput> Kinds, EquatableArray<ChunkModel> Chunks, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// What the record and the catalog class of a kind need: not its rows (those are in chunks), and of the
/// other kinds only the catalog names of those it references (so an edit elsewhere leaves it unchanged).
/// </summary>
internal sealed record KindOutput(
    string Namespace,
    KindShape Kind,
    EquatableArray<KindName> References,
    int Count,
    EquatableArray<bool> ChunkUtf8)
{
    /// <summary>Per chunk: its UTF-8 rows are packed in a string literal (see PackedRows). Empty when none is.</summary>
    public EquatableArray<bool> ChunkPacked { get; init; } = EquatableArray<bool>.Empty;

    public bool IsPacked(int chunk) => chunk < ChunkPacked.Count && ChunkPacked[chunk];
}

/// <summary>
/// How rows are kept: <see cref="Utf8"/> when the project can use UTF-8 rows (C# 11 and a target framework
/// with span APIs); <see cref="Pack"/> from DomainModelPackRows (null: decided by size).
/// </summary>
internal readonly record struct RowMode(bool Utf8, bool? Pack);

/// <summary>A kind and its catalog (plural) name.</summary>
internal sealed record KindName(string Name, string Plural);

/// <summary>Up to RowsPerChunk consecutive facts of one kind: one generated file, re-emitted only when one of them changes.</summary>
/// <see cref="Utf8"/>: the rows are UTF-8 bytes; <see cref="Packed"/>: those bytes are packed two per character in a string literal (see PackedRows), else a UTF-8 literal.
internal sealed record ChunkModel(string Namespace, string Kind, string Plural, int Number, bool Utf8, EquatableArray<EmittedFact> Facts, bool Packed = false, bool EvidenceDocs = true, bool Named = true);

/// <summary>
/// A fact of a kind larger than DomainModelMaxNamedFactsPerKind that the user's code names
/// (<c>Leaders.VladimirPutin</c>): its kind and its index in the kind (Layout.NamedOnUse).
/// </summary>
internal readonly record struct NamedUse(string Kind, int Index) : System.IComparable<NamedUse>
{
    public int CompareTo(NamedUse other)
    {
        var kind = string.CompareOrdinal(Kind, other.Kind);
        return kind != 0 ? kind : Index.CompareTo(other.Index);
    }
}

/// <summary>The named properties of one kind's facts that the user's code names, past DomainModelMaxNamedFactsPerKind (emitted as <c>{Plural}.Named.g.cs</c>).</summary>
internal sealed record NamedModel(string Namespace, string Kind, string Plural, EquatableArray<EmittedFact> Facts, bool EvidenceDocs);

/// <summary>What the cross-kind catalog needs of each kind (so it does not change when facts do).</summary>
internal sealed record KindSummary(string Name, string Plural, string Description, EquatableArray<FieldSummary> Fields);

/// <summary>The catalog stage (Layout.CatalogLayout): what the cross-kind FactCatalog is written from.</summary>
internal sealed record CatalogModel(string Namespace, EquatableArray<KindSummary> Kinds, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A field as the catalog describes it at run time (FieldDescriptor).</summary>
internal sealed record FieldSummary(string Name, string Property, string Type, bool Required, string Description);

/// <summary>
/// A field value in canonical text: null (the default), one item (a scalar) or many (a list). See
/// ValueConverter. A struct over one string, one array or one number (an index: a reference or an enum
/// value, kept as int until it is written): a fact's values cost no objects of their own. Beside its text a
/// date keeps its basis (<see cref="Basis"/>: an index in RowFormat.DateBases, 0 for none given) and a list
/// whether it is the source's examples (<see cref="IsExamples"/>), in the number a text does not use.
/// </summary>
internal readonly struct FieldValue : System.IEquatable<FieldValue>
{
    private static readonly object s_number = new();
    private readonly object? _value;
    private readonly int _number;

    /// <summary>A scalar.</summary>
    public FieldValue(string item)
    {
        _value = item;
        _number = 0;
    }

    /// <summary>A date with its basis (an index in RowFormat.DateBases; 0: none given).</summary>
    public FieldValue(string item, int basis)
    {
        _value = item;
        _number = basis;
    }

    /// <summary>A list (possibly empty, which is not null).</summary>
    public FieldValue(string[] items)
    {
        _value = items;
        _number = 0;
    }

    /// <summary>A list, marked as the source's examples rather than a complete list when <paramref name="examples"/>.</summary>
    public FieldValue(string[] items, bool examples)
    {
        _value = items;
        _number = examples ? 1 : 0;
    }

    /// <summary>A scalar that is an index (its text is the number in invariant digits).</summary>
    public FieldValue(int number)
    {
        _value = s_number;
        _number = number;
    }

    public static FieldValue Null => default;

    /// <summary>The empty list: what a list field without a value holds once its fact is validated.</summary>
    public static FieldValue EmptyList { get; } = new(System.Array.Empty<string>());

    public bool IsNull => _value is null;

    public bool IsList => _value is string[];

    /// <summary>True for a scalar made from a number: read <see cref="Number"/> rather than its text.</summary>
    public bool IsNumber => ReferenceEquals(_value, s_number);

    public int Number => _number;

    /// <summary>A date's basis: its index in RowFormat.DateBases (0, unspecified, for any other value).</summary>
    public int Basis => _value is string ? _number : 0;

    /// <summary>True for a list given as the source's examples (<c>{ examples: [a, b] }</c>).</summary>
    public bool IsExamples => _value is string[] && _number != 0;

    /// <summary>The number of items: 0 when null, 1 for a scalar.</summary>
    public int Count => _value switch
    {
        null => 0,
        string[] items => items.Length,
        _ => 1,
    };

    /// <summary>An item's canonical text.</summary>
    public string this[int index] => _value switch
    {
        string item => item,
        string[] items => items[index],
        _ => _number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public bool Equals(FieldValue other) => _number == other._number && _value switch
    {
        null => other._value is null,
        string item => other._value is string otherItem && item == otherItem,
        string[] items => other._value is string[] otherItems && System.MemoryExtensions.SequenceEqual<string>(items, otherItems),
        _ => other.IsNumber,
    };

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => _value switch
    {
        null => 0,
        string item => item.GetHashCode() + _number,
        string[] items => items.Length + 1 + (_number << 16),
        _ => _number,
    };
}
