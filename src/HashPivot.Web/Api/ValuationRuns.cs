using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Data.Valuation;
using HashPivot.Engine.Valuation;

namespace HashPivot.Web.Api;

/// <summary>A valuation request: Monte-Carlo paths, horizon (years) and seed; the assumptions are <c>hashpivot value</c>'s defaults.</summary>
public sealed class ValueRequest
{
    public int Paths { get; set; } = 1000;

    public int Years { get; set; } = 10;

    public long Seed { get; set; } = 42;
}

/// <summary>A stored valuation run: its id and the document <c>hashpivot value --json</c> prints for the same inputs.</summary>
public sealed record ValueRunResult(string RunId, ValueDocument Result);

/// <summary>Values a workspace portfolio as the CLI does and keeps the run (inputs, input hash, seed, results) in the workspace.</summary>
internal static class ValuationRuns
{
    public const string Kind = "value";

    /// <summary>Largest path count one request may ask for (a bounded request on a shared server).</summary>
    public const int MaxPaths = 20_000;

    /// <summary>The valuation of portfolio <paramref name="record"/>; bad paths or years are located problems of the request body.</summary>
    public static (ValueDocument Document, ValuationResult Result, string InputsJson) Value(WorkspaceStore store, PortfolioRecord record, ValueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<InputProblem>();
        if (request.Paths is < 1 or > MaxPaths)
        {
            problems.Add(new InputProblem("request body", 0, 0, "paths", $"must be between 1 and {MaxPaths:N0}"));
        }

        if (request.Years is < 1 or > 30)
        {
            problems.Add(new InputProblem("request body", 0, 0, "years", "must be between 1 and 30"));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var loaded = Portfolios.LoadWithSeries(store, record);
        var assumptions = new ValuationAssumptions();
        var valuation = ValuationInputs.Request(loaded, assumptions, request.Years, request.Seed);
        var result = ValuationEngine.Run(valuation, request.Paths, cancellationToken: cancellationToken);
        var inputs = ValuationInputs.InputsJson(record.Document, assumptions, request.Years, request.Paths, request.Seed);
        return (ValueDocument.From(result, RunInputs.Hash(inputs)), result, inputs);
    }

    /// <summary>Values and stores the run; null when the portfolio is not in this workspace.</summary>
    public static async Task<ValueRunResult?> RunAsync(WorkspaceStore store, long portfolioId, ValueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetPortfolioAsync(portfolioId, cancellationToken) is not { } record)
        {
            return null;
        }

        var (document, _, inputs) = Value(store, record, request, cancellationToken);
        var run = RunRecord.Create(Kind, DateTimeOffset.UtcNow, inputs, JsonSerializer.Serialize(document, ApiJson.Options), request.Seed);
        await store.SaveRunAsync(run, cancellationToken);
        return new ValueRunResult(run.Id, document);
    }
}
