using HashPivot.Web.Api;

namespace HashPivot.Web.Jobs;

/// <summary>Where a valuation job is: waiting for a slot, running, or finished one of three ways.</summary>
public enum JobStatus
{
    /// <summary>Accepted and waiting for a free slot.</summary>
    Queued,

    /// <summary>Its paths are being valued.</summary>
    Running,

    /// <summary>Finished and stored as a run (see <see cref="JobView.RunId"/>).</summary>
    Succeeded,

    /// <summary>Stopped by an error (see <see cref="JobView.Error"/>); no run stored.</summary>
    Failed,

    /// <summary>Cancelled by a member or by the server stopping; no run stored.</summary>
    Cancelled,
}

/// <summary>
/// One valuation job in memory: its request, state and progress. Thread-safe: the worker, the progress callbacks and the API's readers and
/// cancellers meet here. Once the run is being committed the job can no longer be cancelled, so a cancelled job never has a stored run.
/// </summary>
internal sealed class ValuationJob(string id, long workspaceId, long portfolioId, ValueRequest request, DateTimeOffset createdUtc, string executor) : IProgress<int>
{
    private readonly Lock _gate = new();
    private int _pathsDone;
    private bool _committing;

    public string Id { get; } = id;

    public long WorkspaceId { get; } = workspaceId;

    public long PortfolioId { get; } = portfolioId;

    public ValueRequest Request { get; } = new() { Paths = request.Paths, Years = request.Years, Seed = request.Seed };

    public DateTimeOffset CreatedUtc { get; } = createdUtc;

    /// <summary>Cancelled when a member cancels the job.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    public JobStatus Status { get; private set; } = JobStatus.Queued;

    public DateTimeOffset? StartedUtc { get; private set; }

    public DateTimeOffset? FinishedUtc { get; private set; }

    public string? RunId { get; private set; }

    public JobProblem? Error { get; private set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    public int PathsDone => Volatile.Read(ref _pathsDone);

    /// <summary>Counts a finished block's paths (the executor's progress).</summary>
    public void Report(int value) => Interlocked.Add(ref _pathsDone, value);

    /// <summary>Queued → running; false when the job was cancelled while it waited.</summary>
    public bool TryStart(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Status != JobStatus.Queued)
            {
                return false;
            }

            Status = JobStatus.Running;
            StartedUtc = now;
            return true;
        }
    }

    /// <summary>Called once the valuation is done and before its run is stored: false when a cancel came first (store nothing); afterwards cancel is refused.</summary>
    public bool TryBeginCommit()
    {
        lock (_gate)
        {
            if (Cancellation.IsCancellationRequested)
            {
                return false;
            }

            _committing = true;
            return true;
        }
    }

    /// <summary>Asks the job to stop: a queued job is cancelled at once, a running one at its next block; false when it is finished or its run is being stored.</summary>
    public bool TryCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (IsFinished || _committing)
            {
                return false;
            }

            Cancellation.Cancel();
            if (Status == JobStatus.Queued)
            {
                Finish(JobStatus.Cancelled, now);
            }

            return true;
        }
    }

    public void Succeed(string runId, DateTimeOffset now)
    {
        lock (_gate)
        {
            RunId = runId;
            Finish(JobStatus.Succeeded, now);
        }
    }

    public void Fail(JobProblem problem, DateTimeOffset now)
    {
        lock (_gate)
        {
            Error = problem;
            Finish(JobStatus.Failed, now);
        }
    }

    public void Cancelled(DateTimeOffset now)
    {
        lock (_gate)
        {
            Finish(JobStatus.Cancelled, now);
        }
    }

    /// <summary>A consistent snapshot for the API.</summary>
    public JobView View()
    {
        lock (_gate)
        {
            var done = Math.Min(PathsDone, Request.Paths);
            return new JobView(Id, ValuationRuns.Kind, PortfolioId, Text(Status), done, Request.Paths, Math.Round((double)done / Request.Paths, 4),
                Request.Years, Request.Seed, PortfolioView.Iso(CreatedUtc), StartedUtc is { } s ? PortfolioView.Iso(s) : null,
                FinishedUtc is { } f ? PortfolioView.Iso(f) : null, Cancellation.IsCancellationRequested, RunId, Error, executor);
        }
    }

    /// <summary>The status as the API spells it.</summary>
    public static string Text(JobStatus status) => status.ToString().ToLowerInvariant();

    private void Finish(JobStatus status, DateTimeOffset now)
    {
        if (!IsFinished)
        {
            Status = status;
            FinishedUtc = now;
        }
    }
}

/// <summary>A valuation job as the API shows it: status (queued, running, succeeded, failed, cancelled), paths done of the total, the stored run when it succeeded, the problem when it failed.</summary>
/// <param name="Id">The job id (GET /api/v1/jobs/{id}).</param>
/// <param name="Kind">What it runs: <c>value</c>.</param>
/// <param name="PortfolioId">The portfolio valued.</param>
/// <param name="Status">queued, running, succeeded, failed or cancelled.</param>
/// <param name="PathsDone">Monte-Carlo paths finished so far.</param>
/// <param name="PathsTotal">Paths asked for.</param>
/// <param name="Progress">PathsDone / PathsTotal, 0 to 1.</param>
/// <param name="Years">Horizon in years.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="CreatedUtc">When it was accepted (UTC).</param>
/// <param name="StartedUtc">When it started running.</param>
/// <param name="FinishedUtc">When it finished.</param>
/// <param name="CancelRequested">Whether a cancel was asked for (a running job stops at its next block).</param>
/// <param name="RunId">The stored run (GET /api/v1/runs/{run_id}) once succeeded.</param>
/// <param name="Error">Why it failed, as an RFC 7807 problem.</param>
/// <param name="Executor">Where the paths run: <c>in-process</c> or <c>cluster HOST:PORT</c>.</param>
public sealed record JobView(string Id, string Kind, long PortfolioId, string Status, int PathsDone, int PathsTotal, double Progress, int Years, long Seed,
    string CreatedUtc, string? StartedUtc, string? FinishedUtc, bool CancelRequested, string? RunId, JobProblem? Error, string Executor);

/// <summary>An RFC 7807 problem of a failed job: status, title, detail and, for bad input, every located problem.</summary>
public sealed record JobProblem(int Status, string Title, string Detail, IReadOnlyList<JobProblemItem>? Errors);

/// <summary>One located input problem of a failed job (file, line, column, field, message).</summary>
public sealed record JobProblemItem(string File, int Line, int Column, string Field, string Message);
