using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace DomainModel;

/// <summary>A field of a kind as declared in its schema.</summary>
public sealed class FieldDescriptor
{
    /// <summary>Describes a field. Created by generated code (FactCatalog.Kinds); not meant to be called by users.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public FieldDescriptor(string name, string property, string type, bool isRequired, string description)
    {
        Name = name;
        Property = property;
        Type = type;
        IsRequired = isRequired;
        Description = description;
    }

    /// <summary>The schema name, e.g. <c>annual_payment</c>.</summary>
    public string Name { get; }

    /// <summary>The generated property, e.g. <c>AnnualPayment</c>.</summary>
    public string Property { get; }

    /// <summary>The schema type, e.g. <c>money</c>, <c>AgreementStatus</c> or <c>list&lt;Country&gt;</c>.</summary>
    public string Type { get; }

    /// <summary>Whether every fact must give the field.</summary>
    public bool IsRequired { get; }

    /// <summary>The field's description from its schema.</summary>
    public string Description { get; }

    /// <summary>The name and schema type, e.g. <c>annual_payment: money</c>.</summary>
    public override string ToString() => Name + ": " + Type;
}

/// <summary>Describes one kind of fact and gives untyped access to its catalog.</summary>
public sealed class KindInfo
{
    private readonly Func<string, IFact?> _find;

    /// <summary>Describes a kind. Created by generated code (FactCatalog.Kinds); not meant to be called by users.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public KindInfo(string name, string plural, string description, Type type, FieldDescriptor[] fields, IReadOnlyList<IFact> all, Func<string, IFact?> find)
    {
        Fields = new ValueList<FieldDescriptor>(fields);
        Name = name;
        Plural = plural;
        Description = description;
        Type = type;
        All = all;
        _find = find;
    }

    /// <summary>The kind's name, e.g. <c>Leader</c>.</summary>
    public string Name { get; }

    /// <summary>The name of its catalog, e.g. <c>Leaders</c>.</summary>
    public string Plural { get; }

    /// <summary>The kind's description from its schema.</summary>
    public string Description { get; }

    /// <summary>The generated record type.</summary>
    public Type Type { get; }

    /// <summary>The kind's fields as declared in its schema, in declaration order.</summary>
    public ValueList<FieldDescriptor> Fields { get; }

    /// <summary>Every fact of this kind, in id order.</summary>
    public IReadOnlyList<IFact> All { get; }

    /// <summary>The fact with this id, or null.</summary>
    public IFact? Find(string id) => _find(id);

    /// <summary>The kind's name and how many facts it has, e.g. <c>Leader (15 facts)</c>.</summary>
    public override string ToString() => Name + " (" + All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (All.Count == 1 ? " fact)" : " facts)");
}
