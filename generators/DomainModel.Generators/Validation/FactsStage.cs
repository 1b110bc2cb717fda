using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Grounding;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Validation;

/// <summary>
/// The facts stage, one facts file at a time: values converted to their schema types, references resolved
/// to indexes, evidence checked against the documents. Runs again only when this file, the schema, the ids
/// or the documents change. Diagnostics that would only repeat an error already reported elsewhere (a use
/// of a rejected kind, a reference into a file that could not be read) are not reported.
/// </summary>
internal static class FactsStage
{
    /// <summary>
    /// The validate stage for one facts file: values converted to their schema types, references
    /// resolved to indexes, evidence checked against the documents, each fact's values in schema order.
    /// Runs again only when this file, the schema, the ids or the documents change.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static FileResult Validate(ParsedFile file, SchemaModel schema, IdIndex index, IReadOnlyList<DocumentText> documentTexts, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var factsFile = file.Facts;
        if (factsFile?.Kind is null || index.Failed)
        {
            return new FileResult(file.Path, null, EquatableArray<ValidatedFact>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var kindName = factsFile.Kind.Value;
        var kind = schema.Kind(kindName);
        var ids = index.Kind(kindName);
        if (kind is null || ids is null)
        {
            // Not reported when the kind was declared but rejected, or a schema file could not be read.
            if (!schema.Incomplete && !schema.IsRejectedType(kindName))
            {
                var hint = schema.Enum(kindName) is not null ? $" '{kindName}' is an enum, not a kind." : Names.DidYouMean(kindName, schema.Kinds.Select(k => k.Name));
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKind, factsFile.Kind.Location, kindName, hint));
            }

            return new FileResult(file.Path, null, EquatableArray<ValidatedFact>.Empty, diagnostics.ToEquatableArray());
        }

        var documents = Documents(documentTexts);
        var converter = new ValueConverter(diagnostics, schema, index, kind);
        var fields = kind.Fields;
        var fieldIndexes = kind.FieldIndexes;
        var positions = ids.Positions;
        var facts = new List<ValidatedFact>(factsFile.Facts.Count);
        var evidence = new List<EvidenceItem>(4);
        var seen = new bool[fields.Count];

        // Facts of a file mostly list their fields in one order: the field at an entry's position in the
        // previous fact is tried before the lookup by name.
        var guesses = new int[fields.Count];

        // The quote index of the document the last evidence item named (a file's quotes mostly come from one document).
        DocumentText? lastDocument = null;
        QuoteIndex? lastIndex = null;
        for (var ordinal = 0; ordinal < factsFile.Facts.Count; ordinal++)
        {
            if ((ordinal & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var fact = factsFile.Facts[ordinal];
            if (ids.Rejected.Count > 0 && ids.IsRejected(file.Path, ordinal))
            {
                continue;
            }

            var values = new FieldValue[fields.Count];
            Array.Clear(seen, 0, seen.Length);
            string? renamed = null;
            for (var e = 0; e < fact.Fields.Count; e++)
            {
                var entry = fact.Fields[e];
                int f;
                if (e < guesses.Length && fields[guesses[e]].Name == entry.Key.Value)
                {
                    f = guesses[e];
                }
                else if (fieldIndexes.TryGetValue(entry.Key.Value, out f))
                {
                    if (e < guesses.Length)
                    {
                        guesses[e] = f;
                    }
                }
                else
                {
                    if (kind.IsRejectedField(entry.Key.Value))
                    {
                        continue; // the field's own error is reported in the schema
                    }

                    var hint = Names.DidYouMean(entry.Key.Value, fields.Select(x => x.Name).Concat(new[] { "evidence", "note" }));
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownKey, entry.Key.Location, entry.Key.Value, $"{kind.Name} '{fact.Id.Value}'", hint.Length > 0 ? hint : $" {kind.Name} has the fields: {Names.List(fields.Select(x => x.Name).Concat(new[] { "evidence", "note" }))}."));
                    if (hint.Length > 0)
                    {
                        // A likely rename: its DM0005 says what to fix, so a missing required field it
                        // names is not reported again as DM0006.
                        renamed = renamed is null ? hint : renamed + "\n" + hint;
                    }

                    continue;
                }

                seen[f] = true;
                values[f] = converter.Convert(f, entry.Value);
            }

            for (var i = 0; i < fields.Count; i++)
            {
                if (!fields[i].Required || !values[i].IsNull)
                {
                    continue;
                }

                if (!seen[i])
                {
                    if (renamed is not null && renamed.Split('\n').Contains($" Did you mean '{fields[i].Name}'?"))
                    {
                        continue;
                    }

                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, fact.Id.Location, fields[i].Name, $"{kind.Name} '{fact.Id.Value}'", $"Add '{fields[i].Name}:' ({fields[i].Type}) or make the field optional in the schema."));
                }
                else if (fact.Fields.FirstOrDefault(x => x.Key.Value == fields[i].Name) is { Value: RawScalar { IsNull: true } } nullEntry)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, nullEntry.Key.Location, fields[i].Name, $"{kind.Name} '{fact.Id.Value}'", $"The field is required; give it a {fields[i].Type} value."));
                }
            }

            evidence.Clear();
            foreach (var item in fact.Evidence)
            {
                var documentName = item.Document ?? factsFile.Document;
                if (documentName is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingKey, item.Quote.Location, "document", "This evidence item", "Name the source document at the top of the facts file ('document: report.txt') or on the item."));
                    continue;
                }

                if (!documents.TryGetValue(documentName.Value, out var document))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownDocument, documentName.Location, documentName.Value, Names.DidYouMean(documentName.Value, documents.Keys)));
                }
                else if (document.Normalized.Length <= QuoteIndex.MaxDocumentChars && !IndexOf(document, ref lastDocument, ref lastIndex).Contains(Whitespace.Normalize(item.Quote.Value)))
                {
                    // A document too large to index is reported once (DM0002, see DocumentDiagnostics); its quotes are not checked.
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.QuoteNotFound, item.Quote.Location, document.Name, Longest(document, item.Quote.Value)));
                }

                evidence.Add(Item(documentName.Value, item, schema, index, diagnostics));
            }

            FactValues.Diagnose(kind, fact, values, evidence, diagnostics);
            facts.Add(ValidatedFact.Create(kind, positions.IndexOf(fact.Id.Value), fact.Id.Value, values, evidence.ToArray(), fact.Note));
        }

        diagnostics.Sort();
        return new FileResult(file.Path, kind.Name, facts.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// An evidence item with its hedge and its attribution resolved: <c>Kind:id</c> names a fact of that kind; a
    /// bare slug names the one fact of any kind with that id; anything else (a space, a capital letter) is a text
    /// such as "sources close to the Kremlin". A reference that does not resolve is DM0018 (DM0013 when facts of
    /// several kinds have the id); it is then kept as text.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static EvidenceItem Item(string document, EvidenceDef item, SchemaModel schema, IdIndex index, List<DiagnosticInfo> diagnostics)
    {
        if (item.AttributedTo is not { } who)
        {
            return new EvidenceItem(document, item.Quote.Value, item.Contradicts, item.Hedge);
        }

        var text = who.Value;
        var colon = text.IndexOf(':');
        if (colon > 0 && Names.Slug.IsMatch(text.Substring(colon + 1)) && schema.Kind(text.Substring(0, colon)) is { } named)
        {
            var id = text.Substring(colon + 1);
            if (index.Kind(named.Name) is { } ids && ids.IndexOf(id) >= 0)
            {
                return new EvidenceItem(document, item.Quote.Value, item.Contradicts, item.Hedge, id, named.Name);
            }

            if (index.Kind(named.Name) is not { } known || !known.IsExplained(id))
            {
                var hint = index.Kind(named.Name) is { } candidates ? Names.DidYouMean(id, candidates.Ids) : string.Empty;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DanglingReference, who.Location, "attributed_to", named.Name, id, hint.Length > 0 ? hint : $" Use the id of a {named.Name} fact, or add that fact."));
            }

            return new EvidenceItem(document, item.Quote.Value, item.Contradicts, item.Hedge, text);
        }

        if (!Names.Slug.IsMatch(text))
        {
            return new EvidenceItem(document, item.Quote.Value, item.Contradicts, item.Hedge, text);
        }

        string? found = null;
        var kinds = new List<string>();
        var explained = false;
        foreach (var ids in index.Kinds)
        {
            if (ids.IndexOf(text) >= 0)
            {
                kinds.Add(ids.Kind);
                found = ids.Kind;
            }
            else
            {
                explained |= ids.IsExplained(text);
            }
        }

        if (kinds.Count == 1)
        {
            return new EvidenceItem(document, item.Quote.Value, item.Contradicts, item.Hedge, text, found);
        }

        if (kinds.Count > 1)
        {
            kinds.Sort(StringComparer.Ordinal);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValue, who.Location, "attribution", text, "attributed_to", $"Facts of several kinds have this id ({string.Join(", ", kinds)}): write '{kinds[0]}:{text}' or '{kinds[1]}:{text}'."));
        }
        else if (!explained)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DanglingReference, who.Location, "attributed_to", "a fact", text, " Use the id of a fact (a person, an organization), 'Kind:id', or a text with a space or a capital letter ('sources close to the Kremlin')."));
        }

        return new EvidenceItem(document, item.Quote.Value, item.Contradicts, item.Hedge, text);
    }

    /// <summary>The quote index of <paramref name="document"/>: the one looked up last when it is the same document.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    private static QuoteIndex IndexOf(DocumentText document, ref DocumentText? lastDocument, ref QuoteIndex? lastIndex)
    {
        if (!ReferenceEquals(document, lastDocument) || lastIndex is null)
        {
            lastIndex = QuoteIndex.Of(document);
            lastDocument = document;
        }

        return lastIndex;
    }

    /// <summary>Documents by file name; of two with one name, the first by path wins (evidence names documents by file name).</summary>
    private static Dictionary<string, DocumentText> Documents(IReadOnlyList<DocumentText> documentTexts)
    {
        var documents = new Dictionary<string, DocumentText>(StringComparer.Ordinal);
        foreach (var document in documentTexts.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            if (!documents.ContainsKey(document.Name))
            {
                documents.Add(document.Name, document);
            }
        }

        return documents;
    }

    /// <summary>
    /// A hint: how much of the quote does occur, to point at where it goes wrong. The matched prefix is
    /// found by binary search over whole words (a prefix of a match matches), so long quotes stay cheap.
    /// </summary>
    private static string Longest(DocumentText document, string quote)
    {
        var index = QuoteIndex.Of(document);
        var words = Whitespace.Normalize(quote).Split(' ');
        var matched = MatchedWords(words, index.Contains);
        if (matched == 0 || matched >= words.Length)
        {
            return string.Empty;
        }

        const int Shown = 8;
        var tail = string.Join(" ", words, Math.Max(0, matched - Shown), Math.Min(Shown, matched));
        return $" (it matches up to '{(matched > Shown ? "\u2026 " : string.Empty)}{Names.Shorten(tail, 120)}', then differs at '{Names.Shorten(words[matched], 60)}')";
    }

    /// <summary>How many leading words of the quote occur together (<paramref name="occurs"/>), by binary search: O(log words) searches.</summary>
    internal static int MatchedWords(string[] words, Func<string, bool> occurs)
    {
        int low = 0, high = words.Length; // words[0..low) match; words[0..high] may not
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (occurs(string.Join(" ", words, 0, middle)))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
