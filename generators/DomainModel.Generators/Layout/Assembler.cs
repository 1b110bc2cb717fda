using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Layout;

/// <summary>
/// The assemble stage, over all files: each kind's facts in id order, cut into chunks, the chunks to pack
/// chosen (<see cref="Packing"/>), and the scale diagnostics (named facts capped, the user-string heap).
/// An edit to one file's values re-runs this linear, cheap step and no file's validation or layout.
/// </summary>
internal static class Assembler
{

    /// <summary>
    /// The assemble stage: every file's facts placed at their index, per kind, cut into chunks of
    /// <see cref="Chunking.RowsPerChunk"/>, and the chunks to pack chosen. Linear in the number of facts and
    /// allocation-light: the facts are the (cached) objects of the per-file layout.
    /// </summary>
    public static AssembledModel Assemble(IEnumerable<LaidOutFile> fileResults, SchemaModel schema, IdIndex index, RowMode mode, CancellationToken cancellationToken)
    {
        var utf8 = mode.Utf8;
        var byKind = new Dictionary<string, EmittedFact[]>(StringComparer.Ordinal);
        foreach (var kind in index.Kinds)
        {
            byKind[kind.Kind] = new EmittedFact[kind.Ids.Count];
        }

        foreach (var file in fileResults)
        {
            if (file.Kind is null || !byKind.TryGetValue(file.Kind, out var slots))
            {
                continue;
            }

            foreach (var fact in file.Facts)
            {
                if (fact.Index >= 0 && fact.Index < slots.Length)
                {
                    slots[fact.Index] = fact;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>();
        var kinds = new List<KindOutput>();
        var chunks = new List<ChunkModel>();
        long userStringBytes = 0;
        var size = Chunking.RowsPerChunk;
        TextBuffer? scratch = null;
        foreach (var kind in schema.Kinds)
        {
            var ids = index.Kind(kind.Name)!.Ids;
            var slots = byKind[kind.Name];
            for (var i = 0; i < slots.Length; i++)
            {
                // Only when the validation of a file failed (DM0026, reported there): keep the indexes of
                // every other fact valid with a fact that has its id and no values.
                slots[i] ??= FactLayout.Fact(schema, kind, ValidatedFact.Create(kind, i, ids[i], new FieldValue[kind.Fields.Count], Array.Empty<EvidenceItem>(), null), scratch ??= new TextBuffer(256));
            }

            // Every fact of a kind up to DomainModelMaxNamedFactsPerKind has a named property; in a larger
            // kind only those the code names (NamedOnUse): the compile and the analyzers scale with them.
            var named = slots.Length <= schema.MaxNamedFactsPerKind;
            var chunkUtf8 = new bool[(slots.Length + size - 1) / size];
            for (var c = 0; c < chunkUtf8.Length; c++)
            {
                var length = Math.Min(size, slots.Length - (c * size));
                var facts = new EmittedFact[length];
                Array.Copy(slots, c * size, facts, 0, length);
                var safe = utf8;
                foreach (var fact in facts)
                {
                    safe &= fact.Utf8Safe;
                }

                if (!safe)
                {
                    foreach (var fact in facts)
                    {
                        userStringBytes += RowEncoder.EstimateUserStringBytes(fact.Id, fact.RowLength);
                    }
                }

                chunkUtf8[c] = safe;
                chunks.Add(new ChunkModel(schema.Namespace, kind.Name, kind.Plural, c, safe, new EquatableArray<EmittedFact>(facts), EvidenceDocs: schema.EvidenceDocs, Named: named));
            }

            if (!named)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NamedFactsCapped, kind.NameLocation, kind.Name, Invariant.Str(slots.Length), Invariant.Str(schema.MaxNamedFactsPerKind), kind.Plural, Invariant.Str(GeneratorOptions.HardMaxNamedFactsPerKind)));
            }

            kinds.Add(new KindOutput(schema.Namespace, kind, References(schema, kind), slots.Length, new EquatableArray<bool>(chunkUtf8)));
        }

        // Scale: warn well before the assembly's user-string heap is full. Only what is kept as string
        // literals counts: UTF-8 rows are data in the PE image, not user strings.
        if (userStringBytes >= Chunking.UserStringLimit * 3 / 4)
        {
            var largest = schema.Kinds.OrderByDescending(k => byKind[k.Name].Length).First();
            diagnostics.Add(userStringBytes >= Chunking.UserStringLimit
                ? DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetExceeded, largest.NameLocation, Invariant.Str(userStringBytes))
                : DiagnosticInfo.Create(DiagnosticDescriptors.StringBudgetWarning, largest.NameLocation, Invariant.Str(userStringBytes), Invariant.Str(userStringBytes * 100 / Chunking.UserStringLimit)));
        }

        // Packed rows: UTF-8 chunks in string literals, two bytes per character, while the user-string heap
        // allows (the compiler lowers a UTF-8 literal to one node per byte; a string literal costs it nothing).
        var utf8Chunks = chunks.Where(c => c.Utf8).ToList();
        var pack = Packing.Choose(utf8Chunks.Select(c => Packing.UserStringBytes(c.Facts)).ToArray(), mode.Pack, userStringBytes);
        if (pack > 0)
        {
            var packedByKind = new Dictionary<string, bool[]>(StringComparer.Ordinal);
            foreach (var kind in kinds)
            {
                packedByKind[kind.Kind.Name] = new bool[kind.ChunkUtf8.Count];
            }

            for (int i = 0, seen = 0; i < chunks.Count && seen < pack; i++)
            {
                if (chunks[i].Utf8)
                {
                    seen++;
                    chunks[i] = chunks[i] with { Packed = true };
                    packedByKind[chunks[i].Kind][chunks[i].Number] = true;
                }
            }

            for (var k = 0; k < kinds.Count; k++)
            {
                kinds[k] = kinds[k] with { ChunkPacked = new EquatableArray<bool>(packedByKind[kinds[k].Kind.Name]) };
            }
        }

        diagnostics.Sort();
        return new AssembledModel(kinds.ToEquatableArray(), chunks.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The assemble stage's result when the stage itself failed: every kind generated without facts.</summary>
    public static AssembledModel Failed(SchemaModel schema, DiagnosticInfo error) =>
        new(
            schema.Kinds.Select(k => new KindOutput(schema.Namespace, k, References(schema, k), 0, EquatableArray<bool>.Empty)).ToEquatableArray(),
            EquatableArray<ChunkModel>.Empty,
            new EquatableArray<DiagnosticInfo>(new[] { error }));

    /// <summary>The kinds (with their catalog names) that a kind's fields refer to, by name.</summary>
    private static EquatableArray<KindName> References(SchemaModel schema, KindShape kind) =>
        kind.Fields
            .Where(f => f.Type.Type == ScalarType.Reference)
            .Select(f => f.Type.Target!)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => t, StringComparer.Ordinal)
            .Select(t => new KindName(t, schema.Kind(t)!.Plural))
            .ToEquatableArray();
}
