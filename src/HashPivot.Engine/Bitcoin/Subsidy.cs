using HashPivot.Engine.Units;

namespace HashPivot.Engine.Bitcoin;

/// <summary>The block subsidy schedule: 50 BTC halved every 210,000 blocks, zero after 64 halvings.</summary>
public static class Subsidy
{
    /// <summary>Subsidy of the block at a height, exact in satoshis (domain.md §1.2: 5,000,000,000 sat &gt;&gt; (height / 210,000)).</summary>
    public static Btc AtHeight(long height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var halvings = height / BitcoinProtocol.HalvingIntervalBlocks;
        return halvings >= BitcoinProtocol.MaxHalvings
            ? Btc.Zero
            : new Btc(BitcoinProtocol.InitialSubsidySatoshis >> (int)halvings);
    }

    /// <summary>Number of halvings that have happened at a height (0 before block 210,000).</summary>
    public static int HalvingsAt(long height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        return (int)Math.Min(height / BitcoinProtocol.HalvingIntervalBlocks, BitcoinProtocol.MaxHalvings);
    }
}
