using HashPivot.Engine.Series;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Bitcoin;

/// <summary>Daily hashprice (USD/PH/day) from chain history: the difficulty formula applied to each day's price, mean subsidy and fees per block.</summary>
public static class HashpriceHistory
{
    /// <summary>
    /// HP_d = 1e15·86,400 / (D_d·2³²) · (S̄_d + F̄_d) · P_d with S̄ = issuance ÷ blocks and F̄ = fees ÷ blocks (domain.md §1.1).
    /// Using the difficulty rather than the realised hashrate removes the day-to-day luck of block counts, which is
    /// what published indices smooth away (Luxor uses a 144-block fee average, domain.md §1.1).
    /// Optionally smoothed by a trailing mean over <paramref name="trailingDays"/> days.
    /// </summary>
    public static TimeSeries FromChain(ChainHistory chain, int trailingDays = 1)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trailingDays);
        var price = Require(chain.PriceUsdPerBtc, "price");
        var difficulty = Require(chain.Difficulty, "difficulty");
        var fees = Require(chain.FeesBtcPerDay, "fees");
        var blocks = Require(chain.BlocksPerDay, "block count");
        var issuance = Require(chain.IssuanceBtcPerDay, "issuance");

        var p = price.Values;
        var d = difficulty.Values;
        var f = fees.Values;
        var b = blocks.Values;
        var s = issuance.Values;
        var daily = new double[chain.Count];
        for (var i = 0; i < daily.Length; i++)
        {
            // A day without blocks has no defined reward per block; carry the previous day rather than invent one.
            if (b[i] <= 0 || d[i] <= 0)
            {
                daily[i] = i > 0 ? daily[i - 1] : double.NaN;
                continue;
            }

            var rewardPerBlock = Btc.FromBtc((s[i] + f[i]) / b[i]);
            daily[i] = Hashprice.FromNetwork(new UsdPerBtc(p[i]), d[i], rewardPerBlock, Btc.Zero).Value;
        }

        var values = trailingDays == 1 ? daily : TrailingMean(daily, trailingDays);
        return new TimeSeries($"hashprice_{trailingDays}d", "USD/PH/day", TimeSpan.FromDays(1), price.StartsUnixSeconds, values);
    }

    private static double[] TrailingMean(ReadOnlySpan<double> values, int window)
    {
        var result = new double[values.Length];
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += values[i];
            if (i >= window)
            {
                sum -= values[i - window];
            }

            result[i] = sum / Math.Min(i + 1, window);
        }

        return result;
    }

    private static TimeSeries Require(TimeSeries? series, string what) =>
        series ?? throw new ArgumentException($"Hashprice history needs the chain's {what} column.", nameof(series));
}
