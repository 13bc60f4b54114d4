using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages.Sections;

/// <summary>The mine-or-host HTML of a comparison (USD per MW-year): network line, per-site chart, table and totals; shared by the portfolio page and the analysis report.</summary>
internal static class EconomicsSection
{
    /// <summary>The section; <paramref name="siteLink"/> gives an extra last cell per site index (the dashboard's dispatch link), or null for none.</summary>
    public static string Render(CompareDocument doc, Func<int, string>? siteLink)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var n = doc.Network;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p>Network: BTC {Usd(n.BtcPriceUsd)}, difficulty {N(n.Difficulty / 1e12, 2)} T ({N(n.NetworkHashrateEhS, 0)} EH/s), subsidy {N(n.SubsidyBtc, 3)} + fees {N(n.FeesBtcPerBlock, 3)} BTC/block:
            hashprice <strong>{Usd(n.HashpriceUsdPerPhDay, 2)}/PH/day</strong>.</p>
            """);
        var margins = doc.Sites.Select(s => new SiteEconomicsChart.SiteMargins(s.Name, s.Mining?.MarginUsdPerMwYear, s.Lease.MarginAfterCapitalUsdPerMwYear, s.GpuCloud.MarginAfterCapitalUsdPerMwYear)).ToList();
        body.Append(Figure("economics-chart", "Per-site margin per MW-year: mining (per MW of mining load) against lease and GPU cloud net of the capital charge (per MW of grid connection).",
            SiteEconomicsChart.Svg(margins)));
        body.Append(CultureInfo.InvariantCulture, $"""
            <table id="economics"><caption>Mine or host, per site (USD per MW-year)</caption>
            <thead><tr><th scope="col">Site</th><th scope="col">Market</th><th scope="col">Grid MW</th><th scope="col">Mining MW</th><th scope="col">AI MW</th><th scope="col">Power USD/MWh</th>
            <th scope="col">Mining margin</th><th scope="col">Strike USD/MWh</th><th scope="col">Lease net of capital</th><th scope="col">GPU cloud net of capital</th>
            <th scope="col">Best use</th><th scope="col">Ahead by</th>{(siteLink is null ? "" : "<th scope=\"col\">Dispatch</th>")}</tr></thead><tbody>
            """);
        for (var i = 0; i < doc.Sites.Count; i++)
        {
            var s = doc.Sites[i];
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr><th scope="row">{E(s.Name)}</th><td>{E(s.Market)}</td><td class="n">{N(s.InterconnectionMw, 0)}</td><td class="n">{N(s.MiningLoadMw, 1)}</td><td class="n">{N(s.AiLoadMw, 1)}</td>
                <td class="n">{Usd(s.PowerPrice.AverageUsdPerMwh, 2)}</td><td class="n">{UsdM(s.Mining?.MarginUsdPerMwYear)}</td><td class="n">{Usd(s.Mining?.StrikePriceUsdPerMwh, 2)}</td>
                <td class="n">{UsdM(s.Lease.MarginAfterCapitalUsdPerMwYear)}</td><td class="n">{UsdM(s.GpuCloud.MarginAfterCapitalUsdPerMwYear)}</td>
                <td>{E(s.BestUse)}</td><td class="n">{UsdM(s.AdvantageUsdPerMwYear)}</td>{(siteLink is null ? "" : $"<td>{siteLink(i)}</td>")}</tr>
                """);
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            </tbody></table>
            <p>Totals: {N(doc.Totals.InterconnectionMw, 0)} MW of grid connection, mining margin {UsdM(doc.Totals.MiningMarginUsdPerYear)} per year, AI margin {UsdM(doc.Totals.AiMarginUsdPerYear)} per year.</p>
            <p class="note">Best use ranks mining margin (miners already installed) against AI margins net of the annual capital charge of converting.</p>
            """);
        return body.ToString();
    }
}
