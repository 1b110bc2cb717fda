namespace DomainModel.Generators.Model;

/// <summary>What a YAML input file is, decided by its name.</summary>
internal enum FileRole
{
    Schema,
    Facts,
}

/// <summary>The output of the parse stage for one file: its model (if readable) and its own diagnostics.</summary>
internal sealed record ParsedFile(
    string Path,
    FileRole Role,
    SchemaFile? Schema,
    FactsFile? Facts,
    EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics)
{
    /// <summary>True when the file has no model because of an error (not merely because it is empty).</summary>
    public bool Unreadable => Schema is null && Facts is null && HasErrors;

    /// <summary>True when the file has an error of its own.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// A schema file's enums and kinds. <see cref="RejectedTypes"/> names the enums and kinds that were
/// declared but could not be read (each with its own diagnostic): uses of them are not reported again.
/// </summary>
internal sealed record SchemaFile(EquatableArray<EnumDef> Enums, EquatableArray<KindDef> Kinds, EquatableArray<string> RejectedTypes);

internal sealed record EnumDef(string Name, LocationInfo NameLocation, string Description, EquatableArray<NamedValue> Values);

/// <summary>A name with the place it was written.</summary>
internal sealed record NamedValue(string Value, LocationInfo Location);

internal sealed record KindDef(
    string Name,
    LocationInfo NameLocation,
    NamedValue? Plural,
    string Description,
    EquatableArray<FieldDef> Fields,
    EquatableArray<string> RejectedFields);

internal sealed record FieldDef(
    string Name,
    LocationInfo NameLocation,
    NamedValue Type,
    bool Required,
    string Description);

/// <summary>
/// A facts file. <see cref="RejectedIds"/> are ids of facts that could not be read (each reported);
/// <see cref="Complete"/> is false when some fact could not even be identified, so references into
/// this kind may dangle because of an error already reported.
/// </summary>
internal sealed record FactsFile(
    NamedValue? Kind,
    NamedValue? Document,
    EquatableArray<FactDef> Facts,
    EquatableArray<string> RejectedIds,
    bool Complete);

internal sealed record FactDef(
    NamedValue Id,
    LocationInfo Location,
    EquatableArray<RawEntry> Fields,
    EquatableArray<EvidenceDef> Evidence,
    string? Note);

/// <summary>
/// An evidence item as written: its quote, its document (null: the file's), its stance, its hedge (an index in
/// RowFormat.Hedges, -1 for none) and its attribution as written (a fact id, <c>Kind:id</c>, or a text; null for none).
/// </summary>
internal sealed record EvidenceDef(NamedValue Quote, NamedValue? Document, bool Contradicts, int Hedge = -1, NamedValue? AttributedTo = null);

/// <summary>
/// A source document: its name (the file name) and its whitespace-normalized text (see Text.Whitespace).
/// Equality compares the text, the hash only its length: documents can be megabytes.
/// <see cref="Failure"/>: the DM0026 of a document that could not be read (its text is then empty).
/// </summary>
internal sealed record DocumentText(string Name, string Path, string Normalized)
{
    public DomainModel.Generators.Diagnostics.DiagnosticInfo? Failure { get; init; }

    public bool Equals(DocumentText? other) =>
        other is not null && Name == other.Name && Path == other.Path && Normalized == other.Normalized && Equals(Failure, other.Failure);

    public override int GetHashCode() => (Name.GetHashCode() * 31) + Normalized.Length;
}

/// <summary>
/// MSBuild options read through AnalyzerConfigOptions. <see cref="Utf8Runtime"/>: the target framework
/// can decode UTF-8 rows (or DomainModelUtf8Rows says so); they are used only with C# 11 or later too.
/// <see cref="PackRows"/>: DomainModelPackRows (null: packed above a size, see PackedRows).
/// <see cref="EvidenceDocs"/>: DomainModelEvidenceDocs (false: named properties' doc comments are their summaries alone).
/// </summary>
internal sealed record GeneratorOptions(string Namespace, int MaxNamedFactsPerKind, EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics, bool Utf8Runtime = false, bool? PackRows = null, bool EvidenceDocs = true)
{
    /// <summary>Methods per type are capped at 65,535 by the runtime; keep well below it.</summary>
    public const int HardMaxNamedFactsPerKind = 60_000;

    public const int DefaultMaxNamedFactsPerKind = 10_000;

    public static readonly GeneratorOptions Default = new("DomainModel", DefaultMaxNamedFactsPerKind, EquatableArray<Diagnostics.DiagnosticInfo>.Empty);
}
