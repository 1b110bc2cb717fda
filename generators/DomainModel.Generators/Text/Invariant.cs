using System.Globalization;

namespace DomainModel.Generators.Text;

/// <summary>Numbers as diagnostics and generated code write them: invariant digits, whatever the culture.</summary>
internal static class Invariant
{
    public static string Str(long value) => value.ToString(CultureInfo.InvariantCulture);
}
