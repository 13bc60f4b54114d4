using HashPivot.Engine.Units;

namespace HashPivot.Engine.Compute;

/// <summary>
/// A GPU-cloud use of grid power (IREN-style): GPUs rented by the hour, each drawing kW of grid power,
/// bought with capex and written off over a useful life.
/// </summary>
/// <param name="PricePerGpuHour">USD per GPU-hour realised (H100 1-yr reserved ~2.35; IREN $3.4B/140k GPUs ⇒ ~2.77; domain.md §3.5–3.6).</param>
/// <param name="GridKwPerGpu">kW of grid power per GPU, cooling included (Blackwell ~2.0–2.4, H100 ~1.5–1.7; domain.md §3.3).</param>
/// <param name="Utilisation">Share of GPU-hours sold.</param>
/// <param name="CapexPerGpu">GPU, server and network capex per GPU in USD.</param>
/// <param name="UsefulLifeYears">Years over which the GPUs earn before refresh.</param>
/// <param name="OpexShare">Operating cost other than power as a share of revenue.</param>
/// <param name="FacilityCapexPerMwIt">Data-hall capex per MW of IT (IREN–Microsoft ≈ 15 M; domain.md §3.1).</param>
/// <param name="ItShareOfGross">IT MW ÷ grid MW (1/PUE).</param>
public sealed record GpuCloud(
    double PricePerGpuHour,
    double GridKwPerGpu,
    double Utilisation,
    Usd CapexPerGpu,
    double UsefulLifeYears,
    double OpexShare,
    Usd FacilityCapexPerMwIt,
    double ItShareOfGross)
{
    private const double HoursPerYear = 8_760;

    /// <summary>Years over which the data hall (not the GPUs) is recovered; an assumption for a powered shell.</summary>
    public const double FacilityLifeYears = 20;

    /// <summary>Discount rate for the capital charge (10 %, the same assumption as for leases).</summary>
    public double DiscountRate { get; init; } = 0.10;

    /// <summary>GPUs that one MW of grid connection powers.</summary>
    public double GpusPerGridMw => 1000 / GridKwPerGpu;

    /// <summary>Economics per MW of grid connection, paying for the power at a flat price.</summary>
    public ComputeEconomics PerGridMw(UsdPerMwh powerPrice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(GridKwPerGpu);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(UsefulLifeYears);
        var gpus = GpusPerGridMw;
        var revenue = new Usd(gpus * PricePerGpuHour * HoursPerYear * Utilisation);

        // The hall draws its full allocation whether or not GPUs are rented: idle GPUs still idle hot, and the
        // connection is reserved. Charging full power is the conservative, stated choice.
        var power = new Megawatts(1) * TimeSpan.FromHours(HoursPerYear) * powerPrice;
        var ebitda = revenue * (1 - OpexShare) - power;
        var gpuCapex = CapexPerGpu * gpus;
        var facilityCapex = FacilityCapexPerMwIt * ItShareOfGross;
        var capex = gpuCapex + facilityCapex;
        return new ComputeEconomics(
            Use: ComputeUse.GpuCloud,
            ItMegawatts: new Megawatts(ItShareOfGross),
            RevenuePerYear: revenue,
            AverageRevenuePerYear: revenue,
            MarginPerYear: ebitda,
            CapexPerGridMw: capex,
            SimplePaybackYears: ebitda.Value > 0 ? capex.Value / ebitda.Value : double.PositiveInfinity)
        {
            DepreciationPerYear = gpuCapex / UsefulLifeYears,
            CapitalChargePerYear = gpuCapex * CapitalRecovery.Factor(DiscountRate, UsefulLifeYears)
                + facilityCapex * CapitalRecovery.Factor(DiscountRate, FacilityLifeYears),
        };
    }
}
