using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DomainModel.Generators.Model;
using DomainModel.Generators.Naming;

namespace DomainModel.Generators.Layout;

/// <summary>
/// Facts named on use: a kind with more facts than DomainModelMaxNamedFactsPerKind gets a named catalog
/// property (<c>Leaders.VladimirPutin</c>) only for the facts the user's code names. The generator scans
/// each C# file for its identifiers (IdentifierScan); this stage matches them against the fact
/// names of those kinds and gives the emit stage each kind's named facts. A misspelled name matches
/// nothing, so it stays a compile error (CS0117), and the compile pays for the members used, not for
/// every fact of a kind with 100,000 of them.
/// </summary>
internal static class NamedOnUse
{
    private static readonly ConditionalWeakTable<UsageCandidates, Dictionary<string, NamedUse[]>> s_names = new();

    /// <summary>The facts of one file's identifiers that name a fact of a kind past the cap, sorted; empty when no kind is past it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static EquatableArray<NamedUse> Match(EquatableArray<string> identifiers, UsageCandidates candidates)
    {
        if (identifiers.Count == 0 || !candidates.Any)
        {
            return EquatableArray<NamedUse>.Empty;
        }

        var names = s_names.GetValue(candidates, static c => c.Build());
        List<NamedUse>? found = null;
        foreach (var identifier in identifiers)
        {
            if (names.TryGetValue(identifier, out var uses))
            {
                (found ??= new List<NamedUse>()).AddRange(uses);
            }
        }

        if (found is null)
        {
            return EquatableArray<NamedUse>.Empty;
        }

        found.Sort();
        return found.ToEquatableArray();
    }

    /// <summary>The matches of every file as one sorted set.</summary>
    public static EquatableArray<NamedUse> Union(IEnumerable<EquatableArray<NamedUse>> files)
    {
        var all = new SortedSet<NamedUse>();
        foreach (var file in files)
        {
            foreach (var use in file)
            {
                all.Add(use);
            }
        }

        return all.ToEquatableArray();
    }

    /// <summary>Each kind's named-on-use facts, from the assembled chunks (kinds in schema order, facts in index order).</summary>
    public static EquatableArray<NamedModel> Models(EquatableArray<NamedUse> uses, AssembledModel assembled)
    {
        if (uses.Count == 0)
        {
            return EquatableArray<NamedModel>.Empty;
        }

        var chunks = new Dictionary<(string Kind, int Number), ChunkModel>();
        foreach (var chunk in assembled.Chunks)
        {
            chunks[(chunk.Kind, chunk.Number)] = chunk;
        }

        var models = new List<NamedModel>();
        foreach (var kind in assembled.Kinds)
        {
            List<EmittedFact>? facts = null;
            ChunkModel? any = null;
            foreach (var use in uses)
            {
                if (use.Kind != kind.Kind.Name || !chunks.TryGetValue((use.Kind, use.Index / Chunking.RowsPerChunk), out var chunk) || chunk.Named)
                {
                    continue;
                }

                var offset = use.Index % Chunking.RowsPerChunk;
                if (offset < chunk.Facts.Count)
                {
                    (facts ??= new List<EmittedFact>()).Add(chunk.Facts[offset]);
                    any = chunk;
                }
            }

            if (facts is not null)
            {
                models.Add(new NamedModel(any!.Namespace, kind.Kind.Name, kind.Kind.Plural, facts.ToEquatableArray(), any.EvidenceDocs));
            }
        }

        return models.ToEquatableArray();
    }
}

/// <summary>
/// What a file's identifiers are matched against: the fact ids of every kind and the cap. Equal when the
/// ids and the cap are, so an edit to fact values leaves every file's match cached.
/// </summary>
internal sealed record UsageCandidates(IdIndex Index, int MaxNamedFactsPerKind)
{
    /// <summary>Whether any kind has more facts than the cap (else nothing is named on use).</summary>
    public bool Any
    {
        get
        {
            foreach (var kind in Index.Kinds)
            {
                if (kind.Ids.Count > MaxNamedFactsPerKind)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The C# name of every fact of the kinds past the cap, with the facts it names (one per kind that has it).</summary>
    internal Dictionary<string, NamedUse[]> Build()
    {
        var map = new Dictionary<string, NamedUse[]>(StringComparer.Ordinal);
        foreach (var kind in Index.Kinds)
        {
            if (kind.Ids.Count <= MaxNamedFactsPerKind)
            {
                continue;
            }

            for (var i = 0; i < kind.Ids.Count; i++)
            {
                var name = Names.ToPascal(kind.Ids[i]);
                var use = new NamedUse(kind.Kind, i);
                map[name] = map.TryGetValue(name, out var uses) ? [.. uses, use] : [use];
            }
        }

        return map;
    }
}
