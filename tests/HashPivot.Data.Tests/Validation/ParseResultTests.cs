using HashPivot.Data.Validation;

namespace HashPivot.Data.Tests.Validation;

public class ParseResultTests
{
    [Fact]
    public void Fail_MoreProblemsThanCap_ListsCapAndCountsAll()
    {
        var problems = new ProblemCollector(cap: 3);
        for (var i = 1; i <= 5; i++)
        {
            problems.Add("f.csv", i, "x", "bad");
        }

        var result = ParseResult<string>.Fail(problems);

        Assert.False(result.Success);
        Assert.Equal(3, result.Problems.Count);
        Assert.Equal(5, result.TotalProblemCount);
        Assert.Equal(3, result.Problems[^1].Line);
    }

    [Fact]
    public void Value_FailedParse_ThrowsNamingFirstProblem()
    {
        var result = ParseResult<string>.Fail(new InputProblem("f.csv", 7, 0, "price", "not a number"));
        var ex = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("f.csv:7: price: not a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_NoProblems_Throws() =>
        Assert.Throws<ArgumentException>(() => ParseResult<string>.Fail(new ProblemCollector()));

    [Fact]
    public void ToString_NoColumn_FileLineMessage() =>
        Assert.Equal("a.csv:0: empty", new InputProblem("a.csv", 0, 0, "", "empty").ToString());
}
