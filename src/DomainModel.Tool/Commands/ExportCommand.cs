using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DomainModel.Generators.Model;
using DomainModel.Generators.Pipeline;

namespace DomainModel.Tool.Commands;

/// <summary>
/// <c>domainmodel export DIR... --format json|jsonl [--kind NAME]</c>: the corpus's facts from the
/// validated model. <c>json</c> is one object with an array per kind (the seed library's export, byte for
/// byte, for any corpus); <c>jsonl</c> is one compact object per fact and line, its kind first.
/// A corpus with errors is not exported (its diagnostics go to standard error, exit 1).
/// </summary>
internal static class ExportCommand
{
    private static readonly JavaScriptEncoder s_encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static Command Create(ToolConsole console)
    {
        var paths = ToolApp.PathsArgument("Corpus folders (or files), as for check.");
        var format = new Option<string>("--format", "-f")
        {
            Description = "json: one object, an array per kind (camelCase plural); jsonl: one object per fact and line, with its kind.",
            Required = true,
        };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var kind = new Option<string[]>("--kind", "-k")
        {
            Description = "Export only this kind (its name, plural or camelCase plural, any case); repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var properties = ToolApp.PropertyOption();
        var command = new Command("export", "Writes the corpus's facts as JSON, from the validated model (no compilation).")
        {
            paths,
            format,
            kind,
            properties,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(paths)!,
            parse.GetValue(format)!,
            parse.GetValue(kind) ?? Array.Empty<string>(),
            ToolApp.Properties(parse.GetValue(properties))));
        return command;
    }

    public static int Run(ToolConsole console, string[] paths, string format, IReadOnlyList<string> kindNames, IReadOnlyDictionary<string, string> properties)
    {
        var (_, corpus) = ToolApp.Validated(console, paths, properties, "export");
        var kinds = ToolApp.SelectKinds(corpus.Schema, kindNames);
        var json = new ModelJson(corpus);
        using var buffer = new MemoryStream();
        if (format == "jsonl")
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = s_encoder });
            foreach (var kind in kinds)
            {
                foreach (var fact in corpus.Facts(kind.Name))
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", kind.Name);
                    json.WriteMembers(writer, kind, fact);
                    writer.WriteEndObject();
                    writer.Flush();
                    buffer.WriteByte((byte)'\n');
                    writer.Reset();
                    Drain(buffer, console.Out, 1 << 16);
                }
            }
        }
        else
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = s_encoder });
            writer.WriteStartObject();
            foreach (var kind in kinds)
            {
                writer.WriteStartArray(ModelJson.CamelCase(kind.Plural));
                foreach (var fact in corpus.Facts(kind.Name))
                {
                    writer.WriteStartObject();
                    json.WriteMembers(writer, kind, fact);
                    writer.WriteEndObject();
                    writer.Flush();
                    Drain(buffer, console.Out, 1 << 16);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.Flush();
            buffer.WriteByte((byte)'\n');
        }

        Drain(buffer, console.Out, 0);
        return ToolApp.Success;
    }

    /// <summary>Writes the buffered UTF-8 (whole values only) to <paramref name="output"/> once it holds more than <paramref name="threshold"/> bytes.</summary>
    private static void Drain(MemoryStream buffer, TextWriter output, int threshold)
    {
        if (buffer.Length <= threshold)
        {
            return;
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
