using HashPivot.Engine.Units;

namespace HashPivot.Engine.Fleet;

/// <summary>What a mining load earns and costs per day and per MW of its site power, with its strike price and breakeven hashprice.</summary>
/// <param name="Hashrate">Hashrate at nameplate.</param>
/// <param name="SitePower">Power at the meter while hashing.</param>
/// <param name="RevenuePerDay">Pool payout per day: PH/s × hashprice × uptime × (1 − pool fee).</param>
/// <param name="PowerCostPerDay">Energy bought per day: MW × 24 h × uptime × USD/MWh.</param>
/// <param name="StrikePrice">Power price above which each hashing hour loses money (revenue per MWh consumed).</param>
/// <param name="BreakevenHashprice">Hashprice at which the power bill equals the payout at the given power price.</param>
public sealed record MiningEconomics(
    PetahashPerSecond Hashrate,
    Megawatts SitePower,
    Usd RevenuePerDay,
    Usd PowerCostPerDay,
    UsdPerMwh StrikePrice,
    UsdPerPetahashDay BreakevenHashprice)
{
    /// <summary>Revenue minus power cost per day.</summary>
    public Usd MarginPerDay => RevenuePerDay - PowerCostPerDay;

    /// <summary>Revenue per MW of site power per year (365 days).</summary>
    public Usd RevenuePerMwYear => PerMwYear(RevenuePerDay);

    /// <summary>Power cost per MW of site power per year.</summary>
    public Usd PowerCostPerMwYear => PerMwYear(PowerCostPerDay);

    /// <summary>Margin per MW of site power per year.</summary>
    public Usd MarginPerMwYear => PerMwYear(MarginPerDay);

    private Usd PerMwYear(Usd perDay) => SitePower.Value > 0 ? perDay * 365 / SitePower.Value : Usd.Zero;

    /// <summary>Computes the economics; every rate is per day of 24 h.</summary>
    public static MiningEconomics For(
        PetahashPerSecond hashrate,
        Megawatts sitePower,
        double uptime,
        double poolFee,
        UsdPerPetahashDay hashprice,
        UsdPerMwh powerPrice)
    {
        if (uptime is < 0 or > 1 || poolFee is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(uptime), $"Uptime must be in [0, 1] and pool fee in [0, 1]; got {uptime} and {poolFee}.");
        }

        var payoutShare = 1 - poolFee;
        var revenue = hashrate.DailyRevenueUsd(hashprice) * (uptime * payoutShare);
        var energyPerDay = sitePower * TimeSpan.FromHours(24 * uptime);
        var cost = energyPerDay * powerPrice;

        // Revenue per MWh while hashing: the strike price. Uptime cancels, so it is per hashing hour.
        var mwhPerDayRunning = sitePower.Value * 24;
        var strike = mwhPerDayRunning > 0
            ? new UsdPerMwh(hashrate.Value * hashprice.Value * payoutShare / mwhPerDayRunning)
            : new UsdPerMwh(double.NaN);
        var breakeven = hashrate.Value > 0 && payoutShare > 0
            ? new UsdPerPetahashDay(mwhPerDayRunning * powerPrice.Value / (hashrate.Value * payoutShare))
            : new UsdPerPetahashDay(double.NaN);
        return new MiningEconomics(hashrate, sitePower, revenue, cost, strike, breakeven);
    }
}
