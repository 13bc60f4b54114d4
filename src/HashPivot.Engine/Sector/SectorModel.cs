using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sector;

/// <summary>Construction status of a site's power (MW), as disclosed.</summary>
public enum SiteStatus
{
    /// <summary>Status not disclosed.</summary>
    Undisclosed,

    /// <summary>Power connected and drawing.</summary>
    Energized,

    /// <summary>Being built.</summary>
    UnderConstruction,

    /// <summary>Approved or planned (interconnection secured or approved) but not yet built.</summary>
    ApprovedPlanned,

    /// <summary>Under exclusivity or evaluation only: not approved power (excluded from headline totals by default).</summary>
    Prospective,
}

/// <summary>What a site's power is used for, as disclosed.</summary>
public enum SiteUse
{
    /// <summary>Use not disclosed.</summary>
    Undisclosed,

    /// <summary>Bitcoin mining.</summary>
    Mining,

    /// <summary>Leased to an AI/HPC tenant (colocation, powered shell).</summary>
    AiHpcLease,

    /// <summary>Operated as a GPU cloud by the company itself.</summary>
    GpuCloud,

    /// <summary>More than one of the above on the same site.</summary>
    Mixed,
}

/// <summary>Whether a disclosed MW figure is grid (gross, utility) power or critical-IT power.</summary>
public enum MwBasis
{
    /// <summary>Grid (gross, utility) MW.</summary>
    Grid,

    /// <summary>Critical-IT MW (about 0.69–0.80 × grid, domain.md §3.3).</summary>
    CriticalIt,
}

/// <summary>The commercial form of an AI/HPC contract.</summary>
public enum ContractKind
{
    /// <summary>Colocation / powered-shell lease (tenant owns the GPUs), domain.md §3.4.</summary>
    Colocation,

    /// <summary>GPU cloud: the company owns the GPUs and sells compute, domain.md §3.5.</summary>
    GpuCloud,
}

/// <summary>A disclosure date as published (day, month or year precision) with the first day on which it is certainly known (the end of the stated period).</summary>
/// <param name="KnownBy">Last day of the stated period: a fact dated "2026-02" counts from 2026-02-28.</param>
/// <param name="Text">The date as written in the dataset (yyyy-MM-dd, yyyy-MM or yyyy).</param>
public sealed record FactDate(DateOnly KnownBy, string Text)
{
    /// <summary>Parses yyyy-MM-dd, yyyy-MM or yyyy; null when the text is none of these.</summary>
    public static FactDate? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var none = System.Globalization.DateTimeStyles.None;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, none, out var day))
        {
            return new FactDate(day, s);
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM", inv, none, out var month))
        {
            return new FactDate(month.AddMonths(1).AddDays(-1), s);
        }

        if (s.Length == 4 && DateOnly.TryParseExact(s, "yyyy", inv, none, out var year))
        {
            return new FactDate(new DateOnly(year.Year, 12, 31), s);
        }

        return null;
    }

    /// <summary>The date as written.</summary>
    public override string ToString() => Text;
}

/// <summary>A listed company of the sector dataset with its dated, sourced company-level figures; null means not disclosed.</summary>
/// <param name="Ticker">Exchange ticker.</param>
/// <param name="Name">Company name.</param>
/// <param name="SharesOutstanding">Shares outstanding (count).</param>
/// <param name="SharesAsOf">Date of the share count.</param>
/// <param name="NetDebt">Net debt in USD (debt minus cash; negative means net cash).</param>
/// <param name="NetDebtAsOf">Date of the net debt.</param>
/// <param name="MarketCap">Market capitalisation in USD as published.</param>
/// <param name="MarketCapAsOf">Date of the market capitalisation.</param>
/// <param name="HashrateEhS">Installed or realised hashrate in EH/s.</param>
/// <param name="HashrateAsOf">Date of the hashrate.</param>
/// <param name="FleetJPerTh">Fleet efficiency in J/TH.</param>
/// <param name="FleetAsOf">Date of the fleet efficiency.</param>
/// <param name="Source">Where the figures come from.</param>
/// <param name="Note">What is missing and why.</param>
public sealed record SectorCompany(
    string Ticker,
    string Name,
    double? SharesOutstanding,
    FactDate? SharesAsOf,
    Usd? NetDebt,
    FactDate? NetDebtAsOf,
    Usd? MarketCap,
    FactDate? MarketCapAsOf,
    double? HashrateEhS,
    FactDate? HashrateAsOf,
    double? FleetJPerTh,
    FactDate? FleetAsOf,
    string Source,
    string Note);

/// <summary>One disclosure of a site's power (MW on <see cref="Basis"/>), status and use; a site disclosed several times has one row per disclosure date.</summary>
/// <param name="Company">Ticker of the owner.</param>
/// <param name="Name">Site name (or a company-level bucket when the split is not disclosed).</param>
/// <param name="Location">Place, empty when not stated.</param>
/// <param name="Market">Power market or utility (ERCOT, BC Hydro…), empty when not stated.</param>
/// <param name="Power">Disclosed MW; null when not disclosed.</param>
/// <param name="Basis">Grid or critical-IT MW.</param>
/// <param name="Status">Construction status.</param>
/// <param name="Use">What the power is used for.</param>
/// <param name="AsOf">Disclosure date; null only for rows without a figure (an explicit "not found").</param>
/// <param name="Source">Where the figure comes from.</param>
/// <param name="Note">Caveats: inferred status, bounds, overlaps.</param>
public sealed record SectorSite(
    string Company,
    string Name,
    string Location,
    string Market,
    Megawatts? Power,
    MwBasis Basis,
    SiteStatus Status,
    SiteUse Use,
    FactDate? AsOf,
    string Source,
    string Note);

/// <summary>A disclosed AI/HPC contract: critical-IT MW, total value (USD) over a term (years).</summary>
/// <param name="Company">Ticker of the landlord or cloud provider.</param>
/// <param name="Counterparty">Tenant or customer.</param>
/// <param name="Site">Site name, empty when not stated.</param>
/// <param name="Kind">Colocation lease or GPU cloud.</param>
/// <param name="CriticalIt">Contracted critical-IT MW; null when not disclosed.</param>
/// <param name="TotalValue">Total contract value in USD over the base term.</param>
/// <param name="TermYears">Base term in years.</param>
/// <param name="Start">Start of service or rent, when stated.</param>
/// <param name="Backstop">Credit backstop as described (e.g. "Google $1.8B"), empty when none.</param>
/// <param name="Announced">Announcement date.</param>
/// <param name="InTotals">False for a row superseded by a later total (kept for its implied rate), so totals do not double count.</param>
/// <param name="Source">Where the figures come from.</param>
/// <param name="Note">Caveats.</param>
public sealed record AiContract(
    string Company,
    string Counterparty,
    string Site,
    ContractKind Kind,
    Megawatts? CriticalIt,
    Usd TotalValue,
    double TermYears,
    FactDate? Start,
    string Backstop,
    FactDate Announced,
    bool InTotals,
    string Source,
    string Note)
{
    /// <summary>Average contract revenue per year: total value ÷ term (USD/year).</summary>
    public Usd AnnualValue => TotalValue / TermYears;
}

/// <summary>A dated corporate event (acquisition, new site, energization, contract, rename) with the MW it concerns when stated.</summary>
/// <param name="Date">Event date.</param>
/// <param name="Company">Ticker.</param>
/// <param name="Site">Site concerned, empty for company-level events.</param>
/// <param name="Kind">Event kind, e.g. acquisition, new_site, energized, contract, rename, expansion.</param>
/// <param name="Power">MW concerned, when stated.</param>
/// <param name="Description">What happened.</param>
/// <param name="Source">Where it is reported.</param>
public sealed record SectorEvent(FactDate Date, string Company, string Site, string Kind, Megawatts? Power, string Description, string Source);

/// <summary>The sector dataset: companies, site disclosures, AI contracts and dated events (units as in each record).</summary>
public sealed record SectorDataset(
    IReadOnlyList<SectorCompany> Companies,
    IReadOnlyList<SectorSite> Sites,
    IReadOnlyList<AiContract> Contracts,
    IReadOnlyList<SectorEvent> Events)
{
    /// <summary>The latest date any fact in the dataset is known by: the default "as of".</summary>
    public DateOnly LatestDate =>
        Sites.Where(s => s.AsOf is not null).Select(s => s.AsOf!.KnownBy)
            .Concat(Contracts.Select(c => c.Announced.KnownBy))
            .Concat(Events.Select(e => e.Date.KnownBy))
            .DefaultIfEmpty(DateOnly.MinValue).Max();

    /// <summary>Each site as last disclosed on or before <paramref name="asOf"/> (undated "not found" rows always included).</summary>
    public IReadOnlyList<SectorSite> SitesAsOf(DateOnly asOf) =>
        [.. Sites.Where(s => s.AsOf is null || s.AsOf.KnownBy <= asOf)
            .GroupBy(s => (s.Company, s.Name))
            .Select(g => g.OrderBy(s => s.AsOf?.KnownBy ?? DateOnly.MinValue).Last())];

    /// <summary>Contracts announced on or before <paramref name="asOf"/>.</summary>
    public IReadOnlyList<AiContract> ContractsAsOf(DateOnly asOf) => [.. Contracts.Where(c => c.Announced.KnownBy <= asOf)];

    /// <summary>Events dated on or before <paramref name="asOf"/>, oldest first.</summary>
    public IReadOnlyList<SectorEvent> EventsAsOf(DateOnly asOf) => [.. Events.Where(e => e.Date.KnownBy <= asOf).OrderBy(e => e.Date.KnownBy)];
}
