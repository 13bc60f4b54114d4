using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Engine.Sector;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages.Sections;

/// <summary>The sector HTML (GW by company and status, AI backlog in USD, EV per MW): both charts and the table; shared by the sector page and the analysis report.</summary>
internal static class SectorSection
{
    /// <summary>The AI contracts counted in the backlog totals, as the backlog chart draws them (USD).</summary>
    public static IReadOnlyList<AiBacklogChart.Contract> CountedBacklog(SectorDataset data) =>
        ContractRow.All(data).Where(r => r.InTotals).Select(r => new AiBacklogChart.Contract(r.Company, r.Kind, r.TotalValueUsd)).ToList();

    /// <summary>The charts and the table of <paramref name="doc"/>.</summary>
    public static string Render(SectorDocument doc, SectorSummary summary, IReadOnlyList<AiBacklogChart.Contract> counted)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(counted);
        var body = new StringBuilder();
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

        body.Append("</tbody></table>");
        return body.ToString();
    }
}
