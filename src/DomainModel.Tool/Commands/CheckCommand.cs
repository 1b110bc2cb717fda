using System.CommandLine;
using System.Globalization;
using System.Linq;
using DomainModel.Generators.Pipeline;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel check DIR...</c>: every diagnostic the build would give for the corpus, one per line in
/// the compiler's format on standard output, a summary on standard error. Exit 0 when there is no error
/// (warnings allowed unless <c>--warnaserror</c>), 1 when there is one.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(ToolConsole console)
    {
        var paths = ToolApp.PathsArgument("Corpus folders (or files): every *.schema.yaml, *.facts.yaml, *.txt and *.md in them is one corpus, as the build's AdditionalFiles.");
        var properties = ToolApp.PropertyOption();
        var warnAsError = new Option<bool>("--warnaserror")
        {
            Description = "Treat warnings as errors (exit 1 when there is any diagnostic), as a build with TreatWarningsAsErrors.",
        };
        var command = new Command("check", "Reports every diagnostic the build would give (path(line,col): error DM0005: message), without compiling.")
        {
            paths,
            properties,
            warnAsError,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(paths)!,
            ToolApp.Properties(parse.GetValue(properties)),
            parse.GetValue(warnAsError)));
        return command;
    }

    public static int Run(ToolConsole console, string[] paths, System.Collections.Generic.IReadOnlyDictionary<string, string> properties, bool warningsAsErrors)
    {
        var corpus = Corpus.Load(paths);
        var result = CorpusPipeline.Run(corpus.Files, properties, progress: console.Progress);
        console.EndProgress();
        foreach (var diagnostic in result.Diagnostics)
        {
            console.Out.WriteLine(CorpusPipeline.Format(diagnostic, warningsAsErrors));
        }

        var facts = result.Schema.Kinds.Sum(k => result.Facts(k.Name).Count);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count(result.Errors, "error")}, {Count(result.Warnings, "warning")} in {Count(corpus.SchemaFiles, "schema file")}, {Count(corpus.FactsFiles, "facts file")} and {Count(corpus.Documents, "document")} ({Count(facts, "fact")} accepted)."));
        return result.Errors > 0 || (warningsAsErrors && result.Warnings > 0) ? ToolApp.Failure : ToolApp.Success;
    }

    private static string Count(int n, string what) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + what + (n == 1 ? string.Empty : "s");
}
