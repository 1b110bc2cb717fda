using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Validation;

/// <summary>
/// The document stage: which source documents need a diagnostic (<see cref="Problems"/>: a name shared by
/// two files, a document too large to check), and those diagnostics at the first evidence that names each
/// (<see cref="Diagnostics"/>). Usually there is none, and the second step does nothing.
/// </summary>
internal static class DocumentStage
{
    /// <summary>
    /// Document names that need a diagnostic at their first use: two documents with one file name (the
    /// first by path is used), or a document too large for its quotes to be checked. Usually none.
    /// </summary>
    public static DocumentCheck Problems(IEnumerable<DocumentText> documentTexts)
    {
        var first = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        var other = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        var failed = new List<DiagnosticInfo>();
        foreach (var document in documentTexts.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (document.Failure is not null)
            {
                failed.Add(document.Failure);
            }

            if (!first.ContainsKey(document.Name))
            {
                first.Add(document.Name, document);
            }
            else if (!other.ContainsKey(document.Name))
            {
                other.Add(document.Name, document);
            }
        }

        var problems = new List<DocumentProblem>();
        foreach (var document in first.Values.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var ambiguous = other.TryGetValue(document.Name, out var second);
            if (ambiguous || document.Normalized.Length > QuoteIndex.MaxDocumentChars)
            {
                problems.Add(new DocumentProblem(document.Name, document.Path, ambiguous ? second!.Path : null, document.Normalized.Length));
            }
        }

        // Documents that could not be read carry their DM0026 (see DocumentReader.Read).
        var failures = failed.ToEquatableArray();
        return new DocumentCheck(problems.ToEquatableArray(), failures);
    }

    /// <summary>What <see cref="Problems"/> gives when it failed: no problem known, and the error.</summary>
    public static DocumentCheck Failed(DiagnosticInfo error) =>
        new(EquatableArray<DocumentProblem>.Empty, new EquatableArray<DiagnosticInfo>(new[] { error }));

    /// <summary>
    /// DM0028 (ambiguous document name) and DM0002 (document too large to check), each once per document
    /// name, at the first evidence (or 'document:') that names it: facts files in path order, facts and
    /// their evidence in file order. Does nothing when no document has a problem.
    /// </summary>
    public static EquatableArray<DiagnosticInfo> Diagnostics(DocumentCheck check, IEnumerable<ParsedFile> files, SchemaModel schema)
    {
        var problems = check.Problems;
        if (problems.Count == 0)
        {
            return check.Diagnostics;
        }

        var pending = new Dictionary<string, DocumentProblem>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            pending[problem.Name] = problem;
        }

        var diagnostics = new List<DiagnosticInfo>(check.Diagnostics);
        foreach (var file in files.Where(f => f.Facts?.Kind is { } k && schema.Kind(k.Value) is not null).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var facts = file.Facts!;
            foreach (var fact in facts.Facts)
            {
                foreach (var item in fact.Evidence)
                {
                    var documentName = item.Document ?? facts.Document;
                    if (documentName is null || !pending.TryGetValue(documentName.Value, out var problem))
                    {
                        continue;
                    }

                    pending.Remove(problem.Name);
                    if (problem.OtherPath is not null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AmbiguousDocument, documentName.Location, problem.Name, problem.Path, problem.OtherPath));
                    }

                    if (problem.Length > QuoteIndex.MaxDocumentChars)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LimitExceeded, documentName.Location, $"Source document '{problem.Name}' ({Invariant.Str(problem.Length)} characters)", $"{Invariant.Str(QuoteIndex.MaxDocumentChars)} characters", "Split the document; quotes in it are not checked."));
                    }

                    if (pending.Count == 0)
                    {
                        diagnostics.Sort();
                        return diagnostics.ToEquatableArray();
                    }
                }
            }
        }

        diagnostics.Sort();
        return diagnostics.ToEquatableArray();
    }
}
