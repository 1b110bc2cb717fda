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

    [Fact]
    public void Public_api_is_unchanged()
    {
        var api = s_assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false });
        Snapshot.Verify(api, "DomainModel", "txt");
    }

    [Fact]
    public void Public_types_are_the_kinds_their_catalogs_the_schema_enums_and_FactCatalog()
    {
        var kinds = FactCatalog.Kinds.Select(k => k.Type).ToHashSet();
        var catalogs = FactCatalog.Kinds.Select(k => k.Plural).ToHashSet();
        var enums = Repo.SchemaEnums().Select(e => e.Name).ToHashSet();
        foreach (var type in s_assembly.GetExportedTypes())
        {
            var name = type.FullName!["DomainModel.".Length..];
            Assert.True(
                kinds.Contains(type) || catalogs.Contains(name) || enums.Contains(name) || name == "FactCatalog",
                $"Unexpected public type {type.FullName}.");
        }

        Assert.Equal(kinds.Count + catalogs.Count + enums.Count + 1, s_assembly.GetExportedTypes().Length);
    }

    /// <summary>The runtime types (dates, money, provenance, lists, the row decoder) come from DomainModel.Runtime, not from this library.</summary>
    [Fact]
    public void Runtime_types_come_from_the_runtime_package()
    {
        foreach (var type in new[] { typeof(FactDate), typeof(Money), typeof(Provenance), typeof(IFact), typeof(FactList<Leader>), typeof(KindInfo), typeof(FactRow) })
        {
            Assert.Equal("DomainModel.Runtime", type.Assembly.GetName().Name);
        }

        Assert.Contains(s_assembly.GetReferencedAssemblies(), a => a.Name == "DomainModel.Runtime");
        Assert.Null(s_assembly.GetType("DomainModel.FactRow"));
        Assert.DoesNotContain("FactRow", s_assembly.GeneratePublicApi(), StringComparison.Ordinal);
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
}
