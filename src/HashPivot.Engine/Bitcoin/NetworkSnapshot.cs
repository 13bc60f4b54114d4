using HashPivot.Engine.Units;

namespace HashPivot.Engine.Bitcoin;

/// <summary>The Bitcoin network at one moment: BTC price (USD/BTC), difficulty, average fees per block (BTC) and block height.</summary>
/// <param name="BtcPrice">Spot BTC price.</param>
/// <param name="Difficulty">Current difficulty (dimensionless).</param>
/// <param name="FeesPerBlock">Average transaction fees per block.</param>
/// <param name="Height">Current block height; sets the subsidy.</param>
public sealed record NetworkSnapshot(UsdPerBtc BtcPrice, double Difficulty, Btc FeesPerBlock, long Height)
{
    /// <summary>Subsidy per block at <see cref="Height"/>.</summary>
    public Btc Subsidy => Bitcoin.Subsidy.AtHeight(Height);

    /// <summary>Network hashrate implied by the difficulty.</summary>
    public ExahashPerSecond NetworkHashrate => Bitcoin.NetworkHashrate.FromDifficulty(Difficulty);

    /// <summary>Hashprice at this snapshot.</summary>
    public UsdPerPetahashDay Hashprice => Bitcoin.Hashprice.FromNetwork(BtcPrice, Difficulty, Subsidy, FeesPerBlock);

    /// <summary>Whole-network miner revenue per day at 144 blocks/day: 144 · (S + F̄) · P.</summary>
    public Usd MinerRevenuePerDay => new(BitcoinProtocol.BlocksPerDay * (Subsidy + FeesPerBlock).Value * BtcPrice.Value);
}
