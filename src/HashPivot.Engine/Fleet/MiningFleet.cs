using HashPivot.Engine.Units;

namespace HashPivot.Engine.Fleet;

/// <summary>
/// A site's miners: models × counts, plus site overhead (cooling and auxiliary power as a share of ASIC power),
/// uptime (share of hours hashing) and pool fee (share of revenue). Power figures are MW at the grid meter.
/// </summary>
/// <param name="Units">Model tiers.</param>
/// <param name="OverheadShare">Cooling/aux power ÷ ASIC power (0.05 for hydro/immersion, ~0.1 air).</param>
/// <param name="Uptime">Share of hours the fleet hashes (Riot Q3 2025: 0.86, domain.md §2.2).</param>
/// <param name="PoolFee">Share of gross mining revenue paid to the pool (FPPS pools charge ~0.02–0.025).</param>
public sealed record MiningFleet(IReadOnlyList<FleetUnit> Units, double OverheadShare, double Uptime, double PoolFee)
{
    /// <summary>Installed hashrate at nameplate.</summary>
    public TerahashPerSecond Hashrate => new(Units.Sum(u => u.Model.Hashrate.Value * u.Count));

    /// <summary>Power drawn by the ASICs alone.</summary>
    public Megawatts AsicPower => new Watts(Units.Sum(u => u.Model.Power.Value * u.Count)).ToMegawatts();

    /// <summary>Power at the grid meter while hashing: ASIC power × (1 + overhead).</summary>
    public Megawatts SitePower => AsicPower * (1 + OverheadShare);

    /// <summary>Hashrate-weighted ASIC efficiency (ASIC watts ÷ TH/s).</summary>
    public JoulesPerTerahash AsicEfficiency => Hashrate.Value > 0 ? AsicPower.ToWatts() / Hashrate : new JoulesPerTerahash(double.NaN);

    /// <summary>Efficiency at the grid meter, overhead included; this is what the power bill sees.</summary>
    public JoulesPerTerahash SiteEfficiency => AsicEfficiency * (1 + OverheadShare);

    /// <summary>Power the fleet draws on average once downtime is counted: site MW × uptime (what a schedule can dispatch).</summary>
    public Megawatts AvailablePower => SitePower * Uptime;

    /// <summary>Site efficiency grossed up for the pool fee, J/TH ÷ (1 − fee): revenue per MWh is then hashprice ÷ this, as the miner keeps it.</summary>
    public JoulesPerTerahash EfficiencyAfterPoolFee => SiteEfficiency * (1 / (1 - PoolFee));

    /// <summary>Daily economics at a hashprice and a flat power price (the whole fleet, uptime applied to both revenue and power).</summary>
    public MiningEconomics Economics(UsdPerPetahashDay hashprice, UsdPerMwh powerPrice) =>
        MiningEconomics.For(Hashrate.ToPetahash(), SitePower, Uptime, PoolFee, hashprice, powerPrice);

    /// <summary>Economics of one tier on its own, with the site's overhead, uptime and pool fee.</summary>
    public MiningEconomics TierEconomics(FleetUnit unit, UsdPerPetahashDay hashprice, UsdPerMwh powerPrice)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var hashrate = new TerahashPerSecond(unit.Model.Hashrate.Value * unit.Count);
        var power = new Watts(unit.Model.Power.Value * unit.Count).ToMegawatts() * (1 + OverheadShare);
        return MiningEconomics.For(hashrate.ToPetahash(), power, Uptime, PoolFee, hashprice, powerPrice);
    }
}
