using HashPivot.Engine.Units;

namespace HashPivot.Engine.Bitcoin;

/// <summary>One halving: its ordinal, block height, the subsidy after it, and its date (actual when past, estimated when ahead).</summary>
/// <param name="Number">1 for the first halving at block 210,000.</param>
/// <param name="Height">Block height at which the new subsidy starts.</param>
/// <param name="SubsidyAfter">Subsidy per block from this height on.</param>
/// <param name="DateUtc">Estimated UTC date (from the current height and a block-time assumption); null for halvings already past.</param>
public sealed record Halving(int Number, long Height, Btc SubsidyAfter, DateTimeOffset? DateUtc);

/// <summary>The halving schedule with estimated dates of future halvings from a current height and an average block time.</summary>
public static class HalvingCalendar
{
    /// <summary>
    /// Halvings 1..<paramref name="count"/>; a future one is dated now + (height − current) × block time.
    /// The clock is an argument: the engine never reads it.
    /// </summary>
    public static IReadOnlyList<Halving> Build(long currentHeight, DateTimeOffset nowUtc, TimeSpan averageBlockTime, int count = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentHeight);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(averageBlockTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        count = Math.Min(count, BitcoinProtocol.MaxHalvings);

        var halvings = new List<Halving>(count);
        for (var n = 1; n <= count; n++)
        {
            var height = n * BitcoinProtocol.HalvingIntervalBlocks;
            DateTimeOffset? date = height > currentHeight
                ? nowUtc.ToUniversalTime() + averageBlockTime * (height - currentHeight)
                : null;
            halvings.Add(new Halving(n, height, Subsidy.AtHeight(height), date));
        }

        return halvings;
    }

    /// <summary>The next halving after a height; throws from the 64th halving on, after which there is none.</summary>
    public static Halving Next(long currentHeight, DateTimeOffset nowUtc, TimeSpan averageBlockTime)
    {
        var number = Subsidy.HalvingsAt(currentHeight) + 1;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, BitcoinProtocol.MaxHalvings, nameof(currentHeight));
        return Build(currentHeight, nowUtc, averageBlockTime, number)[^1];
    }
}
