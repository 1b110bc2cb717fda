using System;
using System.Linq;
using System.Reflection;
using DomainModel.Testing;
using PublicApiGenerator;
using Xunit;

namespace DomainModel.Tests;

public class PublicApiTests
{
    private static readonly Assembly s_assembly = typeof(Leaders).Assembly;

    /// <summary>Runtime types every generated model has, besides the kinds, catalogs and schema enums.</summary>
    private static readonly string[] s_runtimeTypes =
    [
        "DatePrecision", "Evidence", "EvidenceStance", "FactCatalog", "FactDate", "FieldDescriptor", "FactList`1", "FactList`1+Enumerator", "IFact", "KindInfo",
        "Money", "Percent", "Provenance", "Quantity", "QuantityQualifier", "ValueList`1", "ValueList`1+Enumerator",
    ];

    [Fact]
    public void Public_api_is_unchanged()
    {
        var api = s_assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Snapshot.Verify(api, "DomainModel", "txt");
    }

    [Fact]
    public void Row_decoding_is_internal()
    {
        var factRow = s_assembly.GetType("DomainModel.FactRow", throwOnError: true)!;
        Assert.False(factRow.IsVisible);
        Assert.DoesNotContain("FactRow", s_assembly.GeneratePublicApi(), StringComparison.Ordinal);
    }

    [Fact]
    public void Public_types_are_the_kinds_their_catalogs_the_schema_enums_and_the_runtime_types()
    {
        var kinds = FactCatalog.Kinds.Select(k => k.Type).ToHashSet();
        var catalogs = FactCatalog.Kinds.Select(k => k.Plural).ToHashSet();
        var enums = Repo.SchemaEnums().Select(e => e.Name).ToHashSet();
        foreach (var type in s_assembly.GetExportedTypes())
        {
            var name = type.FullName!["DomainModel.".Length..];
            Assert.True(
                kinds.Contains(type) || catalogs.Contains(name) || enums.Contains(name) || s_runtimeTypes.Contains(name),
                $"Unexpected public type {type.FullName}.");
        }

        Assert.Equal(kinds.Count + catalogs.Count + enums.Count + s_runtimeTypes.Length, s_assembly.GetExportedTypes().Length);
    }

    [Fact]
    public void Facts_cannot_be_constructed_or_mutated_by_users()
    {
        foreach (var kind in FactCatalog.Kinds)
        {
            var type = kind.Type;
            Assert.True(type.IsSealed, $"{type.Name} is not sealed.");
            Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
            Assert.DoesNotContain(type.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance), c => c.IsFamily || c.IsFamilyOrAssembly);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, $"{type.Name}.{property.Name} has a public setter or init.");
            }

            Assert.Empty(type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        }
    }

    [Fact]
    public void Catalogs_expose_only_facts_All_Count_Get_and_TryGet()
    {
        foreach (var kind in FactCatalog.Kinds)
        {
            var catalog = s_assembly.GetType("DomainModel." + kind.Plural, throwOnError: true)!;
            Assert.True(catalog.IsAbstract && catalog.IsSealed, $"{catalog.Name} is not static.");
            var members = catalog.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true }) // property getters
                .ToList();
            var facts = members.OfType<PropertyInfo>().Where(p => p.PropertyType == kind.Type).ToList();
            Assert.Equal(kind.All.Count, facts.Count);
            Assert.Equal(
                ["All", "Count", "Get", "TryGet"],
                members.Except(facts).Select(m => m.Name).Order(StringComparer.Ordinal));
            // A property, not a const: a const would be baked into consumers and go stale when the data changes.
            Assert.IsAssignableFrom<PropertyInfo>(catalog.GetMember("Count").Single());
        }
    }

    [Fact]
    public void Runtime_types_hide_their_constructors_where_values_come_only_from_the_catalogs()
    {
        foreach (var type in new[] { typeof(KindInfo), typeof(FieldDescriptor), typeof(Provenance), typeof(FactList<>), typeof(ValueList<>), typeof(FactDate) })
        {
            Assert.DoesNotContain(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length > 0);
        }

        // Dates are built only through validating factories, so an impossible date cannot exist.
        Assert.Equal(FactDate.Parse("2025-10-15"), FactDate.FromDay(2025, 10, 15));
        Assert.Equal("195X", FactDate.Parse("1950s").ToString());
        Assert.False(FactDate.TryParse("2025-02-30", out _));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => FactDate.FromMonth(2025, 13));
        Assert.Equal(DatePrecision.None, default(FactDate).Precision);
        Assert.Equal(string.Empty, default(FactDate).ToString());
        Assert.Equal(string.Empty, default(Money).Currency);
        Assert.Equal(string.Empty, default(Quantity).Unit);
        Assert.True(FactDate.FromYear(2024) < FactDate.FromDay(2025, 1, 1));
    }
}
