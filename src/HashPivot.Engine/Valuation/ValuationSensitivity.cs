namespace HashPivot.Engine.Valuation;

/// <summary>One input moved down and up: the portfolio's mean NPV (USD, each site on its best strategy) at each end, against the base.</summary>
public sealed record SensitivityRow(string Input, string Low, string High, double LowNpvUsd, double HighNpvUsd, double BaseNpvUsd);

/// <summary>
/// A tornado table: the portfolio mean NPV with each input shifted down and up, all else equal, on the same seed and paths (common random
/// numbers, so the differences are the inputs', not the draws').
/// </summary>
public static class ValuationSensitivity
{
    /// <summary>The rows for BTC drift (±0.2/yr), BTC volatility (±0.2), power prices (×0.8, ×1.2), discount rate (±2 points), AI revenue (×0.8, ×1.2) and capex (×0.8, ×1.2).</summary>
    public static IReadOnlyList<SensitivityRow> Table(ValuationRequest request, int paths)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseNpv = Mean(request, paths);
        var rows = new List<SensitivityRow>();

        void Row(string input, string low, string high, Func<ValuationRequest, ValuationRequest> down, Func<ValuationRequest, ValuationRequest> up) =>
            rows.Add(new SensitivityRow(input, low, high, Mean(down(request), paths), Mean(up(request), paths), baseNpv));

        var p = request.Price;
        Row("btc_drift_per_year", FormattableString.Invariant($"{p.DriftPerYear - 0.2:0.##}"), FormattableString.Invariant($"{p.DriftPerYear + 0.2:0.##}"),
            r => r with { Price = p with { DriftPerYear = p.DriftPerYear - 0.2 } }, r => r with { Price = p with { DriftPerYear = p.DriftPerYear + 0.2 } });
        Row("btc_volatility_per_year", FormattableString.Invariant($"{Math.Max(0, p.VolatilityPerYear - 0.2):0.##}"), FormattableString.Invariant($"{p.VolatilityPerYear + 0.2:0.##}"),
            r => r with { Price = p with { VolatilityPerYear = Math.Max(0, p.VolatilityPerYear - 0.2) } }, r => r with { Price = p with { VolatilityPerYear = p.VolatilityPerYear + 0.2 } });
        Row("power_price", "×0.8", "×1.2", r => Sites(r, s => s with { PowerScale = s.PowerScale * 0.8 }), r => Sites(r, s => s with { PowerScale = s.PowerScale * 1.2 }));
        var f = request.Financing;
        Row("discount_rate", FormattableString.Invariant($"{f.DiscountRatePerYear - 0.02:0.##}"), FormattableString.Invariant($"{f.DiscountRatePerYear + 0.02:0.##}"),
            r => r with { Financing = f with { DiscountRatePerYear = f.DiscountRatePerYear - 0.02 } }, r => r with { Financing = f with { DiscountRatePerYear = f.DiscountRatePerYear + 0.02 } });
        Row("ai_revenue", "×0.8", "×1.2", r => Terms(r, t => t with { RevenueUsdPerMwYear = t.RevenueUsdPerMwYear * 0.8 }), r => Terms(r, t => t with { RevenueUsdPerMwYear = t.RevenueUsdPerMwYear * 1.2 }));
        Row("ai_capex", "×0.8", "×1.2",
            r => Terms(r, t => t with { CapexUsdPerMw = t.CapexUsdPerMw * 0.8, RefreshCapexUsdPerMw = t.RefreshCapexUsdPerMw * 0.8 }),
            r => Terms(r, t => t with { CapexUsdPerMw = t.CapexUsdPerMw * 1.2, RefreshCapexUsdPerMw = t.RefreshCapexUsdPerMw * 1.2 }));
        return rows;
    }

    private static double Mean(ValuationRequest request, int paths) => ValuationEngine.Run(request, paths).PortfolioNpvUsd.Average();

    private static ValuationRequest Sites(ValuationRequest r, Func<ValuationSite, ValuationSite> change) => r with { Sites = [.. r.Sites.Select(change)] };

    private static ValuationRequest Terms(ValuationRequest r, Func<ConversionTerms, ConversionTerms> change) =>
        Sites(r, s => s with { Lease = change(s.Lease), Cloud = change(s.Cloud) });
}
