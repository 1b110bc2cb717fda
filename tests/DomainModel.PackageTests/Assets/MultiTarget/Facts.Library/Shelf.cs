using System.Collections.Generic;
using System.Reflection;
using System.Runtime.Versioning;

namespace Shelf.Facts;

/// <summary>What the host prints: facts read through every path of the runtime (named property, Get, TryGet past the index threshold, All, a reference).</summary>
public static class Shelf
{
    public static IEnumerable<string> Lines()
    {
        yield return typeof(Shelf).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        yield return Books.Middlemarch.Title + " " + Books.Middlemarch.Published + " " + Books.Middlemarch.Price;
        yield return Books.Get("the-tale-of-genji").Title;
        yield return Books.TheTaleOfGenji.Sequel!.Title;

        // Past the searches, lookups use the index: the same facts.
        var found = 0;
        for (var i = 0; i < 70; i++)
        {
            found += Books.TryGet(i % 2 == 0 ? "uji-chapters" : "missing", out var book) && ReferenceEquals(book, Books.UjiChapters) ? 1 : 0;
        }

        yield return found + " of 70";
        var ids = new List<string>();
        foreach (var book in Books.All)
        {
            ids.Add(book.Id);
        }

        yield return string.Join(",", ids);
        yield return Books.Middlemarch.Provenance.Evidence[0].Quote;
    }
}
