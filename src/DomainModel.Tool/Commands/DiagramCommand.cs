using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using DomainModel.Generators.Pipeline;
using DomainModel.Tool.Report;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel diagram schema|timeline|graph DIR...</c>: Mermaid text of the corpus's validated model on
/// standard output (see <see cref="Mermaid"/>). A corpus with errors gives its diagnostics on standard
/// error and exit 1, as <c>check</c> would.
/// </summary>
internal static class DiagramCommand
{
    public static Command Create(ToolConsole console)
    {
        var command = new Command("diagram", "Writes a Mermaid diagram of the corpus (schema, timeline or graph) to standard output.");
        command.Subcommands.Add(Simple(console, "schema", "An erDiagram of the kinds, their fields and references (cardinality from list<T> and required).", Mermaid.Schema));
        command.Subcommands.Add(Simple(console, "timeline", "A timeline of every dated fact, ordered, each date at its precision (decade, year, month, day).", view => Mermaid.Timeline(view)));

        var paths = ToolApp.PathsArgument("Corpus folders (or files), as for check.");
        var properties = ToolApp.PropertyOption();
        var kind = new Option<string?>("--kind") { Description = "Only the facts of this kind and the facts they reference or are referenced by.", HelpName = "K" };
        var around = new Option<string?>("--around") { Description = "Only the facts within --depth references of this fact (its id, or Kind:id).", HelpName = "ID" };
        var depth = new Option<int>("--depth") { Description = "How many references away from --around (default 1).", HelpName = "N", DefaultValueFactory = _ => 1 };
        depth.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--depth must be 0 or more.");
            }
        });
        var graph = new Command("graph", "A flowchart of facts and their references: kinds at a glance, or the facts of --kind K, or those --around ID --depth N, grouped by kind.")
        {
            paths,
            properties,
            kind,
            around,
            depth,
        };
        graph.SetAction(parse =>
        {
            var view = ReportInput.Load(console, parse.GetValue(paths)!, ToolApp.Properties(parse.GetValue(properties)));
            if (view is null)
            {
                return ToolApp.Failure;
            }

            console.Out.Write(Mermaid.Graph(view, parse.GetValue(kind), parse.GetValue(around), parse.GetValue(depth)));
            return ToolApp.Success;
        });
        command.Subcommands.Add(graph);
        return command;
    }

    private static Command Simple(ToolConsole console, string name, string description, System.Func<CorpusView, string> diagram)
    {
        var paths = ToolApp.PathsArgument("Corpus folders (or files), as for check.");
        var properties = ToolApp.PropertyOption();
        var command = new Command(name, description) { paths, properties };
        command.SetAction(parse =>
        {
            var view = ReportInput.Load(console, parse.GetValue(paths)!, ToolApp.Properties(parse.GetValue(properties)));
            if (view is null)
            {
                return ToolApp.Failure;
            }

            console.Out.Write(diagram(view));
            return ToolApp.Success;
        });
        return command;
    }
}

/// <summary>The validated model of a corpus for the pictures, or its errors.</summary>
internal static class ReportInput
{
    /// <summary>
    /// Runs the generator's pipeline over the corpus. With errors, writes every diagnostic to standard error
    /// (in the compiler's format) and returns null: pictures are drawn of a corpus the build accepts.
    /// </summary>
    public static CorpusView? Load(ToolConsole console, string[] paths, IReadOnlyDictionary<string, string> properties)
    {
        var corpus = Corpus.Load(paths);
        var result = CorpusPipeline.Run(corpus.Files, properties, progress: console.Progress);
        console.EndProgress();
        if (result.Errors > 0)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                console.Error.WriteLine(CorpusPipeline.Format(diagnostic));
            }

            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Errors} error(s): fix them first ('{ToolApp.Name} check' lists them)."));
            return null;
        }

        return new CorpusView(result, corpus.Files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal));
    }
}
