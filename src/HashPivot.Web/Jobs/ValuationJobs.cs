using System.Collections.Concurrent;
using System.Threading.Channels;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Engine.Valuation;
using HashPivot.Web.Api;
using HashPivot.Web.Hosting;

namespace HashPivot.Web.Jobs;

/// <summary>
/// The server's valuation jobs, in memory: a bounded queue (a start beyond <see cref="ServerSettings.MaxQueuedJobs"/> is refused) and the
/// recent jobs by id. A restart forgets queued and running jobs (their runs were never stored); a stored run is committed in one transaction
/// and survives any restart.
/// </summary>
internal sealed class ValuationJobs(ServerSettings settings, TimeProvider clock, IValuationExecutor executor)
{
    private readonly Channel<ValuationJob> _queue = Channel.CreateBounded<ValuationJob>(new BoundedChannelOptions(Math.Max(1, settings.MaxQueuedJobs))
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ConcurrentDictionary<string, ValuationJob> _jobs = new(StringComparer.Ordinal);

    public ChannelReader<ValuationJob> Queue => _queue.Reader;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A new queued job, or null when the queue is full.</summary>
    public ValuationJob? TryEnqueue(long workspaceId, long portfolioId, ValueRequest request)
    {
        var now = Now;
        var job = new ValuationJob(Guid.CreateVersion7(now).ToString("N"), workspaceId, portfolioId, request, now, executor.Name);
        _jobs[job.Id] = job;
        if (!_queue.Writer.TryWrite(job))
        {
            _jobs.TryRemove(job.Id, out _);
            return null;
        }

        Prune();
        return job;
    }

    /// <summary>The job with this id in this workspace, or null (also when it belongs to another workspace).</summary>
    public ValuationJob? Find(long workspaceId, string id) =>
        _jobs.TryGetValue(id, out var job) && job.WorkspaceId == workspaceId ? job : null;

    /// <summary>This workspace's jobs, newest first.</summary>
    public IReadOnlyList<ValuationJob> List(long workspaceId, int limit) =>
        _jobs.Values.Where(j => j.WorkspaceId == workspaceId).OrderByDescending(j => j.Id, StringComparer.Ordinal).Take(limit).ToList();

    /// <summary>Stops accepting jobs (the server is stopping).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    // Finished jobs beyond the history limit are forgotten, oldest first; their runs stay in the store.
    private void Prune()
    {
        var finished = _jobs.Values.Where(j => j.IsFinished).ToList();
        var excess = finished.Count - Math.Max(0, settings.JobHistory);
        foreach (var job in excess > 0 ? finished.OrderBy(j => j.Id, StringComparer.Ordinal).Take(excess) : [])
        {
            _jobs.TryRemove(job.Id, out _);
            job.Cancellation.Dispose();
        }
    }
}

/// <summary>Runs queued valuation jobs, <see cref="ServerSettings.MaxConcurrentJobs"/> at a time, through the shared valuation code path (the configured executor).</summary>
internal sealed class ValuationJobRunner(ValuationJobs jobs, ValuationRuns runs, SqlStore store, ServerSettings settings, ILogger<ValuationJobRunner> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stoppingToken.Register(jobs.Complete);
        var workers = Math.Max(1, settings.MaxConcurrentJobs);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping: queued jobs are forgotten (documented), none has a stored run.
        }
    }

    private async Task RunAsync(ValuationJob job, CancellationToken stoppingToken)
    {
        if (!job.TryStart(jobs.Now))
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation.Token, stoppingToken);
        try
        {
            var workspace = store.ForWorkspace(job.WorkspaceId);
            var record = await workspace.GetPortfolioAsync(job.PortfolioId, linked.Token)
                ?? throw new InputException(new InputProblem("request", 0, 0, "portfolio", $"portfolio {job.PortfolioId} was deleted before the job ran"));
            var run = await runs.RunAsync(workspace, record, job.Request, job, linked.Token, job.TryBeginCommit);
            if (run is null)
            {
                job.Cancelled(jobs.Now);
            }
            else
            {
                job.Succeed(run.RunId, jobs.Now);
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            job.Cancelled(jobs.Now);
        }
        catch (InputException e)
        {
            job.Fail(new JobProblem(400, "Invalid input", $"{e.Problems.Count} problem(s) in the input; each is listed in 'errors'.",
                e.Problems.Select(p => new JobProblemItem(p.File, p.Line, p.Column, p.Field, p.Message)).ToList()), jobs.Now);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Valuation job {Job} failed", job.Id);
            job.Fail(new JobProblem(500, "Internal error", "The valuation failed; the error is in the server's log.", null), jobs.Now);
        }
    }
}
