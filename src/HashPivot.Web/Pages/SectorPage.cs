using System.Globalization;
using System.Text;
using HashPivot.Data.Validation;
using HashPivot.Web.Api;
using HashPivot.Web.Pages.Sections;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>The sector page: GW by company and status, AI backlog by company, and the table with EV per MW, as of a date; CSV and XLSX exports.</summary>
internal static class SectorPage
{
    public static void Map(WebApplication app) => app.MapGet("/sector", Show).ExcludeFromDescription();

    private static IResult Show(HttpContext context, string? asOf)
    {
        var data = EmbeddedSector.Data;
        DateOnly date;
        try
        {
            date = ApiEndpoints.ParseDate(asOf, "as_of") ?? data.LatestDate;
        }
        catch (InputException)
        {
            date = data.LatestDate;
        }

        var view = EmbeddedSector.View(date);
        var (summary, doc) = (view.Summary, view.Document);
        var counted = SectorSection.CountedBacklog(data);
        var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="get" class="grid" action="/sector">
            <label for="as_of">As of<input id="as_of" name="as_of" type="date" value="{iso}"></label>
            <button type="submit">Show</button>
            </form>
            <p>{E(doc.Statement.Text)}</p>
            """);
        body.Append(SectorSection.Render(doc, summary, counted));
        body.Append(CultureInfo.InvariantCulture, $"""
            <p>Export: <a id="export-sector-xlsx" href="/api/v1/sector/table.xlsx?as_of={iso}" download>XLSX</a> · <a id="export-sector-csv" href="/api/v1/sector/table.csv?as_of={iso}" download>CSV</a></p>
            """);
        return Page(context, $"Sector as of {iso}", "Sector", body.ToString());
    }
}
