using HashPivot.Data.Store;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using Microsoft.AspNetCore.Mvc;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>The workspaces of the signed-in user, each with a button that switches the session to it (a plain form post).</summary>
internal static class WorkspacesPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/workspaces", async (HttpContext context, CurrentWorkspace w, SqlStore store) =>
        {
            var body = new System.Text.StringBuilder("""<table id="workspaces"><caption>Your workspaces</caption><thead><tr><th scope="col">Workspace</th><th scope="col">Your role</th><th scope="col"></th></tr></thead><tbody>""");
            foreach (var m in await store.GetMembershipsAsync(w.UserId, context.RequestAborted))
            {
                var action = m.Workspace.Id == w.WorkspaceId
                    ? "<strong>current</strong>"
                    : $"""<form method="post" class="inline" action="/workspaces/{m.Workspace.Id}">{AntiforgeryField(context)}<input type="hidden" name="select" value="1"><button type="submit">Switch to {E(m.Workspace.Name)}</button></form>""";
                body.Append($"""<tr><th scope="row">{E(m.Workspace.Name)}</th><td>{E(SqlStore.RoleText(m.Role))}</td><td>{action}</td></tr>""");
            }

            body.Append("</tbody></table><p class=\"note\">API tokens are bound to one workspace: <code>POST /api/v1/tokens</code> with <code>workspace_id</code>.</p>");
            return Page(context, "Workspaces", "Workspaces", body.ToString());
        }).ExcludeFromDescription();

        // A form post (antiforgery checked, as every form field binding is): the session now acts in that workspace.
        app.MapPost("/workspaces/{id:long}", async (long id, [FromForm] string? select, HttpContext context, CurrentWorkspace w, SqlStore store) =>
            await MemberEndpoints.SwitchAsync(context, w, store, id) is null
                ? PortfolioPages.NotFound(context, $"membership of workspace {id}")
                : Results.Redirect("/portfolios")).ExcludeFromDescription();
    }
}
