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
/// The id stage: the ids of each facts file without positions (<see cref="IdsOf"/>, per file), then the
/// ids of all files as one index per kind (<see cref="BuildIndex"/>), so that an edit to values or lines
/// leaves the index cached; and the diagnostics of facts rejected by their id, which need positions
/// (<see cref="Diagnostics"/>, computed only when there is one).
/// </summary>
internal static class IdStage
{
    /// <summary>
    /// The ids of a facts file (or null for a schema file or an empty facts file): what the id stage
    /// needs, without positions. A facts file that could not be read has no ids and is incomplete.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static FileIds? IdsOf(ParsedFile file)
    {
        if (file.Role != FileRole.Facts)
        {
            return null;
        }

        if (file.Facts is not { } facts)
        {
            return file.Unreadable ? new FileIds(file.Path, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, false) : null;
        }

        var ids = new string[facts.Facts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = facts.Facts[i].Id.Value;
        }

        // A file without a kind (an error of its own) cannot say which kind it was meant to complete.
        var complete = facts.Complete && !(facts.Kind is null && file.HasErrors);
        return new FileIds(file.Path, facts.Kind?.Value, new EquatableArray<string>(ids), facts.RejectedIds, complete);
    }

    /// <summary>
    /// The id stage: per kind, ids unique and distinct once PascalCased, sorted (ordinal). Files are taken
    /// in path order and facts in file order: the first fact with an id keeps it.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static IdIndex BuildIndex(IEnumerable<FileIds> fileIds, SchemaModel schema, CancellationToken cancellationToken)
    {
        var all = fileIds.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();

        // A facts file that could not be read, or whose kind is missing or unknown: its facts may be the
        // targets of references, so no dangling reference is reported (the file's own error is).
        var factsIncomplete = all.Any(f => f.Kind is null ? !f.Complete : schema.Kind(f.Kind) is null);
        var files = all.Where(f => f.Kind is not null && schema.Kind(f.Kind) is not null).ToList();
        var result = new List<KindIds>();
        foreach (var kind in schema.Kinds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // By the id's C# property (its PascalCase form): the entry of a kept id is under its own
            // property, so an id found there with the same text is a duplicate, with another a collision.
            var count = 0;
            foreach (var file in files)
            {
                count += file.Kind == kind.Name ? file.Ids.Count : 0;
            }

            // Sized for every id at once: growing it would hash each id again with the PascalCase comparer.
            var byProperty = new Dictionary<string, (string Path, int Ordinal, string Id)>(count, Names.PascalComparer.Instance);
            var rejected = new List<RejectedFact>();
            var unresolvable = new SortedSet<string>(StringComparer.Ordinal);
            var incomplete = false;
            var kept = new List<string>(count);
            foreach (var file in files)
            {
                if (file.Kind != kind.Name)
                {
                    continue;
                }

                unresolvable.UnionWith(file.RejectedIds);
                incomplete |= !file.Complete;
                for (var i = 0; i < file.Ids.Count; i++)
                {
                    var id = file.Ids[i];
                    if (byProperty.TryGetValue(id, out var same))
                    {
                        // The first fact keeps the id: references to it resolve.
                        if (same.Id == id)
                        {
                            rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.DuplicateId.Id, same.Path, same.Ordinal, null));
                            continue;
                        }

                        rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.IdCollision.Id, same.Path, same.Ordinal, same.Id));
                        unresolvable.Add(id);
                        continue;
                    }

                    if (GeneratedNames.IsReservedCatalogProperty(id) || Names.PascalComparer.Is(id, kind.Plural))
                    {
                        rejected.Add(new RejectedFact(file.Path, i, DiagnosticDescriptors.ReservedName.Id, null, 0, null));
                        unresolvable.Add(id);
                        continue;
                    }

                    byProperty.Add(id, (file.Path, i, id));
                    kept.Add(id);
                }
            }

            var ids = kept.ToArray();
            Array.Sort(ids, StringComparer.Ordinal);
            result.Add(new KindIds(kind.Name, new EquatableArray<string>(ids), rejected.ToEquatableArray(), unresolvable.ToEquatableArray(), incomplete));
        }

        // Files whose ids could not be read (DM0026): reported with the index, which holds none of their facts.
        var errors = all.Where(f => f.Error is not null).Select(f => f.Error!).OrderBy(d => d).ToEquatableArray();
        return new IdIndex(result.ToEquatableArray(), factsIncomplete, false, errors);
    }

    /// <summary>What <see cref="IdsOf"/> gives a facts file when reading its ids failed: no ids, incomplete, and the error.</summary>
    public static FileIds FailedIds(ParsedFile file, DiagnosticInfo error) =>
        new(file.Path, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, false, error);

    /// <summary>The id stage's result when the stage itself failed: every kind empty, and no reference reported.</summary>
    public static IdIndex FailedIndex(SchemaModel schema, DiagnosticInfo error) =>
        new(
            schema.Kinds.Select(k => new KindIds(k.Name, EquatableArray<string>.Empty, EquatableArray<RejectedFact>.Empty, EquatableArray<string>.Empty, true)).ToEquatableArray(),
            true,
            true,
            new EquatableArray<DiagnosticInfo>(new[] { error }));

    /// <summary>The diagnostics for facts rejected by their id: they need the positions of both facts.</summary>
    public static EquatableArray<DiagnosticInfo> Diagnostics(IdIndex index, SchemaModel schema, IEnumerable<ParsedFile> files)
    {
        if (index.Kinds.All(k => k.Rejected.Count == 0))
        {
            return index.Diagnostics;
        }

        var byPath = new Dictionary<string, FactsFile>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Facts is not null)
            {
                byPath[file.Path] = file.Facts;
            }
        }

        var diagnostics = new List<DiagnosticInfo>(index.Diagnostics);
        foreach (var kind in index.Kinds)
        {
            var plural = schema.Kind(kind.Kind)!.Plural;
            foreach (var r in kind.Rejected)
            {
                var id = byPath[r.Path].Facts[r.Ordinal].Id;
                if (r.DiagnosticId == DiagnosticDescriptors.ReservedName.Id)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, id.Location, id.Value, $"the catalog {plural} has a member named '{Names.ToPascal(id.Value)}'"));
                    continue;
                }

                var first = byPath[r.FirstPath!].Facts[r.FirstOrdinal].Id;
                diagnostics.Add(r.DiagnosticId == DiagnosticDescriptors.DuplicateId.Id
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateId, id.Location, kind.Kind, id.Value, Messages.Where(first.Location, id.Location))
                    : DiagnosticInfo.Create(DiagnosticDescriptors.IdCollision, id.Location, kind.Kind, id.Value, Names.ToPascal(id.Value), r.OtherId!, Messages.Where(first.Location, id.Location)));
            }
        }

        diagnostics.Sort();
        return diagnostics.ToEquatableArray();
    }
}
