using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DomainModel.Generators.Grounding;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Validation;
using Xunit;

namespace DomainModel.Generators.Tests;

/// <summary>Every number, amount, percent and date of the seed corpus, looked for in its fact's quotes (then its note).</summary>
public class SeedValuesTests
{
    /// <summary>A typed value of a seed fact and where it was found: "quote", "note" or "none".</summary>
    internal sealed record SeedValue(string Kind, string Id, string Field, StatedValue Value, string? Qualifier, string FoundIn, Mention? Match, string? MatchText);

    internal static IReadOnlyList<SeedValue> Scan()
    {
        var (schema, validated) = Pipeline.Validate(GeneratorHarness.SeedFiles());
        var result = new List<SeedValue>();
        foreach (var (_, file) in validated)
        {
            Assert.Empty(file.Diagnostics);
            var kind = schema.Kind(file.Kind!)!;
            foreach (var fact in file.Facts)
            {
                var quotes = fact.Evidence.Select(e => e.Quote).ToArray();
                for (var f = 0; f < kind.Fields.Count; f++)
                {
                    var field = kind.Fields[f];
                    var value = fact.Values[f];
                    for (var item = 0; item < value.Count; item++)
                    {
                        var canonical = value[item];
                        if (!StatedValue.TryFromCanonical(field.Type.Type, canonical, out var stated))
                        {
                            continue;
                        }

                        string? qualifier = null;
                        if (field.Type.Type == ScalarType.Quantity)
                        {
                            qualifier = ValueConverter.Qualifiers[int.Parse(canonical.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)];
                        }

                        var at = QuoteValues.Find(stated, quotes, out var match);
                        var foundIn = at >= 0 ? "quote" : "none";
                        var text = at >= 0 ? quotes[at] : null;
                        if (at < 0 && fact.Note is { } note && QuoteValues.Find(stated, new[] { note }, out match) >= 0)
                        {
                            foundIn = "note";
                            text = note;
                        }

                        result.Add(new SeedValue(kind.Name, fact.Id, field.Name, stated, qualifier, foundIn, match,
                            match is null ? null : text!.Substring(match.Start, match.End - match.Start)));
                    }
                }
            }
        }

        return result;
    }

    [Fact]
    public void Every_seed_number_amount_percent_and_date_is_stated_by_a_quote_or_by_its_note()
    {
        var values = Scan();

        // The scan reads every typed value of the corpus: these are the ones checked.
        Assert.Equal(85, values.Count);
        Assert.Equal((52, 33), (values.Count(v => v.FoundIn == "quote"), values.Count(v => v.FoundIn == "note")));
        var unstated = values.Where(v => v.FoundIn == "none").Select(v => $"{v.Kind}/{v.Id}.{v.Field} = {v.Value}");
        Assert.Empty(unstated);
    }

    [Theory]
    [InlineData("Agreement/hmeimim-lease.annual_payment", "quote", "$100 million")]
    [InlineData("Agreement/russia-syria-credit-line.amount", "quote", "$2.5 billion")]
    [InlineData("CasualtyFigure/suwayda-killed-security-forces.count", "quote", "seven")]
    [InlineData("Event/syrian-civil-war.displaced", "quote", "13 million")]
    [InlineData("Event/soviet-syria-military-ties-1950s.date", "quote", "1950s")]
    [InlineData("Event/syria-parliamentary-elections-2025.turnout", "quote", "78%")]
    [InlineData("Event/al-sharaa-arrival-moscow.date", "quote", "October 15, 2025")]
    [InlineData("Event/moscow-summit-2025.date", "note", "2025-10-15")]
    [InlineData("Event/operation-olive-branch.date", "note", "March 15")]
    [InlineData("Event/sochi-follow-up-visits.date", "note", "December")]
    [InlineData("Agreement/humanitarian-aid-delivery.target_date", "note", "2025-12-31")]
    public void Seed_values_are_found_where_expected(string field, string foundIn, string words)
    {
        var value = Assert.Single(Scan(), v => $"{v.Kind}/{v.Id}.{v.Field}" == field);
        Assert.Equal((foundIn, words), (value.FoundIn, value.MatchText));
    }

    [Fact]
    public void Seed_quantity_qualifiers_agree_with_the_wording_of_their_quotes()
    {
        // "over 500,000 lives" is more-than; a quantity whose quote has no such word stays as written.
        var disagreements = Scan()
            .Where(v => v.Qualifier is not null && v.FoundIn == "quote" && v.Match!.Qualifier is { } cue && cue != v.Qualifier)
            .Select(v => $"{v.Kind}/{v.Id}.{v.Field}: {v.Qualifier} but '{v.MatchText}' says {v.Match!.Qualifier}");
        Assert.Empty(disagreements);
        Assert.Equal(5, Scan().Count(v => v.Qualifier == "more-than" && v.Match?.Qualifier == "more-than"));
    }
}
