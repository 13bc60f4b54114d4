using System.Globalization;

namespace HashPivot.Data.Validation;

/// <summary>One problem found in user input, located by file, 1-based line and column, and the field it concerns.</summary>
/// <param name="File">Path of the file as the user gave it.</param>
/// <param name="Line">1-based line number (0 when the problem concerns the whole file).</param>
/// <param name="Column">1-based character column (0 when the field name locates it, as in CSV).</param>
/// <param name="Field">The field: a YAML path such as <c>sites[2].interconnection_mw</c>, or a CSV column name; empty for the whole line or file.</param>
/// <param name="Message">What is wrong and, where it helps, what would be right.</param>
public sealed record InputProblem(string File, int Line, int Column, string Field, string Message)
{
    /// <summary>The problem as one line, <c>file:line[:column]: [field: ]message</c>, the form compilers use so editors can jump to it.</summary>
    public override string ToString()
    {
        var at = Column > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}")
            : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");
        return Field.Length > 0 ? $"{at}: {Field}: {Message}" : $"{at}: {Message}";
    }
}

/// <summary>Thrown by adapters when user input is invalid; carries every problem found, never a partial result.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from the problems found (at least one).</summary>
    public InputException(IReadOnlyList<InputProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception from one problem.</summary>
    public InputException(InputProblem problem)
        : this([problem])
    {
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    private static string Describe(IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return string.Join(Environment.NewLine, problems.Select(p => p.ToString()));
    }
}
