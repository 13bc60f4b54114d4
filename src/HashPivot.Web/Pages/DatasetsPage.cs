using System.Globalization;
using System.Text;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>The datasets of the workspace (uploads go through <c>POST /api/v1/datasets</c>).</summary>
internal static class DatasetsPage
{
    public static void Map(WebApplication app) => app.MapGet("/datasets", async (HttpContext context, CurrentWorkspace w) =>
    {
        var body = new StringBuilder("""<table id="datasets"><caption>Datasets in this workspace</caption><thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Source</th><th scope="col">Imported (UTC)</th><th scope="col">Series</th><th scope="col">Points</th></tr></thead><tbody>""");
        foreach (var d in (await w.Store.ListDatasetsAsync(context.RequestAborted)).Select(DatasetView.From))
        {
            body.Append(CultureInfo.InvariantCulture, $"""<tr><th scope="row">{E(d.Name)}</th><td>{E(d.Kind)}</td><td>{E(d.Source)}</td><td>{E(d.ImportedAtUtc)}</td><td class="n">{d.SeriesCount}</td><td class="n">{N(d.PointCount, 0)}</td></tr>""");
        }

        body.Append("</tbody></table><p class=\"note\">Upload a CSV with <code>POST /api/v1/datasets</code> (multipart: file, name, kind, replace).</p>");
        return Page(context, "Datasets", "Datasets", body.ToString());
    }).ExcludeFromDescription();
}
