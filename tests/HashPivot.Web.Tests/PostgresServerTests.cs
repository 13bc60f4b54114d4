using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HashPivot.Data.Store;

namespace HashPivot.Web.Tests;

// The server over PostgreSQL (HASHPIVOT_TEST_POSTGRES, a fresh schema per test): the same schema and migrations as SQLite,
// seeding, workspace isolation and stored runs.
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task Postgres_SeedCompareDispatchAndIsolation()
    {
        using var server = new ServerFactory(postgres: true);
        var admin = await server.DemoAdminAsync();
        var (other, _) = await server.MemberAsync("pg-other", WorkspaceRole.Editor);
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/portfolios"))[0].GetProperty("id").GetInt64();

        var compare = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{id}/compare");
        var dispatch = await admin.PostAsJsonAsync("/api/v1/dispatch", new { portfolio_id = id, site = "North Hub merchant", prices = "synthetic-grid-2024" });
        var runId = (await dispatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetString();

        Assert.IsType<PostgresStore>(server.Store);
        Assert.Equal(4, compare.GetProperty("sites").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, dispatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/runs/{runId}/schedule.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/portfolios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/datasets/synthetic-grid-2024")).StatusCode);
    }

    [PostgresFact]
    public async Task Postgres_ValuationJobStoresItsRun_AndMembersComeAndGo()
    {
        using var server = new ServerFactory(postgres: true);
        var admin = await server.DemoAdminAsync();
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/portfolios"))[0].GetProperty("id").GetInt64();

        var started = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 100, seed = 4 });
        JsonElement job;
        do
        {
            await Task.Delay(20);
            job = await admin.GetFromJsonAsync<JsonElement>(started.Headers.Location!.OriginalString);
        }
        while (job.GetProperty("status").GetString() is "queued" or "running");

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(4, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{job.GetProperty("run_id").GetString()}")).GetProperty("seed").GetInt64());

        var added = await admin.PostAsJsonAsync("/api/v1/members", new { email = "pg-member@example.test", role = "viewer", password = "a long enough password" });
        var userId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user_id").GetInt64();
        var members = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/members");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(2, members!.Length);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/members/{userId}", new { role = "editor" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/members/{userId}")).StatusCode);
        Assert.Single((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/members"))!);
    }
}
