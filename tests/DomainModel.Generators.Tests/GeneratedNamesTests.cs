using System;
using System.Linq;
using System.Reflection;
using DomainModel.Generators.Naming;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The reserved-name lists (Naming/GeneratedNames) held to the code that creates those names: the
/// runtime's public types, and the members every generated catalog declares.
/// </summary>
public class GeneratedNamesTests
{
    /// <summary>Every public type of DomainModel.Runtime is a reserved kind name, and the list holds nothing else but the generated FactCatalog and System.</summary>
    [Fact]
    public void Reserved_type_names_are_the_runtime_types_and_the_generated_catalog()
    {
        var runtime = typeof(global::DomainModel.FactTable<>).Assembly.GetExportedTypes()
            .Where(t => !t.IsNested)
            .Select(t => t.Name.Split('`')[0]);
        Assert.Equal(
            runtime.Concat(new[] { "FactCatalog", "System" }).Distinct().OrderBy(n => n, StringComparer.Ordinal),
            GeneratedNames.ReservedTypeNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>
    /// Of a generated catalog (the seed's Leaders), every public member that is not a named fact is a
    /// reserved catalog member, and every other member starts with '_' or 's_', which no fact's
    /// PascalCase property can.
    /// </summary>
    [Fact]
    public void Catalog_members_are_reserved_or_start_with_an_underscore()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles());
        Assert.Empty(run.CompileErrors);
        var assembly = run.Load();
        var leaders = assembly.GetType("DomainModel.Leaders", throwOnError: true)!;
        var leader = assembly.GetType("DomainModel.Leader", throwOnError: true)!;
        var members = leaders.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !(m is MethodInfo { IsSpecialName: true }) && !(m is ConstructorInfo) && !m.Name.StartsWith('<'))
            .ToList();
        var named = members.OfType<PropertyInfo>().Where(p => p.PropertyType == leader).Select(p => p.Name).ToHashSet();
        Assert.Contains("VladimirPutin", named);
        foreach (var member in members.Where(m => !named.Contains(m.Name)))
        {
            var isPublic = member switch
            {
                PropertyInfo p => p.GetMethod!.IsPublic,
                MethodInfo m => m.IsPublic,
                FieldInfo f => f.IsPublic,
                _ => false,
            };
            Assert.True(
                isPublic ? GeneratedNames.IsReservedCatalogMember(member.Name) : member.Name.StartsWith('_') || member.Name.StartsWith("s_", StringComparison.Ordinal),
                $"{member.MemberType} {member.Name} is neither reserved nor a helper name");
        }

        // Inherited members too (object's): reserved.
        Assert.All(typeof(object).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance).Where(m => m.IsPublic || m.IsFamily).Select(m => m.Name).Distinct(), name => Assert.True(GeneratedNames.IsReservedCatalogMember(name), name));
    }
}
