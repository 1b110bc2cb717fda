// A consumer of DomainModel.Generators with its own one-kind schema (facts/books.schema.yaml).
using Library.Facts;

Console.WriteLine(Books.Middlemarch.Title);                 // Middlemarch
Console.WriteLine(Books.OnTheOriginOfSpecies.Published);    // 1859 (year precision)
Console.WriteLine(Books.All.Count);                         // 2

#if MISSPELL
Console.WriteLine(Books.Midlemarch.Title);                  // CS0117
#endif
