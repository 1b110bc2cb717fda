using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using DomainModel.Testing;
using PublicApiGenerator;
using Xunit;

namespace DomainModel.Runtime.Tests;

public class PublicApiTests
{
    private static readonly Assembly s_assembly = typeof(FactDate).Assembly;

    [Fact]
    public void Public_api_is_unchanged()
    {
        var api = s_assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Snapshot.Verify(api, "DomainModel.Runtime", "txt");
    }

    /// <summary>What generated code calls but users should not: hidden from IntelliSense, and documented as such.</summary>
    [Fact]
    public void Members_for_generated_code_are_hidden_from_IntelliSense()
    {
        foreach (var type in new[] { typeof(FactRow), typeof(FactTable<>), typeof(StringRows), typeof(Utf8Rows) })
        {
            Assert.Equal(EditorBrowsableState.Never, type.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
        }

        foreach (var constructor in new[] { typeof(KindInfo), typeof(FieldDescriptor), typeof(FactList<IFact>) }.SelectMany(t => t.GetConstructors()))
        {
            Assert.Equal(EditorBrowsableState.Never, constructor.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
        }
    }

    /// <summary>Values that come only from rows cannot be built by users: no public constructor with parameters.</summary>
    [Fact]
    public void Provenance_lists_and_dates_have_no_public_constructor()
    {
        foreach (var type in new[] { typeof(Provenance), typeof(ValueList<>), typeof(FactDate) })
        {
            Assert.DoesNotContain(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length > 0);
        }
    }

    [Fact]
    public void Public_types_are_the_runtime_types()
    {
        var names = s_assembly.GetExportedTypes().Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "DomainModel.DateBasis", "DomainModel.DatePrecision", "DomainModel.Evidence", "DomainModel.EvidenceHedge", "DomainModel.EvidenceStance", "DomainModel.FactDate", "DomainModel.FactList`1",
                "DomainModel.FactList`1+Enumerator", "DomainModel.FactRow", "DomainModel.FactTable`1", "DomainModel.FieldDescriptor", "DomainModel.IFact", "DomainModel.KindInfo",
                "DomainModel.Money", "DomainModel.Percent", "DomainModel.Provenance", "DomainModel.Quantity", "DomainModel.QuantityQualifier",
                "DomainModel.StringRows", "DomainModel.Utf8Rows", "DomainModel.ValueList`1", "DomainModel.ValueList`1+Enumerator",
            },
            names);
    }
}
