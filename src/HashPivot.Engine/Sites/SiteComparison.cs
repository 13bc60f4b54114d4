using HashPivot.Engine.Compute;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sites;

/// <summary>How one MW of a site earns each way: mining with its fleet versus a colocation lease or GPU cloud (USD per MW-year).</summary>
/// <param name="Site">The site compared.</param>
/// <param name="Hashprice">Hashprice used.</param>
/// <param name="Mining">Fleet economics (flexible when the price is a series); null when the site has no miners.</param>
/// <param name="Curtailment">Strike-price operation against the price series; null for a fixed price.</param>
/// <param name="Lease">Lease economics per grid MW.</param>
/// <param name="Cloud">GPU-cloud economics per grid MW.</param>
/// <param name="BestUse">
/// The use with the highest margin per MW-year after the capital charge of converting (installed miners are sunk, so mining
/// carries none): comparing year-1 margins alone would always favour the most capital-hungry use.
/// </param>
/// <param name="BestMarginPerMwYear">That margin.</param>
/// <param name="AdvantagePerMwYear">Best margin minus the second best.</param>
public sealed record SiteComparison(
    Site Site,
    UsdPerPetahashDay Hashprice,
    MiningEconomics? Mining,
    CurtailmentSummary? Curtailment,
    ComputeEconomics Lease,
    ComputeEconomics Cloud,
    string BestUse,
    Usd BestMarginPerMwYear,
    Usd AdvantagePerMwYear)
{
    /// <summary>Name of the mining use in <see cref="BestUse"/>.</summary>
    public const string MiningUse = "mining";

    /// <summary>Name of the lease use in <see cref="BestUse"/>.</summary>
    public const string LeaseUse = "lease";

    /// <summary>Name of the GPU-cloud use in <see cref="BestUse"/>.</summary>
    public const string CloudUse = "gpu_cloud";

    /// <summary>Compares the uses of one MW of a site at a hashprice.</summary>
    public static SiteComparison For(Site site, UsdPerPetahashDay hashprice)
    {
        ArgumentNullException.ThrowIfNull(site);
        var fleet = site.Fleet;
        MiningEconomics? mining = null;
        CurtailmentSummary? curtailment = null;
        if (fleet.Hashrate.Value > 0)
        {
            mining = fleet.Economics(hashprice, site.Power.Average);
            if (site.Power.IntervalPrices is not null)
            {
                // A flexible load curtails above its strike, so it earns on the intervals it runs and pays their prices.
                curtailment = CurtailmentSummary.ForStrike(mining.StrikePrice, site.Power.IntervalPriceSpan);
                var flexible = new MiningFleet(fleet.Units, fleet.OverheadShare, fleet.Uptime * curtailment.RunShare, fleet.PoolFee);
                mining = flexible.Economics(hashprice, curtailment.MeanPriceWhenRunning) with
                {
                    BreakevenHashprice = mining.BreakevenHashprice,
                };
            }
        }

        var lease = site.LeaseOffer.PerGridMw();
        var cloud = site.CloudOffer.PerGridMw(site.Power.Average);
        var ranked = new List<(string Use, Usd Margin)>
        {
            (LeaseUse, lease.MarginAfterCapitalPerYear),
            (CloudUse, cloud.MarginAfterCapitalPerYear),
        };
        if (mining is not null)
        {
            ranked.Add((MiningUse, mining.MarginPerMwYear));
        }

        ranked.Sort((a, b) => b.Margin.CompareTo(a.Margin));
        return new SiteComparison(
            site, hashprice, mining, curtailment, lease, cloud,
            ranked[0].Use, ranked[0].Margin, ranked[0].Margin - ranked[1].Margin);
    }
}
