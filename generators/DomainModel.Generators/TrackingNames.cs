namespace DomainModel.Generators;

/// <summary>Names of the pipeline steps, for incremental-caching tests and diagnostics of the driver.</summary>
internal static class TrackingNames
{
    public const string InputFiles = nameof(InputFiles);
    public const string Parse = nameof(Parse);
    public const string Documents = nameof(Documents);
    public const string Options = nameof(Options);
    public const string Validate = nameof(Validate);
    public const string KindModels = nameof(KindModels);
    public const string EnumModels = nameof(EnumModels);
    public const string CatalogModel = nameof(CatalogModel);
}
