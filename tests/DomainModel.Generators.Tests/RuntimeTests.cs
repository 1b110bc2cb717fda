using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using CsCheck;
using DomainModel.Generators.Validation;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>
/// The seed corpus, generated, compiled and loaded: the values read back at run time (by reflection)
/// are the ones in the YAML, references resolve to the referenced facts, and lookups behave.
/// </summary>
public class RuntimeTests
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
        Assert.True(Type("IFact").IsInstanceOfType(putin));
        Assert.Equal(Type("Leader"), putin.GetType());

        var sharaa = Fact("Leaders", "AhmedAlSharaa");
        Assert.Equal(44L, Get(sharaa, "AgeReported"));
        var date = Get(sharaa, "AgeReportedOn")!;
        Assert.Equal("2025-10-15", date.ToString());
        Assert.Equal("Day", Get(date, "Precision")!.ToString());
        Assert.Equal(new[] { "former rebel commander", "former jihadist", "moderate reformer" }, Items(Get(sharaa, "Epithets")!).Cast<string>());
        Assert.Null(Get(putin, "AgeReported"));
    }

    [Fact]
    public void Money_values_keep_amount_and_currency()
    {
        var lease = Fact("Agreements", "HmeimimLease");
        var payment = Get(lease, "AnnualPayment")!;
        Assert.Equal(Type("Money"), payment.GetType());
        Assert.Equal(100_000_000m, Get(payment, "Amount"));
        Assert.Equal("USD", Get(payment, "Currency"));
        Assert.Equal("100000000 USD", payment.ToString());
        Assert.Equal("Pledged", Get(lease, "Status")!.ToString());

        var credit = Get(Fact("Agreements", "RussiaSyriaCreditLine"), "Amount")!;
        Assert.Equal(2_500_000_000m, Get(credit, "Amount"));
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

    /// <summary>
    /// The generated runtime reads the numbers of a row by hand (the BCL's number parsing costs a fresh
    /// process milliseconds on first use): for any text, it gives what decimal.Parse and long.Parse give
    /// with the styles the runtime used before, or throws the same exception type.
    /// </summary>
    private static readonly string[] s_edges =
    [
        "0", "-0", "0.0", "-0.0", "0.50", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "2147483648", "-2147483649",
        "79228162514264337593543950335", "7922816251426433759354395033.5", "1234567890123456789012345678", "12345678901234567890123456789", "1.", ".5", "-", "",
    ];

    [Fact]
    public void Numbers_read_by_hand_equal_the_BCL_parse_of_the_same_text()
    {
        var row = s_assembly.Value.GetType("DomainModel.FactRow", throwOnError: true)!;
        var parseDecimal = row.GetMethod("ParseDecimal", BindingFlags.Static | BindingFlags.NonPublic)!;
        var parseInt64 = row.GetMethod("ParseInt64", BindingFlags.Static | BindingFlags.NonPublic)!;
        var parseInt32 = row.GetMethod("ParseInt32", BindingFlags.Static | BindingFlags.NonPublic)!;
        var styles = System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;

        var number = CsCheck.Gen.OneOf(
            CsCheck.Gen.String[CsCheck.Gen.Char["0123456789"], 1, 32].Select(CsCheck.Gen.Bool.Select(b => b ? "-" : ""), CsCheck.Gen.Int[0, 34], (digits, sign, point) => sign + (point < digits.Length && point > 0 ? digits.Insert(point, ".") : digits)),
            CsCheck.Gen.String[CsCheck.Gen.Char["0123456789.-+e "], 0, 8],
            CsCheck.Gen.Int[0, s_edges.Length - 1].Select(i => s_edges[i]));
        number.Sample(text =>
        {
            Same(() => decimal.Parse(text, styles, invariant), () => parseDecimal.Invoke(null, new object[] { text }), (a, b) => a.Equals(b) && a.ToString() == b.ToString());
            Same(() => long.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign, invariant), () => parseInt64.Invoke(null, new object[] { text }), (a, b) => a.Equals(b));
            Same(() => int.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign, invariant), () => parseInt32.Invoke(null, new object[] { text }), (a, b) => a.Equals(b));
        }, iter: 5_000, threads: 1);

        static void Same(Func<object> expected, Func<object?> actual, Func<object, object, bool> equal)
        {
            object? want = null;
            Type? wantError = null;
            try
            {
                want = expected();
            }
            catch (Exception ex)
            {
                wantError = ex.GetType();
            }

            try
            {
                var got = actual()!;
                Assert.Null(wantError);
                Assert.True(equal(want!, got), $"expected {want}, got {got}");
            }
            catch (TargetInvocationException ex)
            {
                Assert.Equal(wantError, ex.InnerException!.GetType());
            }
        }
    }

    private delegate string Utf8Decoder(ReadOnlySpan<byte> bytes);

    /// <summary>
    /// The runtime decodes UTF-8 rows by hand (Encoding.UTF8.GetString costs a fresh process more than a
    /// millisecond on first use), from UTF-8 literals and from packed strings. For any bytes, well-formed
    /// (any scalar value, surrogate pairs included) or not (the BCL then decides), it gives the BCL's string.
    /// </summary>
    [Fact]
    public void Utf8_decoded_by_hand_equals_the_BCL_decode_of_the_same_bytes()
    {
        var row = s_assembly.Value.GetType("DomainModel.FactRow", throwOnError: true)!;
        var span = (Utf8Decoder)Delegate.CreateDelegate(typeof(Utf8Decoder), row.GetMethod("Utf8", BindingFlags.Static | BindingFlags.NonPublic)!);
        var packed = row.GetMethod("PackedUtf8", BindingFlags.Static | BindingFlags.NonPublic)!;

        var scalar = CsCheck.Gen.OneOf(CsCheck.Gen.Int[0, 0x7F], CsCheck.Gen.Int[0x80, 0x7FF], CsCheck.Gen.Int[0x800, 0xD7FF], CsCheck.Gen.Int[0xE000, 0xFFFF], CsCheck.Gen.Int[0x10000, 0x10FFFF]);
        var wellFormed = scalar.Array[0, 24].Select(points => Encoding.UTF8.GetBytes(string.Concat(points.Select(char.ConvertFromUtf32))));
        var bytes = CsCheck.Gen.OneOf(
            wellFormed,
            CsCheck.Gen.Byte.Array[0, 24],
            wellFormed.Select(CsCheck.Gen.Int[0, 1000], CsCheck.Gen.Byte, (b, at, value) =>
            {
                // One byte of well-formed text replaced: truncated, overlong and surrogate sequences, stray continuations.
                var copy = (byte[])b.Clone();
                if (copy.Length > 0)
                {
                    copy[at % copy.Length] = value;
                }

                return copy;
            }));
        bytes.Select(CsCheck.Gen.Int[0, 1]).Sample((text, offset) =>
        {
            var expected = Encoding.UTF8.GetString(text);
            Assert.Equal(expected, span(text));

            // Packed: two bytes per character, low byte first, starting at an even or odd byte.
            var all = new byte[offset + text.Length + 1];
            text.CopyTo(all, offset);
            var chars = new char[all.Length / 2 + 1];
            for (var i = 0; i < all.Length; i++)
            {
                chars[i / 2] |= (char)(all[i] << (8 * (i % 2)));
            }

            Assert.Equal(expected, packed.Invoke(null, new object[] { new string(chars), offset, offset + text.Length }));
        }, iter: 5_000, threads: 1);

        // The edges by name: the longest and shortest sequences, and what the BCL replaces.
        foreach (var edge in new[] { "\u007F\u0080\u07FF\u0800\uFFFF", "\U00010000\U0010FFFF", "😀 日本 سلام é" })
        {
            Assert.Equal(edge, span(Encoding.UTF8.GetBytes(edge)));
        }

        foreach (var invalid in new[] { new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0x80 }, new byte[] { 0xFF } })
        {
            Assert.Equal(Encoding.UTF8.GetString(invalid), span(invalid));
        }
    }

    /// <summary>Packed rows: the header says where each row starts; every row and every id comes back.</summary>
    [Fact]
    public void Packed_rows_are_found_by_their_offsets()
    {
        var row = s_assembly.Value.GetType("DomainModel.FactRow", throwOnError: true)!;
        var packedRow = row.GetMethod("PackedRow", BindingFlags.Static | BindingFlags.NonPublic)!;
        var packedIds = row.GetMethod("PackedIds", BindingFlags.Static | BindingFlags.NonPublic)!;
        var rows = new[] { "a|x", "b-2|日本|`n", "c|😀|}", "d|", "ee|" + new string('z', 70_000) };
        var bytes = DomainModel.Generators.Emit.PackedRows.WithOffsets(Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => r + "\n"))), rows.Length);
        Assert.Equal(4 * (rows.Length + 1), BitConverter.ToInt32(bytes, 0));
        var chars = new char[(bytes.Length + 1) / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i / 2] |= (char)(bytes[i] << (8 * (i % 2)));
        }

        var packed = new string(chars);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], packedRow.Invoke(null, new object[] { packed, i }));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        packedIds.Invoke(null, new object[] { packed, 100, rows.Length, index });
        Assert.Equal(new[] { "a", "b-2", "c", "d", "ee" }, index.OrderBy(e => e.Value).Select(e => e.Key));
        Assert.Equal(104, index["ee"]);
        Assert.Throws<ArgumentException>(() => DomainModel.Generators.Emit.PackedRows.WithOffsets(Encoding.UTF8.GetBytes("a|x\n"), 2));
    }

    private static List<object> Items(object list) => ((IEnumerable)list).Cast<object>().ToList();
}
