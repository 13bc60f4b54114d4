using System.Globalization;
using System.Security.Claims;
using HashPivot.Data.Store;

namespace HashPivot.Web.Accounts;

/// <summary>The signed-in member of this request: user id, email, workspace and role, and the store seen from that workspace (other workspaces' objects do not exist in it).</summary>
internal sealed class CurrentWorkspace(IHttpContextAccessor accessor, SqlStore store)
{
    private WorkspaceStore? _store;

    private ClaimsPrincipal User => accessor.HttpContext?.User ?? throw new InvalidOperationException("no request");

    public long WorkspaceId => long.Parse(User.FindFirstValue(Auth.WorkspaceIdClaim) ?? throw new InvalidOperationException("not signed in"), CultureInfo.InvariantCulture);

    public string WorkspaceName => User.FindFirstValue(Auth.WorkspaceNameClaim) ?? "";

    public long UserId => long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", CultureInfo.InvariantCulture);

    public string Email => User.Identity?.Name ?? "";

    public string Role => User.FindFirstValue(ClaimTypes.Role) ?? "";

    public bool CanEdit => Role is Auth.Editor or Auth.Admin;

    public WorkspaceStore Store => _store ??= store.ForWorkspace(WorkspaceId);
}
