// The README's consumer sample: tests/DomainModel.PackageTests compiles and runs this file
// against the packed DomainModel package.
using DomainModel;

var putin = Leaders.VladimirPutin;                          // a typed record, checked at compile time
Console.WriteLine(putin.Name);                              // Vladimir Putin

Money rent = Agreements.HmeimimLease.AnnualPayment!.Value;  // exact amount and ISO 4217 code
Console.WriteLine(rent);                                    // 100000000 USD

Country? host = Bases.Hmeimim.HostCountry;                  // a typed reference, not a string
Console.WriteLine(host?.Name);                              // Syria

// Every event, in id order; a date keeps its precision (a day here); the evidence, verbatim.
Console.WriteLine(Events.All.Count);                        // 24
Console.WriteLine(Events.MoscowSummit2025.Date);            // 2025-10-15
Console.WriteLine(putin.Provenance.Evidence[0].Quote);      // Russian President Vladimir Putin

#if MISSPELL
Console.WriteLine(Leaders.VladimirPutn.Name);               // CS0117: a misspelled fact does not compile
#endif
