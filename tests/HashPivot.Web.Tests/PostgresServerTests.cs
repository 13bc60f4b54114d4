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
}
