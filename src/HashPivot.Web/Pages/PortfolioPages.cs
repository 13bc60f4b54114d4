using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Validation;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>Portfolio pages: the list, and the overview of one portfolio (per-site mine-vs-host economics as a table and a chart).</summary>
internal static class PortfolioPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/portfolios", ListAsync).ExcludeFromDescription();
        app.MapGet("/portfolios/{id:long}", OverviewAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(HttpContext context, CurrentWorkspace w)
    {
        var portfolios = await w.Store.ListPortfoliosAsync(context.RequestAborted);
        var body = new StringBuilder("<ul>");
        foreach (var p in portfolios)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<li><a href="/portfolios/{p.Id}">{E(p.Name)}</a> <span class="note">updated {PortfolioView.Iso(p.UpdatedUtc)}</span></li>""");
        }

        body.Append("</ul>");
        if (portfolios.Count == 0)
        {
            body.Append("<p>No portfolio yet: create one with <code>POST /api/v1/portfolios</code> (see the API reference).</p>");
        }

        return Page(context, "Portfolios", "Portfolios", body.ToString());
    }

    private static async Task<IResult> OverviewAsync(long id, HttpContext context, CurrentWorkspace w)
    {
        if (await w.Store.GetPortfolioAsync(id, context.RequestAborted) is not { } record)
        {
            return NotFound(context, $"portfolio {id}");
        }

        CompareDocument doc;
        try
        {
            doc = CompareDocument.Run(Portfolios.Load(w.Store, record));
        }
        catch (InputException e)
        {
            return Page(context, record.Name, "Portfolios", $"<p class=\"error\" role=\"alert\">The portfolio does not load:</p><ul>{string.Concat(e.Problems.Select(p => $"<li>{E(p.ToString())}</li>"))}</ul>", 400);
        }

        var n = doc.Network;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p>Network: BTC {Usd(n.BtcPriceUsd)}, difficulty {N(n.Difficulty / 1e12, 2)} T ({N(n.NetworkHashrateEhS, 0)} EH/s), subsidy {N(n.SubsidyBtc, 3)} + fees {N(n.FeesBtcPerBlock, 3)} BTC/block:
            hashprice <strong>{Usd(n.HashpriceUsdPerPhDay, 2)}/PH/day</strong>.</p>
            """);
        var margins = doc.Sites.Select(s => new SiteEconomicsChart.SiteMargins(s.Name, s.Mining?.MarginUsdPerMwYear, s.Lease.MarginAfterCapitalUsdPerMwYear, s.GpuCloud.MarginAfterCapitalUsdPerMwYear)).ToList();
        body.Append(Figure("economics-chart", "Per-site margin per MW-year: mining (per MW of mining load) against lease and GPU cloud net of the capital charge (per MW of grid connection).",
            SiteEconomicsChart.Svg(margins)));
        body.Append("""
            <table id="economics"><caption>Mine or host, per site (USD per MW-year)</caption>
            <thead><tr><th scope="col">Site</th><th scope="col">Market</th><th scope="col">Grid MW</th><th scope="col">Mining MW</th><th scope="col">AI MW</th><th scope="col">Power USD/MWh</th>
            <th scope="col">Mining margin</th><th scope="col">Strike USD/MWh</th><th scope="col">Lease net of capital</th><th scope="col">GPU cloud net of capital</th>
            <th scope="col">Best use</th><th scope="col">Ahead by</th><th scope="col">Dispatch</th></tr></thead><tbody>
            """);
        for (var i = 0; i < doc.Sites.Count; i++)
        {
            var s = doc.Sites[i];
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr><th scope="row">{E(s.Name)}</th><td>{E(s.Market)}</td><td class="n">{N(s.InterconnectionMw, 0)}</td><td class="n">{N(s.MiningLoadMw, 1)}</td><td class="n">{N(s.AiLoadMw, 1)}</td>
                <td class="n">{Usd(s.PowerPrice.AverageUsdPerMwh, 2)}</td><td class="n">{UsdM(s.Mining?.MarginUsdPerMwYear)}</td><td class="n">{Usd(s.Mining?.StrikePriceUsdPerMwh, 2)}</td>
                <td class="n">{UsdM(s.Lease.MarginAfterCapitalUsdPerMwYear)}</td><td class="n">{UsdM(s.GpuCloud.MarginAfterCapitalUsdPerMwYear)}</td>
                <td>{E(s.BestUse)}</td><td class="n">{UsdM(s.AdvantageUsdPerMwYear)}</td>
                <td><a href="/portfolios/{record.Id}/sites/{i}/dispatch">Dispatch {E(s.Name)}</a></td></tr>
                """);
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            </tbody></table>
            <p>Totals: {N(doc.Totals.InterconnectionMw, 0)} MW of grid connection, mining margin {UsdM(doc.Totals.MiningMarginUsdPerYear)} per year, AI margin {UsdM(doc.Totals.AiMarginUsdPerYear)} per year.</p>
            <p class="note">Best use ranks mining margin (miners already installed) against AI margins net of the annual capital charge of converting. JSON: <a href="/api/v1/portfolios/{record.Id}/compare">/api/v1/portfolios/{record.Id}/compare</a>.</p>
            """);
        return Page(context, record.Name, "Portfolios", body.ToString());
    }

    internal static IResult NotFound(HttpContext context, string what) =>
        Page(context, "Not found", "", $"<p>No {E(what)} in this workspace.</p>", 404);
}
