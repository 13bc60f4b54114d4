using HashPivot.Data.Validation;

namespace HashPivot.Data.Tests.TestSupport;

// Asserts on located problems: a failed parse must name the file, the line and the column.
internal static class ProblemAssert
{
    public static InputProblem Single<T>(ParseResult<T> result, string file, int line, string? column, string messagePart)
        where T : class
    {
        Assert.False(result.Success, "expected the parse to fail");
        var problem = Assert.Single(result.Problems);
        AssertLocated(problem, file, line, column, messagePart);
        return problem;
    }

    public static void Contains<T>(ParseResult<T> result, string file, int line, string? column, string messagePart)
        where T : class
    {
        Assert.False(result.Success, "expected the parse to fail");
        Assert.Contains(result.Problems, p =>
            p.File == file && p.Line == line && p.Field == (column ?? "") && p.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    private static void AssertLocated(InputProblem problem, string file, int line, string? column, string messagePart)
    {
        Assert.Equal(file, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Equal(column ?? "", problem.Field);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
        // The printed form is what users read: it must carry the location too.
        var printed = problem.ToString();
        Assert.StartsWith($"{file}:{line}:", printed, StringComparison.Ordinal);
        if (column is not null)
        {
            Assert.Contains($": {column}: ", printed, StringComparison.Ordinal);
        }
    }
}
