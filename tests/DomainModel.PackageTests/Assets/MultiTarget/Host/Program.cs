// Runs one build of Facts.Library (-p:LibraryTargetFramework=...) on the current runtime.
foreach (var line in Shelf.Facts.Shelf.Lines())
{
    Console.WriteLine(line);
}
