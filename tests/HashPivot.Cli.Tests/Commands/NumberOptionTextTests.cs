namespace HashPivot.Cli.Tests.Commands;

// Text where a number belongs must exit 2 with the parser's message naming the option, for every option that also has a range
// check: the checks used to read the value before the parser reported it, and reading it threw (an unhandled exception, exit 134).
public sealed class NumberOptionTextTests
{
    [Theory]
    [InlineData("--paths", "value", "samples/portfolio.yaml", "--paths", "abc")]
    [InlineData("--years", "value", "samples/portfolio.yaml", "--years", "x")]
    [InlineData("--slice-paths", "value", "samples/portfolio.yaml", "--slice-paths", "many")]
    [InlineData("--paths", "analyze", "samples/portfolio.yaml", "--paths", "abc")]
    [InlineData("--paths", "plan", "samples/portfolio.yaml", "--budget-usd", "1e9", "--paths", "abc")]
    [InlineData("--budget-usd", "plan", "samples/portfolio.yaml", "--budget-usd", "lots")]
    [InlineData("--height", "halvings", "--height", "tall")]
    [InlineData("--count", "halvings", "--count", "some")]
    [InlineData("--height", "hashprice", "--btc-price", "100000", "--difficulty", "1e14", "--height", "tall")]
    [InlineData("--subsidy-btc", "hashprice", "--btc-price", "100000", "--difficulty", "1e14", "--subsidy-btc", "x")]
    [InlineData("--year", "data", "synth", "grid", "--out", "/tmp/hashpivot-never-written.csv", "--year", "soon")]
    [InlineData("--port", "silo", "--port", "eighty")]
    public void TextForANumber_Exits2_NamingTheOption(string option, params string[] args)
    {
        var resolved = args.Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? CliRunner.Sample(a["samples/".Length..]) : a).ToArray();

        var run = CliRunner.Run(resolved);

        Assert.Equal(2, run.Exit);
        Assert.Contains(option, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal); // no stack trace
    }
}
