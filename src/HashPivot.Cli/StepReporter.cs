using System.Globalization;

namespace HashPivot.Cli;

/// <summary>
/// Progress of a long command on stderr, so stdout stays one clean JSON document or table: a redrawn progress bar
/// when stderr is a terminal, numbered and timed step lines otherwise (CI logs, pipes), nothing in quiet mode.
/// </summary>
internal sealed class StepReporter : IDisposable
{
    private const int BarWidth = 24;
    private readonly CliContext _context;
    private readonly bool _quiet;
    private readonly bool _interactive;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _step;
    private int _lastWidth;
    private bool _completed;

    /// <summary>Creates a reporter for a command of <paramref name="totalSteps"/> steps.</summary>
    public StepReporter(CliContext context, bool quiet, int totalSteps)
    {
        _context = context;
        _quiet = quiet;
        TotalSteps = Math.Max(1, totalSteps);
        _interactive = ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected;
    }

    /// <summary>Steps the command announced; the bar is full when the last one ends.</summary>
    public int TotalSteps { get; }

    /// <summary>Starts the next step.</summary>
    public void Step(string what)
    {
        _step++;
        if (_quiet)
        {
            return;
        }

        var elapsed = _clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (_interactive)
        {
            Draw(_step - 1, $"{_step}/{TotalSteps} {elapsed}s {what}");
        }
        else
        {
            _context.Error.WriteLine($"[{_step}/{TotalSteps}] {elapsed,6}s {what}");
        }
    }

    /// <summary>Completes the bar (interactive mode) so the next output starts on a fresh line; safe to call twice.</summary>
    public void Complete()
    {
        if (!_quiet && _interactive && _step > 0 && !_completed)
        {
            _completed = true;
            Draw(TotalSteps, $"done in {_clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s");
            _context.Error.WriteLine();
        }
    }

    /// <summary>Completes the bar if the command ended early (an error), so the message starts on its own line.</summary>
    public void Dispose() => Complete();

    private void Draw(int completed, string text)
    {
        var filled = (int)Math.Round(BarWidth * Math.Min(completed, TotalSteps) / (double)TotalSteps);
        var line = $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {text}";
        // Pad over the previous, possibly longer, line: the bar is redrawn in place with a carriage return.
        _context.Error.Write("\r" + line.PadRight(_lastWidth));
        _lastWidth = line.Length;
    }
}
