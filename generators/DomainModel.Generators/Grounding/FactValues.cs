using System.Collections.Generic;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;
using DomainModel.Internal;

namespace DomainModel.Generators.Grounding;

/// <summary>
/// A typed value of a fact that none of its supporting quotes states and its note does not name:
/// where it is written (the value itself, or a money, quantity or date mapping's amount or value), its field,
/// the value as looked for, and what the quotes do state (their numbers and dates, as written) for the fix
/// hint. <see cref="Basis"/> is a date's basis (an index in RowFormat.DateBases) when the date has one and the
/// evidence does not bear it out: <c>stated</c> that no quote states (the note does not count), <c>resolved</c>
/// or <c>inferred</c> that the note does not name.
/// </summary>
internal sealed record UnstatedValue(LocationInfo Location, string Field, StatedValue Value, EquatableArray<string> Stated, int Basis = 0);

/// <summary>
/// The check of one fact's numbers, amounts, percents and dates against its quotes (see <see cref="QuoteValues"/>):
/// every such value must be stated by one of the quotes that support the fact, or named by its note. A date with
/// a basis is held to it: <c>stated</c> by a quote, <c>resolved</c> or <c>inferred</c> named by the note (which
/// says from what).
/// </summary>
internal static class FactValues
{
    /// <summary>
    /// The values of <paramref name="fact"/> (converted to <paramref name="values"/>, by field position in
    /// <paramref name="kind"/>) that neither <paramref name="quotes"/> nor <paramref name="note"/> state; null when all are.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static List<UnstatedValue>? Check(KindShape kind, FactDef fact, FieldValue[] values, IReadOnlyList<string> quotes, string? note)
    {
        List<UnstatedValue>? unstated = null;
        QuoteSearch? search = null;
        QuoteSearch? noteSearch = null;
        var indexes = kind.FieldIndexes;
        foreach (var entry in fact.Fields)
        {
            if (!indexes.TryGetValue(entry.Key.Value, out var f) || f >= values.Length || values[f].IsNull || values[f].IsNumber)
            {
                continue;
            }

            var field = kind.Fields[f];
            if (field.Type.Type is not (ScalarType.Integer or ScalarType.Decimal or ScalarType.Percent or ScalarType.Money or ScalarType.Quantity or ScalarType.Date))
            {
                continue;
            }

            var value = values[f];
            var items = entry.Value as RawSequence ?? (entry.Value as RawMapping)?.Find("examples")?.Value as RawSequence;
            var basis = value.Basis;
            for (var i = 0; i < value.Count; i++)
            {
                if (!StatedValue.TryFromCanonical(field.Type.Type, value[i], out var stated))
                {
                    continue;
                }

                // No basis: a quote or the note. Stated: a quote (the note does not state what a quote says).
                // Resolved or inferred: the note, which says from what.
                search ??= new QuoteSearch(quotes);
                if ((basis is 0 or Stated) && search.States(stated))
                {
                    continue;
                }

                if (basis != Stated && note is not null && (noteSearch ??= new QuoteSearch(new[] { note })).States(stated))
                {
                    continue;
                }

                // A list's items are located one by one when each was kept (an invalid item is dropped, and reported).
                var node = items is not null && items.Items.Count == value.Count ? items.Items[i] : entry.Value;
                (unstated ??= new List<UnstatedValue>()).Add(new UnstatedValue(Where(node), field.Name, stated, search.Written(), basis));
            }
        }

        return unstated;
    }

    /// <summary>Longest quote shown in a DM0032 message; the rest is cut with an ellipsis.</summary>
    private const int ShownQuoteLength = 80;

    /// <summary>The index of <c>stated</c> in RowFormat.DateBases.</summary>
    private const int Stated = 1;

    /// <summary>
    /// Adds a DM0032 to <paramref name="diagnostics"/> for each value of <paramref name="fact"/> that neither its
    /// supporting quotes (those of <paramref name="evidence"/> that do not contradict it) nor its note state. A fact
    /// without evidence is not checked (DM0019 says so).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static void Diagnose(KindShape kind, FactDef fact, FieldValue[] values, List<EvidenceItem> evidence, List<DiagnosticInfo> diagnostics)
    {
        if (evidence.Count == 0)
        {
            return;
        }

        var quotes = new List<string>(evidence.Count);
        foreach (var item in evidence)
        {
            if (!item.Contradicts)
            {
                quotes.Add(item.Quote);
            }
        }

        if (Check(kind, fact, values, quotes, fact.Note) is not { } unstated)
        {
            return;
        }

        var searched = Searched(quotes, fact.Note is not null);
        var owner = $"{kind.Name} '{fact.Id.Value}'";
        foreach (var u in unstated)
        {
            var stated = u.Stated.Count == 0 ? " (no number or date is stated there)" : " (stated there: " + string.Join(", ", u.Stated) + ")";
            if (u.Basis == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueNotStated, u.Location, u.Field, owner, u.Value.ToString(), searched, quotes.Count == 0 ? string.Empty : stated));
            }
            else
            {
                // A basis the evidence does not bear out: stated needs a quote, resolved and inferred the note.
                var word = RowFormat.DateBases[u.Basis];
                var lacks = u.Basis != Stated
                    ? (fact.Note is null ? "the fact has no note" : "its note does not name it")
                    : quotes.Count == 0 ? "no quote supports the fact: every quote of it contradicts it" : Searched(quotes, false) + " it" + stated;
                var fix = u.Basis != Stated
                    ? $"Say in the note from what the date was {word}, naming it (e.g. '\"Wednesday\" resolved to 2025-10-15 against the dateline'), or write 'basis: stated' if a quote states it."
                    : "Quote the sentence that states the date, or write the basis it has ('resolved' from an expression such as \"Wednesday\", or 'inferred') and say in the note from what.";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DateBasisNotSupported, u.Location, u.Field, owner, u.Value.ToString(), word, lacks, fix));
            }
        }
    }

    /// <summary>What was searched, as the message's "which …" clause: the quotes (shortened), and the note.</summary>
    private static string Searched(List<string> quotes, bool hasNote)
    {
        if (quotes.Count == 0)
        {
            return hasNote ? "its note does not state, and every quote of it contradicts it" : "no quote supports: every quote of it contradicts it";
        }

        if (quotes.Count == 1)
        {
            var quote = "its quote '" + Names.Shorten(quotes[0], ShownQuoteLength) + "'";
            return hasNote ? "neither " + quote + " nor its note states" : quote + " does not state";
        }

        var list = new List<string>(quotes.Count);
        foreach (var q in quotes)
        {
            list.Add("'" + Names.Shorten(q, ShownQuoteLength) + "'");
        }

        return "none of its " + quotes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " quotes (" + string.Join("; ", list) + ")" + (hasNote ? " nor its note" : string.Empty) + " states";
    }

    /// <summary>The value's own position: a scalar, or the amount of a money mapping or the value of a quantity mapping.</summary>
    private static LocationInfo Where(RawNode node) => node switch
    {
        RawMapping map when (map.Find("amount") ?? map.Find("value")) is { Value: RawScalar number } => number.Location,
        RawMapping map => map.Location.Head(),
        _ => node.Location,
    };

    /// <summary>The mentions of a set of texts, read once and searched for each value.</summary>
    private sealed class QuoteSearch
    {
        private readonly IReadOnlyList<string> _texts;
        private readonly List<Mention>[] _mentions;

        public QuoteSearch(IReadOnlyList<string> texts)
        {
            _texts = texts;
            _mentions = new List<Mention>[texts.Count];
            for (var t = 0; t < texts.Count; t++)
            {
                _mentions[t] = QuoteValues.Mentions(texts[t]);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
        public bool States(StatedValue value) => QuoteValues.Find(value, _mentions, out _) >= 0;

        /// <summary>The numbers and dates the texts state, as written, in order, without repeats.</summary>
        public EquatableArray<string> Written()
        {
            var written = new List<string>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            for (var t = 0; t < _texts.Count; t++)
            {
                var covered = -1;
                foreach (var m in _mentions[t])
                {
                    // A date's parts (its year, its day) are not listed again beside it.
                    if (m.Start < covered)
                    {
                        continue;
                    }

                    var text = _texts[t].Substring(m.Start, m.End - m.Start);
                    covered = m.End;
                    if (seen.Add(text))
                    {
                        written.Add(text);
                    }
                }
            }

            return written.ToEquatableArray();
        }
    }
}
