using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DomainModel.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Documented in docs/diagnostics.md and release-tracked in
/// AnalyzerReleases.*.md. Each message says what is wrong and how to fix it.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Input = "DomainModel.Input";
    private const string Schema = "DomainModel.Schema";
    private const string Facts = "DomainModel.Facts";
    private const string Evidence = "DomainModel.Evidence";
    private const string Scale = "DomainModel.Scale";
    private const string HelpBase = "https://github.com/domainmodel/domainmodel/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor YamlSyntax = Make("DM0001", "YAML syntax error", "YAML syntax error: {0}. {1}", Input);
    public static readonly DiagnosticDescriptor LimitExceeded = Make("DM0002", "Input limit exceeded", "{0} exceeds the limit of {1}. {2}", Input);
    public static readonly DiagnosticDescriptor UnsupportedYaml = Make("DM0003", "Unsupported YAML feature", "{0} is not supported. {1}", Input);
    public static readonly DiagnosticDescriptor DuplicateKey = Make("DM0004", "Duplicate key", "Duplicate key '{0}' (first at {1}). Remove or rename one of them.", Input);
    public static readonly DiagnosticDescriptor UnknownKey = Make("DM0005", "Unknown key", "Unknown key '{0}' in {1}.{2}", Input);
    public static readonly DiagnosticDescriptor MissingKey = Make("DM0006", "Missing required key", "{1} is missing required key '{0}'. {2}", Input);
    public static readonly DiagnosticDescriptor WrongShape = Make("DM0007", "Wrong YAML node kind", "'{0}' must be {1}, not {2}. {3}", Input);
    public static readonly DiagnosticDescriptor InvalidName = Make("DM0008", "Invalid name", "'{0}' is not a valid {1}. {2}", Schema);
    public static readonly DiagnosticDescriptor UnknownType = Make("DM0009", "Unknown type", "Unknown type '{0}'.{1} Use a built-in type (string, integer, decimal, boolean, date, money, quantity, percent), an enum, a kind or list<T>.", Schema);
    public static readonly DiagnosticDescriptor DuplicateDefinition = Make("DM0010", "Duplicate definition", "{0} '{1}' is defined more than once (first at {2}). Rename or remove one of them.", Schema);
    public static readonly DiagnosticDescriptor ReservedName = Make("DM0011", "Reserved name", "'{0}' is reserved: {1}. Choose another name.", Schema);
    public static readonly DiagnosticDescriptor UnknownKind = Make("DM0012", "Unknown kind", "Unknown kind '{0}'.{1} Declare it under 'kinds:' in a *.schema.yaml file.", Facts);
    public static readonly DiagnosticDescriptor InvalidValue = Make("DM0013", "Invalid value", "Invalid {0} value '{1}' for '{2}'. {3}", Facts);
    public static readonly DiagnosticDescriptor InvalidDate = Make("DM0014", "Invalid date", "Invalid date '{0}' for '{1}'. {2} Write YYYY, YYYY-MM, YYYY-MM-DD or a decade such as 1950s.", Facts);
    public static readonly DiagnosticDescriptor InvalidCurrency = Make("DM0015", "Invalid currency", "'{0}' is not an ISO 4217 currency code.{1} Use a three-letter code such as USD, EUR or RUB.", Facts);
    public static readonly DiagnosticDescriptor DuplicateId = Make("DM0016", "Duplicate fact id", "Duplicate {0} id '{1}' (first at {2}). Ids must be unique within a kind.", Facts);
    public static readonly DiagnosticDescriptor IdCollision = Make("DM0017", "Fact ids collide as C# names", "{0} id '{1}' becomes the C# name '{2}', as does '{3}' (at {4}). Rename one of them.", Facts);
    public static readonly DiagnosticDescriptor DanglingReference = Make("DM0018", "Dangling reference", "'{0}' refers to {1} '{2}', which does not exist.{3}", Facts);
    public static readonly DiagnosticDescriptor MissingEvidence = Make("DM0019", "Fact without evidence", "Fact '{0}' has no evidence. Add 'evidence:' with at least one verbatim quote from the source document.", Evidence);
    public static readonly DiagnosticDescriptor UnknownDocument = Make("DM0020", "Unknown source document", "Source document '{0}' is not among the AdditionalFiles.{1} Pass it as an AdditionalFiles item (*.txt or *.md), or fix the name.", Evidence);
    public static readonly DiagnosticDescriptor QuoteNotFound = Make("DM0021", "Quote not found in the source document", "This quote does not occur in '{0}'{1}. Copy the text verbatim from the document (only whitespace is normalized).", Evidence);
    public static readonly DiagnosticDescriptor EmptyFile = Make("DM0022", "Empty input file", "'{0}' holds no content and is ignored. Add content or remove the file from AdditionalFiles.", Input, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NamedFactsCapped = Make("DM0023", "Facts named on use", "Kind '{0}' has {1} facts, more than DomainModelMaxNamedFactsPerKind ({2}): only the facts your code names ({3}.SomeFact) get a named property, and all of them are reachable through {3}.Get, TryGet and All. A library that ships these facts to other assemblies should raise DomainModelMaxNamedFactsPerKind (at most {4}) so that every fact's name is part of its API.", Scale, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor StringBudgetWarning = Make("DM0024", "Approaching the assembly string limit", "The generated data uses about {0} bytes of the assembly's user-string heap, {1}% of the 16 MB hard limit (CS8103). Split the facts across several assemblies before the limit is reached.", Scale, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor StringBudgetExceeded = Make("DM0025", "Assembly string limit exceeded", "The generated data needs about {0} bytes of user strings, more than the 16 MB an assembly can hold (CS8103). Split the facts across several assemblies.", Scale);
    public static readonly DiagnosticDescriptor InternalError = Make("DM0026", "Generator internal error", "DomainModel could not process {0}: {1}. Everything else was still generated; please report this with the input attached.", Input);
    public static readonly DiagnosticDescriptor InvalidOption = Make("DM0027", "Invalid MSBuild option", "MSBuild property {0} has invalid value '{1}'. {2}", Input, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor AmbiguousDocument = Make("DM0028", "Ambiguous source document name", "Source document name '{0}' is used by '{1}' and by '{2}'; evidence naming '{0}' is checked against '{1}' only. Rename one of the files, or pass only one of them as AdditionalFiles.", Evidence, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Make("DM0029", "C# version too old for the generated code", "The generated code needs C# 10 or later (record structs); this project compiles as C# {0}. Set <LangVersion>10</LangVersion> or later in the project file.", Input);

    public static readonly DiagnosticDescriptor UnreadYamlFile = Make("DM0030", "YAML file not read", "'{0}' is not read: DomainModel reads schemas from *.schema.yaml and facts from *.facts.yaml files (or .yml). Rename it to '{1}.schema.yaml' or '{1}.facts.yaml', or remove it from AdditionalFiles.", Input, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor NoSchema = Make("DM0031", "No schema among the AdditionalFiles", "DomainModel.Generators is referenced, but no AdditionalFile is a schema (*.schema.yaml), so nothing is generated{0}. Pass the schemas, facts and source documents as AdditionalFiles, e.g. <AdditionalFiles Include=\"facts/*.schema.yaml;facts/*.facts.yaml;facts/*.txt\" />.", Input, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ValueNotStated = Make("DM0032", "Value not stated by its quotes", "'{0}' of {1} is {2}, which {3}{4}. Quote the sentence of the document that states it, or say in the fact's 'note' how the value was read, naming it (e.g. '\"Wednesday\" resolved to 2025-10-15').", Evidence);

    public static readonly DiagnosticDescriptor DateBasisNotSupported = Make("DM0033", "Date basis not borne out by the evidence", "'{0}' of {1} is {2} with basis '{3}', but {4}. {5}", Evidence);

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = Build();

    public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static Dictionary<string, DiagnosticDescriptor> Build()
    {
        var map = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
        foreach (var field in typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (field.GetValue(null) is DiagnosticDescriptor d)
            {
                map.Add(d.Id, d);
            }
        }

        return map;
    }

    private static DiagnosticDescriptor Make(string id, string title, string message, string category, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
