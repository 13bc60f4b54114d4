using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Validation;
using HashPivot.Engine.Sector;
using HashPivot.Web.Api;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>The sector page: GW by company and status, AI backlog by company, and the table with EV per MW, as of a date; CSV and XLSX exports.</summary>
internal static class SectorPage
{
    public static void Map(WebApplication app) => app.MapGet("/sector", Show).ExcludeFromDescription();

    private static IResult Show(HttpContext context, string? asOf)
    {
        var data = ApiEndpoints.SectorData();
        DateOnly date;
        try
        {
            date = ApiEndpoints.ParseDate(asOf, "as_of") ?? data.LatestDate;
        }
        catch (InputException)
        {
            date = data.LatestDate;
        }

        var summary = SectorRollup.Summarize(data, date);
        var doc = SectorDocument.Build(data, date, summary);
        var counted = ContractRow.All(data).Where(r => r.InTotals).Select(r => new AiBacklogChart.Contract(r.Company, r.Kind, r.TotalValueUsd)).ToList();
        var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="get" class="grid" action="/sector">
            <label for="as_of">As of<input id="as_of" name="as_of" type="date" value="{iso}"></label>
            <button type="submit">Show</button>
            </form>
            <p>{E(doc.Statement.Text)}</p>
            """);
        body.Append(Figure("sector-chart", "GW by company, stacked by status (prospective GW left out)", SectorGwChart.Svg(summary)));
        if (counted.Count > 0)
        {
            body.Append(Figure("backlog-chart", "AI/HPC backlog by company (USD billions, contract values as announced)", AiBacklogChart.Svg(counted)));
        }

        body.Append("""
            <table id="sector-table"><caption>Listed miners' power and value (GW as disclosed; AI GW = critical IT; n/d = not disclosed)</caption>
            <thead><tr><th scope="col">Ticker</th><th scope="col">GW total</th><th scope="col">Energized</th><th scope="col">Under constr.</th><th scope="col">Approved/planned</th>
            <th scope="col">Prospective</th><th scope="col">AI GW</th><th scope="col">AI backlog</th><th scope="col">Market cap</th><th scope="col">EV</th>
            <th scope="col">EV per MW (total)</th><th scope="col">EV per MW (energized)</th></tr></thead><tbody>
            """);
        foreach (var r in doc.Companies.Append(doc.Total))
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr><th scope="row">{E(r.Ticker)}</th><td class="n">{N(r.GwTotal, 2)}</td><td class="n">{N(r.GwEnergized, 2)}</td><td class="n">{N(r.GwUnderConstruction, 2)}</td>
                <td class="n">{N(r.GwApprovedPlanned, 2)}</td><td class="n">{N(r.GwProspective, 2)}</td><td class="n">{N(r.GwContractedAi, 2)}</td>
                <td class="n">{UsdM(r.AiBacklogUsd)}</td><td class="n">{UsdM(r.MarketCapUsd)}</td><td class="n">{UsdM(r.EnterpriseValueUsd)}</td>
                <td class="n">{UsdM(r.EvPerMwTotal)}</td><td class="n">{UsdM(r.EvPerMwEnergized)}</td></tr>
                """);
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            </tbody></table>
            <p>Export: <a id="export-sector-xlsx" href="/api/v1/sector/table.xlsx?as_of={iso}" download>XLSX</a> · <a id="export-sector-csv" href="/api/v1/sector/table.csv?as_of={iso}" download>CSV</a></p>
            """);
        return Page(context, $"Sector as of {iso}", "Sector", body.ToString());
    }
}
