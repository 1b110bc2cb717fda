// An app with two fact libraries: the DomainModel package (the seed facts, namespace DomainModel) and
// its own corpus generated here (facts/, namespace Harbour.Facts). Both use the one DomainModel.Runtime:
// the same IFact, Provenance, FactDate and Money, so one method takes facts of either.
using DomainModel;
using Harbour.Facts;

Console.WriteLine(Describe(Agreements.HmeimimLease, Agreements.HmeimimLease.AnnualPayment, Agreements.HmeimimLease.Date));
Console.WriteLine(Describe(Grants.LighthouseRestoration, Grants.LighthouseRestoration.Amount, Grants.LighthouseRestoration.Awarded));

// Facts of both libraries in one list, by what they share.
var facts = new List<IFact> { Leaders.VladimirPutin, Grants.LighthouseRestoration };
Console.WriteLine(string.Join(", ", facts.Select(f => f.Id)));
Console.WriteLine(Nullable.GetUnderlyingType(typeof(Agreement).GetProperty(nameof(Agreement.AnnualPayment))!.PropertyType) == typeof(Grant).GetProperty(nameof(Grant.Amount))!.PropertyType);
Console.WriteLine(typeof(Grant).GetProperty(nameof(Grant.Amount))!.PropertyType.Assembly.GetName().Name);
Console.WriteLine(DomainModel.FactCatalog.Kinds.Count + Harbour.Facts.FactCatalog.Kinds.Count);

static string Describe(IFact fact, Money? money, FactDate? date) =>
    $"{fact.Id}: {money} on {date} \u201C{fact.Provenance.Evidence[0].Quote}\u201D ({fact.Provenance.Evidence[0].Document})";
