using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DomainModel.Generators.Model;
using DomainModel.Generators.Parsing;
using DomainModel.Generators.Validation;

namespace DomainModel.Generators.Tests;

/// <summary>The generator's stages run directly, without Roslyn, up to the validate stage.</summary>
internal static class Pipeline
{
    /// <summary>The schema and, per facts file, its parse and its validated facts.</summary>
    public static (SchemaModel Schema, List<(ParsedFile Parsed, FileResult Validated)> Files) Validate(IEnumerable<(string Path, string Text)> files)
    {
        var all = files.ToList();
        var parsed = all.Where(f => InputParser.RoleOf(f.Path) is not null)
            .Select(f => InputParser.Parse(f.Path, InputParser.RoleOf(f.Path)!.Value, f.Text, default)).ToList();
        var docs = all.Where(f => f.Path.EndsWith(".txt", StringComparison.Ordinal))
            .Select(f => DocumentReader.Read(f.Path, f.Text)).ToList();
        var schema = SchemaStage.Build(parsed.Where(p => p.Role == FileRole.Schema), GeneratorOptions.Default, default);
        var index = IdStage.BuildIndex(parsed.Select(IdStage.IdsOf).Where(x => x is not null)!, schema, default);
        var result = parsed.Where(p => p.Role == FileRole.Facts).Select(p => (p, FactsStage.Validate(p, schema, index, docs, default))).ToList();
        return (schema, result);
    }
}
