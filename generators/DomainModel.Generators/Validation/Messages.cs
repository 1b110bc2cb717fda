using DomainModel.Generators.Model;

namespace DomainModel.Generators.Validation;

/// <summary>Wording shared by the validation stages' diagnostics.</summary>
internal static class Messages
{
    public static string AsSpelled(string first, string here) =>
        first == here ? string.Empty : $" as '{first}'; names that differ only in case count as the same";

    public static string Where(LocationInfo first, LocationInfo here) =>
        first.Path == here.Path ? first.Display : $"{System.IO.Path.GetFileName(first.Path)}:{first.Display}";
}
