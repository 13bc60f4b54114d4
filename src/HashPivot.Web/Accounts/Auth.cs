using System.Security.Claims;
using HashPivot.Data.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace HashPivot.Web.Accounts;

/// <summary>Sign-in for people (a cookie) and scripts (a bearer API token), both carrying the user, one workspace and the role there; every route needs one unless marked anonymous.</summary>
internal static class Auth
{
    public const string WorkspaceIdClaim = "hp_workspace_id";
    public const string WorkspaceNameClaim = "hp_workspace_name";
    public const string Editor = "editor";
    public const string Admin = "admin";
    private const string Either = "cookie-or-token";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Either)
            .AddPolicyScheme(Either, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = "hashpivot";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = RevalidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(WorkspaceIdClaim).Build())
            .AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireClaim(WorkspaceIdClaim).RequireRole(Editor, Admin))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(WorkspaceIdClaim).RequireRole(Admin));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentWorkspace>();
    }

    /// <summary>The identity of a member acting in one workspace.</summary>
    public static ClaimsPrincipal Principal(UserAccount user, Membership membership, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Email),
            new Claim(WorkspaceIdClaim, membership.Workspace.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(WorkspaceNameClaim, membership.Workspace.Name),
            new Claim(ClaimTypes.Role, SqlStore.RoleText(membership.Role)),
        ],
        scheme));

    // A cookie names its workspace and role as they were at sign-in: every request re-reads the membership, so a removed member is signed
    // out at once and a changed role applies at once (API tokens do the same through their join on memberships).
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userText || principal.FindFirstValue(WorkspaceIdClaim) is not { } workspaceText)
        {
            context.RejectPrincipal();
            return;
        }

        var userId = long.Parse(userText, System.Globalization.CultureInfo.InvariantCulture);
        var workspaceId = long.Parse(workspaceText, System.Globalization.CultureInfo.InvariantCulture);
        var store = context.HttpContext.RequestServices.GetRequiredService<SqlStore>();
        var membership = (await store.GetMembershipsAsync(userId, context.HttpContext.RequestAborted)).FirstOrDefault(m => m.Workspace.Id == workspaceId);
        if (membership is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (SqlStore.RoleText(membership.Role) != principal.FindFirstValue(ClaimTypes.Role))
        {
            context.ReplacePrincipal(Principal(new UserAccount(userId, principal.Identity?.Name ?? "", ""), membership, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }

    // The API answers 401/403 with a problem detail; pages send people to the sign-in form.
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi") || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Results.Problem(statusCode: status, title: status == 401 ? "Sign in required" : "Not allowed",
                detail: status == 401 ? "Send a bearer API token or sign in at /signin." : "Your role in this workspace does not allow this.").ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
