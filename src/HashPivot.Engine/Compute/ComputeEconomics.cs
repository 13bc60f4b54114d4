using HashPivot.Engine.Units;

namespace HashPivot.Engine.Compute;

/// <summary>The AI/HPC uses of grid power HashPivot compares with mining.</summary>
public enum ComputeUse
{
    /// <summary>Powered shell leased to a tenant who brings the GPUs.</summary>
    ColocationLease,

    /// <summary>The site owner buys GPUs and rents GPU-hours.</summary>
    GpuCloud,
}

/// <summary>Annual economics of one MW of grid connection put to an AI/HPC use: revenue, margin (USD/year), capex (USD) and payback (years).</summary>
/// <param name="Use">Lease or GPU cloud.</param>
/// <param name="ItMegawatts">MW of critical IT that one grid MW supports.</param>
/// <param name="RevenuePerYear">Year-1 revenue.</param>
/// <param name="AverageRevenuePerYear">Revenue averaged over the term (escalators included).</param>
/// <param name="MarginPerYear">Year-1 NOI (lease) or EBITDA after power (GPU cloud).</param>
/// <param name="CapexPerGridMw">Capex to convert one grid MW.</param>
/// <param name="SimplePaybackYears">Capex ÷ year-1 margin.</param>
public sealed record ComputeEconomics(
    ComputeUse Use,
    Megawatts ItMegawatts,
    Usd RevenuePerYear,
    Usd AverageRevenuePerYear,
    Usd MarginPerYear,
    Usd CapexPerGridMw,
    double SimplePaybackYears)
{
    /// <summary>GPU write-down per year (GPU cloud only; zero for a lease).</summary>
    public Usd DepreciationPerYear { get; init; }

    /// <summary>Level annual payment that recovers the capex at the discount rate over the asset lives.</summary>
    public Usd CapitalChargePerYear { get; init; }

    /// <summary>Year-1 margin minus the capital charge: what the MW earns once the conversion is paid for.</summary>
    public Usd MarginAfterCapitalPerYear => MarginPerYear - CapitalChargePerYear;
}
