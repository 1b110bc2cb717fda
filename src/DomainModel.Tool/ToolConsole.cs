using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace DomainModel.Tool;

/// <summary>
/// Where a command writes: results to <see cref="Out"/> (standard output), messages to <see cref="Error"/>
/// (standard error), and progress to standard error only when it is a terminal (<see cref="Interactive"/>).
/// </summary>
internal sealed class ToolConsole(TextWriter output, TextWriter error, bool interactive = false)
{
    /// <summary>A run shorter than this shows no progress at all.</summary>
    private static readonly TimeSpan s_progressDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Progress is redrawn at most this often.</summary>
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan _lastDrawn = TimeSpan.MinValue;
    private int _drawnWidth;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when standard error is a terminal: progress is shown there. Redirected, the tool is quiet.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Shows "stage done/total" on the terminal's current line (nothing when redirected or when the run is short).</summary>
    public void Progress(string stage, int done, int total)
    {
        if (!Interactive)
        {
            return;
        }

        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (now < s_progressDelay || (now - _lastDrawn < s_progressInterval && done != total))
            {
                return;
            }

            _lastDrawn = now;
            var text = string.Create(CultureInfo.InvariantCulture, $"{stage} {done:N0}/{total:N0}");
            Error.Write("\r" + text.PadRight(_drawnWidth));
            _drawnWidth = text.Length;
        }
    }

    /// <summary>Clears the progress line, if one was drawn, before a message or the end of the run.</summary>
    public void EndProgress()
    {
        lock (_gate)
        {
            if (_drawnWidth > 0)
            {
                Error.Write("\r" + new string(' ', _drawnWidth) + "\r");
                _drawnWidth = 0;
            }
        }
    }
}
