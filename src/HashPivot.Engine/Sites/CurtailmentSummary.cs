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
        var run = 0;
        var sum = 0.0;
        for (var i = 0; i < prices.Count; i++)
        {
            if (prices[i] <= strike.Value)
            {
                run++;
                sum += prices[i];
            }
        }

        return new CurtailmentSummary(
            prices.Count == 0 ? 0 : (double)run / prices.Count,
            new UsdPerMwh(run == 0 ? 0 : sum / run));
    }
}
