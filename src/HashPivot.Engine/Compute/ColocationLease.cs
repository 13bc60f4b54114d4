using HashPivot.Engine.Units;

namespace HashPivot.Engine.Compute;

/// <summary>
/// Terms of a colocation (powered-shell) lease to an AI/HPC tenant: rent in USD per kW-month of critical IT,
/// the IT share of gross grid power, escalator, term, NOI margin and build capex per MW of IT.
/// </summary>
/// <param name="RentPerKwMonth">Year-1 rent per kW of critical IT per month (deals clear at ~100–180; domain.md §3.4).</param>
/// <param name="ItShareOfGross">Critical-IT MW ÷ grid MW (≈ 1/PUE; 0.69–0.80 in disclosed deals, domain.md §3.3).</param>
/// <param name="AnnualEscalator">Yearly rent increase as a fraction (e.g. 0.02).</param>
/// <param name="TermYears">Lease term in years.</param>
/// <param name="NoiMargin">Net operating income ÷ rent (80–90 % in disclosed deals).</param>
/// <param name="CapexPerMwIt">Build or retrofit capex per MW of critical IT (8–11 M new, 3.6 M retrofit; domain.md §3.1).</param>
public sealed record ColocationLease(
    UsdPerKilowattMonth RentPerKwMonth,
    double ItShareOfGross,
    double AnnualEscalator,
    int TermYears,
    double NoiMargin,
    Usd CapexPerMwIt)
{
    /// <summary>Discount rate for the capital charge (10 %: an assumption near the 7–11 % secured-debt coupons of domain.md §3.8 plus equity).</summary>
    public double DiscountRate { get; init; } = 0.10;

    /// <summary>Lease terms from a PUE instead of an IT share (IT share = 1 / PUE).</summary>
    public static ColocationLease FromPue(UsdPerKilowattMonth rent, double pue, double escalator, int termYears, double noiMargin, Usd capexPerMwIt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pue, 1.0);
        return new ColocationLease(rent, 1 / pue, escalator, termYears, noiMargin, capexPerMwIt);
    }

    /// <summary>Economics per MW of grid connection given to the tenant.</summary>
    public ComputeEconomics PerGridMw()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TermYears);
        var itMw = ItShareOfGross;
        var rentYear1 = new Usd(RentPerKwMonth.Value * 1000 * 12 * itMw);

        // The average over the term with annual escalation: a geometric series divided by the term.
        var years = TermYears;
        var growth = 0.0;
        for (var y = 0; y < years; y++)
        {
            growth += Math.Pow(1 + AnnualEscalator, y);
        }

        var averageRent = rentYear1 * (growth / years);
        var capex = CapexPerMwIt * itMw;
        var noiYear1 = rentYear1 * NoiMargin;
        return new ComputeEconomics(
            Use: ComputeUse.ColocationLease,
            ItMegawatts: new Megawatts(itMw),
            RevenuePerYear: rentYear1,
            AverageRevenuePerYear: averageRent,
            MarginPerYear: noiYear1,
            CapexPerGridMw: capex,
            SimplePaybackYears: noiYear1.Value > 0 ? capex.Value / noiYear1.Value : double.PositiveInfinity)
        {
            // The shell is recovered over the lease term: renewal options are upside, not base case.
            CapitalChargePerYear = capex * CapitalRecovery.Factor(DiscountRate, years),
        };
    }
}
