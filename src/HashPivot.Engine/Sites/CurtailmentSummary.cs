using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sites;

/// <summary>How a strike-price rule runs a mining load against interval prices: the share of intervals it hashes and the mean price it pays then (USD/MWh).</summary>
/// <param name="RunShare">Share of intervals with price at or below the strike.</param>
/// <param name="MeanPriceWhenRunning">Mean price over the intervals run.</param>
public sealed record CurtailmentSummary(double RunShare, UsdPerMwh MeanPriceWhenRunning)
{
    /// <summary>Runs when the interval price is at or below the strike, curtails otherwise.</summary>
    public static CurtailmentSummary ForStrike(UsdPerMwh strike, IReadOnlyList<double> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return prices is double[] array ? ForStrike(strike, array.AsSpan()) : ForStrike(strike, prices.ToArray().AsSpan());
    }

    /// <summary>Runs when the interval price is at or below the strike, curtails otherwise (the hot path: one pass over a span).</summary>
    public static CurtailmentSummary ForStrike(UsdPerMwh strike, ReadOnlySpan<double> prices)
    {
        var limit = strike.Value;
        var run = 0;
        var sum = 0.0;
        foreach (var price in prices)
        {
            // Branch-free accumulation: price spikes are rare but unpredictable, so avoid mispredicted jumps.
            var on = price <= limit ? 1 : 0;
            run += on;
            sum += on * price;
        }

        return new CurtailmentSummary(
            prices.IsEmpty ? 0 : (double)run / prices.Length,
            new UsdPerMwh(run == 0 ? 0 : sum / run));
    }
}
