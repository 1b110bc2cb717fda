using System;
using Xunit;

namespace DomainModel.Runtime.Tests;

/// <summary>What a list and a money value print (a debugger, a log line, string interpolation).</summary>
public class ToStringTests
{
    private sealed record Item(string Id) : IFact
    {
        public Provenance Provenance => throw new NotSupportedException();
    }

    [Fact]
    public void A_list_prints_its_count_and_first_items()
    {
        Assert.Equal("0 facts", new FactList<Item>(0, i => new Item("s" + i)).ToString());
        Assert.Equal("1 fact: s0", new FactList<Item>(1, i => new Item("s" + i)).ToString());
        Assert.Equal("5 facts: s0, s1, s2, s3, s4", new FactList<Item>(5, i => new Item("s" + i)).ToString());
        Assert.Equal("7 facts: s0, s1, s2, s3, s4, \u2026", new FactList<Item>(7, i => new Item("s" + i)).ToString());
        Assert.Equal("2 facts: s3, s1", new FactList<Item>(new[] { 3, 1 }, i => new Item("s" + i)).ToString());
    }

    [Fact]
    public void Money_prints_amount_and_code_and_says_when_it_has_no_currency()
    {
        Assert.Equal("100000000 USD", new Money(100000000m, "USD").ToString());
        Assert.Equal("0 (no currency)", default(Money).ToString());
        Assert.Throws<ArgumentException>(() => new Money(1, "DOLLARS"));
    }
}
