using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using DomainModel.Generators.Model;
using DomainModel.Generators.Pipeline;
using DomainModel.Tool.Commands;

namespace DomainModel.Tool;

/// <summary>
/// The <c>domainmodel</c> command line (System.CommandLine): parsing, help, errors and exit codes.
/// Exit codes: 0 success (a clean corpus), 1 failure (errors in the corpus, unreadable input, output
/// that cannot be written), 2 bad usage (unknown command or option, missing argument, missing folder).
/// </summary>
internal static class ToolApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    /// <summary>The command's name, as installed (ToolCommandName).</summary>
    public const string Name = "domainmodel";

    /// <summary>Runs the command line; never throws, never prints a stack trace.</summary>
    public static int Run(string[] args, ToolConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var root = Build(console);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    console.Error.WriteLine("error: " + error.Message);
                }

                var command = parse.CommandResult.Command;
                var usage = command == root ? Name + " --help" : Name + " " + command.Name + " --help";
                console.Error.WriteLine($"Run '{usage}' for usage.");
                return BadUsage;
            }

            // Help names the program by its executable (the tool's dll, DomainModel.Tool): show the command's name.
            var help = parse.Action is System.CommandLine.Help.HelpAction ? new StringWriter { NewLine = "\n" } : null;
            var exitCode = parse.Invoke(new InvocationConfiguration
            {
                Output = help ?? console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
            if (help is not null)
            {
                console.Out.Write(help.ToString().Replace("\n  " + RootCommand.ExecutableName + " ", "\n  " + Name + " ", StringComparison.Ordinal));
            }

            console.EndProgress();
            console.Out.Flush();
            return exitCode;
        }
        catch (ToolException e)
        {
            return Fail(console, e.ExitCode, e.Message);
        }
        catch (IOException e)
        {
            // Standard output closed (a pipe whose reader has gone, a full disk): say so and fail, do not crash.
            return Fail(console, Failure, "cannot write the output: " + e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(console, Failure, $"internal error ({e.GetType().Name}): {e.Message}. Please report it with the input that causes it.");
        }
    }

    private static int Fail(ToolConsole console, int exitCode, string message)
    {
        try
        {
            console.EndProgress();
            console.Error.WriteLine("error: " + message);
        }
        catch (IOException)
        {
            // Standard error is closed too: the exit code is all that is left.
        }

        return exitCode;
    }

    private static RootCommand Build(ToolConsole console)
    {
        var root = new RootCommand(
            "Checks, describes and exports a DomainModel corpus (*.schema.yaml, *.facts.yaml and source documents *.txt/*.md) " +
            "with the source generator's own rules, without compiling anything.");
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(SchemaCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(CoverageCommand.Create(console));
        root.Subcommands.Add(ManifestCommand.Create(console));
        root.Subcommands.Add(DiffCommand.Create(console));
        root.Subcommands.Add(DiagramCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        return root;
    }

    /// <summary>The corpus folders argument shared by every command.</summary>
    public static Argument<string[]> PathsArgument(string description)
    {
        var argument = new Argument<string[]>("DIR")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = description,
        };

        // An unknown option would otherwise be taken for a folder; a folder named '-x' is given as './-x'.
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        return argument;
    }

    /// <summary><c>-p Name=Value</c>: an MSBuild property the generator reads (DomainModelNamespace, …).</summary>
    public static Option<string[]> PropertyOption() => new("--property", "-p")
    {
        Description = "An MSBuild property the generator reads, as Name=Value (DomainModelNamespace, RootNamespace, " +
            "DomainModelMaxNamedFactsPerKind, TargetFrameworkIdentifier, TargetFrameworkVersion, DomainModelUtf8Rows, DomainModelPackRows). " +
            "Repeat for several. Default: a .NET 10 project.",
        HelpName = "Name=Value",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// The corpus under <paramref name="paths"/>, run through the pipeline, for a command that needs a valid
    /// model: with any error, its diagnostics go to standard error and the command fails (exit 1).
    /// </summary>
    public static (Corpus Corpus, CorpusResult Result) Validated(ToolConsole console, IReadOnlyList<string> paths, IReadOnlyDictionary<string, string> properties, string what)
    {
        var corpus = Corpus.Load(paths);
        var result = CorpusPipeline.Run(corpus.Files, properties, progress: console.Progress);
        console.EndProgress();
        if (result.Errors == 0)
        {
            return (corpus, result);
        }

        foreach (var diagnostic in result.Diagnostics.Where(d => CorpusPipeline.Severity(d) == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
        {
            console.Error.WriteLine(CorpusPipeline.Format(diagnostic));
        }

        throw new ToolException(Failure, $"the corpus has {result.Errors} error{(result.Errors == 1 ? string.Empty : "s")} (above; 'domainmodel check' lists every diagnostic): nothing to {what}.");
    }

    /// <summary>
    /// The kinds named (by name, plural or camelCase plural, any case), in schema order; every kind when
    /// none is named. An unknown name is bad usage (exit 2).
    /// </summary>
    public static IReadOnlyList<KindShape> SelectKinds(SchemaModel schema, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return schema.Kinds.ToList();
        }

        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var kind = schema.Kinds.FirstOrDefault(k =>
                string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Plural, name, StringComparison.OrdinalIgnoreCase));
            if (kind is null)
            {
                throw new ToolException(BadUsage, $"Unknown kind '{name}'. The corpus's kinds: {string.Join(", ", schema.Kinds.Select(k => k.Name))}.");
            }

            chosen.Add(kind.Name);
        }

        return schema.Kinds.Where(k => chosen.Contains(k.Name)).ToList();
    }

    /// <summary>The generator's global options from <c>-p</c> values, over a .NET 10 project's.</summary>
    public static IReadOnlyDictionary<string, string> Properties(IEnumerable<string>? values)
    {
        var properties = new Dictionary<string, string>(Generators.Pipeline.CorpusPipeline.DefaultProperties, StringComparer.Ordinal);
        foreach (var value in values ?? Enumerable.Empty<string>())
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ToolException(BadUsage, $"'-p {value}' is not Name=Value (e.g. -p DomainModelNamespace=Acme.Facts).");
            }

            properties["build_property." + value[..equals].Trim()] = value[(equals + 1)..];
        }

        return properties;
    }
}
