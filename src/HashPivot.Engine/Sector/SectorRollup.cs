using System.Globalization;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sector;

/// <summary>One company's (or the total's) power and AI contracts as of a date: GW by status as disclosed, GW contracted to AI (critical IT), backlog (USD) and run rate (USD/year).</summary>
/// <param name="Ticker">Ticker, or "TOTAL".</param>
/// <param name="Name">Company name.</param>
/// <param name="GwTotal">Disclosed GW in the included statuses (grid and IT bases summed as disclosed).</param>
/// <param name="GwEnergized">GW energized.</param>
/// <param name="GwUnderConstruction">GW under construction.</param>
/// <param name="GwApprovedPlanned">GW approved or planned.</param>
/// <param name="GwStatusUndisclosed">GW whose status is not disclosed.</param>
/// <param name="GwProspective">GW under exclusivity or evaluation only (reported, not in <see cref="GwTotal"/> unless included).</param>
/// <param name="GwCriticalItBasis">Part of <see cref="GwTotal"/> disclosed as critical-IT rather than grid MW.</param>
/// <param name="GwContractedAi">Critical-IT GW under AI/HPC contracts counted in totals.</param>
/// <param name="GwContractedColocation">Of which colocation leases.</param>
/// <param name="GwContractedGpuCloud">Of which GPU-cloud contracts.</param>
/// <param name="AiBacklog">Sum of contract values as announced (USD; not reduced for revenue already earned).</param>
/// <param name="AiRunRatePerYear">Sum of value ÷ term (USD/year).</param>
/// <param name="ContractsWithoutMw">Contracts in the totals whose MW is not disclosed (their value counts, their MW cannot).</param>
/// <param name="SitesWithoutMw">Site rows with no disclosed MW.</param>
public sealed record CompanyRollup(
    string Ticker,
    string Name,
    double GwTotal,
    double GwEnergized,
    double GwUnderConstruction,
    double GwApprovedPlanned,
    double GwStatusUndisclosed,
    double GwProspective,
    double GwCriticalItBasis,
    double GwContractedAi,
    double GwContractedColocation,
    double GwContractedGpuCloud,
    Usd AiBacklog,
    Usd AiRunRatePerYear,
    int ContractsWithoutMw,
    int SitesWithoutMw);

/// <summary>GW (disclosed, included statuses) summed over one grouping key such as a status, use or market.</summary>
/// <param name="Key">The group, e.g. "energized", "ERCOT" or "(not stated)".</param>
/// <param name="Gw">GW in the group.</param>
public sealed record GroupTotal(string Key, double Gw);

/// <summary>How far company-disclosed figures get towards Bernstein's "&gt;27 GW / 11 miners" and "&gt;$90B covering 3.7 GW" (domain.md §0), with the statuses included.</summary>
/// <param name="IncludedStatuses">Statuses summed into the disclosed total.</param>
/// <param name="DisclosedGw">Sum of disclosed GW in those statuses.</param>
/// <param name="ProspectiveGw">GW under exclusivity/evaluation, shown apart.</param>
/// <param name="CompaniesWithMw">Companies with at least one disclosed MW figure.</param>
/// <param name="CompaniesCovered">Companies in the dataset.</param>
/// <param name="BernsteinGw">Bernstein's figure: &gt;27 GW (19 May 2026).</param>
/// <param name="BernsteinCompanies">Bernstein's count: 11 public miners.</param>
/// <param name="GapGw">BernsteinGw − DisclosedGw: what the disclosed sum does not reach (per-company split NOT FOUND).</param>
/// <param name="DisclosedAiGw">Critical-IT GW under AI contracts in the dataset.</param>
/// <param name="DisclosedAiValue">Their total value (USD).</param>
/// <param name="BernsteinAiGw">Bernstein: 3.7 GW under AI-related agreements.</param>
/// <param name="BernsteinAiValue">Bernstein: &gt;$90B of AI-related agreements (USD).</param>
/// <param name="Text">The statement in words.</param>
public sealed record CoverageStatement(
    IReadOnlyList<SiteStatus> IncludedStatuses,
    double DisclosedGw,
    double ProspectiveGw,
    int CompaniesWithMw,
    int CompaniesCovered,
    double BernsteinGw,
    int BernsteinCompanies,
    double GapGw,
    double DisclosedAiGw,
    Usd DisclosedAiValue,
    double BernsteinAiGw,
    Usd BernsteinAiValue,
    string Text);

/// <summary>The sector as of a date: per-company roll-ups, the total, GW by status, use and market, and the coverage statement.</summary>
public sealed record SectorSummary(
    DateOnly AsOf,
    IReadOnlyList<CompanyRollup> Companies,
    CompanyRollup Total,
    IReadOnlyList<GroupTotal> ByStatus,
    IReadOnlyList<GroupTotal> ByUse,
    IReadOnlyList<GroupTotal> ByMarket,
    CoverageStatement Statement);

/// <summary>Rolls the sector dataset up by company, status, use and market as of a date (GW, AI GW of critical IT, USD backlog and USD/year run rate).</summary>
public static class SectorRollup
{
    /// <summary>Bernstein 19 May 2026: public miners control &gt;27 GW of planned US power (domain.md §0, ainewscrypto.com).</summary>
    public const double BernsteinGw = 27;

    /// <summary>Bernstein: 11 public miners (domain.md §0).</summary>
    public const int BernsteinCompanies = 11;

    /// <summary>Bernstein 19 May 2026: &gt;$90B AI-related agreements covering 3.7 GW (domain.md §0).</summary>
    public const double BernsteinAiGw = 3.7;

    /// <summary>Bernstein's &gt;$90B (USD).</summary>
    public const double BernsteinAiValueUsd = 90e9;

    /// <summary>The statuses summed by default: everything but exclusivity/evaluation prospects (Bernstein counts current plus planned power).</summary>
    public static IReadOnlyList<SiteStatus> DefaultStatuses { get; } =
        [SiteStatus.Energized, SiteStatus.UnderConstruction, SiteStatus.ApprovedPlanned, SiteStatus.Undisclosed];

    /// <summary>Rolls up <paramref name="data"/> as of <paramref name="asOf"/>, summing sites in <paramref name="included"/> (default <see cref="DefaultStatuses"/>).</summary>
    public static SectorSummary Summarize(SectorDataset data, DateOnly asOf, IReadOnlyList<SiteStatus>? included = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        included ??= DefaultStatuses;
        var sites = data.SitesAsOf(asOf);
        var contracts = data.ContractsAsOf(asOf).Where(c => c.InTotals).ToList();
        var companies = data.Companies
            .Select(c => Roll(c.Ticker, c.Name, sites.Where(s => s.Company == c.Ticker), contracts.Where(k => k.Company == c.Ticker), included))
            .ToList();
        var total = Roll("TOTAL", "All companies", sites, contracts, included);
        var counted = sites.Where(s => s.Power is not null && included.Contains(s.Status)).ToList();
        var byStatus = Group(counted, s => Name(s.Status));
        var byUse = Group(counted, s => Name(s.Use));
        var byMarket = Group(counted, s => s.Market.Length == 0 ? "(not stated)" : s.Market);
        var withMw = companies.Count(c => c.GwTotal > 0);
        var gap = BernsteinGw - total.GwTotal;
        var statuses = string.Join(", ", included.Select(Name));
        var inv = CultureInfo.InvariantCulture;
        var text = string.Concat(
            string.Create(inv, $"As of {asOf:yyyy-MM-dd}, company disclosures in the dataset sum to {total.GwTotal:F2} GW ({statuses}) "),
            string.Create(inv, $"across {withMw} of {companies.Count} companies, plus {total.GwProspective:F2} GW under exclusivity/evaluation not counted. "),
            string.Create(inv, $"Bernstein's >{BernsteinGw:F0} GW for {BernsteinCompanies} miners (19 May 2026) has no per-company split (NOT FOUND), so "),
            gap >= 0
                ? string.Create(inv, $"{gap:F2} GW of it is not reached by disclosed figures. ")
                : string.Create(inv, $"the disclosed sum exceeds it by {-gap:F2} GW. "),
            string.Create(inv, $"Disclosed AI contracts: {total.GwContractedAi:F2} GW of critical IT worth ${total.AiBacklog.Value / 1e9:F1}B "),
            string.Create(inv, $"vs Bernstein's >${BernsteinAiValueUsd / 1e9:F0}B covering {BernsteinAiGw:F1} GW. "),
            string.Create(inv, $"{total.GwCriticalItBasis:F2} GW of the total is disclosed as critical IT, the rest as grid power; MW figures are summed as disclosed."));
        var statement = new CoverageStatement(
            included, total.GwTotal, total.GwProspective, withMw, companies.Count, BernsteinGw, BernsteinCompanies, gap,
            total.GwContractedAi, total.AiBacklog, BernsteinAiGw, new Usd(BernsteinAiValueUsd), text);
        return new SectorSummary(asOf, companies, total, byStatus, byUse, byMarket, statement);
    }

    /// <summary>The dataset spelling of a status: energized, under_construction, approved_planned, prospective, undisclosed.</summary>
    public static string Name(SiteStatus status) => status switch
    {
        SiteStatus.Energized => "energized",
        SiteStatus.UnderConstruction => "under_construction",
        SiteStatus.ApprovedPlanned => "approved_planned",
        SiteStatus.Prospective => "prospective",
        _ => "undisclosed",
    };

    /// <summary>The dataset spelling of a use: mining, ai_hpc_lease, gpu_cloud, mixed, undisclosed.</summary>
    public static string Name(SiteUse use) => use switch
    {
        SiteUse.Mining => "mining",
        SiteUse.AiHpcLease => "ai_hpc_lease",
        SiteUse.GpuCloud => "gpu_cloud",
        SiteUse.Mixed => "mixed",
        _ => "undisclosed",
    };

    private static IReadOnlyList<GroupTotal> Group(IEnumerable<SectorSite> sites, Func<SectorSite, string> key) =>
        [.. sites.GroupBy(key).Select(g => new GroupTotal(g.Key, g.Sum(s => s.Power!.Value.Value) / 1000)).OrderByDescending(g => g.Gw)];

    private static CompanyRollup Roll(string ticker, string name, IEnumerable<SectorSite> siteRows, IEnumerable<AiContract> contractRows, IReadOnlyList<SiteStatus> included)
    {
        var sites = siteRows.ToList();
        var contracts = contractRows.ToList();
        double Gw(Func<SectorSite, bool> filter) => sites.Where(s => s.Power is not null && filter(s)).Sum(s => s.Power!.Value.Value) / 1000;
        double ContractGw(Func<AiContract, bool> filter) => contracts.Where(c => c.CriticalIt is not null && filter(c)).Sum(c => c.CriticalIt!.Value.Value) / 1000;
        return new CompanyRollup(
            ticker,
            name,
            GwTotal: Gw(s => included.Contains(s.Status)),
            GwEnergized: Gw(s => s.Status == SiteStatus.Energized),
            GwUnderConstruction: Gw(s => s.Status == SiteStatus.UnderConstruction),
            GwApprovedPlanned: Gw(s => s.Status == SiteStatus.ApprovedPlanned),
            GwStatusUndisclosed: Gw(s => s.Status == SiteStatus.Undisclosed),
            GwProspective: Gw(s => s.Status == SiteStatus.Prospective),
            GwCriticalItBasis: Gw(s => included.Contains(s.Status) && s.Basis == MwBasis.CriticalIt),
            GwContractedAi: ContractGw(_ => true),
            GwContractedColocation: ContractGw(c => c.Kind == ContractKind.Colocation),
            GwContractedGpuCloud: ContractGw(c => c.Kind == ContractKind.GpuCloud),
            AiBacklog: new Usd(contracts.Sum(c => c.TotalValue.Value)),
            AiRunRatePerYear: new Usd(contracts.Sum(c => c.AnnualValue.Value)),
            ContractsWithoutMw: contracts.Count(c => c.CriticalIt is null),
            SitesWithoutMw: sites.Count(s => s.Power is null));
    }
}
