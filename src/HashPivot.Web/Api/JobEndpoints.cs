using HashPivot.Web.Accounts;
using HashPivot.Web.Jobs;

namespace HashPivot.Web.Api;

/// <summary>Valuation jobs: start one (202 with a Location), watch its progress, list the workspace's jobs, cancel one (editors).</summary>
internal static class JobEndpoints
{
    public const int MaxListed = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/portfolios/{id:long}/valuations", StartAsync).RequireAuthorization(Auth.Editor)
            .Accepts<ValueRequest>("application/json").Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Starts a Monte-Carlo valuation job (same body, result and stored run as POST .../value); answers 202 with the job and its Location, or 503 when the queue is full.");

        var jobs = api.MapGroup("/jobs");
        jobs.MapGet("/", (int? limit, CurrentWorkspace w, ValuationJobs all) =>
            all.List(w.WorkspaceId, Math.Clamp(limit ?? 50, 1, MaxListed)).Select(j => j.View()).ToList())
            .WithSummary("This workspace's recent jobs, newest first (in memory: a restart forgets them, never their stored runs).");
        jobs.MapGet("/{id}", (string id, CurrentWorkspace w, ValuationJobs all) =>
            all.Find(w.WorkspaceId, id) is { } job ? Results.Ok(job.View()) : NotFound(id)).Produces<JobView>()
            .WithSummary("A job: status (queued, running, succeeded, failed, cancelled), paths done of the total, progress, the run id once succeeded, the problem when failed.");
        jobs.MapDelete("/{id}", Cancel).RequireAuthorization(Auth.Editor).Produces<JobView>()
            .WithSummary("Cancels a queued or running job (a running one stops at its next block of paths; no run is stored); 409 when it has finished.");
        jobs.MapPost("/{id}/cancel", Cancel).RequireAuthorization(Auth.Editor).Produces<JobView>()
            .WithSummary("Same as DELETE /api/v1/jobs/{id}.");
    }

    private static async Task<IResult> StartAsync(long id, HttpRequest request, CurrentWorkspace w, ValuationJobs jobs, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ValueRequest>(request);
        ValuationRuns.Check(body);
        if (await w.Store.GetPortfolioAsync(id, ct) is null)
        {
            return Results.Problem(statusCode: 404, title: "Not found", detail: $"No portfolio '{id}' in this workspace.");
        }

        if (jobs.TryEnqueue(w.WorkspaceId, id, body) is not { } job)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Job queue full",
                detail: "Too many valuation jobs are waiting; retry later (Retry-After), or value synchronously with POST .../value.");
        }

        return Results.Accepted($"/api/v1/jobs/{job.Id}", job.View());
    }

    private static IResult Cancel(string id, CurrentWorkspace w, ValuationJobs jobs)
    {
        if (jobs.Find(w.WorkspaceId, id) is not { } job)
        {
            return NotFound(id);
        }

        return job.TryCancel(jobs.Now)
            ? Results.Ok(job.View())
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Job finished",
                detail: $"Job '{id}' is {ValuationJob.Text(job.Status)}{(job.IsFinished ? "" : " and its run is being stored")}; it can no longer be cancelled.");
    }

    private static IResult NotFound(string id) => Results.Problem(statusCode: 404, title: "Not found", detail: $"No job '{id}' in this workspace.");
}
