using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using DomainModel.Internal;
using Xunit;

namespace DomainModel.Runtime.Tests;

/// <summary>
/// The table every generated catalog holds: facts read from their rows once and cached, lookup by id
/// that searches the rows for the first lookups and then uses an index, in every literal form.
/// </summary>
public class FactTableTests
{
    private const int RowsPerLiteral = 4;

    /// <summary>Ids in ordinal order, with prefixes of one another and ids that sort between them.</summary>
    private static readonly string[] s_ids =
        new[] { "a", "a-b", "a-b-c", "a0", "a_c", "ab", "b", "b-a" }.Concat(Enumerable.Range(0, 30).Select(i => $"m{i:D3}")).Append("z").ToArray();

    private static readonly string[] s_absent = { "", "-", "0", "A", "a-", "a-b-", "a-b-c-d", "a1", "aa", "b-", "m", "m000-x", "m999", "za", "~" };

    // Each thread reads every row, in its own order: steps coprime with the 39 ids.
    private static readonly int[] s_steps = { 1, 5, 7, 11 };

    public static TheoryData<string> Forms => new() { "u", "s", "p", "q", "usp", "pus", "spu", "qpsu", "uq" };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_fact_is_read_from_its_row_once(string forms)
    {
        var created = 0;
        var table = Table(forms, s_ids, () => Interlocked.Increment(ref created));
        Assert.Equal(s_ids.Length, table.Count);
        for (var i = 0; i < s_ids.Length; i++)
        {
            var fact = table.At(i);
            Assert.Equal(s_ids[i], fact.Id);
            Assert.Equal("Name of " + s_ids[i], fact.Name);
            Assert.Same(fact, table.At(i));
        }

        Assert.Equal(s_ids.Length, created);
        Assert.Equal(s_ids, table.All.Select(f => f.Id));
        Assert.Same(table.All, table.All);
        Assert.Equal(s_ids.Length, created);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.At(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.At(s_ids.Length));
    }

    /// <summary>
    /// The first lookups binary-search the rows and build nothing; the next builds the index, and both
    /// agree on every id and every absent one, in every form and across literals.
    /// </summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void Lookups_search_the_rows_until_the_threshold_then_use_the_index(string forms)
    {
        var table = Table(forms, s_ids);
        var asked = 0;
        foreach (var id in s_ids.Where((_, i) => i % 3 == 0).Concat(s_absent))
        {
            Assert.Equal(Array.IndexOf(s_ids, id), table.IndexOf(id));
            asked++;
        }

        // Fill up to the threshold exactly: still no index.
        for (; asked < TableFormat.SearchesBeforeIndex; asked++)
        {
            Assert.Equal(asked % s_ids.Length, table.IndexOf(s_ids[asked % s_ids.Length]));
        }

        Assert.False(table.IsIndexed);
        Assert.Equal(s_ids.Length - 1, table.IndexOf("z"));
        Assert.True(table.IsIndexed);
        foreach (var id in s_ids.Concat(s_absent))
        {
            Assert.Equal(Array.IndexOf(s_ids, id), table.IndexOf(id));
            Assert.Equal(Array.IndexOf(s_ids, id) >= 0, table.Find(id) is not null);
        }
    }

    /// <summary>Once the index is built and the facts read, a lookup allocates nothing (present or absent id, every form).</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void Warm_lookups_allocate_nothing(string forms)
    {
        var table = Table(forms, s_ids);
        for (var i = 0; i <= TableFormat.SearchesBeforeIndex; i++)
        {
            table.Find(s_ids[i % s_ids.Length]);
        }

        Assert.True(table.IsIndexed);
        var hits = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            hits += table.Find(s_ids[i % s_ids.Length]) is not null ? 1 : 0;
            hits += table.Find(s_absent[i % s_absent.Length]) is null ? 0 : 1;
            hits += table.Get(s_ids[(i * 7) % s_ids.Length]).Id.Length > 0 ? 0 : 1;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, hits);
    }

    [Fact]
    public void Get_and_Find_name_what_is_missing()
    {
        var table = Table("u", s_ids);
        Assert.Same(table.At(2), table.Get("a-b-c"));
        Assert.Same(table.At(2), table.Find("a-b-c"));
        Assert.Null(table.Find("nope"));
        Assert.Null(table.Find(null));
        Assert.Equal("No Item has the id 'nope'.", Assert.Throws<KeyNotFoundException>(() => table.Get("nope")).Message);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => table.Get(null!)).ParamName);
    }

    [Fact]
    public void A_table_without_facts_finds_nothing()
    {
        var table = new FactTable<Item>("Item", 0, RowsPerLiteral, Item.Create, string.Empty, null);
        Assert.Empty(table.All);
        for (var i = 0; i <= TableFormat.SearchesBeforeIndex; i++)
        {
            Assert.Equal(-1, table.IndexOf("a"));
        }

        Assert.True(table.IsIndexed);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.At(0));
    }

    /// <summary>A literal whose form has no source is a clear error, not a null dereference.</summary>
    [Fact]
    public void A_literal_without_its_source_says_so()
    {
        var table = new FactTable<Item>("Item", 2, RowsPerLiteral, Item.Create, "s", null);
        Assert.Equal("The Item table has no literal 0 of form 's'.", Assert.Throws<InvalidOperationException>(() => table.At(0)).Message);
        Assert.Throws<ArgumentException>(() => new FactTable<Item>("Item", 2, RowsPerLiteral, Item.Create, string.Empty, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FactTable<Item>("Item", 2, 0, Item.Create, "s", null));
    }

    /// <summary>
    /// Threads racing on a cold table (facts, offsets, the searches, the index, All) all see one object per
    /// fact and the right answer for every lookup.
    /// </summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void Concurrent_readers_see_one_fact_per_row_and_the_same_answers(string forms)
    {
        for (var round = 0; round < 20; round++)
        {
            var table = Table(forms, s_ids);
            using var start = new Barrier(4);
            var seen = new Item[4][];
            var errors = new List<Exception>();
            var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
            {
                try
                {
                    start.SignalAndWait();
                    var mine = new Item[s_ids.Length];
                    for (var pass = 0; pass < 3; pass++)
                    {
                        for (var k = 0; k < s_ids.Length; k++)
                        {
                            var i = (k * s_steps[t]) % s_ids.Length;
                            var fact = table.Get(s_ids[i]);
                            Assert.Same(fact, table.At(i));
                            Assert.Equal(-1, table.IndexOf(s_absent[k % s_absent.Length]));
                            mine[i] = fact;
                        }
                    }

                    Assert.Equal(s_ids.Length, table.All.Count);
                    seen[t] = mine;
                }
                catch (Exception ex)
                {
                    lock (errors)
                    {
                        errors.Add(ex);
                    }
                }
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());
            Assert.Empty(errors);
            Assert.True(table.IsIndexed);
            for (var i = 0; i < s_ids.Length; i++)
            {
                Assert.All(seen, mine => Assert.Same(seen[0][i], mine[i]));
            }
        }
    }

    /// <summary>A table built as the generator builds it: <paramref name="forms"/> per literal, the last standing for the rest.</summary>
    private static FactTable<Item> Table(string forms, string[] ids, Action? onCreate = null)
    {
        var literals = new List<string[]>();
        for (var start = 0; start < ids.Length; start += RowsPerLiteral)
        {
            literals.Add(ids.Skip(start).Take(RowsPerLiteral).Select(id => id + "|Name of " + id + "||}").ToArray());
        }

        char Form(int literal) => forms[Math.Min(literal, forms.Length - 1)];
        var strings = literals.Select((rows, l) => Form(l) switch
        {
            TableFormat.Packed => FactRowTests.Pack(FactRowTests.WithOffsets(rows)),
            TableFormat.PackedBiased => FactRowTests.Pack(FactRowTests.WithOffsets(rows), TableFormat.PackedBias),
            _ => string.Concat(rows.Select(r => r + "\n")),
        }).ToArray();
        var utf8 = literals.Select(rows => Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => r + "\n")))).ToArray();
        return new FactTable<Item>(
            "Item",
            ids.Length,
            RowsPerLiteral,
            row =>
            {
                onCreate?.Invoke();
                return Item.Create(row);
            },
            forms,
            l => Form(l) == TableFormat.Utf8 ? throw new InvalidOperationException("UTF-8 literal asked as a string") : strings[l],
            l => Form(l) == TableFormat.Utf8 ? utf8[l] : throw new InvalidOperationException("string literal asked as UTF-8"));
    }

    public sealed class Item : IFact
    {
        private Item(string id, string name, Provenance provenance)
        {
            Id = id;
            Name = name;
            Provenance = provenance;
        }

        public string Id { get; }

        public string Name { get; }

        public Provenance Provenance { get; }

        public static Item Create(FactRow row) => new(row.String(), row.String(), row.Provenance());
    }
}
