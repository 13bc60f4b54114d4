namespace HashPivot.Data.Validation;

/// <summary>The outcome of parsing user input: either a value, or every problem found (the first <see cref="ProblemCollector.DefaultCap"/> listed, all counted).</summary>
/// <typeparam name="T">The parsed value's type.</typeparam>
public sealed class ParseResult<T>
    where T : class
{
    private readonly T? _value;

    private ParseResult(T? value, IReadOnlyList<InputProblem> problems, int totalProblemCount)
    {
        _value = value;
        Problems = problems;
        TotalProblemCount = totalProblemCount;
    }

    /// <summary>True when the input was valid and <see cref="Value"/> holds the result.</summary>
    public bool Success => _value is not null;

    /// <summary>The parsed value.</summary>
    /// <exception cref="InvalidOperationException">The parse failed; read <see cref="Problems"/> instead.</exception>
    public T Value => _value ?? throw new InvalidOperationException(
        $"The input had {TotalProblemCount} problem(s); the first: {(Problems.Count > 0 ? Problems[0].ToString() : "none")}");

    /// <summary>The value, or an <see cref="InputException"/> carrying every listed problem (the CLI turns it into exit code 2).</summary>
    public T ValueOrThrow()
    {
        if (_value is not null)
        {
            return _value;
        }

        var problems = Problems.ToList();
        if (TotalProblemCount > Problems.Count)
        {
            var last = Problems[^1];
            problems.Add(last with { Line = 0, Column = 0, Field = "", Message = $"... and {TotalProblemCount - Problems.Count} more problem(s) not listed" });
        }

        throw new InputException(problems);
    }

    /// <summary>The problems listed, in the order found (empty on success).</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>All problems found, including those beyond the listing cap.</summary>
    public int TotalProblemCount { get; }

    /// <summary>A successful parse.</summary>
    public static ParseResult<T> Ok(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ParseResult<T>(value, [], 0);
    }

    /// <summary>A failed parse with the problems a collector gathered.</summary>
    /// <exception cref="ArgumentException">The collector holds no problem: a failure must say why.</exception>
    public static ParseResult<T> Fail(ProblemCollector problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.TotalCount == 0)
        {
            throw new ArgumentException("A failed parse needs at least one problem.", nameof(problems));
        }

        return new ParseResult<T>(null, problems.Listed, problems.TotalCount);
    }

    /// <summary>A failed parse with a single problem.</summary>
    public static ParseResult<T> Fail(InputProblem problem)
    {
        var collector = new ProblemCollector();
        collector.Add(problem);
        return Fail(collector);
    }
}
