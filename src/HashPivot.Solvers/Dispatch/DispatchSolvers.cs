using HashPivot.Engine.Dispatch;

namespace HashPivot.Solvers.Dispatch;

/// <summary>The dispatch solvers by the names the CLI (<c>--solver</c>) and the API (<c>solver</c>) accept.</summary>
public static class DispatchSolvers
{
    /// <summary>The accepted names: fast (the exact structure-aware DP) and the OR-Tools MILP backends.</summary>
    public static readonly IReadOnlyList<string> Names = ["fast", "scip", "cbc", "highs"];

    /// <summary>The solver for a name in <see cref="Names"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static IDispatchSolver ByName(string name) => name switch
    {
        "fast" => new FastDispatchSolver(),
        "scip" => new OrToolsDispatchSolver("SCIP"),
        "cbc" => new OrToolsDispatchSolver("CBC"),
        "highs" => new OrToolsDispatchSolver("HIGHS"),
        _ => throw new ArgumentException($"unknown solver '{name}'; use one of {string.Join(", ", Names)}", nameof(name)),
    };
}
