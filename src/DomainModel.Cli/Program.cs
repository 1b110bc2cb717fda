using System;

namespace DomainModel.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        return CliApp.Run(args, stdout, Console.Error);
    }
}
