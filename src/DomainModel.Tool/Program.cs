using System;
using System.IO;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DomainModel.Tool;

internal static class Program
{
    private static int Main(string[] args)
    {
        // Output is UTF-8 without a byte order mark, with '\n' line ends, whatever the console's code page.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdout = new StreamWriter(new OutputStream(OpenStandardOutput()), utf8, bufferSize: 1 << 16) { NewLine = "\n", AutoFlush = false };
        using var stderr = new StreamWriter(new OutputStream(Console.OpenStandardError()), utf8) { NewLine = "\n", AutoFlush = true };
        var terminal = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not "dumb";
        return ToolApp.Run(args, new ToolConsole(stdout, stderr, terminal));
    }

    /// <summary>
    /// Standard output. Redirected on Unix, the file descriptor itself: the console stream ignores a
    /// broken pipe (the reader has gone, as with '| head'), and the tool must say it could not write
    /// its output and exit 1 rather than report success.
    /// </summary>
    private static Stream OpenStandardOutput()
    {
        if (Console.IsOutputRedirected && !OperatingSystem.IsWindows())
        {
            try
            {
                return new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Not a descriptor a FileStream can write: the console stream below.
            }
        }

        return Console.OpenStandardOutput();
    }

    /// <summary>A stream whose write failures are all <see cref="IOException"/>s (a closed descriptor throws UnauthorizedAccessException).</summary>
    private sealed class OutputStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Guard(() => inner.Flush());

        public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    inner.Dispose();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Nothing more can be written anyway.
                }
            }

            base.Dispose(disposing);
        }

        private static void Guard(Action write)
        {
            try
            {
                write();
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IOException("standard output is closed (" + e.Message + ")", e);
            }
        }
    }
}
