namespace HashPivot.Data.Validation;

/// <summary>Gathers the problems of one input: lists the first <see cref="Cap"/> and counts the rest, so a badly broken file does not produce a million messages.</summary>
public sealed class ProblemCollector(int cap = ProblemCollector.DefaultCap)
{
    /// <summary>The number of problems listed by default.</summary>
    public const int DefaultCap = 100;

    private readonly List<InputProblem> _listed = [];

    /// <summary>How many problems are listed at most.</summary>
    public int Cap { get; } = cap;

    /// <summary>The listed problems.</summary>
    public IReadOnlyList<InputProblem> Listed => _listed;

    /// <summary>All problems added, listed or not.</summary>
    public int TotalCount { get; private set; }

    /// <summary>True when any problem was added.</summary>
    public bool HasProblems => TotalCount > 0;

    /// <summary>Records a problem.</summary>
    public void Add(InputProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        TotalCount++;
        if (_listed.Count < Cap)
        {
            _listed.Add(problem);
        }
    }

    /// <summary>Records a problem at a file, line and named column (null when it concerns the whole line or file).</summary>
    public void Add(string file, int line, string? column, string message) => Add(new InputProblem(file, line, 0, column ?? "", message));
}
