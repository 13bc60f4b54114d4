using HashPivot.Engine.Units;

namespace HashPivot.Engine.Bitcoin;

/// <summary>Hashprice (USD earned per PH/s per day) and hashcost (USD of power per PH/s per day).</summary>
public static class Hashprice
{
    // PH/s expressed in hashes per day: 1e15 H/s × 86,400 s.
    private const double HashesPerPetahashDay = 1e15 * 86_400;

    /// <summary>
    /// Hashprice from BTC price, difficulty, subsidy and average fees per block:
    /// HP = 1e15 · 86,400 / (D · 2³²) · (S + F̄) · P (domain.md §1.1, elektronics.dev worked example).
    /// </summary>
    public static UsdPerPetahashDay FromNetwork(UsdPerBtc btcPrice, double difficulty, Btc subsidyPerBlock, Btc averageFeesPerBlock)
    {
        NetworkHashrate.RequirePositiveFinite(difficulty, nameof(difficulty));
        if (!double.IsFinite(btcPrice.Value) || btcPrice.Value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(btcPrice), btcPrice.Value, "BTC price must be finite and not negative.");
        }

        var blocksPerPetahashDay = HashesPerPetahashDay / (difficulty * BitcoinProtocol.HashesPerDifficultyUnit);
        var rewardBtc = (subsidyPerBlock + averageFeesPerBlock).Value;
        return new UsdPerPetahashDay(blocksPerPetahashDay * rewardBtc * btcPrice.Value);
    }

    /// <summary>
    /// Hashcost: what powering 1 PH/s for a day costs. 1 PH/s at η J/TH draws η kW, so
    /// cost = η · p · 24 / 1000 (domain.md §1.1, corrected form; 15 J/TH at 45 USD/MWh ⇒ 16.2 USD/PH/day).
    /// </summary>
    public static UsdPerPetahashDay Hashcost(JoulesPerTerahash efficiency, UsdPerMwh powerPrice)
        => new(efficiency.Value * powerPrice.Value * 24 / 1000);

    /// <summary>The power price at which a machine of this efficiency breaks even at a hashprice (the inverse of <see cref="Hashcost"/>).</summary>
    public static UsdPerMwh BreakevenPowerPrice(JoulesPerTerahash efficiency, UsdPerPetahashDay hashprice)
    {
        NetworkHashrate.RequirePositiveFinite(efficiency.Value, nameof(efficiency));
        return new UsdPerMwh(hashprice.Value * 1000 / (efficiency.Value * 24));
    }
}
