namespace HashPivot.Cli;

/// <summary>
/// Progress of a long command as numbered steps on stderr, so stdout stays one clean JSON document or table and the
/// lines are readable in CI logs (no escape codes).
/// </summary>
internal sealed class StepReporter(CliContext context, bool quiet)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _step;

    public void Step(string what)
    {
        _step++;
        if (!quiet)
        {
            context.Error.WriteLine($"[{_step}] {_clock.Elapsed.TotalSeconds,6:0.0}s {what}");
        }
    }
}
