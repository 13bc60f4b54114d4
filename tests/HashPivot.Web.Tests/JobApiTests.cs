using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HashPivot.Data.Store;
using HashPivot.Engine.Valuation;
using HashPivot.Web.Accounts;
using HashPivot.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HashPivot.Web.Tests;

// Valuation jobs: 202 and a Location, progress to the last path, the stored run equal to the synchronous one, cancellation that stores
// nothing, workspace isolation, roles, located body problems, and the bounded queue.
public sealed class JobApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string[] Finished = ["succeeded", "failed", "cancelled"];

    [Fact]
    public async Task StartJob_RunsToSucceeded_WithEveryPathCounted_AndItsRunEqualsTheSynchronousValuation()
    {
        var admin = await server.DemoAdminAsync();
        var id = await SamplePortfolioAsync(admin);

        var started = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 600, seed = 11 });
        var first = await started.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/v1/jobs/{first.GetProperty("id").GetString()}", started.Headers.Location!.OriginalString);
        Assert.Contains(first.GetProperty("status").GetString(), new[] { "queued", "running" });
        Assert.Equal(600, first.GetProperty("paths_total").GetInt32());
        Assert.Equal("in-process", first.GetProperty("executor").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("run_id").ValueKind);

        var (job, seen) = await WaitAsync(admin, started.Headers.Location!.OriginalString);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(600, job.GetProperty("paths_done").GetInt32()); // the executor's progress: 3 blocks of 256, 256 and 88 paths
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        Assert.Equal(seen.Order(), seen); // progress never goes back
        Assert.NotNull(job.GetProperty("started_utc").GetString());

        var run = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{job.GetProperty("run_id").GetString()}");
        var sync = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/value", new { paths = 600, seed = 11 });
        var syncResult = (await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result");
        Assert.Equal(11, run.GetProperty("seed").GetInt64());
        Assert.Equal(syncResult.GetProperty("input_hash").GetString(), run.GetProperty("input_hash").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(syncResult.GetRawText()), JsonNode.Parse(run.GetProperty("results").GetRawText())),
            "the job's stored result differs from the synchronous valuation with the same seed");

        var listed = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs");
        Assert.Contains(listed!, j => j.GetProperty("id").GetString() == job.GetProperty("id").GetString());

        // The dashboard's page of the stored run, where the page's script goes when the job succeeds.
        var html = await admin.GetStringAsync($"/portfolios/{id}/valuation?run={job.GetProperty("run_id").GetString()}&job={job.GetProperty("id").GetString()}");
        Assert.Contains("succeeded: 600 of 600 paths", html, StringComparison.Ordinal);
        Assert.Contains("NPV over 600 paths", html, StringComparison.Ordinal);
        Assert.Contains($"Seed 11, input hash <code>{run.GetProperty("input_hash").GetString()![..16]}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelMidRun_IsCancelledBeforeTheLastPath_AndStoresNoRun()
    {
        // The engine's workers wait inside their progress report until the cancel arrives, so the cancel lands mid-run on any
        // machine; the real engine must then stop at its next block. (Timing it against a big portfolio failed once the engine
        // got fast enough to finish all 20,000 paths before the DELETE.)
        await using var paused = new ServerFactory { TestServices = s => s.AddSingleton<IValuationExecutor>(new HeldUntilCancelledExecutor()) };
        var admin = await paused.DemoAdminAsync();
        var id = await SamplePortfolioAsync(admin);
        var runsBefore = await CountValueRunsAsync(admin);

        var started = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 20_000, seed = 1 });
        var location = started.Headers.Location!.OriginalString;
        JsonElement running;
        do
        {
            await Task.Delay(10);
            running = await admin.GetFromJsonAsync<JsonElement>(location);
        }
        while (running.GetProperty("paths_done").GetInt32() == 0 && !Finished.Contains(running.GetProperty("status").GetString()));

        Assert.Equal("running", running.GetProperty("status").GetString());
        var cancel = await admin.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.True((await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancel_requested").GetBoolean());

        var (job, _) = await WaitAsync(admin, location);
        Assert.Equal("cancelled", job.GetProperty("status").GetString());
        // Each worker finished at most the block it held; 20,000 paths are 79 blocks of 256.
        Assert.InRange(job.GetProperty("paths_done").GetInt32(), 1, 19_999);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("run_id").ValueKind);
        Assert.Equal(runsBefore, await CountValueRunsAsync(admin));

        var again = await admin.PostAsync(location + "/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task PortfolioThatNoLongerLoads_FailsTheJob_WithALocatedProblem_AndStoresNoRun()
    {
        var (editor, _) = await server.MemberAsync("fail-" + Guid.NewGuid().ToString("N")[..8], WorkspaceRole.Editor);
        using (var content = new MultipartFormDataContent
        {
            { new StringContent("timestamp,value\n2024-01-01T00:00:00Z,30\n2024-01-01T01:00:00Z,40\n"), "file", "grid.csv" },
            { new StringContent("grid"), "kind" },
            { new StringContent(Samples.GridDataset), "name" },
        })
        {
            (await editor.PostAsync("/api/v1/datasets", content)).EnsureSuccessStatusCode();
        }

        var created = await editor.PostAsJsonAsync("/api/v1/portfolios", new { name = "doomed", document = Samples.Portfolio() });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await editor.DeleteAsync($"/api/v1/datasets/{Samples.GridDataset}")).EnsureSuccessStatusCode();

        var started = await editor.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 20 });
        var (job, _) = await WaitAsync(editor, started.Headers.Location!.OriginalString);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        var error = job.GetProperty("error");
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Contains(error.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString()!.Contains("series", StringComparison.Ordinal));
        Assert.Equal(0, await CountValueRunsAsync(editor));
    }

    [Fact]
    public async Task OtherWorkspace_Gets404ForTheJob_AndDoesNotListIt()
    {
        var admin = await server.DemoAdminAsync();
        var started = await admin.PostAsJsonAsync($"/api/v1/portfolios/{await SamplePortfolioAsync(admin)}/valuations", new { paths = 50 });
        var location = started.Headers.Location!.OriginalString;
        var (other, _) = await server.MemberAsync("jobs-" + Guid.NewGuid().ToString("N")[..8], WorkspaceRole.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(location + "/cancel", null)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/portfolios/{await SamplePortfolioAsync(admin)}/valuations", new { paths = 50 })).StatusCode);
        await WaitAsync(admin, location);
    }

    [Fact]
    public async Task Viewer_ReadsJobs_ButCannotStartOrCancel()
    {
        var admin = await server.DemoAdminAsync();
        var id = await SamplePortfolioAsync(admin);
        var viewer = await DemoMemberAsync(WorkspaceRole.Viewer);
        var started = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 50 });
        var location = started.Headers.Location!.OriginalString;

        var start = await viewer.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 50 });
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Equal("application/problem+json", start.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(location + "/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Anonymous().GetAsync("/api/v1/jobs")).StatusCode);
        await WaitAsync(admin, location);
    }

    [Theory]
    [InlineData("""{"paths": 0, "years": 31}""", "paths,years")]
    [InlineData("""{"paths": "many"}""", "$.paths")]
    [InlineData("""{"pathz": 10}""", "$.pathz")]
    [InlineData("""[1, 2]""", "$")]
    public async Task StartJob_BadBody_Is400ProblemNamingTheField(string body, string fields)
    {
        var admin = await server.DemoAdminAsync();
        var id = await SamplePortfolioAsync(admin);
        var jobsBefore = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs"))!.Length;

        var response = await admin.PostAsync($"/api/v1/portfolios/{id}/valuations", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(fields, string.Join(",", problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString())));
        Assert.Equal(jobsBefore, (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs"))!.Length); // nothing was queued
    }

    [Fact]
    public async Task FullQueue_Is503WithRetryAfter_AndAQueuedJobCancelsAtOnce()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gated = new ServerFactory
        {
            Settings = new Dictionary<string, string> { ["HashPivot:MaxConcurrentJobs"] = "1", ["HashPivot:MaxQueuedJobs"] = "1" },
            TestServices = s => s.AddSingleton<IValuationExecutor>(new GatedExecutor(gate.Task)),
        };
        var admin = await gated.DemoAdminAsync();
        var id = await SamplePortfolioAsync(admin);

        var running = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 40 });
        var runningAt = running.Headers.Location!.OriginalString;
        while ((await admin.GetFromJsonAsync<JsonElement>(runningAt)).GetProperty("status").GetString() != "running")
        {
            await Task.Delay(10);
        }

        var queued = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 40 });
        var refused = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 40 });

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal("queued", (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs"))!.Length); // the refused one was never a job

        var cancelQueued = await admin.DeleteAsync(queued.Headers.Location!.OriginalString);
        Assert.Equal("cancelled", (await cancelQueued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        gate.SetResult();
        var (done, _) = await WaitAsync(admin, runningAt);
        Assert.Equal("succeeded", done.GetProperty("status").GetString());
        Assert.Equal("cancelled", (await admin.GetFromJsonAsync<JsonElement>(queued.Headers.Location!.OriginalString)).GetProperty("status").GetString());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/runs?kind=value"))!);
    }

    internal static async Task<long> SamplePortfolioAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/portfolios"))[0].GetProperty("id").GetInt64();

    private static async Task<int> CountValueRunsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/runs?kind=value"))!.Length;

    // Polls the job until it finishes (at most 2 minutes on a busy machine); returns it and every paths_done seen.
    internal static async Task<(JsonElement Job, List<int> PathsSeen)> WaitAsync(HttpClient client, string location)
    {
        var seen = new List<int>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            seen.Add(job.GetProperty("paths_done").GetInt32());
            if (Finished.Contains(job.GetProperty("status").GetString()))
            {
                return (job, seen);
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {location} did not finish: {job}");
            await Task.Delay(20);
        }
    }

    private async Task<HttpClient> DemoMemberAsync(WorkspaceRole role)
    {
        var admin = (await server.Store.FindUserAsync("admin@hashpivot.local"))!;
        var demo = (await server.Store.GetMembershipsAsync(admin.Id)).Single().Workspace;
        var user = await server.Store.CreateUserAsync($"{role}-{Guid.NewGuid():N}@demo.test", Passwords.Hash("pw"));
        await server.Store.SetMembershipAsync(demo.Id, user.Id, role);
        return await server.TokenClientAsync(user.Id, demo.Id);
    }

    // The in-process executor whose every progress report holds its engine worker until the job is cancelled (at most a minute).
    private sealed class HeldUntilCancelledExecutor : IValuationExecutor
    {
        public string Name => "held until cancelled";

        public Task<ValuationResult> RunAsync(ValuationRequest request, int paths, IProgress<int>? progress, CancellationToken cancellationToken) =>
            new InProcessValuationExecutor().RunAsync(request, paths, new HoldingProgress(progress, cancellationToken), cancellationToken);

        private sealed class HoldingProgress(IProgress<int>? inner, CancellationToken cancellationToken) : IProgress<int>
        {
            public void Report(int value)
            {
                inner?.Report(value);
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMinutes(1));
            }
        }
    }

    // The in-process executor behind a gate: a job holds its slot until the test opens the gate.
    private sealed class GatedExecutor(Task gate) : IValuationExecutor
    {
        public string Name => "gated";

        public async Task<ValuationResult> RunAsync(ValuationRequest request, int paths, IProgress<int>? progress, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return await new InProcessValuationExecutor().RunAsync(request, paths, progress, cancellationToken);
        }
    }
}
