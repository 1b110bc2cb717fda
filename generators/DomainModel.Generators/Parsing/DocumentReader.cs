using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Parsing;

/// <summary>The parse stage of a source document (a .txt or .md AdditionalFile): its name and its whitespace-normalized text.</summary>
internal static class DocumentReader
{
    public static bool IsDocument(string path) =>
        path.EndsWith(".txt", System.StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The document at <paramref name="path"/>, behind the same safety net as every stage: a bug of ours
    /// gives an empty document carrying its DM0026 at the file (reported by the document stage), never an
    /// exception that would drop the generator's output.
    /// </summary>
    public static DocumentText Read(string path, string text)
    {
        var name = System.IO.Path.GetFileName(path);
        try
        {
            FaultInjection.Check("document:" + name);
            return new DocumentText(name, path, Whitespace.Normalize(text));
        }
        catch (System.Exception ex) when (ex is not System.OperationCanceledException)
        {
            return new DocumentText(name, path, string.Empty)
            {
                Failure = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.FileStart(path), "this file", ex.GetType().Name + ": " + ex.Message),
            };
        }
    }
}
