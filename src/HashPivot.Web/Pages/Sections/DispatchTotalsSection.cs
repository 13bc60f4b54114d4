using System.Globalization;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages.Sections;

/// <summary>The whole-run totals table of a dispatch (USD, MWh, BTC); shared by the dispatch run page and the analysis report.</summary>
internal static class DispatchTotalsSection
{
    /// <summary>The table; <paramref name="id"/> is its HTML id (unique on the page).</summary>
    public static string Render(Data.Analysis.DispatchDocument d, string id)
    {
        ArgumentNullException.ThrowIfNull(d);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <table id="{E(id)}"><caption>Whole run (USD, MWh)</caption><tbody>
            <tr><th scope="row">Mining revenue</th><td class="n">{Usd(d.MiningRevenueUsd)}</td></tr>
            <tr><th scope="row">AI revenue</th><td class="n">{Usd(d.AiRevenueUsd)}</td></tr>
            <tr><th scope="row">Power credits</th><td class="n">{Usd(d.PowerCreditsUsd)}</td></tr>
            <tr><th scope="row">Energy cost</th><td class="n">{Usd(d.EnergyCostUsd)}</td></tr>
            <tr><th scope="row">Margin</th><td class="n"><strong>{Usd(d.MarginUsd)}</strong></td></tr>
            <tr><th scope="row">Strike-price rule margin</th><td class="n">{Usd(d.RuleMarginUsd)}</td></tr>
            <tr><th scope="row">Mined MWh</th><td class="n">{N(d.MinedMwh, 1)}</td></tr>
            <tr><th scope="row">BTC mined</th><td class="n">{N(d.MinedBtc, 4)}</td></tr>
            </tbody></table>
            """);
    }
}
