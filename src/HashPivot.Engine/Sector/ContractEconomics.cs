using HashPivot.Engine.Compute;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sector;

/// <summary>What one AI contract implies: USD/kW-month and USD/MW-year of critical IT (null when MW is undisclosed), revenue and NOI in USD/year.</summary>
/// <param name="Contract">The contract.</param>
/// <param name="Rate">Implied rate via <see cref="ContractTerms"/>; null when the contract's MW is not disclosed.</param>
/// <param name="AnnualRevenue">Total value ÷ term (USD/year).</param>
/// <param name="NoiMargin">Margin applied (share of revenue).</param>
/// <param name="AnnualNoi">Revenue × margin (USD/year).</param>
public sealed record ContractEconomicsResult(AiContract Contract, ImpliedRate? Rate, Usd AnnualRevenue, double NoiMargin, Usd AnnualNoi);

/// <summary>Contract economics per disclosed contract, and the AI-cloud run-rate model GPUs × USD/GPU-hour × utilisation × 8,760 h (USD/year).</summary>
public static class ContractEconomics
{
    /// <summary>Hours in a 365-day year.</summary>
    public const double HoursPerYear = 8_760;

    /// <summary>Default colocation NOI margin 0.85: disclosed site NOI margins are 80–90 % (domain.md §3.4: TeraWulf ~85 %, Cipher 80–85 % and 85–90 %).</summary>
    public const double DefaultColocationMargin = 0.85;

    /// <summary>Default GPU-cloud EBITDA margin 0.85: IREN expects ~85 % on the Microsoft contract (domain.md §3.5, simplywall.st).</summary>
    public const double DefaultGpuCloudMargin = 0.85;

    /// <summary>Economics of <paramref name="contract"/> at <paramref name="noiMargin"/> (default by kind: 0.85 for both, see the constants).</summary>
    public static ContractEconomicsResult Of(AiContract contract, double? noiMargin = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var margin = noiMargin ?? (contract.Kind == ContractKind.GpuCloud ? DefaultGpuCloudMargin : DefaultColocationMargin);
        if (!(margin >= 0 && margin <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(noiMargin), margin, "Margin must be between 0 and 1.");
        }

        var rate = contract.CriticalIt is { } mw ? ContractTerms.Implied(contract.TotalValue, mw, contract.TermYears) : null;
        var revenue = contract.AnnualValue;
        return new ContractEconomicsResult(contract, rate, revenue, margin, revenue * margin);
    }

    /// <summary>AI-cloud annual revenue run rate (USD/year) = GPUs × USD/GPU-hour × utilisation × 8,760.</summary>
    public static Usd AiCloudRunRate(double gpus, double usdPerGpuHour, double utilisation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gpus);
        ArgumentOutOfRangeException.ThrowIfNegative(usdPerGpuHour);
        if (!(utilisation >= 0 && utilisation <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(utilisation), utilisation, "Utilisation must be between 0 and 1.");
        }

        return new Usd(gpus * usdPerGpuHour * utilisation * HoursPerYear);
    }

    /// <summary>The USD/GPU-hour a run rate implies: run rate ÷ (GPUs × utilisation × 8,760); IREN $3.4B / 140k GPUs ⇒ ~2.77 at full use (domain.md §3.5).</summary>
    public static double ImpliedUsdPerGpuHour(Usd runRatePerYear, double gpus, double utilisation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gpus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(utilisation);
        return runRatePerYear.Value / (gpus * utilisation * HoursPerYear);
    }
}
