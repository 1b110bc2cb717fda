using System;
using System.IO;
using System.Text;

namespace DomainModel.Tool;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Output is UTF-8 without a byte order mark, with '\n' line ends, whatever the console's code page.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 1 << 16) { NewLine = "\n", AutoFlush = false };
        using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { NewLine = "\n", AutoFlush = true };
        var terminal = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb";
        return ToolApp.Run(args, new ToolConsole(stdout, stderr, terminal));
    }
}
