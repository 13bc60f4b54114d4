using System.Globalization;
using HashPivot.Engine.Sector;

namespace HashPivot.Data.Analysis;

/// <summary>What <c>hashpivot sector --json</c> and <c>GET /api/v1/sector</c> answer: the listed miners' GW by status, AI contracts (USD) and EV per MW as of a date.</summary>
public sealed record SectorDocument(
    string AsOf, IReadOnlyList<string> IncludedStatuses, double TotalGw, IReadOnlyList<CompanyRow> Companies, CompanyRow Total,
    IReadOnlyList<GroupRow> ByStatus, IReadOnlyList<GroupRow> ByUse, IReadOnlyList<GroupRow> ByMarket, StatementRow Statement, IReadOnlyList<SectorEventRow> Events)
{
    /// <summary>The sector as of <paramref name="asOf"/>: the roll-up per company and in total, GW by status, use and market, the coverage statement and the events so far.</summary>
    public static SectorDocument Build(SectorDataset data, DateOnly asOf, SectorSummary summary)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(summary);
        var rows = summary.Companies.Select(r => Row(r, data.Companies.First(c => c.Ticker == r.Ticker))).ToList();
        var events = data.EventsAsOf(asOf).Select(e => new SectorEventRow(e.Date.Text, e.Company, e.Site, e.Kind, e.Power?.Value, e.Description, e.Source)).ToList();
        return new SectorDocument(
            asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            summary.Statement.IncludedStatuses.Select(SectorRollup.Name).ToList(),
            summary.Total.GwTotal,
            rows,
            Row(summary.Total, null),
            summary.ByStatus.Select(g => new GroupRow(g.Key, g.Gw)).ToList(),
            summary.ByUse.Select(g => new GroupRow(g.Key, g.Gw)).ToList(),
            summary.ByMarket.Select(g => new GroupRow(g.Key, g.Gw)).ToList(),
            new StatementRow(summary.Statement.DisclosedGw, summary.Statement.ProspectiveGw, summary.Statement.CompaniesWithMw,
                summary.Statement.CompaniesCovered, summary.Statement.BernsteinGw, summary.Statement.BernsteinCompanies, summary.Statement.GapGw,
                summary.Statement.DisclosedAiGw, summary.Statement.DisclosedAiValue.Value, summary.Statement.BernsteinAiGw,
                summary.Statement.BernsteinAiValue.Value, summary.Statement.Text),
            events);
    }

    /// <summary>The sector as of <paramref name="asOf"/> (default: the dataset's latest date).</summary>
    public static SectorDocument Build(SectorDataset data, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var date = asOf ?? data.LatestDate;
        return Build(data, date, SectorRollup.Summarize(data, date));
    }

    private static CompanyRow Row(CompanyRollup r, SectorCompany? company)
    {
        var valuation = company is null ? null : SectorValuation.Of(company, r);
        return new CompanyRow(
            r.Ticker, r.Name, r.GwTotal, r.GwEnergized, r.GwUnderConstruction, r.GwApprovedPlanned, r.GwStatusUndisclosed, r.GwProspective,
            r.GwContractedAi, r.GwContractedAi, r.AiBacklog.Value, r.AiRunRatePerYear.Value, r.ContractsWithoutMw, r.SitesWithoutMw,
            company?.MarketCap?.Value, company?.MarketCapAsOf?.Text, company?.NetDebt?.Value, valuation?.EnterpriseValue?.Value,
            valuation?.EvPerMwTotal, valuation?.EvPerMwEnergized, valuation?.EvPerMwContracted, valuation?.MarketCapPerMwTotal,
            valuation?.ImpliedLow.Value, valuation?.ImpliedHigh.Value);
    }
}

/// <summary>One company (or the total) in <c>hashpivot sector --json</c>; null = not disclosed.</summary>
public sealed record CompanyRow(
    string Ticker, string Name, double GwTotal, double GwEnergized, double GwUnderConstruction, double GwApprovedPlanned,
    double GwStatusUndisclosed, double GwProspective, double GwContractedAi, double GwAiContracted, double AiBacklogUsd,
    double AiRunRateUsdPerYear, int ContractsWithoutMw, int SitesWithoutMw, double? MarketCapUsd, string? MarketCapAsOf,
    double? NetDebtUsd, double? EnterpriseValueUsd, double? EvPerMwTotal, double? EvPerMwEnergized, double? EvPerMwContracted,
    double? MarketCapPerMwTotal, double? ImpliedValueLowUsd, double? ImpliedValueHighUsd);

/// <summary>GW of one status, use or market.</summary>
public sealed record GroupRow(string Key, double Gw);

/// <summary>The coverage statement against Bernstein's figures.</summary>
public sealed record StatementRow(
    double DisclosedGw, double ProspectiveGw, int CompaniesWithMw, int CompaniesCovered, double BernsteinGw, int BernsteinCompanies,
    double GapGw, double DisclosedAiGw, double DisclosedAiValueUsd, double BernsteinAiGw, double BernsteinAiValueUsd, string Text);

/// <summary>A dated sector event up to the as-of date (MW where disclosed).</summary>
public sealed record SectorEventRow(string Date, string Company, string Site, string Event, double? Mw, string Description, string Source);

/// <summary>One AI/HPC contract in <c>hashpivot contracts --json</c> and the API: value (USD), MW of critical IT, implied USD/kW-month and USD/MW-year, NOI (USD/year).</summary>
public sealed record ContractRow(
    string Company, string Counterparty, string Site, string Kind, double? MwCriticalIt, double TotalValueUsd, double TermYears,
    string Announced, bool InTotals, double? UsdPerKwMonth, double? UsdPerMwYear, double RevenueUsdPerYear, double NoiMargin,
    double NoiUsdPerYear, string Backstop, string Source)
{
    /// <summary>Every contract of the dataset with its implied rates.</summary>
    public static IReadOnlyList<ContractRow> All(SectorDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Contracts.Select(c => ContractEconomics.Of(c)).Select(e => new ContractRow(
            e.Contract.Company, e.Contract.Counterparty, e.Contract.Site, e.Contract.Kind == ContractKind.GpuCloud ? "gpu_cloud" : "colocation",
            e.Contract.CriticalIt?.Value, e.Contract.TotalValue.Value, e.Contract.TermYears, e.Contract.Announced.Text, e.Contract.InTotals,
            e.Rate?.PerKwMonth.Value, e.Rate?.PerMwYear.Value, e.AnnualRevenue.Value, e.NoiMargin, e.AnnualNoi.Value, e.Contract.Backstop, e.Contract.Source)).ToList();
    }
}
