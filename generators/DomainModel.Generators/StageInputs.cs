using System;
using System.Collections.Immutable;
using DomainModel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DomainModel.Generators;

// The inputs of the pipeline's steps, by name (see DomainModelGenerator). A record holds what
// Combine would hold in a tuple, so its equality, and so the caching of the step it feeds, is the
// tuple's: models compare by value, collected arrays (ImmutableArray) by instance, as the driver
// gives an unchanged collection the same instance.

/// <summary>
/// One input file's text as a value (with its role for a YAML file; none for a document): equal when the
/// path and the text are, whatever AdditionalText object it was read from.
/// </summary>
internal sealed record InputText(string Path, string Text, FileRole? Role = null);

/// <summary>The schema stage's inputs: every schema file and the options.</summary>
internal sealed record SchemaInputs(ImmutableArray<ParsedFile> SchemaFiles, GeneratorOptions Options);

/// <summary>The id stage's inputs: every facts file's ids and the schema.</summary>
internal sealed record IdInputs(ImmutableArray<FileIds> Files, SchemaModel Schema);

/// <summary>What the validation of every facts file needs besides the file: the schema, the ids and the documents.</summary>
internal sealed record FactsContext(SchemaModel Schema, IdIndex Index, ImmutableArray<DocumentText> Documents);

/// <summary>The facts stage's inputs: one facts file and its context.</summary>
internal sealed record FactsInputs(ParsedFile File, FactsContext Context);

/// <summary>The per-file layout's inputs: one file's validated facts and the schema.</summary>
internal sealed record LayoutInputs(FileResult File, SchemaModel Schema);

/// <summary>The assemble stage's inputs: every file's laid-out facts, the schema, the ids and how rows are kept.</summary>
internal sealed record AssembleInputs(ImmutableArray<LaidOutFile> Files, SchemaModel Schema, IdIndex Index, RowMode Mode);

/// <summary>The id diagnostics' inputs: the index, the schema and every parsed file (for positions).</summary>
internal sealed record IdDiagnosticInputs(IdIndex Index, SchemaModel Schema, ImmutableArray<ParsedFile> Files);

/// <summary>The document diagnostics' inputs: the documents' problems, every parsed file and the schema.</summary>
internal sealed record DocumentInputs(DocumentCheck Check, ImmutableArray<ParsedFile> Files, SchemaModel Schema);

/// <summary>The named-on-use emit's inputs: the facts the code names (all files) and the assembled chunks they are read from.</summary>
internal sealed record NamedInputs(EquatableArray<NamedUse> Uses, AssembledModel Assembled);

/// <summary><c>Combine</c> followed by a named result, so that no step reads <c>x.Right.Left.Left</c>.</summary>
internal static class StageInputs
{
    public static IncrementalValueProvider<TResult> Join<TLeft, TRight, TResult>(this IncrementalValueProvider<TLeft> left, IncrementalValueProvider<TRight> right, Func<TLeft, TRight, TResult> make) =>
        left.Combine(right).Select((x, _) => make(x.Left, x.Right));

    public static IncrementalValuesProvider<TResult> Join<TLeft, TRight, TResult>(this IncrementalValuesProvider<TLeft> left, IncrementalValueProvider<TRight> right, Func<TLeft, TRight, TResult> make) =>
        left.Combine(right).Select((x, _) => make(x.Left, x.Right));
}
