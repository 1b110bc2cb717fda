using System;
using System.Linq;
using Xunit;

namespace DomainModel.Runtime.Tests;

/// <summary>FactList and ValueList: counts, indexers, struct enumerators.</summary>
public class ListTests
{
    private sealed record Item(string Id) : IFact
    {
        public Provenance Provenance { get; } = new FactRow("x||}").ProvenanceAfterId();
    }

    [Fact]
    public void FactList_materializes_each_fact_on_access_through_its_indexes()
    {
        var created = 0;
        var facts = Enumerable.Range(0, 5).Select(i => new Item("f" + i)).ToArray();
        var list = new FactList<Item>(new[] { 4, 0, 2 }, i =>
        {
            created++;
            return facts[i];
        });
        Assert.Equal(3, list.Count);
        Assert.Equal(0, created);
        Assert.Same(facts[0], list[1]);
        Assert.Equal(1, created);
        Assert.Equal(new[] { "f4", "f0", "f2" }, list.Select(f => f.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);

        var all = new FactList<Item>(5, i => facts[i]);
        var n = 0;
        foreach (var fact in all)
        {
            Assert.Same(facts[n++], fact);
        }

        Assert.Equal(5, n);
        Assert.True(all.GetEnumerator().GetType().IsValueType);
    }

    [Fact]
    public void ValueList_is_read_only_and_enumerates_its_values()
    {
        var list = new FactRow("^a^b^c").StringList();
        Assert.Equal(3, list.Count);
        Assert.Equal("b", list[1]);
        Assert.Equal(new[] { "a", "b", "c" }, list.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => list[3]);
        Assert.True(list.GetEnumerator().GetType().IsValueType);
    }
}

/// <summary>Test helpers over the row reader.</summary>
internal static class FactRowExtensions
{
    /// <summary>Skips the id token and reads the provenance that follows.</summary>
    public static Provenance ProvenanceAfterId(this FactRow row)
    {
        row.String();
        return row.Provenance();
    }
}
