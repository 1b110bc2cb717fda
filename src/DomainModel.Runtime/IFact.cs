namespace DomainModel;

/// <summary>
/// A fact: an identified, sourced claim of one kind. Every generated record implements it, whatever
/// library (corpus) it comes from, so code can work across kinds and across fact libraries.
/// </summary>
public interface IFact
{
    /// <summary>The fact's id: a lowercase slug, unique within its kind.</summary>
    string Id { get; }

    /// <summary>The evidence for the fact.</summary>
    Provenance Provenance { get; }
}
