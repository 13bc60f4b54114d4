using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HashPivot.Data.Store;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HashPivot.Web.Tests;

// Workspace members (admins only), and a user of several workspaces choosing one: by cookie session or by a token per workspace.
public sealed partial class MemberApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private const string Password = "a long enough password";

    [Fact]
    public async Task AdminAddsAMemberWithAPassword_TheyCanSignIn_AndLoseAccessWhenRemoved()
    {
        var (admin, _) = await server.MemberAsync(Unique("ws"), WorkspaceRole.Admin);
        var email = Unique("new") + "@example.test";

        var added = await admin.PostAsJsonAsync("/api/v1/members", new { email, role = "editor", password = Password });
        var member = await added.Content.ReadFromJsonAsync<JsonElement>();
        var userId = member.GetProperty("user_id").GetInt64();

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal($"/api/v1/members/{userId}", added.Headers.Location!.OriginalString);
        Assert.Equal("editor", member.GetProperty("role").GetString());
        var stored = (await server.Store.FindUserAsync(email))!;
        Assert.DoesNotContain(Password, stored.PasswordHash, StringComparison.Ordinal); // hashed by the framework hasher
        Assert.StartsWith("AQAAAA", stored.PasswordHash, StringComparison.Ordinal); // PasswordHasher v3 format marker
        Assert.Contains((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/members"))!, m => m.GetProperty("email").GetString() == email);

        var session = await SignInAsync(email, Password);
        var token = await NewTokenAsync(session, null);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/portfolios")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/portfolios")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/members/{userId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/portfolios")).StatusCode); // the cookie is re-checked
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/portfolios")).StatusCode);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/members"))!, m => m.GetProperty("email").GetString() == email);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/members/{userId}")).StatusCode);
    }

    [Theory]
    [InlineData(WorkspaceRole.Editor)]
    [InlineData(WorkspaceRole.Viewer)]
    public async Task NonAdmins_AreRefusedEveryMemberRoute(WorkspaceRole role)
    {
        var (client, _) = await server.MemberAsync(Unique("na"), role);
        var me = (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("user_id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/members", new { email = "x@y.test", role = "admin", password = Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/members/{me}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/members/{me}")).StatusCode);
        Assert.Equal(role == WorkspaceRole.Viewer ? "viewer" : "editor", (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task ChangeRole_AppliesAtOnceToTokensAndSessions_AndTheLastAdminStays()
    {
        var (admin, _) = await server.MemberAsync(Unique("cr"), WorkspaceRole.Admin);
        var adminId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("user_id").GetInt64();
        var email = Unique("v") + "@example.test";
        var added = await (await admin.PostAsJsonAsync("/api/v1/members", new { email, role = "viewer", password = Password })).Content.ReadFromJsonAsync<JsonElement>();
        var userId = added.GetProperty("user_id").GetInt64();
        var session = await SignInAsync(email, Password);
        var token = await NewTokenAsync(session, null);
        var portfolio = new { name = Unique("p"), document = "sites: []" };

        Assert.Equal(HttpStatusCode.Forbidden, (await token.PostAsJsonAsync("/api/v1/portfolios", portfolio)).StatusCode);
        var promoted = await admin.PutAsJsonAsync($"/api/v1/members/{userId}", new { role = "editor" });
        Assert.Equal("editor", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.NotEqual(HttpStatusCode.Forbidden, (await token.PostAsJsonAsync("/api/v1/portfolios", portfolio)).StatusCode);
        Assert.Equal("editor", (await session.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("role").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/v1/members/{adminId}", new { role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/members/{adminId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/members/{userId}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/members/{adminId}", new { role = "viewer" })).StatusCode); // now another admin exists
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/members")).StatusCode);
    }

    [Theory]
    [InlineData("""{"email": "not-an-email", "role": "editor", "password": "a long enough password"}""", "email")]
    [InlineData("""{"email": "someone@example.test", "role": "owner", "password": "a long enough password"}""", "role")]
    [InlineData("""{"email": "someone@example.test", "role": "viewer", "password": "short"}""", "password")]
    [InlineData("""{"email": "someone@example.test", "role": "viewer"}""", "password")]
    [InlineData("""{"email": "someone@example.test", "roles": "viewer"}""", "$.roles")]
    public async Task AddMember_BadBody_Is400NamingTheField(string body, string field)
    {
        var (admin, _) = await server.MemberAsync(Unique("bb"), WorkspaceRole.Admin);

        var response = await admin.PostAsync("/api/v1/members", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Null(await server.Store.FindUserAsync("someone@example.test"));
    }

    [Fact]
    public async Task UserOfTwoWorkspaces_ListsThem_AndPicksOneBySessionOrByToken()
    {
        var (adminA, a) = await server.MemberAsync(Unique("a"), WorkspaceRole.Admin);
        var (adminB, b) = await server.MemberAsync(Unique("b"), WorkspaceRole.Admin);
        var email = Unique("two") + "@example.test";
        await adminA.PostAsJsonAsync("/api/v1/members", new { email, role = "editor", password = Password });
        var existing = await adminB.PostAsJsonAsync("/api/v1/members", new { email, role = "viewer" }); // an existing account joins without a password
        Assert.Equal(HttpStatusCode.Created, existing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await adminB.PostAsJsonAsync("/api/v1/members", new { email, role = "viewer" })).StatusCode);
        var bPortfolio = (await server.Store.ForWorkspace(b.Id).CreatePortfolioAsync("in b", "sites: []")).Id;

        var session = await SignInAsync(email, Password);
        var listed = (await session.GetFromJsonAsync<JsonElement[]>("/api/v1/workspaces"))!;
        Assert.Equal([a.Name, b.Name], listed.Select(w => w.GetProperty("name").GetString()).Order());
        var current = listed.Single(w => w.GetProperty("current").GetBoolean());
        var other = current.GetProperty("id").GetInt64() == a.Id ? b : a;

        var selected = await session.PostAsync($"/api/v1/workspaces/{other.Id}/select", null);
        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        var me = await session.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(other.Name, me.GetProperty("workspace").GetString());
        Assert.Equal(other == a ? "editor" : "viewer", me.GetProperty("role").GetString());

        // The dashboard's way: the workspaces page has a form per other workspace (antiforgery checked).
        var page = await session.GetStringAsync("/workspaces");
        var back = other == a ? b : a;
        Assert.Contains($"Switch to {back.Name}", page, StringComparison.Ordinal);
        var forged = await session.PostAsync($"/workspaces/{back.Id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["select"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var switched = await session.PostAsync($"/workspaces/{back.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["select"] = "1",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(back.Name, (await session.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetString());

        var tokenB = await NewTokenAsync(session, b.Id);
        Assert.Equal(b.Name, (await tokenB.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetString());
        Assert.Equal(HttpStatusCode.OK, (await tokenB.GetAsync($"/api/v1/portfolios/{bPortfolio}")).StatusCode);
        var tokenA = await NewTokenAsync(session, a.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await tokenA.GetAsync($"/api/v1/portfolios/{bPortfolio}")).StatusCode);

        var (stranger, foreign) = await server.MemberAsync(Unique("c"), WorkspaceRole.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await session.PostAsync($"/api/v1/workspaces/{foreign.Id}/select", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.PostAsJsonAsync("/api/v1/tokens", new { name = "x", workspace_id = foreign.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tokenB.PostAsync($"/api/v1/workspaces/{a.Id}/select", null)).StatusCode); // tokens stay bound
        Assert.Single((await stranger.GetFromJsonAsync<JsonElement[]>("/api/v1/workspaces"))!);
    }

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/signin");
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<HttpClient> NewTokenAsync(HttpClient session, long? workspaceId)
    {
        var created = await session.PostAsJsonAsync("/api/v1/tokens", new { name = "t", workspace_id = workspaceId });
        created.EnsureSuccessStatusCode();
        var client = server.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
