using System;
using System.Threading;

namespace DomainModel.Generators;

/// <summary>
/// Test seam (internal, for DomainModel.Generators.Tests): makes one named stage throw, to prove that a
/// bug of ours becomes a DM0026 diagnostic while everything else is still generated, never a CS8785.
/// Scoped to the calling flow (<see cref="AsyncLocal{T}"/>), so tests running in parallel do not see it.
/// Stages: "parse:&lt;file name&gt;", "options", "schema", "file-ids:&lt;file name&gt;", "ids", "id-diagnostics",
/// "document-problems", "documents", "validate:&lt;facts file name&gt;", "layout:&lt;facts file name&gt;", "assemble",
/// "catalog", "emit:&lt;hint name without .g.cs&gt;" (a kind, "Leader.Rows0", an enum, "DomainModel.Runtime",
/// "FactCatalog"). DiagnosticsTests make each of them fail.
/// </summary>
internal static class FaultInjection
{
    private static readonly AsyncLocal<string?> s_stage = new();

    public static string? Stage
    {
        get => s_stage.Value;
        set => s_stage.Value = value;
    }

    public static void Check(string stage)
    {
        if (s_stage.Value is { } target && string.Equals(target, stage, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Fault injected in stage '{stage}'.");
        }
    }
}
