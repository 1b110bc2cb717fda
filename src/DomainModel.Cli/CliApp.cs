using System;
using System.IO;
using System.Linq;

namespace DomainModel.Cli;

/// <summary>The command line: <c>export --format json [--kind NAME]</c>. Exit codes: 0 success, 1 failure, 2 bad usage.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public static string Usage { get; } =
        "Usage: DomainModel.Cli export --format json [--kind <kind>]\n" +
        "\n" +
        "Commands:\n" +
        "  export    Write the fact base to standard output.\n" +
        "\n" +
        "Options:\n" +
        "  --format json    Output format (only json is supported).\n" +
        "  --kind <kind>    Export one kind only, e.g. leaders (one of: " +
        string.Join(", ", FactCatalog.Kinds.Select(k => JsonExporter.CamelCase(k.Plural))) + ").\n" +
        "  -h, --help       Show this help.\n";

    /// <summary>Runs the command line with the given standard output (bytes) and error (text).</summary>
    public static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        if ((args.Length == 1 && args[0] is "help") || args.Any(a => a is "-h" or "--help"))
        {
            try
            {
                using var writer = new StreamWriter(stdout, leaveOpen: true);
                writer.Write(Usage);
                return Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return CannotWrite(stderr, e);
            }
        }

        if (args.Length == 0 || args[0] != "export")
        {
            return Fail(stderr, args.Length == 0 ? "No command given." : $"Unknown command '{args[0]}'.");
        }

        string? format = null;
        KindInfo? kind = null;
        for (var i = 1; i < args.Length; i++)
        {
            var (name, value) = SplitOption(args[i]);
            if (name is not ("--format" or "--kind"))
            {
                return Fail(stderr, $"Unknown option '{args[i]}'.");
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    return Fail(stderr, $"Option {name} needs a value.");
                }

                value = args[++i];
            }

            if (name == "--format")
            {
                if (format is not null)
                {
                    return Fail(stderr, "Option --format given twice.");
                }

                format = value;
            }
            else
            {
                if (kind is not null)
                {
                    return Fail(stderr, "Option --kind given twice.");
                }

                kind = JsonExporter.FindKind(value);
                if (kind is null)
                {
                    return Fail(stderr, $"Unknown kind '{value}'.");
                }
            }
        }

        if (format is null)
        {
            return Fail(stderr, "Missing --format.");
        }

        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(stderr, $"Unknown format '{format}'.");
        }

        try
        {
            JsonExporter.Write(stdout, kind is null ? null : new[] { kind });
            return Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A closed or broken standard output (`>&-`, a pipe whose reader has gone): .NET reports a bad
            // file descriptor as UnauthorizedAccessException.
            return CannotWrite(stderr, e);
        }
    }

    private static int CannotWrite(TextWriter stderr, Exception e)
    {
        stderr.WriteLine($"error: cannot write to standard output: {(e.InnerException ?? e).Message}");
        return Failure;
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine();
        stderr.Write(Usage);
        return BadUsage;
    }
}
