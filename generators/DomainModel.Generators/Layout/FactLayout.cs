using System.Threading;
using DomainModel.Generators.Diagnostics;
using DomainModel.Generators.Model;
using DomainModel.Generators.Text;

namespace DomainModel.Generators.Layout;

/// <summary>
/// The layout of one facts file (after its validation, before the assembly of all files): each fact's row
/// encoded and measured once, and the summary of its named catalog property chosen (whether the property
/// is generated depends on the kind's size: the assemble stage decides). Runs again only when
/// the file's validated facts or the schema change.
/// </summary>
internal static class FactLayout
{
    /// <summary>The file's facts laid out, in file order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static LaidOutFile File(FileResult file, SchemaModel schema, CancellationToken cancellationToken)
    {
        if (file.Kind is null || schema.Kind(file.Kind) is not { } kind)
        {
            return new LaidOutFile(file.Path, null, EquatableArray<EmittedFact>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var scratch = new TextBuffer(256);
        var facts = new EmittedFact[file.Facts.Count];
        for (var i = 0; i < facts.Length; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            facts[i] = Fact(schema, kind, file.Facts[i], scratch);
        }

        return new LaidOutFile(file.Path, file.Kind, new EquatableArray<EmittedFact>(facts), EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>One fact laid out: its row (<paramref name="scratch"/> is space to encode it in), and the summary of its named catalog property.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static EmittedFact Fact(SchemaModel schema, KindShape kind, ValidatedFact fact, TextBuffer scratch)
    {
        var row = RowEncoder.Encode(scratch, fact.Id, fact.Values.AsSpan(), fact.Evidence.AsSpan(), fact.Note, out var wellFormed, out var utf8Length);
        var summary = Summary(kind.Fields, fact.Id, fact.Values);
        return new EmittedFact(fact.Index, fact.Id, fact.Values, row, fact.Evidence, fact.Note, summary, wellFormed, utf8Length);
    }

    /// <summary>A fact's one-line summary: its first required text field (a name, a title), else its id.</summary>
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static string Summary(EquatableArray<FieldModel> fields, string id, EquatableArray<FieldValue> values)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field is { Required: true, Type: { Type: ScalarType.String, IsList: false } } && !values[i].IsNull)
            {
                return values[i][0];
            }
        }

        return id;
    }
}
