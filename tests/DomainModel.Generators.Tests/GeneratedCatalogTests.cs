using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DomainModel.Generators.Validation;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The seed corpus, generated, compiled and loaded: the values read back at run time (the catalogs by
/// reflection, the values as the runtime's types) are the ones in the YAML, references resolve to the
/// referenced facts, and lookups behave. The runtime's own types are tested in DomainModel.Runtime.Tests.
/// </summary>
public class GeneratedCatalogTests
{
    private const string SeedDocument = "000_6b0556799bcd713d.txt";

    private static readonly Lazy<Assembly> s_assembly = new(() =>
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SeedFiles());
        Assert.Empty(run.DiagnosticLines);
        Assert.Empty(run.CompileErrors);
        return run.Load();
    });

    [Fact]
    public void Named_fact_has_its_values()
    {
        var putin = Fact("Leaders", "VladimirPutin");
        Assert.Equal("Vladimir Putin", Get(putin, "Name"));
        Assert.Equal("vladimir-putin", Get(putin, "Id"));
        Assert.IsAssignableFrom<DomainModel.IFact>(putin);
        Assert.Equal(Type("Leader"), putin.GetType());

        var sharaa = Fact("Leaders", "AhmedAlSharaa");
        Assert.Equal(44L, Get(sharaa, "AgeReported"));
        Assert.Equal(DomainModel.FactDate.FromDay(2025, 10, 15), Get(sharaa, "AgeReportedOn"));
        Assert.Equal(new[] { "former rebel commander", "former jihadist", "moderate reformer" }, Items(Get(sharaa, "Epithets")!).Cast<string>());
        Assert.Null(Get(putin, "AgeReported"));
    }

    [Fact]
    public void Money_values_keep_amount_and_currency()
    {
        var lease = Fact("Agreements", "HmeimimLease");
        var payment = Assert.IsType<DomainModel.Money>(Get(lease, "AnnualPayment"));
        Assert.Equal(new DomainModel.Money(100_000_000m, "USD"), payment);
        Assert.Equal("100000000 USD", payment.ToString());
        Assert.Equal("Pledged", Get(lease, "Status")!.ToString());

        Assert.Equal(new DomainModel.Money(2_500_000_000m, "USD"), Get(Fact("Agreements", "RussiaSyriaCreditLine"), "Amount"));
    }

    [Fact]
    public void Both_bases_exist_with_their_values()
    {
        var tartus = Fact("Bases", "Tartus");
        var hmeimim = Fact("Bases", "Hmeimim");
        Assert.Equal("Tartus naval facility", Get(tartus, "Name"));
        Assert.Equal("Naval", Get(tartus, "BaseType")!.ToString());
        Assert.Equal(true, Get(tartus, "OnlyOutpostInRegion"));
        Assert.Equal("Hmeimim airbase", Get(hmeimim, "Name"));
        Assert.Equal("Air", Get(hmeimim, "BaseType")!.ToString());
        Assert.Equal(2, Static("Bases", "Count"));
    }

    [Fact]
    public void Typed_references_resolve_to_the_referenced_fact()
    {
        var hmeimim = Fact("Bases", "Hmeimim");
        var property = hmeimim.GetType().GetProperty("LeaseAgreement")!;
        Assert.Equal(Type("Agreement"), Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
        Assert.Same(Fact("Agreements", "HmeimimLease"), property.GetValue(hmeimim));
        Assert.Same(Fact("Countries", "Syria"), Get(hmeimim, "HostCountry"));
        Assert.Same(Fact("Countries", "Russia"), Get(Fact("Leaders", "VladimirPutin"), "Country"));
        Assert.Null(Get(Fact("Bases", "Tartus"), "LeaseAgreement"));

        // A list of references, in the order written in the YAML.
        var bases = Items(Get(Fact("Agreements", "RussiaSyriaCreditLine"), "Bases")!);
        Assert.Equal(new[] { Fact("Bases", "Tartus"), Fact("Bases", "Hmeimim") }, bases);
    }

    [Fact]
    public void FactList_enumerates_every_fact_in_id_order()
    {
        var all = Static("Leaders", "All")!;

        // Created on first use, once: every read of All is the same list.
        Assert.Same(all, Static("Leaders", "All"));
        var facts = Items(all);
        Assert.Equal(Static("Leaders", "Count"), facts.Count);
        Assert.Equal(15, facts.Count);
        Assert.Equal(facts.Count, Get(all, "Count"));
        var ids = facts.Select(f => (string)Get(f, "Id")!).ToList();
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), ids);
        Assert.Contains(Fact("Leaders", "VladimirPutin"), facts);
        foreach (var fact in facts)
        {
            Assert.Same(fact, Invoke("Leaders", "Get", Get(fact, "Id")));
        }

        // The public struct enumerator and the indexer agree with IEnumerable.
        var enumerator = all.GetType().GetMethod("GetEnumerator", System.Type.EmptyTypes)!.Invoke(all, null)!;
        Assert.True(enumerator.GetType().IsValueType);
        var indexer = all.GetType().GetProperty("Item")!;
        Assert.Same(facts[3], indexer.GetValue(all, new object[] { 3 }));
        var error = Assert.Throws<TargetInvocationException>(() => indexer.GetValue(all, new object[] { facts.Count }));
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
    }

    [Fact]
    public void Get_and_TryGet_find_facts_by_id()
    {
        var putin = Fact("Leaders", "VladimirPutin");
        Assert.Same(putin, Invoke("Leaders", "Get", "vladimir-putin"));

        var args = new object?[] { "vladimir-putin", null };
        Assert.Equal(true, Invoke("Leaders", "TryGet", args));
        Assert.Same(putin, args[1]);

        foreach (var missing in new[] { "nobody", "Vladimir-Putin", "VladimirPutin", "", null })
        {
            args = new object?[] { missing, null };
            Assert.Equal(false, Invoke("Leaders", "TryGet", args));
            Assert.Null(args[1]);
        }

        // The untyped catalog finds the same instances.
        var leaders = Items(Static("FactCatalog", "Kinds")!).Single(k => (string)Get(k, "Name")! == "Leader");
        Assert.Same(putin, leaders.GetType().GetMethod("Find")!.Invoke(leaders, new object[] { "vladimir-putin" }));
    }

    [Fact]
    public void Get_of_an_unknown_id_throws_KeyNotFoundException()
    {
        var error = Assert.Throws<TargetInvocationException>(() => Type("Leaders").GetMethod("Get")!.Invoke(null, new object[] { "nobody" }));
        var notFound = Assert.IsType<KeyNotFoundException>(error.InnerException);
        Assert.Equal("No Leader has the id 'nobody'.", notFound.Message);
    }

    [Fact]
    public void ToString_prints_references_as_ids_and_terminates_on_cycles()
    {
        // Leader -> Membership -> Leader is a cycle in the seeds.
        var putin = Fact("Leaders", "VladimirPutin");
        var membership = Fact("Memberships", "PutinPresidentRussia");
        Assert.Same(putin, Get(membership, "Person"));
        Assert.Contains(membership, Items(Get(putin, "Memberships")!));

        var text = putin.ToString()!;
        Assert.StartsWith("Leader { Id = vladimir-putin, Name = Vladimir Putin, Country = russia, Epithets = [], Memberships = [putin-president-russia], ", text, StringComparison.Ordinal);
        Assert.EndsWith(" }", text, StringComparison.Ordinal);
        Assert.Contains("Person = vladimir-putin, Role = President", membership.ToString(), StringComparison.Ordinal);

        // Every fact of every kind prints in bounded space.
        var kinds = Items(Static("FactCatalog", "Kinds")!);
        Assert.Equal(14, kinds.Count);
        foreach (var kind in kinds)
        {
            foreach (var fact in Items(Get(kind, "All")!))
            {
                var printed = fact.ToString()!;
                Assert.StartsWith($"{Get(kind, "Name")} {{ Id = {Get(fact, "Id")}, ", printed, StringComparison.Ordinal);
                Assert.True(printed.Length < 4000, printed);
            }
        }
    }

    [Fact]
    public void Provenance_quotes_are_readable_at_run_time_and_occur_in_the_document()
    {
        var provenance = Get(Fact("Leaders", "VladimirPutin"), "Provenance")!;
        var evidence = Items(Get(provenance, "Evidence")!);
        var first = Assert.Single(evidence);
        Assert.Equal("Russian President Vladimir Putin", Get(first, "Quote"));
        Assert.Equal(SeedDocument, Get(first, "Document"));
        Assert.Equal("Supports", Get(first, "Stance")!.ToString());
        Assert.Null(Get(provenance, "Note"));
        Assert.Equal($"\u201CRussian President Vladimir Putin\u201D ({SeedDocument})", provenance.ToString());

        var sharaa = Get(Fact("Leaders", "AhmedAlSharaa"), "Provenance")!;
        var quotes = Items(Get(sharaa, "Evidence")!).Select(e => (string)Get(e, "Quote")!).ToList();
        Assert.Equal("Syria\u2019s newly elected President Ahmed Al-Sharaa", quotes[0]);
        Assert.Contains("the head of Hay'at Tahrir al-Sham (HTS)", quotes[2], StringComparison.Ordinal);
        Assert.StartsWith("The age is reported in an article datelined October 15, 2025", (string)Get(sharaa, "Note")!, StringComparison.Ordinal);

        // Every quote of every fact, as read at run time, is verbatim from its document.
        var document = DomainModel.Generators.Text.Whitespace.Normalize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "documents", SeedDocument)));
        var count = 0;
        foreach (var kind in Items(Static("FactCatalog", "Kinds")!))
        {
            foreach (var fact in Items(Get(kind, "All")!))
            {
                foreach (var item in Items(Get(Get(fact, "Provenance")!, "Evidence")!))
                {
                    Assert.Equal(SeedDocument, Get(item, "Document"));
                    Assert.Contains(DomainModel.Generators.Text.Whitespace.Normalize((string)Get(item, "Quote")!), document, StringComparison.Ordinal);
                    count++;
                }
            }
        }

        Assert.True(count > 100, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ----------------------------------------------------------------------------------------------

    private static Type Type(string name) => s_assembly.Value.GetType("DomainModel." + name, throwOnError: true)!;

    private static object? Static(string type, string property) =>
        Type(type).GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);

    private static object Fact(string catalog, string property) => Static(catalog, property) ?? throw new InvalidOperationException(property);

    private static object? Get(object instance, string property) =>
        (instance.GetType().GetProperty(property) ?? throw new InvalidOperationException($"{instance.GetType().Name} has no {property}")).GetValue(instance);

    private static object? Invoke(string type, string method, params object?[] args)
    {
        try
        {
            return Type(type).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static List<object> Items(object list) => ((IEnumerable)list).Cast<object>().ToList();
}
