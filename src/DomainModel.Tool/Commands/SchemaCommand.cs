using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DomainModel.Generators.Model;
using DomainModel.Generators.Pipeline;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel schema DIR...</c>: one JSON Schema (draft 2020-12) for every *.facts.yaml of the corpus,
/// from its schema files (facts are not needed, nor need they be valid). <c>--schema-files</c>: the JSON
/// Schema of *.schema.yaml files instead (the same for every corpus; no folder needed).
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(ToolConsole console)
    {
        var paths = ToolApp.PathsArgument("Corpus folders (or files), as for check; only their *.schema.yaml (and document names) are read.");
        paths.Arity = ArgumentArity.ZeroOrMore;
        var schemaFiles = new Option<bool>("--schema-files")
        {
            Description = "Write the JSON Schema of *.schema.yaml files (the schema language) instead of the corpus's facts schema.",
        };
        var properties = ToolApp.PropertyOption();
        var command = new Command("schema", "Writes the JSON Schema of the corpus's *.facts.yaml (fields per kind, types, required fields, enum values, ids) to standard output.")
        {
            paths,
            schemaFiles,
            properties,
        };
        command.Validators.Add(result =>
        {
            var given = result.GetValue(paths) ?? Array.Empty<string>();
            if (!result.GetValue(schemaFiles) && given.Length == 0)
            {
                result.AddError("Give the corpus folder (DIR), or --schema-files for the schema of *.schema.yaml files.");
            }
        });
        command.SetAction(parse => Run(
            console,
            parse.GetValue(paths) ?? Array.Empty<string>(),
            parse.GetValue(schemaFiles),
            ToolApp.Properties(parse.GetValue(properties))));
        return command;
    }

    public static int Run(ToolConsole console, string[] paths, bool schemaFiles, IReadOnlyDictionary<string, string> properties)
    {
        if (schemaFiles)
        {
            Write(console, JsonSchemas.SchemaFiles());
            return ToolApp.Success;
        }

        var corpus = Corpus.Load(paths);
        var schemaOnly = corpus.Files.Where(f => Generators.Parsing.InputParser.RoleOf(f.Path) == FileRole.Schema).ToList();
        var result = CorpusPipeline.Run(schemaOnly, properties);
        if (result.Errors > 0)
        {
            foreach (var diagnostic in result.Diagnostics.Where(d => CorpusPipeline.Severity(d) == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            {
                console.Error.WriteLine(CorpusPipeline.Format(diagnostic));
            }

            throw new ToolException(ToolApp.Failure, $"the corpus's schema files have {result.Errors} error{(result.Errors == 1 ? string.Empty : "s")} (above): no JSON Schema written.");
        }

        var documents = corpus.Files
            .Where(f => Generators.Parsing.DocumentReader.IsDocument(f.Path))
            .Select(f => System.IO.Path.GetFileName(f.Path))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        Write(console, JsonSchemas.Facts(result.Schema, documents));
        return ToolApp.Success;
    }

    /// <summary>Writes a schema indented, with '\n' line ends and a final line feed.</summary>
    public static void Write(ToolConsole console, JsonNode schema)
    {
        var text = schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
        console.Out.Write(text);
        console.Out.Write('\n');
    }
}
