using System.Globalization;

namespace HashPivot.Data.Validation;

/// <summary>One problem in user input, located by file, 1-based line (0 when it concerns the whole file) and column name (null when it concerns the whole line).</summary>
public sealed record ValidationProblem(string File, int Line, string? Column, string Message)
{
    /// <summary>"file:line: column 'name': message", the form the CLI prints and the API returns.</summary>
    public override string ToString() => Column is null
        ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: column '{Column}': {Message}");
}
