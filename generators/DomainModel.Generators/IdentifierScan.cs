using System.Collections.Generic;
using System.Threading;
using DomainModel.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DomainModel.Generators;

/// <summary>
/// The identifiers of one C# file, for facts named on use (Layout.NamedOnUse): every identifier token,
/// those in doc comments (<c>cref</c>) included, distinct and sorted. Syntax only, no semantic model:
/// whatever a name refers to (<c>Leaders.X</c>, <c>Facts.Leaders.X</c>, <c>using static</c>, an alias,
/// <c>nameof</c>) it ends in an identifier with the fact's name, so none is missed; an identifier that
/// happens to equal a fact's name elsewhere only adds that fact's property.
/// </summary>
internal static class IdentifierScan
{
    [System.Runtime.CompilerServices.MethodImpl(Text.Jit.HotLoop)]
    public static EquatableArray<string> Of(SyntaxNode root, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var count = 0;
        foreach (var token in root.DescendantTokens(descendIntoTrivia: true))
        {
            if ((++count & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // Fact names are PascalCase: an identifier that starts with anything else names no fact.
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText is { Length: > 0 } text && char.IsUpper(text[0]))
            {
                seen.Add(text);
            }
        }

        var names = new string[seen.Count];
        seen.CopyTo(names);
        System.Array.Sort(names, System.StringComparer.Ordinal);
        return new EquatableArray<string>(names);
    }
}
