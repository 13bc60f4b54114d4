using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Connectors.Mempool;

/// <summary>One difficulty retarget: when and at which height it happened, the new difficulty, and mempool's <c>adjustment</c> (new ÷ previous difficulty, so 1.05 means +5%).</summary>
public sealed record DifficultyAdjustment(DateTimeOffset Time, long Height, double Difficulty, double Adjustment);

/// <summary>Network hashrate from <c>/v1/mining/hashrate/:interval</c>: a daily TH/s series (00:00 UTC, gaps where mempool has no sample), the retargets in the window, and the current values.</summary>
/// <param name="HashrateThs">Daily average hashrate in TH/s (mempool sends H/s).</param>
/// <param name="Adjustments">Difficulty retargets in the window, oldest first.</param>
/// <param name="CurrentHashrateThs">mempool's current hashrate estimate in TH/s.</param>
/// <param name="CurrentDifficulty">The difficulty now in force.</param>
public sealed record NetworkHashrate(
    TimeSeries HashrateThs,
    IReadOnlyList<DifficultyAdjustment> Adjustments,
    double CurrentHashrateThs,
    double CurrentDifficulty)
{
    /// <summary>The hashrate days as a <see cref="ChainHistory"/> with hashrate and the difficulty in force at the end of each day; price, fees and blocks are null.</summary>
    /// <remarks>Days before the first retarget in the window are dropped, because their difficulty is not in the response.</remarks>
    public ChainHistory ToChainHistory()
    {
        var dates = new List<DateOnly>();
        var starts = new List<long>();
        var hashrates = new List<double>();
        var difficulties = new List<double>();
        var next = 0;
        double? inForce = null;
        var values = HashrateThs.Values;
        var instants = HashrateThs.StartsUnixSeconds;
        for (var i = 0; i < HashrateThs.Count; i++)
        {
            var dayEnd = instants[i] + 86_400;
            while (next < Adjustments.Count && Adjustments[next].Time.ToUnixTimeSeconds() < dayEnd)
            {
                inForce = Adjustments[next].Difficulty;
                next++;
            }

            if (inForce is not { } difficulty)
            {
                continue;
            }

            dates.Add(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(instants[i]).UtcDateTime));
            starts.Add(instants[i]);
            hashrates.Add(values[i]);
            difficulties.Add(difficulty);
        }

        var day = TimeSpan.FromDays(1);
        return new ChainHistory(
            dates,
            PriceUsdPerBtc: null,
            Difficulty: new TimeSeries("difficulty", ChainHistory.DifficultyUnit, day, starts.ToArray(), difficulties.ToArray()),
            HashrateThs: new TimeSeries("hashrate", ChainHistory.HashrateUnit, day, starts.ToArray(), hashrates.ToArray()),
            FeesBtcPerDay: null,
            BlocksPerDay: null);
    }
}

/// <summary>Totals over the last N blocks from <c>/v1/mining/reward-stats/:blockCount</c>: rewards (subsidy + fees) and fees in sats, and transactions.</summary>
public sealed record RewardStats(long StartBlock, long EndBlock, long TotalRewardSats, long TotalFeeSats, long TotalTx)
{
    /// <summary>Satoshis per bitcoin.</summary>
    public const double SatsPerBtc = 100_000_000d;

    /// <summary>Blocks covered, inclusive of both ends.</summary>
    public long BlockCount => EndBlock - StartBlock + 1;

    /// <summary>Subsidy plus fees over the window, in BTC.</summary>
    public double TotalRewardBtc => TotalRewardSats / SatsPerBtc;

    /// <summary>Fees over the window, in BTC.</summary>
    public double TotalFeeBtc => TotalFeeSats / SatsPerBtc;
}

/// <summary>The current difficulty epoch from <c>/v1/difficulty-adjustment</c>: progress and mempool's estimate of the next retarget.</summary>
/// <param name="ProgressPercent">Share of the 2016-block epoch mined, 0–100.</param>
/// <param name="DifficultyChangePercent">Estimated change at the next retarget, in percent (+1.5 means +1.5%).</param>
/// <param name="EstimatedRetargetDate">Estimated time of the next retarget.</param>
/// <param name="RemainingBlocks">Blocks until the retarget.</param>
/// <param name="RemainingTime">Estimated time until the retarget.</param>
/// <param name="PreviousRetargetPercent">The last retarget's change, in percent.</param>
/// <param name="PreviousTime">When the last retarget happened, when mempool sends it.</param>
/// <param name="NextRetargetHeight">Height of the next retarget.</param>
/// <param name="AverageBlockTime">Average block interval this epoch.</param>
/// <param name="AdjustedAverageBlockTime">mempool's adjusted average block interval.</param>
/// <param name="ExpectedBlocks">Blocks expected by now at 10 minutes each, when mempool sends it.</param>
public sealed record DifficultyEpoch(
    double ProgressPercent,
    double DifficultyChangePercent,
    DateTimeOffset EstimatedRetargetDate,
    long RemainingBlocks,
    TimeSpan RemainingTime,
    double PreviousRetargetPercent,
    DateTimeOffset? PreviousTime,
    long NextRetargetHeight,
    TimeSpan AverageBlockTime,
    TimeSpan AdjustedAverageBlockTime,
    double? ExpectedBlocks);

/// <summary>A BTC price in USD at a time, from mempool's historical-price endpoint.</summary>
public sealed record BtcUsdPrice(DateTimeOffset Time, double UsdPerBtc);
