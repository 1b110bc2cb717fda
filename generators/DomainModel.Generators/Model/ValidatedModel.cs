namespace DomainModel.Generators.Model;

/// <summary>The cross-file result of validation: everything the emitter needs, nothing it does not.</summary>
internal sealed record ValidatedModel(
    string Namespace,
    EquatableArray<EnumModel> Enums,
    EquatableArray<KindModel> Kinds,
    EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics);

internal sealed record EnumModel(string Name, string Description, EquatableArray<string> Values);

/// <summary>One kind with its facts in id order (ordinal). <see cref="NamedCount"/> facts get a named property.</summary>
internal sealed record KindModel(
    string Name,
    string Plural,
    string Description,
    EquatableArray<FieldModel> Fields,
    EquatableArray<FactModel> Facts,
    int NamedCount);

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
/// A fact ready to emit. <see cref="Values"/> holds one entry per schema field, in field order, each in
/// canonical invariant text (see <see cref="FieldValue"/>).
/// </summary>
internal sealed record FactModel(
    string Id,
    string Property,
    EquatableArray<FieldValue> Values,
    EquatableArray<EvidenceModel> Evidence,
    string? Note);

/// <summary>
/// A field value in canonical text: null, or one item (scalar) or many (list). Items are:
/// string as is; integer/decimal/percent invariant numbers; boolean true/false; date 2025, 2025-07,
/// 2025-10-15 or 195X; money "amount CUR"; quantity "value qualifierIndex unit"; enum the value's
/// index; reference the target fact's index in its kind.
/// </summary>
internal sealed record FieldValue(bool IsNull, EquatableArray<string> Items)
{
    public static readonly FieldValue Null = new(true, EquatableArray<string>.Empty);
}

internal sealed record EvidenceModel(string Document, string Quote, bool Contradicts);
