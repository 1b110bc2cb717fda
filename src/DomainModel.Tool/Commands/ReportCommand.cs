using System.CommandLine;
using System.IO;
using DomainModel.Tool.Report;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel report DIR... --output FOLDER</c>: the browsable static report of the corpus
/// (<see cref="HtmlReport"/>): <c>FOLDER/index.html</c> and the vendored mermaid beside it. Its coverage
/// figures are <see cref="CoverageCommand.Measure"/>'s, the ones <c>coverage</c> prints. A corpus with
/// errors gives its diagnostics on standard error and exit 1, and nothing is written.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(ToolConsole console)
    {
        var paths = ToolApp.PathsArgument("Corpus folders (or files), as for check.");
        var properties = ToolApp.PropertyOption();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The folder to write the report into (index.html, mermaid.min.js, mermaid.LICENSE); created if needed.",
            HelpName = "FOLDER",
            Required = true,
        };
        var wrapped = new Option<bool>("--wrapped")
        {
            Description = "The documents are hard-wrapped: only a blank line ends a paragraph, for the coverage figures (as coverage --wrapped).",
        };
        var command = new Command("report", "Writes a static HTML report of the corpus that works offline: documents with highlighted quotes, every fact, the diagrams, a search box and the coverage figures (as coverage gives them).")
        {
            paths,
            properties,
            output,
            wrapped,
        };
        command.SetAction(parse =>
        {
            var view = ReportInput.Load(console, parse.GetValue(paths)!, ToolApp.Properties(parse.GetValue(properties)));
            if (view is null)
            {
                return ToolApp.Failure;
            }

            var folder = parse.GetValue(output)!;
            try
            {
                HtmlReport.Write(view, CoverageCommand.Measure(view.Result, view.Texts, parse.GetValue(wrapped)), folder);
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
            {
                throw new ToolException(ToolApp.Failure, $"Cannot write the report into '{folder}': {e.Message}");
            }

            console.Error.WriteLine($"Report written to {Path.Combine(folder, "index.html")} ({view.Facts.Count} facts).");
            return ToolApp.Success;
        });
        return command;
    }
}
