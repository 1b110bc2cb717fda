using System;
using System.Runtime.Serialization;

namespace DomainModel;

/// <summary>Whether a piece of evidence supports or contradicts the fact it is attached to.</summary>
public enum EvidenceStance
{
    /// <summary>The quote supports the fact.</summary>
    [EnumMember(Value = "supports")]
    Supports = 0,

    /// <summary>The quote contradicts the fact (a later source disputing it).</summary>
    [EnumMember(Value = "contradicts")]
    Contradicts = 1,
}

/// <summary>A verbatim quote from a source document, checked at build time to occur in it.</summary>
public sealed record Evidence
{
    /// <summary>A quote from a document.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="quote"/> is null.</exception>
    public Evidence(string document, string quote, EvidenceStance stance)
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
        Quote = quote ?? throw new ArgumentNullException(nameof(quote));
        Stance = stance;
    }

    /// <summary>The source document's file name.</summary>
    public string Document { get; }

    /// <summary>The verbatim quote (whitespace as written in the facts file).</summary>
    public string Quote { get; }

    /// <summary>Whether the quote supports or contradicts the fact.</summary>
    public EvidenceStance Stance { get; }
}

/// <summary>
/// Where a fact comes from. A fact is a claim as reported by its sources, not verified truth;
/// each piece of evidence names its document and quote.
/// </summary>
public sealed class Provenance
{
    internal Provenance(ValueList<Evidence> evidence, string? note)
    {
        Evidence = evidence;
        Note = note;
    }

    /// <summary>The quotes that support (or contradict) the fact, in the order given.</summary>
    public ValueList<Evidence> Evidence { get; }

    /// <summary>How the fact was read from its source, e.g. how a relative date was resolved.</summary>
    public string? Note { get; }

    /// <summary>The first quote and its document, e.g. <c>“Russian President Vladimir Putin” (report.txt)</c>.</summary>
    public override string ToString() => Evidence.Count == 0 ? "(no evidence)" : "\u201C" + Evidence[0].Quote + "\u201D (" + Evidence[0].Document + ")";
}
