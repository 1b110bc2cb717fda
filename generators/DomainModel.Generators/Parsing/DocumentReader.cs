using DomainModel.Generators.Model;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Parsing;

/// <summary>The parse stage of a source document (a .txt or .md AdditionalFile): its name and its whitespace-normalized text.</summary>
internal static class DocumentReader
{
    public static bool IsDocument(string path) =>
        path.EndsWith(".txt", System.StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase);

    public static DocumentText Read(string path, string text) =>
        new(System.IO.Path.GetFileName(path), path, Whitespace.Normalize(text));
}
