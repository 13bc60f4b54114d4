using HashPivot.Engine.Compute;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Portfolios;

/// <summary>Documented default AI/HPC offer terms used when a portfolio file does not set them; each figure cites its domain.md row.</summary>
public static class OfferDefaults
{
    /// <summary>
    /// Colocation lease: 150 USD/kW-month (median of disclosed miner deals, domain.md §3.4 takeaways),
    /// IT share 0.75 (gross→IT 0.69–0.80, §3.3), 2 %/yr escalator (assumption: "escalators" disclosed without a rate, §3.4 TeraWulf),
    /// 10-year term (§3.4, 10–15 y), 85 % NOI (§3.4, 80–90 %), 9.5 M USD capex per MW-IT (§3.1, 8–11 M).
    /// </summary>
    public static ColocationLease Lease { get; } = new(
        RentPerKwMonth: new UsdPerKilowattMonth(150),
        ItShareOfGross: 0.75,
        AnnualEscalator: 0.02,
        TermYears: 10,
        NoiMargin: 0.85,
        CapexPerMwIt: new Usd(9_500_000));

    /// <summary>
    /// GPU cloud: 2.77 USD/GPU-hour (IREN 3.4 B ARR / 140k GPUs, §3.5), 2.2 kW grid per Blackwell GPU (§3.3, 2.0–2.4),
    /// 85 % utilisation (assumption), 50k USD per GPU incl. server and network (GB300 NVL72 rack 3–4 M / 72 GPUs, §3.3),
    /// 5-year life (IREN–Microsoft term, §3.5), 12 % non-power opex (so that with power the EBITDA margin is ~85 %, §3.5),
    /// 15 M USD data-hall capex per MW-IT (IREN Microsoft build, §3.1), IT share 0.8 (1.76 kW IT per GPU, §3.3).
    /// </summary>
    public static GpuCloud Cloud { get; } = new(
        PricePerGpuHour: 2.77,
        GridKwPerGpu: 2.2,
        Utilisation: 0.85,
        CapexPerGpu: new Usd(50_000),
        UsefulLifeYears: 5,
        OpexShare: 0.12,
        FacilityCapexPerMwIt: new Usd(15_000_000),
        ItShareOfGross: 0.8);

    /// <summary>Cooling and auxiliary power as a share of ASIC power when a fleet does not say (air-cooled sites ~5–10 %; assumption).</summary>
    public const double OverheadShare = 0.07;

    /// <summary>Uptime when a fleet does not say (Riot Q3 2025 utilisation 86 %, domain.md §2.2, rounded up for non-curtailing sites).</summary>
    public const double Uptime = 0.95;

    /// <summary>Pool fee when a fleet does not say (FPPS pools; assumption).</summary>
    public const double PoolFee = 0.02;
}
