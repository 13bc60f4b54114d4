using HashPivot.Data.Analysis;

namespace HashPivot.Web.Exports;

/// <summary>The sector table (one row per company and the total): GW by status, AI GW, backlog and run rate (USD), market cap, EV and EV per MW (USD/MW).</summary>
internal static class SectorTable
{
    public static readonly string[] Columns =
    [
        "ticker", "name", "gw_total", "gw_energized", "gw_under_construction", "gw_approved_planned", "gw_status_undisclosed", "gw_prospective",
        "gw_contracted_ai", "ai_backlog_usd", "ai_run_rate_usd_per_year", "market_cap_usd", "market_cap_as_of", "net_debt_usd", "enterprise_value_usd",
        "ev_usd_per_mw_total", "ev_usd_per_mw_energized", "ev_usd_per_mw_contracted",
    ];

    public static ExportTable From(SectorDocument document)
    {
        var rows = document.Companies.Append(document.Total).Select(r => new object?[]
        {
            r.Ticker, r.Name, r.GwTotal, r.GwEnergized, r.GwUnderConstruction, r.GwApprovedPlanned, r.GwStatusUndisclosed, r.GwProspective,
            r.GwContractedAi, r.AiBacklogUsd, r.AiRunRateUsdPerYear, r.MarketCapUsd, r.MarketCapAsOf, r.NetDebtUsd, r.EnterpriseValueUsd,
            r.EvPerMwTotal, r.EvPerMwEnergized, r.EvPerMwContracted,
        }).ToList();
        return new ExportTable(Columns, rows);
    }
}
