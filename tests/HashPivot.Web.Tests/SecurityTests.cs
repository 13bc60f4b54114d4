using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HashPivot.Data.Store;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HashPivot.Web.Tests;

// What the server refuses: anonymous callers everywhere but /health and sign-in, other workspaces' objects (404, as if
// they did not exist), writes by viewers, and bad bodies (a problem detail, never a 500).
public sealed class SecurityTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Health_Anonymous_IsOk()
    {
        var response = await server.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EveryRouteButHealthAndSignIn_Anonymous_IsRefused()
    {
        _ = server.Server;
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var client = server.Anonymous();
        var checkedRoutes = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (pattern is "/health" or "/signin")
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var url = Concrete(pattern);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                var response = await client.SendAsync(request);

                // The API answers 401 with a problem detail; pages send the browser to the sign-in form.
                var refused = response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/signin", StringComparison.Ordinal));
                Assert.True(refused, $"{method} {url} answered {(int)response.StatusCode} to an anonymous caller");
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes > 25, $"only {checkedRoutes} routes found");
    }

    [Fact]
    public async Task ApiRoute_BadToken_Is401ProblemDetail()
    {
        var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "hp_not-a-real-token");

        var response = await client.GetAsync("/api/v1/portfolios");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OtherWorkspacesObjects_AnswerNotFound()
    {
        var (a, _) = await server.MemberAsync("a-" + Guid.NewGuid().ToString("N")[..8], WorkspaceRole.Editor);
        var (b, bWorkspace) = await server.MemberAsync("b-" + Guid.NewGuid().ToString("N")[..8], WorkspaceRole.Editor);
        await HashPivot.Web.Hosting.SeedOnStart.SeedWorkspaceAsync(server.Store.ForWorkspace(bWorkspace.Id), CancellationToken.None);
        var bPortfolio = (await (await b.GetAsync("/api/v1/portfolios")).Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetInt64();
        var bRun = await (await b.PostAsJsonAsync("/api/v1/dispatch", new { portfolio_id = bPortfolio, site = "North Hub merchant", prices = "synthetic-grid-2024" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var runId = bRun.GetProperty("run_id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/portfolios/{bPortfolio}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/portfolios/{bPortfolio}/compare")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PostAsJsonAsync($"/api/v1/portfolios/{bPortfolio}/value", new { paths = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/portfolios/{bPortfolio}/valuation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.PutAsJsonAsync($"/api/v1/portfolios/{bPortfolio}", new { name = "x", document = "sites: []" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.DeleteAsync($"/api/v1/portfolios/{bPortfolio}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/api/v1/datasets/synthetic-grid-2024")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/runs/{runId}/schedule.xlsx")).StatusCode);
        var dispatch = await a.PostAsJsonAsync("/api/v1/dispatch", new { portfolio_id = bPortfolio, site = "North Hub merchant", prices = "synthetic-grid-2024" });
        Assert.Equal(HttpStatusCode.BadRequest, dispatch.StatusCode); // names portfolio_id as unknown here, like any missing id
        Assert.Empty(await (await a.GetAsync("/api/v1/portfolios")).Content.ReadFromJsonAsync<JsonElement[]>() ?? []);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/v1/portfolios/{bPortfolio}")).StatusCode); // still there for its owner
    }

    [Fact]
    public async Task Viewer_CannotWrite_ButCanRead()
    {
        var (viewer, _) = await server.MemberAsync("v-" + Guid.NewGuid().ToString("N")[..8], WorkspaceRole.Viewer);

        var create = await viewer.PostAsJsonAsync("/api/v1/portfolios", new { name = "x", document = "sites: []" });
        var list = await viewer.GetAsync("/api/v1/portfolios");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task OversizedUpload_Is413ProblemDetail()
    {
        var admin = await server.DemoAdminAsync();
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[server.MaxRequestBytes + 1]), "file", "big.csv" },
            { new StringContent("grid"), "kind" },
        };

        var response = await admin.PostAsync("/api/v1/datasets", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OversizedJsonWithoutLength_Is413ProblemDetail()
    {
        var admin = await server.DemoAdminAsync();
        var body = "{\"name\":\"" + new string('x', (int)server.MaxRequestBytes) + "\"}";
        using var content = new StreamContent(new NonSeekable(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");

        var response = await admin.PostAsync("/api/v1/portfolios", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"document\": ", "$")]
    [InlineData("{\"name\": 5, \"document\": \"sites: []\"}", "$.name")]
    [InlineData("{\"name\": \"x\", \"document\": \"sites: []\", \"surprise\": 1}", "$.surprise")]
    [InlineData("[1, 2]", "$")]
    public async Task MalformedJson_Is400ProblemNamingTheField(string body, string field)
    {
        var admin = await server.DemoAdminAsync();

        var response = await admin.PostAsync("/api/v1/portfolios", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(field, problem.GetProperty("errors")[0].GetProperty("field").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedCsvUpload_Is400ProblemWithEveryBadLine_AndNothingStored()
    {
        var admin = await server.DemoAdminAsync();
        const string csv = "timestamp,value\n2024-01-01T00:00:00Z,30\n2024-01-01T01:00:00Z,abc\nnot-a-time,31\n";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(csv), "file", "prices.csv" },
            { new StringContent("grid"), "kind" },
            { new StringContent("broken"), "name" },
        };

        var response = await admin.PostAsync("/api/v1/datasets", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lines = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(3, lines);
        Assert.Contains(4, lines);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/datasets/broken")).StatusCode);
    }

    [Fact]
    public async Task SecretsAtRest_PasswordsAndTokensAreHashes()
    {
        var admin = await server.DemoAdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "nightly" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("token").GetString()!;

        var user = await server.Store.FindUserAsync("admin@hashpivot.local");
        var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(server.Db));
        var walPath = server.Db + "-wal";
        var wal = File.Exists(walPath) ? Encoding.UTF8.GetString(await File.ReadAllBytesAsync(walPath)) : "";

        Assert.DoesNotContain(ServerFactory.AdminPassword, user!.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, bytes + wal, StringComparison.Ordinal);
        Assert.NotNull(await server.Store.FindApiTokenAsync(HashPivot.Web.Accounts.ApiTokenHandler.Hash(secret)));
        var withNewToken = server.Anonymous();
        withNewToken.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await withNewToken.GetAsync("/api/v1/me")).StatusCode);
    }

    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?\*?([a-zA-Z_]+)(:[a-z]+)?\??\}", m => m.Groups[2].Value == ":long" ? "1" : "x");

    // A body whose length the client cannot know up front (chunked), so only the server's reading limit can stop it.
    private sealed class NonSeekable(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
