using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DomainModel.Tests;

/// <summary>The repository the tests run in: its seeds (schemas, facts, documents) read as plain files.</summary>
internal static class Repo
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding DomainModel.sln, found by walking up from the test assembly.</summary>
    public static string Root => s_root.Value;

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string DocumentPath(string name) => Path.Combine(Seeds, "documents", name);

    /// <summary>Collapses every whitespace run to one space, as the generator does before checking quotes.</summary>
    public static string NormalizeWhitespace(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>Every <c>*.facts.yaml</c> file as (kind, fact ids in file order).</summary>
    public static IReadOnlyList<(string Kind, IReadOnlyList<string> Ids)> FactFiles()
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var path in Directory.GetFiles(Path.Combine(Seeds, "facts"), "*.facts.yaml").Order(StringComparer.Ordinal))
        {
            var root = LoadYaml(path);
            var kind = ((YamlScalarNode)root.Children[new YamlScalarNode("kind")]).Value!;
            var facts = (YamlSequenceNode)root.Children[new YamlScalarNode("facts")];
            var ids = facts.Children.Cast<YamlMappingNode>()
                .Select(f => ((YamlScalarNode)f.Children[new YamlScalarNode("id")]).Value!)
                .ToList();
            result.Add((kind, ids));
        }

        return result;
    }

    /// <summary>Every enum of every schema file as (name, values in schema order).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Values)> SchemaEnums()
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var path in Directory.GetFiles(Path.Combine(Seeds, "schema"), "*.schema.yaml").Order(StringComparer.Ordinal))
        {
            var root = LoadYaml(path);
            if (!root.Children.TryGetValue(new YamlScalarNode("enums"), out var enums))
            {
                continue;
            }

            foreach (var (name, body) in ((YamlMappingNode)enums).Children)
            {
                var values = (YamlSequenceNode)((YamlMappingNode)body).Children[new YamlScalarNode("values")];
                result.Add((((YamlScalarNode)name).Value!, values.Children.Select(v => ((YamlScalarNode)v).Value!).ToList()));
            }
        }

        return result;
    }

    private static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DomainModel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No DomainModel.sln above {AppContext.BaseDirectory}.");
    }
}
