// Compiled into both DomainModel.Runtime and DomainModel.Generators (a linked file): the generator
// rejects a currency code the runtime's Money would reject, and the other way round.
namespace DomainModel.Internal;

/// <summary>Active ISO 4217 alphabetic codes (list 1), plus precious-metal and testing codes excluded.</summary>
internal static class Currencies
{
    // Sorted, four characters per code ("AED "): a lookup is a binary search over the string, with
    // nothing built first (a fresh process checks its first Money without creating a set).
    private const string Codes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP " +
        "GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW " +
        "KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN " +
        "NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL " +
        "SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES " +
        "VND VUV WST XAF XCD XCG XDR XOF XPF XSU XUA YER ZAR ZMW ZWG ZWL ";

    /// <summary>Every code, in ordinal order (a new array: no iterator, whose state machine reads Environment, banned in the generator).</summary>
    public static string[] All
    {
        get
        {
            var codes = new string[Codes.Length / 4];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = Codes.Substring(i * 4, 3);
            }

            return codes;
        }
    }

    /// <summary>True for an ISO 4217 code in the list (three uppercase ASCII letters, case-sensitive).</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 3)
        {
            return false;
        }

        var low = 0;
        var high = (Codes.Length / 4) - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(Codes, middle * 4, code, 0, 3);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }
}
