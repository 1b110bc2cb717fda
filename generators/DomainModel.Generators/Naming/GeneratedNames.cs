using System;

namespace DomainModel.Generators.Naming;

/// <summary>
/// The names the generated code declares itself (the runtime's types, every record's and every catalog's
/// members), which a schema or a fact id may therefore not take. The emit stage writes these members and
/// the schema and id stages reject them: the lists are here, beside neither, so that both use one list
/// (docs/diagnostics.md lists them too, held to these by DocumentationTests). GeneratedNamesTests holds the
/// lists to the code that creates the names: the runtime's public types, and a generated catalog's members.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>Names the generated runtime types use; a kind or enum may not take them.</summary>
    public static readonly string[] ReservedTypeNames =
    {
        "FactDate", "DatePrecision", "Money", "Quantity", "QuantityQualifier", "Percent", "Provenance", "Evidence",
        "EvidenceStance", "EvidenceHedge", "DateBasis", "FactList", "ValueList", "IFact", "FactCatalog", "KindInfo", "FieldDescriptor", "FactRow", "FactTable", "StringRows", "Utf8Rows", "System",
    };

    /// <summary>
    /// Property names a field may not take (record members and the fact's own members). A kind may not
    /// take them either: a member may not have the name of its record (CS0542).
    /// </summary>
    public static readonly string[] ReservedFieldProperties =
    {
        "Id", "Provenance", "Kind", "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize",
    };

    /// <summary>
    /// Public and inherited member names of every catalog class (see Emitter.Kind) that a fact
    /// property may not take; a catalog (plural) may not take them either. The catalog's private helpers
    /// (<c>_At</c>, <c>_Create</c>, <c>_Rows0</c>, <c>_PackedRows0</c>, <c>_Utf8Rows</c>, <c>_StringRows</c>) and
    /// field (<c>s_table</c>) start with '_' or 's_', which no PascalCase id can.
    /// </summary>
    public static readonly string[] ReservedCatalogMembers =
    {
        "All", "Count", "Get", "TryGet", "Kind", "Equals", "ReferenceEquals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    public static bool IsReservedTypeName(string name)
    {
        foreach (var reserved in ReservedTypeNames)
        {
            if (string.Equals(reserved, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsReservedCatalogMember(string name) =>
        Array.IndexOf(ReservedCatalogMembers, name) >= 0;

    /// <summary>Whether the property of an id (its PascalCase form) is a catalog member's name.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static bool IsReservedCatalogProperty(string id)
    {
        foreach (var reserved in ReservedCatalogMembers)
        {
            if (Names.PascalComparer.Is(id, reserved))
            {
                return true;
            }
        }

        return false;
    }
}
