using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace DomainModel.Tests;

/// <summary>The generated fact base checked against its source document and against itself.</summary>
public class CorpusTests
{
    private const string Document = "000_6b0556799bcd713d.txt";

    private static readonly Lazy<string> s_document = new(() => Repo.NormalizeWhitespace(File.ReadAllText(Repo.DocumentPath(Document))));

    public static TheoryData<string, int> KindCounts => new()
    {
        { "Agreements", 16 },
        { "Assessments", 3 },
        { "Bases", 2 },
        { "CasualtyFigures", 3 },
        { "Countries", 9 },
        { "Events", 24 },
        { "Leaders", 15 },
        { "Memberships", 13 },
        { "Organizations", 26 },
        { "Participations", 35 },
        { "Places", 25 },
        { "Reforms", 2 },
        { "Relationships", 7 },
        { "Statements", 23 },
    };

    [Theory]
    [MemberData(nameof(KindCounts))]
    public void Kind_has_the_expected_number_of_facts(string plural, int count)
    {
        var kind = Assert.Single(FactCatalog.Kinds, k => k.Plural == plural);
        Assert.Equal(count, kind.All.Count);
        var catalog = typeof(Leader).Assembly.GetType("DomainModel." + plural)!;
        Assert.Equal(count, (int)catalog.GetProperty("Count")!.GetValue(null)!);
    }

    [Fact]
    public void Kinds_are_exactly_the_counted_ones_ordered_by_name()
    {
        Assert.Equal(KindCounts.Select(row => (string)row[0]).Order(StringComparer.Ordinal), FactCatalog.Kinds.Select(k => k.Plural));
        Assert.Equal(FactCatalog.Kinds.Select(k => k.Name).Order(StringComparer.Ordinal), FactCatalog.Kinds.Select(k => k.Name));
        Assert.Equal(203, FactCatalog.Kinds.Sum(k => k.All.Count));
    }

    [Fact]
    public void Every_fact_in_the_seed_files_is_generated_once()
    {
        var files = Repo.FactFiles();
        Assert.Equal(FactCatalog.Kinds.Select(k => k.Name).Order(StringComparer.Ordinal), files.Select(f => f.Kind).Order(StringComparer.Ordinal));
        foreach (var (kindName, ids) in files)
        {
            var kind = FactCatalog.Kinds.Single(k => k.Name == kindName);
            Assert.Equal(ids.Order(StringComparer.Ordinal), kind.All.Select(f => f.Id));
        }
    }

    [Fact]
    public void Catalog_lookup_agrees_with_All()
    {
        foreach (var kind in FactCatalog.Kinds)
        {
            foreach (var fact in kind.All)
            {
                Assert.IsAssignableFrom(kind.Type, fact);
                Assert.Same(fact, kind.Find(fact.Id));
            }

            Assert.Null(kind.Find("no-such-fact"));
            Assert.Null(kind.Find(string.Empty));
        }

        Assert.Same(Leaders.VladimirPutin, Leaders.Get("vladimir-putin"));
        Assert.False(Leaders.TryGet("Vladimir-Putin", out _)); // ids are case-sensitive slugs
        Assert.Throws<KeyNotFoundException>(() => Leaders.Get("vladimir-putn"));
    }

    [Fact]
    public void Leaders_match_the_document()
    {
        Assert.Equal("Vladimir Putin", Leaders.VladimirPutin.Name);
        Assert.Same(Countries.Russia, Leaders.VladimirPutin.Country);
        Assert.Equal("Ahmed Al-Sharaa", Leaders.AhmedAlSharaa.Name);
        Assert.Equal(44L, Leaders.AhmedAlSharaa.AgeReported);
        Assert.Equal("2025-10-15", Leaders.AhmedAlSharaa.AgeReportedOn.ToString());
        Assert.Equal("Foreign Minister", Assert.Single(Leaders.SergeyLavrov.Memberships).Role);
        Assert.Same(Leaders.BasharAlAssad, Leaders.AsmaAssad.RelativeOf);
        Assert.Equal(FamilyRelationship.Wife, Leaders.AsmaAssad.FamilyRelationship);
        Assert.Equal(new Quantity(24m, "hours per day", QuantityQualifier.Unspecified), Leaders.BasharAlAssad.Protection);
        Assert.Equal(0L, Leaders.BasharAlAssad.PublicAppearancesSinceArrival);
        Assert.False(Leaders.BasharAlAssad.HealthReportConfirmed);
    }

    [Fact]
    public void Agreements_match_the_document()
    {
        var lease = Agreements.HmeimimLease;
        Assert.Equal(new Money(100000000m, "USD"), lease.AnnualPayment);
        Assert.Null(lease.Amount);
        Assert.Equal(AgreementStatus.Pledged, lease.Status);
        Assert.Same(Leaders.AhmedAlSharaa, lease.PledgedBy);
        Assert.Equal("long-term", lease.Term);

        var credit = Agreements.RussiaSyriaCreditLine;
        Assert.Equal(new Money(2500000000m, "USD"), credit.Amount);
        Assert.Equal(AgreementType.CreditLine, credit.AgreementType);
        Assert.Same(Leaders.AlexanderNovak, credit.AnnouncedBy);
        Assert.Equal([Bases.Tartus, Bases.Hmeimim], credit.Bases);

        Assert.Equal(new Money(1200000000m, "USD"), Agreements.SyriaRussiaMous.Amount);
        Assert.Equal(new Quantity(500m, "engineers", QuantityQualifier.Unspecified), Agreements.AleppoDamascusRailwayRebuild.Quantity);
        Assert.Same(Organizations.RussianRailways, Agreements.AleppoDamascusRailwayRebuild.ImplementingOrganization);
        Assert.Equal(new Quantity(1000000m, "Russian visitors per year", QuantityQualifier.Target), Agreements.TourismJointMarketing.Quantity);
        Assert.Equal("2030", Agreements.TourismJointMarketing.TargetDate.ToString());
        Assert.Equal(50m, Agreements.MobileClinicsSupply.Quantity!.Value.Value);
        Assert.Equal(100000m, Agreements.HumanitarianAidDelivery.Quantity!.Value.Value);
        Assert.Equal(new Money(400000000000m, "USD"), Assessments.SyriaReconstructionEstimate.Amount);
        Assert.Equal(new Percent(20m), Assessments.RussiaReconstructionContractsShare.Share);
        Assert.Equal(new Quantity(15000m, "ex-rebels", QuantityQualifier.Unspecified), Reforms.ExRebelAmnesty.Beneficiaries);
    }

    [Fact]
    public void Bases_match_the_document()
    {
        var tartus = Bases.Tartus;
        Assert.Equal(BaseType.Naval, tartus.BaseType);
        Assert.Same(Countries.Syria, tartus.HostCountry);
        Assert.Same(Countries.Russia, tartus.OperatingCountry);
        Assert.Same(Places.Mediterranean, tartus.Region);
        Assert.True(tartus.OnlyOutpostInRegion);
        Assert.Null(tartus.LeaseAgreement);

        var hmeimim = Bases.Hmeimim;
        Assert.Equal(BaseType.Air, hmeimim.BaseType);
        Assert.Same(Countries.Syria, hmeimim.HostCountry);
        Assert.Same(Countries.Russia, hmeimim.OperatingCountry);
        Assert.Same(Agreements.HmeimimLease, hmeimim.LeaseAgreement);
        Assert.Equal([Agreements.RussiaSyriaCreditLine], hmeimim.UpgradeAgreements);
    }

    [Fact]
    public void Dates_keep_the_precision_the_document_gives()
    {
        var summit = Events.MoscowSummit2025.Date!.Value;
        Assert.Equal(DatePrecision.Day, summit.Precision);
        Assert.Equal((2025, 10, 15), (summit.Year, summit.Month!.Value, summit.Day!.Value));
        Assert.Equal("2025-10-15", summit.ToString());
        Assert.Equal(EventType.Summit, Events.MoscowSummit2025.EventType);
        Assert.Same(Places.KremlinGrandPalace, Assert.Single(Events.MoscowSummit2025.Places));

        var elections = Events.SyriaElections202507.Date!.Value;
        Assert.Equal(DatePrecision.Month, elections.Precision);
        Assert.Equal((2025, 7), (elections.Year, elections.Month!.Value));
        Assert.Null(elections.Day);
        Assert.Equal("2025-07", elections.ToString());

        var ties = Events.SovietSyriaMilitaryTies1950s.Date!.Value;
        Assert.Equal(DatePrecision.Decade, ties.Precision);
        Assert.Equal(1950, ties.Year);
        Assert.Null(ties.Month);
        Assert.Equal("195X", ties.ToString());
        Assert.Equal(ties, Relationships.SovietSyriaMilitaryTies.StartDate);

        Assert.Equal(DatePrecision.Year, Events.RussianIntervention2015.Date!.Value.Precision);
        Assert.Equal("2024-12-08", Events.AssadOuster.Date.ToString());
        Assert.True(Events.AssadOuster.Date!.Value.CompareTo(summit) < 0); // FactDate has CompareTo but no < operator
        Assert.True(ties.CompareTo(Events.RussianIntervention2015.Date!.Value) < 0);
    }

    [Fact]
    public void Election_and_conflict_figures_match_the_document()
    {
        var parliament = Events.SyriaParliamentaryElections2025;
        Assert.Equal(new Percent(78m), parliament.Turnout);
        Assert.Equal(0.78m, parliament.Turnout!.Value.Fraction);
        Assert.Equal("2025-09-20", parliament.Date.ToString());
        Assert.Same(Organizations.SyrianParliament, parliament.BodyElected);

        Assert.Equal(new Quantity(6m, "decades", QuantityQualifier.MoreThan), Events.SyriaElections202507.FirstSuchIn);
        Assert.Equal(21L, Events.SummitWelcomeCeremony.GunSalute);
        Assert.Equal(new Quantity(500000m, "lives", QuantityQualifier.MoreThan), Events.SyrianCivilWar.Killed);
        Assert.Equal(new Quantity(13000000m, "people", QuantityQualifier.Rounded), Events.SyrianCivilWar.Displaced); // "13 million"
        Assert.Equal(28m, Events.OperationOliveBranch.Airstrikes!.Value.Value);
        Assert.Equal(3000m, Events.IranTroopRecall2025.Troops!.Value.Value);
        Assert.Equal(45m, Events.SuwaydaClashes2025.VillagesDestroyed!.Value.Value);
        Assert.Equal(12000m, Events.SuwaydaClashes2025.Displaced!.Value.Value);
    }

    [Fact]
    public void Casualty_totals_equal_the_sum_of_their_breakdown()
    {
        var clashes = Events.SuwaydaClashes2025;
        Assert.Equal(347m, clashes.Killed!.Value.Value);
        Assert.Equal([212m, 128m, 7m], clashes.CasualtyBreakdown.Select(c => c.Count.Value));

        var checkedEvents = 0;
        foreach (var e in Events.All)
        {
            var killed = e.CasualtyBreakdown.Where(c => c.CasualtyType == CasualtyType.Killed).ToList();
            if (e.Killed is { } total && killed.Count > 0)
            {
                Assert.Contains(total.Qualifier, new[] { QuantityQualifier.Exact, QuantityQualifier.Unspecified }); // a figure, not a bound or an estimate
                Assert.Equal(total.Value, killed.Sum(c => c.Count.Value));
                checkedEvents++;
            }

            Assert.All(e.CasualtyBreakdown, c => Assert.Same(e, c.Event));
        }

        Assert.Equal(1, checkedEvents);
        Assert.All(CasualtyFigures.All, c => Assert.Contains(c, c.Event.CasualtyBreakdown));
    }

    [Fact]
    public void Every_reference_resolves_in_its_kind()
    {
        var context = new NullabilityInfoContext();
        var checkedRefs = 0;
        foreach (var kind in FactCatalog.Kinds)
        {
            foreach (var property in kind.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (typeof(IFact).IsAssignableFrom(property.PropertyType))
                {
                    var target = TargetKind(property.PropertyType);
                    var required = context.Create(property).ReadState == NullabilityState.NotNull;
                    foreach (var fact in kind.All)
                    {
                        var reference = (IFact?)property.GetValue(fact);
                        if (reference is null)
                        {
                            Assert.False(required, $"{kind.Name} {fact.Id}: required {property.Name} is null.");
                            continue;
                        }

                        Assert.Same(reference, target.Find(reference.Id));
                        checkedRefs++;
                    }
                }
                else if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(FactList<>))
                {
                    var target = TargetKind(property.PropertyType.GetGenericArguments()[0]);
                    foreach (var fact in kind.All)
                    {
                        var list = (IReadOnlyList<IFact>)property.GetValue(fact)!;
                        Assert.Equal(list.Count, list.Select(r => r.Id).Distinct().Count());
                        foreach (var reference in list)
                        {
                            Assert.NotNull(reference);
                            Assert.Same(reference, target.Find(reference.Id));
                            checkedRefs++;
                        }
                    }
                }
            }
        }

        Assert.True(checkedRefs > 300, $"Only {checkedRefs} references checked.");
    }

    [Fact]
    public void Required_fields_are_set()
    {
        var context = new NullabilityInfoContext();
        foreach (var kind in FactCatalog.Kinds)
        {
            foreach (var property in kind.Type.GetProperties().Where(p => !p.PropertyType.IsValueType))
            {
                var required = context.Create(property).ReadState == NullabilityState.NotNull;
                foreach (var fact in kind.All.Where(_ => required))
                {
                    var value = property.GetValue(fact);
                    Assert.NotNull(value);
                    if (value is string text)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(text), $"{kind.Name} {fact.Id}: {property.Name} is blank.");
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_fact_has_evidence_quoted_verbatim_from_the_document()
    {
        var document = s_document.Value;
        foreach (var kind in FactCatalog.Kinds)
        {
            foreach (var fact in kind.All)
            {
                Assert.True(fact.Provenance.Evidence.Count > 0, $"{kind.Name} {fact.Id} has no evidence.");
                foreach (var evidence in fact.Provenance.Evidence)
                {
                    Assert.Equal(Document, evidence.Document);
                    Assert.Equal(EvidenceStance.Supports, evidence.Stance);
                    Assert.True(evidence.Quote.Trim().Length >= 10, $"{kind.Name} {fact.Id}: quote too short to be evidence: {evidence.Quote}");
                    Assert.True(
                        document.Contains(Repo.NormalizeWhitespace(evidence.Quote), StringComparison.Ordinal),
                        $"{kind.Name} {fact.Id}: quote not in {Document}: {evidence.Quote}");
                }
            }
        }
    }

    [Fact]
    public void Direct_quotes_occur_in_the_document()
    {
        var document = s_document.Value;
        foreach (var statement in Statements.All.Where(s => s.DirectQuote))
        {
            Assert.True(document.Contains(statement.Text, StringComparison.Ordinal), $"{statement.Id}: {statement.Text}");
            Assert.Contains(statement.Provenance.Evidence, e => e.Quote.Contains(statement.Text, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A date the evidence does not spell out (e.g. "Wednesday", "Thursday", "by year-end", "March 18" without a year)
    /// was resolved by the author: the fact must say how in its note.
    /// </summary>
    [Fact]
    public void Facts_with_resolved_relative_dates_carry_a_note()
    {
        var resolved = new List<string>();
        foreach (var kind in FactCatalog.Kinds)
        {
            var dateProperties = kind.Type.GetProperties().Where(p => p.PropertyType == typeof(FactDate?)).ToList();
            foreach (var fact in kind.All)
            {
                var quotes = fact.Provenance.Evidence.Select(e => Repo.NormalizeWhitespace(e.Quote)).ToList();
                foreach (var property in dateProperties)
                {
                    if (property.GetValue(fact) is not FactDate date || quotes.Any(q => Spells(q, date)))
                    {
                        continue;
                    }

                    resolved.Add($"{fact.Id}.{property.Name}");
                    Assert.False(string.IsNullOrWhiteSpace(fact.Provenance.Note), $"{kind.Name} {fact.Id}: {property.Name} {date} is not in its evidence, yet the fact has no note saying how it was resolved.");
                    Assert.True(date.Basis is DateBasis.Resolved or DateBasis.Inferred, $"{kind.Name} {fact.Id}: {property.Name} {date} is not in its evidence, yet its basis is {date.Basis}.");
                }
            }
        }

        // The known relative dates are among them (so the check is not vacuous).
        Assert.Contains("moscow-summit-2025.Date", resolved);
        Assert.Contains("al-sharaa-departure-moscow.Date", resolved);
        Assert.Contains("humanitarian-aid-delivery.TargetDate", resolved);
        Assert.Contains("sochi-follow-up-visits.Date", resolved);
        Assert.Contains("operation-olive-branch.Date", resolved);
        Assert.DoesNotContain("assad-ouster.Date", resolved);
        Assert.Equal(DateBasis.Stated, Events.AssadOuster.Date!.Value.Basis);
        Assert.Equal(DateBasis.Inferred, Events.AssadFlightToMoscow.Date!.Value.Basis); // the text dates only the collapse
        Assert.Equal(DateBasis.Resolved, Events.MoscowSummit2025.Date!.Value.Basis); // "on Wednesday"
        Assert.Contains("Thursday", Events.AlSharaaDepartureMoscow.Provenance.Note, StringComparison.Ordinal);
        Assert.Contains("year-end", Agreements.HumanitarianAidDelivery.Provenance.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_way_links_agree()
    {
        foreach (var leader in Leaders.All)
        {
            Assert.All(leader.Memberships, m => Assert.Same(leader, m.Person));
        }

        Assert.All(Memberships.All, m => Assert.Contains(m, m.Person.Memberships));

        foreach (var e in Events.All)
        {
            Assert.All(e.Participants, p => Assert.Same(e, p.Event));
        }

        Assert.All(Participations.All, p => Assert.Contains(p, p.Event.Participants));
        Assert.All(Agreements.All.Where(a => a.Event is not null), a => Assert.Contains(a, a.Event!.AgreementsProduced));
        Assert.All(Events.All, e => Assert.All(e.AgreementsProduced, a => Assert.Same(e, a.Event)));
    }

    [Fact]
    public void Each_participation_has_exactly_one_participant()
    {
        Assert.All(Participations.All, p =>
            Assert.Equal(1, (p.Leader is null ? 0 : 1) + (p.Organization is null ? 0 : 1) + (p.Country is null ? 0 : 1)));
    }

    private static KindInfo TargetKind(Type type) => FactCatalog.Kinds.Single(k => k.Type == type);

    private static bool Spells(string quote, FactDate date)
    {
        var month = date.Month is { } m ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m) : null;
        return date.Precision switch
        {
            DatePrecision.Decade => quote.Contains($"{date.Year}s", StringComparison.Ordinal),
            DatePrecision.Year => quote.Contains(date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            DatePrecision.Month => quote.Contains($"{month} {date.Year}", StringComparison.Ordinal),
            _ => quote.Contains($"{month} {date.Day}, {date.Year}", StringComparison.Ordinal),
        };
    }
}

public class SchemaDescriptionTests
{
    [Fact]
    public void Kinds_describe_their_schema_fields_in_declaration_order()
    {
        var agreement = FactCatalog.Kinds.Single(k => k.Name == "Agreement");
        var payment = agreement.Fields.Single(f => f.Name == "annual_payment");
        Assert.Equal(("AnnualPayment", "money", false), (payment.Property, payment.Type, payment.IsRequired));
        Assert.Equal("name", agreement.Fields[0].Name);
        Assert.All(FactCatalog.Kinds, k => Assert.All(k.Fields, f => Assert.NotNull(k.Type.GetProperty(f.Property))));
    }

    [Fact]
    public void Enum_members_carry_their_schema_values()
    {
        var member = typeof(QuantityQualifier).GetField(nameof(QuantityQualifier.MoreThan))!;
        Assert.Equal("more-than", member.GetCustomAttributes(typeof(System.Runtime.Serialization.EnumMemberAttribute), false)
            .Cast<System.Runtime.Serialization.EnumMemberAttribute>().Single().Value);
    }
}
