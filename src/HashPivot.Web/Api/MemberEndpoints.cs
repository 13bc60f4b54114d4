using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HashPivot.Web.Api;

/// <summary>Body of <c>POST /api/v1/members</c>: who joins the workspace and with which role; a new account also needs its password.</summary>
public sealed class MemberRequest
{
    /// <summary>The sign-in email; an existing account joins as it is, otherwise one is created.</summary>
    public string? Email { get; set; }

    /// <summary>viewer, editor or admin.</summary>
    public string? Role { get; set; }

    /// <summary>The new account's password (at least 12 characters; stored only as the framework hasher's hash); ignored for an existing account.</summary>
    public string? Password { get; set; }
}

/// <summary>Body of <c>PUT /api/v1/members/{user_id}</c>: the member's new role.</summary>
public sealed class RoleRequest
{
    /// <summary>viewer, editor or admin.</summary>
    public string? Role { get; set; }
}

/// <summary>A workspace member: user id, email and role.</summary>
public sealed record MemberView(long UserId, string Email, string Role)
{
    /// <summary>The view of a stored member.</summary>
    public static MemberView From(WorkspaceMember m) => new(m.UserId, m.Email, SqlStore.RoleText(m.Role));
}

/// <summary>A workspace the caller belongs to, their role there, and whether this request acts in it.</summary>
public sealed record WorkspaceView(long Id, string Name, string Role, bool Current);

/// <summary>
/// Workspace members (admins only) and the caller's workspaces. A sign-in acts in one workspace at a time: a cookie session switches with
/// <c>POST /api/v1/workspaces/{id}/select</c>; an API token is bound to the workspace it was made for (<c>POST /api/v1/tokens</c> with
/// <c>workspace_id</c>). Both re-read the membership on every request, so a removed member loses access at once and a role change applies at once.
/// </summary>
internal static class MemberEndpoints
{
    public const int MinPasswordLength = 12;

    public static void Map(RouteGroupBuilder api)
    {
        var members = api.MapGroup("/members").RequireAuthorization(Auth.Admin);
        members.MapGet("/", async (CurrentWorkspace w, SqlStore store, CancellationToken ct) =>
            (await store.ListMembersAsync(w.WorkspaceId, ct)).Select(MemberView.From).ToList())
            .WithSummary("The workspace's members and roles (admins only).");
        members.MapPost("/", AddAsync).Accepts<MemberRequest>("application/json").Produces<MemberView>(StatusCodes.Status201Created)
            .WithSummary("Adds a user with a role (admins only); a new email creates the account with the given password (hashed with the framework hasher, never stored or logged in clear).");
        members.MapPut("/{userId:long}", ChangeRoleAsync).Accepts<RoleRequest>("application/json").Produces<MemberView>()
            .WithSummary("Changes a member's role (admins only); the last admin cannot be demoted.");
        members.MapDelete("/{userId:long}", RemoveAsync)
            .WithSummary("Removes a member from the workspace (admins only): their sessions and tokens lose access at once; the account stays. The last admin cannot be removed.");

        api.MapGet("/workspaces", async (CurrentWorkspace w, SqlStore store, CancellationToken ct) =>
            (await store.GetMembershipsAsync(w.UserId, ct)).Select(m => new WorkspaceView(m.Workspace.Id, m.Workspace.Name, SqlStore.RoleText(m.Role), m.Workspace.Id == w.WorkspaceId)).ToList())
            .WithSummary("The workspaces you belong to, your role in each, and which one this request acts in.");
        api.MapPost("/workspaces/{id:long}/select", SelectAsync)
            .WithSummary("Switches a signed-in (cookie) session to another of your workspaces; API tokens are bound to one workspace (make one per workspace with POST /api/v1/tokens and workspace_id).");
    }

    /// <summary>The role named in a body, or a located problem.</summary>
    public static WorkspaceRole ParseRole(string? role) => role switch
    {
        "viewer" => WorkspaceRole.Viewer,
        "editor" => WorkspaceRole.Editor,
        "admin" => WorkspaceRole.Admin,
        _ => throw new InputException(new InputProblem("request body", 0, 0, "role", $"must be viewer, editor or admin, got '{role}'")),
    };

    private static async Task<IResult> AddAsync(HttpRequest request, CurrentWorkspace w, SqlStore store, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<MemberRequest>(request);
        var problems = new List<InputProblem>();
        var email = body.Email?.Trim() ?? "";
        if (email.Length is 0 or > 254 || email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add(new InputProblem("request body", 0, 0, "email", "must be an email address (name@domain, at most 254 characters)"));
        }

        WorkspaceRole role = default;
        try
        {
            role = ParseRole(body.Role);
        }
        catch (InputException e)
        {
            problems.AddRange(e.Problems);
        }

        var user = problems.Count == 0 ? await store.FindUserAsync(email, ct) : null;
        if (problems.Count == 0 && user is null && (body.Password is null || body.Password.Length < MinPasswordLength))
        {
            problems.Add(new InputProblem("request body", 0, 0, "password", $"a new account needs a password of at least {MinPasswordLength} characters"));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        if (user is not null && (await store.ListMembersAsync(w.WorkspaceId, ct)).Any(m => m.UserId == user.Id))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already a member",
                detail: $"{email} is already a member; change their role with PUT /api/v1/members/{user.Id}.");
        }

        user ??= await store.CreateUserAsync(email, Passwords.Hash(body.Password!), ct);
        await store.SetMembershipAsync(w.WorkspaceId, user.Id, role, ct);
        return Results.Created($"/api/v1/members/{user.Id}", new MemberView(user.Id, user.Email, SqlStore.RoleText(role)));
    }

    private static async Task<IResult> ChangeRoleAsync(long userId, HttpRequest request, CurrentWorkspace w, SqlStore store, CancellationToken ct)
    {
        var role = ParseRole((await ApiJson.ReadAsync<RoleRequest>(request)).Role);
        var all = await store.ListMembersAsync(w.WorkspaceId, ct);
        if (all.FirstOrDefault(m => m.UserId == userId) is not { } member)
        {
            return NotFound(userId);
        }

        if (member.Role == WorkspaceRole.Admin && role != WorkspaceRole.Admin && all.Count(m => m.Role == WorkspaceRole.Admin) == 1)
        {
            return LastAdmin();
        }

        await store.SetMembershipAsync(w.WorkspaceId, userId, role, ct);
        return Results.Ok(new MemberView(userId, member.Email, SqlStore.RoleText(role)));
    }

    private static async Task<IResult> RemoveAsync(long userId, CurrentWorkspace w, SqlStore store, CancellationToken ct)
    {
        var all = await store.ListMembersAsync(w.WorkspaceId, ct);
        if (all.FirstOrDefault(m => m.UserId == userId) is not { } member)
        {
            return NotFound(userId);
        }

        if (member.Role == WorkspaceRole.Admin && all.Count(m => m.Role == WorkspaceRole.Admin) == 1)
        {
            return LastAdmin();
        }

        await store.RemoveMembershipAsync(w.WorkspaceId, userId, ct);
        return Results.NoContent();
    }

    private static async Task<IResult> SelectAsync(long id, HttpContext context, CurrentWorkspace w, SqlStore store, CancellationToken ct)
    {
        if (context.User.Identity?.AuthenticationType != CookieAuthenticationDefaults.AuthenticationScheme)
        {
            throw new InputException(new InputProblem("request", 0, 0, "Authorization",
                "an API token is bound to the workspace it was made for; make one for the other workspace with POST /api/v1/tokens and workspace_id"));
        }

        return await SwitchAsync(context, w, store, id) is { } membership
            ? Results.Ok(new WorkspaceView(membership.Workspace.Id, membership.Workspace.Name, SqlStore.RoleText(membership.Role), true))
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"You are not a member of workspace '{id}'.");
    }

    /// <summary>Re-issues the session cookie for the caller's membership of workspace <paramref name="id"/>; null when they are not a member.</summary>
    public static async Task<Membership?> SwitchAsync(HttpContext context, CurrentWorkspace w, SqlStore store, long id)
    {
        if ((await store.GetMembershipsAsync(w.UserId, context.RequestAborted)).FirstOrDefault(m => m.Workspace.Id == id) is not { } membership)
        {
            return null;
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Auth.Principal(new UserAccount(w.UserId, w.Email, ""), membership, CookieAuthenticationDefaults.AuthenticationScheme));
        return membership;
    }

    private static IResult NotFound(long userId) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: $"User '{userId}' is not a member of this workspace.");

    private static IResult LastAdmin() => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last admin",
        detail: "The workspace needs at least one admin: make another member admin first.");
}
