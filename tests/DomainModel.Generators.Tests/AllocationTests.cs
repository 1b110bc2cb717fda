using System;
using System.Collections.Generic;
using System.Linq;
using DomainModel.Generators.Grounding;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Text;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// What the stages do not allocate (the cold run's cost is mostly the memory it takes, see docs/performance.md):
/// repeated short scalars and quote words are one string each, a <c>foreach</c> over a model array allocates
/// nothing. None of it may change a value.
/// </summary>
public sealed class AllocationTests
{
    [Fact]
    public void A_short_string_read_again_is_the_same_instance()
    {
        var cache = new StringCache();
        const string text = "a: USD\nb: USD\nc: USDX";
        var first = cache.Get(text, 3, 3);
        var second = cache.Get(text, 10, 3);
        Assert.Equal("USD", first);
        Assert.Same(first, second);
        Assert.Equal("USDX", cache.Get(text, 17, 4));
    }

    [Fact]
    public void A_string_whose_slot_holds_another_is_read_as_written()
    {
        // Whatever the slots hold, every read returns the text at the given range.
        var cache = new StringCache();
        var random = new Random(7);
        var words = Enumerable.Range(0, 5000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var text = string.Join(" ", words);
        var starts = new List<int>();
        var at = 0;
        foreach (var w in words)
        {
            starts.Add(at);
            at += w.Length + 1;
        }

        for (var n = 0; n < 20000; n++)
        {
            var i = random.Next(words.Length);
            Assert.Equal(words[i], cache.Get(text, starts[i], words[i].Length));
        }
    }

    [Fact]
    public void A_slot_says_when_its_string_was_read_into_it_just_now()
    {
        // The word cache of the quote tokenizer computes a word's lower case only then.
        var cache = new StringCache(4);
        const string text = "alpha beta alpha";
        var first = cache.Slot(text, 0, 5, out var isNew);
        Assert.True(isNew);
        Assert.Equal("alpha", cache[first]);
        Assert.Equal(first, cache.Slot(text, 11, 5, out isNew));
        Assert.False(isNew);
        var other = cache.Slot(text, 6, 4, out isNew);
        Assert.True(isNew);
        Assert.Equal("beta", cache[other]);
        Assert.Equal(new string('x', 100), cache[cache.Slot(new string('x', 100), 0, 100, out _)]); // any length
    }

    [Fact]
    public void A_string_longer_than_the_limit_is_new_each_time()
    {
        var cache = new StringCache();
        var text = "k: " + new string('x', StringCache.MaxLength + 1);
        var first = cache.Get(text, 3, StringCache.MaxLength + 1);
        Assert.Equal(text.Substring(3), first);
        Assert.NotSame(first, cache.Get(text, 3, StringCache.MaxLength + 1));
        Assert.Same(cache.Get(text, 3, StringCache.MaxLength), cache.Get(text, 4, StringCache.MaxLength));
    }

    [Fact]
    public void Foreach_over_an_equatable_array_allocates_nothing()
    {
        var array = new[] { 1, 2, 3 }.ToEquatableArray();
        var sum = 0;
        foreach (var item in array)
        {
            sum += item; // warm up
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            foreach (var item in array)
            {
                sum += item;
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(606, sum);
        Assert.Equal(new[] { 1, 2, 3 }, array.ToArray()); // the interface enumerator too, in order
        Assert.Empty(default(EquatableArray<int>));
    }

    [Fact]
    public void Mappings_read_one_after_another_keep_their_own_entries()
    {
        // The builder reuses the frames of closed collections: nothing of one mapping may leak into the next.
        const string yaml = "- {a: 1, b: 2}\n- {c: 3}\n- [x, y]\n- {}\n- {a: 4, a2: 5, a3: 6}\n";
        var root = (RawSequence)YamlReader.Read("f.yaml", yaml, new List<Diagnostics.DiagnosticInfo>(), default)!;
        Assert.Equal(new[] { "a,b", "c", "[x,y]", string.Empty, "a,a2,a3" }, root.Items.Select(Describe));

        static string Describe(RawNode node) => node switch
        {
            RawMapping m => string.Join(",", m.Entries.Select(e => e.Key.Value)),
            RawSequence s => "[" + string.Join(",", s.Items.Select(i => ((RawScalar)i).Value)) + "]",
            _ => "?",
        };
    }

    [Fact]
    public void Quote_words_read_from_the_cache_are_read_as_written()
    {
        // The same words in many quotes, in other cases and next to numbers: the mentions are those of each text alone.
        var texts = new[] { "over 500 people", "Over 500 People", "OVER 500 PEOPLE", "about two dozen", "About Two Dozen", "in October 2025", "in october 2025" };
        for (var round = 0; round < 3; round++)
        {
            foreach (var text in texts)
            {
                Assert.Equal(Fresh(text), Read(text));
            }
        }

        static string Read(string text) => string.Join(";", QuoteValues.Mentions(text).Select(m => $"{m.Start}-{m.End}:{m.Value}:{m.Qualifier}:{m.Precision}:{m.Year}:{m.Month}"));

        // The reading of a text never depends on what was read before it.
        static string Fresh(string text)
        {
            var result = string.Empty;
            var thread = new System.Threading.Thread(() => result = Read(text));
            thread.Start();
            thread.Join();
            return result;
        }
    }
}
