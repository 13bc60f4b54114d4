using HashPivot.Engine.Units;

namespace HashPivot.Engine.Compute;

/// <summary>What a disclosed AI/HPC contract implies per unit of capacity: USD per MW-year and USD per kW-month.</summary>
/// <param name="PerMwYear">Total value ÷ (MW × years).</param>
/// <param name="PerKwMonth">The same rate per kW per month.</param>
public sealed record ImpliedRate(Usd PerMwYear, UsdPerKilowattMonth PerKwMonth);

/// <summary>Implied rates of a contract from its total value, contracted MW and term (domain.md §3.4 "derived" column).</summary>
public static class ContractTerms
{
    /// <summary>Rates implied by (total value, MW, term); e.g. IREN–Microsoft 9.7 B / 200 MW / 5 y ⇒ 9.7 M per MW-year.</summary>
    public static ImpliedRate Implied(Usd totalValue, Megawatts capacity, double termYears)
    {
        if (!(capacity.Value > 0) || !double.IsFinite(capacity.Value))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity.Value, "Contracted MW must be positive.");
        }

        if (!(termYears > 0) || !double.IsFinite(termYears))
        {
            throw new ArgumentOutOfRangeException(nameof(termYears), termYears, "Term must be a positive number of years.");
        }

        var perMwYear = totalValue / (capacity.Value * termYears);
        return new ImpliedRate(perMwYear, new UsdPerKilowattMonth(perMwYear.Value / 1000 / 12));
    }
}
