using System.Linq;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;

namespace DomainModel.Generators.Layout;

/// <summary>
/// The catalog stage: what the cross-kind FactCatalog is written from, taken from the schema alone, so
/// that it does not change when facts do.
/// </summary>
internal static class CatalogLayout
{
    public static CatalogModel Of(SchemaModel schema) =>
        new(schema.Namespace, schema.Kinds.Select(Kind).ToEquatableArray(), EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>The stage's result when the stage itself failed: a catalog without kinds.</summary>
    public static CatalogModel Failed(SchemaModel schema, DiagnosticInfo error) =>
        new(schema.Namespace, EquatableArray<KindSummary>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error }));

    private static KindSummary Kind(KindShape kind)
    {
        var fields = new FieldSummary[kind.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var f = kind.Fields[i];
            fields[i] = new FieldSummary(f.Name, f.Property, f.Type.ToString(), f.Required, f.Description);
        }

        return new KindSummary(kind.Name, kind.Plural, kind.Description, new EquatableArray<FieldSummary>(fields));
    }
}
