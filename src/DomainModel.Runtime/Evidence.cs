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

/// <summary>
/// How the source puts the claim a piece of evidence quotes: as reported, claimed, planned... A hedged quote
/// does not state the claim as established. <see cref="None"/>: the source states it as a fact.
/// </summary>
public enum EvidenceHedge
{
    /// <summary>No hedge: the source states the claim in its own voice.</summary>
    [EnumMember(Value = "none")]
    None = 0,

    /// <summary>The source reports what others said or revealed ("sources revealed", "according to").</summary>
    [EnumMember(Value = "reported")]
    Reported = 1,

    /// <summary>A party to the matter claims it ("he stated", "positioned himself as").</summary>
    [EnumMember(Value = "claimed")]
    Claimed = 2,

    /// <summary>An accusation not proven ("allegedly").</summary>
    [EnumMember(Value = "alleged")]
    Alleged = 3,

    /// <summary>The source says it is not confirmed ("unconfirmed reports").</summary>
    [EnumMember(Value = "unconfirmed")]
    Unconfirmed = 4,

    /// <summary>Something intended that has not happened yet ("eyeing a trip", "plans to").</summary>
    [EnumMember(Value = "planned")]
    Planned = 5,

    /// <summary>Something the source expects ("is expected to", "likely").</summary>
    [EnumMember(Value = "expected")]
    Expected = 6,

    /// <summary>A figure given as an estimate ("an estimated", "some").</summary>
    [EnumMember(Value = "estimated")]
    Estimated = 7,

    /// <summary>A goal, not an achieved figure ("1 million visitors by 2030").</summary>
    [EnumMember(Value = "target")]
    Target = 8,
}

/// <summary>
/// A verbatim quote from a source document, checked at build time to occur in it; with who makes the
/// claim (<see cref="AttributedTo"/>) and how it is put (<see cref="Hedge"/>) when the facts say so.
/// </summary>
public sealed record Evidence
{
    /// <summary>A quote from a document.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="quote"/> is null.</exception>
    public Evidence(string document, string quote, EvidenceStance stance)
        : this(document, quote, stance, EvidenceHedge.None, null, null)
    {
    }

    /// <summary>A quote from a document, hedged and attributed.</summary>
    /// <param name="document">The source document's file name.</param>
    /// <param name="quote">The verbatim quote.</param>
    /// <param name="stance">Whether the quote supports or contradicts the fact.</param>
    /// <param name="hedge">How the source puts the claim.</param>
    /// <param name="attributedTo">Who makes the claim: a fact id (with <paramref name="attributedToKind"/>) or a text; null when the source itself does.</param>
    /// <param name="attributedToKind">The kind of the fact <paramref name="attributedTo"/> names; null for a text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="quote"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="attributedToKind"/> is given without <paramref name="attributedTo"/>.</exception>
    public Evidence(string document, string quote, EvidenceStance stance, EvidenceHedge hedge, string? attributedTo, string? attributedToKind)
    {
        Document = document ?? throw new ArgumentNullException(nameof(document));
        Quote = quote ?? throw new ArgumentNullException(nameof(quote));
        Stance = stance;
        Hedge = hedge;
        if (attributedToKind is not null && attributedTo is null)
        {
            throw new ArgumentException("A kind needs the id of the fact it names.", nameof(attributedToKind));
        }

        AttributedTo = attributedTo;
        AttributedToKind = attributedToKind;
    }

    /// <summary>The source document's file name.</summary>
    public string Document { get; }

    /// <summary>The verbatim quote (whitespace as written in the facts file).</summary>
    public string Quote { get; }

    /// <summary>Whether the quote supports or contradicts the fact.</summary>
    public EvidenceStance Stance { get; }

    /// <summary>How the source puts the claim (<see cref="EvidenceHedge.None"/>: as a fact).</summary>
    public EvidenceHedge Hedge { get; }

    /// <summary>
    /// Who makes the claim, when not the source itself: the id of a fact (a person, an organization; its kind
    /// is <see cref="AttributedToKind"/>), or a text such as "sources close to the Kremlin". Null when unattributed.
    /// </summary>
    public string? AttributedTo { get; }

    /// <summary>The kind of the fact <see cref="AttributedTo"/> names (e.g. <c>Leader</c>); null for a text attribution or none.</summary>
    public string? AttributedToKind { get; }

    /// <summary>True when the quote does not state the claim as established: it is hedged.</summary>
    public bool IsHedged => Hedge != EvidenceHedge.None;
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

    /// <summary>
    /// True when every quote that supports the fact is hedged (reported, claimed, planned...): no source
    /// states it as established. False when one supporting quote is unhedged, or none supports it.
    /// </summary>
    public bool IsHedged
    {
        get
        {
            var supported = false;
            foreach (var item in Evidence)
            {
                if (item.Stance != EvidenceStance.Supports)
                {
                    continue;
                }

                if (!item.IsHedged)
                {
                    return false;
                }

                supported = true;
            }

            return supported;
        }
    }

    /// <summary>The first quote and its document, e.g. <c>“Russian President Vladimir Putin” (report.txt)</c>.</summary>
    public override string ToString() => Evidence.Count == 0 ? "(no evidence)" : "\u201C" + Evidence[0].Quote + "\u201D (" + Evidence[0].Document + ")";
}
