namespace DomainModel.Generators;

/// <summary>Names of the pipeline steps, for incremental-caching tests and diagnostics of the driver.</summary>
internal static class TrackingNames
{
    public const string InputFiles = nameof(InputFiles);
    public const string InputTexts = nameof(InputTexts);
    public const string DocumentTexts = nameof(DocumentTexts);
    public const string Parse = nameof(Parse);
    public const string Documents = nameof(Documents);
    public const string Options = nameof(Options);
    public const string Schema = nameof(Schema);
    public const string FileIds = nameof(FileIds);
    public const string IdIndex = nameof(IdIndex);
    public const string IdDiagnostics = nameof(IdDiagnostics);
    public const string DocumentDiagnostics = nameof(DocumentDiagnostics);
    public const string ValidateFile = nameof(ValidateFile);
    public const string LayoutFile = nameof(LayoutFile);
    public const string DocumentProblems = nameof(DocumentProblems);
    public const string Utf8Rows = nameof(Utf8Rows);
    public const string Assemble = nameof(Assemble);
    public const string Chunks = nameof(Chunks);
    public const string KindModels = nameof(KindModels);
    public const string EnumModels = nameof(EnumModels);
    public const string CatalogModel = nameof(CatalogModel);
    public const string UsageCandidates = nameof(UsageCandidates);
    public const string Identifiers = nameof(Identifiers);
    public const string UsedNames = nameof(UsedNames);
    public const string NamedOnUse = nameof(NamedOnUse);
}
