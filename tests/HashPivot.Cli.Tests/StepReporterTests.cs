namespace HashPivot.Cli.Tests;

public sealed class StepReporterTests
{
    [Fact]
    public void Step_NotATerminal_PrintsNumberedStepLinesOnStderrOnly()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using (var steps = new StepReporter(new CliContext(output, error), quiet: false, totalSteps: 3))
        {
            steps.Step("parsing");
            steps.Step("storing");
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("[1/3]", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("storing", lines[1].TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Step_Quiet_PrintsNothing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using (var steps = new StepReporter(new CliContext(output, error), quiet: true, totalSteps: 1))
        {
            steps.Step("parsing");
        }

        Assert.Equal("", error.ToString());
    }
}
