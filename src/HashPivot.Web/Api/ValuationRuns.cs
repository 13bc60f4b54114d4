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
    /// <summary>Monte-Carlo paths, 1 to 20,000.</summary>
    public int Paths { get; set; } = 1000;

    /// <summary>Horizon in years, 1 to 30.</summary>
    public int Years { get; set; } = 10;

    /// <summary>The random seed: the same seed and inputs give the same result.</summary>
    public long Seed { get; set; } = 42;
}

/// <summary>A stored valuation run: its id and the document <c>hashpivot value --json</c> prints for the same inputs.</summary>
public sealed record ValueRunResult(string RunId, ValueDocument Result)
{
    /// <summary>The document as stored (the API's JSON, UTF-8): the response sends these bytes instead of serialising the document again.</summary>
    internal byte[]? ResultUtf8 { get; init; }

    /// <summary>The response body <c>{"run_id": ..., "result": ...}</c>, as the API's JSON options would write this record, from the stored bytes.</summary>
    internal IResult ToHttpResult() => new StoredJsonResult(RunId, ResultUtf8 ?? JsonSerializer.SerializeToUtf8Bytes(Result, ApiJson.Options));

    private sealed class StoredJsonResult(string runId, byte[] resultUtf8) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = ApiJson.ContentType;
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteString(ApiJson.Options.PropertyNamingPolicy!.ConvertName(nameof(RunId)), runId);
            writer.WritePropertyName(ApiJson.Options.PropertyNamingPolicy.ConvertName(nameof(Result)));
            writer.WriteRawValue(resultUtf8, skipInputValidation: true); // written by the serializer with the API's options
            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}

/// <summary>
/// Values a workspace portfolio as the CLI does, on the configured <see cref="IValuationExecutor"/>, and keeps the run (inputs, input hash,
/// seed, results) in the workspace. The synchronous endpoint, the jobs and the dashboard page share this one code path.
/// </summary>
/// <remarks>
/// Synchronous valuations (the endpoint and the page) take one of <see cref="Hosting.ServerSettings.MaxConcurrentValuations"/> slots, waiting
/// asynchronously in turn: each run already spreads its blocks over every core, so many at once only oversubscribe the CPU and starve
/// the thread pool (long tails under load); one per core keeps the cores busy while another run merges its results on one thread.
/// Jobs are bounded by their own workers instead.
/// </remarks>
internal sealed class ValuationRuns(IValuationExecutor executor, PortfolioInputCache inputs, Hosting.ServerSettings settings)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, settings.MaxConcurrentValuations));

    public const string Kind = "value";

    /// <summary>Largest path count one request may ask for (a bounded request on a shared server).</summary>
    public const int MaxPaths = 20_000;

    /// <summary>The executor the valuations run on.</summary>
    public IValuationExecutor Executor => executor;

    /// <summary>Checks the request's fields; every bad one is a located problem of the request body.</summary>
    public static void Check(ValueRequest request)
    {
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
    }

    /// <summary>The valuation of portfolio <paramref name="record"/>; <paramref name="progress"/> hears each finished block's path count (null: a synchronous call, which waits for a slot).</summary>
    public async Task<(ValueDocument Document, ValuationResult Result, string InputsJson)> ValueAsync(
        WorkspaceStore store, PortfolioRecord record, ValueRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Check(request);
        var valuation = await inputs.RequestAsync(store, record, request.Years, request.Seed, cancellationToken);
        ValuationResult result;
        if (progress is null)
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                result = await executor.RunAsync(valuation, request.Paths, null, cancellationToken);
            }
            finally
            {
                _slots.Release();
            }
        }
        else
        {
            result = await executor.RunAsync(valuation, request.Paths, progress, cancellationToken);
        }

        var inputsJson = ValuationInputs.InputsJson(record.Document, PortfolioInputCache.Assumptions, request.Years, request.Paths, request.Seed);
        return (ValueDocument.From(result, RunInputs.Hash(inputsJson)), result, inputsJson);
    }

    /// <summary>Values and stores the run (one transaction: a run is stored whole or not at all).</summary>
    /// <param name="store">The workspace.</param>
    /// <param name="record">The portfolio.</param>
    /// <param name="request">Paths, years and seed.</param>
    /// <param name="progress">Hears each finished block's path count.</param>
    /// <param name="cancellationToken">Stops the valuation between blocks.</param>
    /// <param name="commit">Asked once the valuation is done: false stores nothing and returns null (a job cancelled at the last moment).</param>
    public async Task<ValueRunResult?> RunAsync(WorkspaceStore store, PortfolioRecord record, ValueRequest request, IProgress<int>? progress,
        CancellationToken cancellationToken, Func<bool>? commit = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (document, result, inputsJson) = await ValueAsync(store, record, request, progress, cancellationToken);

        // The document holds all the run keeps: the per-path NPVs (a few MB) go back to the pool for the next valuation.
        result.RecycleSamples();
        if (commit is not null && !commit())
        {
            return null;
        }

        var resultUtf8 = JsonSerializer.SerializeToUtf8Bytes(document, ApiJson.Options);
        var run = RunRecord.Create(Kind, DateTimeOffset.UtcNow, inputsJson, System.Text.Encoding.UTF8.GetString(resultUtf8), request.Seed);

        // Once committing, the run is saved whole even if the caller goes away: no half-decided job.
        await store.SaveRunAsync(run, commit is null ? cancellationToken : CancellationToken.None);
        return new ValueRunResult(run.Id, document) { ResultUtf8 = resultUtf8 };
    }
}
