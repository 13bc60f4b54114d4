using System.Collections.Immutable;
using System.Globalization;
using HashPivot.Data.Validation;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Series;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Dispatch;

/// <summary>Where a value came from (file, 1-based line and column, field path), so problems found later, once prices are known, are still located.</summary>
public sealed record SourceLocation(string File, int Line, int Column, string Field)
{
    /// <summary>A problem at this location.</summary>
    public InputProblem Problem(string message) => new(File, Line, Column, Field, message);
}

/// <summary>A site's firm AI load as configured: one constant MW (a one-element profile) or one MW value per price interval, revenue and SLA penalty (USD/MWh).</summary>
public sealed record DispatchSiteAi(ImmutableArray<double> ProfileMw, UsdPerMwh Revenue, UsdPerMwh SlaPenalty, SourceLocation ProfileAt);

/// <summary>A site's 4CP terms as configured: rate (USD/kW-year) and the coincident-peak instants (UTC) with where each was written.</summary>
public sealed record DispatchSiteFourCp(double RateUsdPerKwYear, ImmutableArray<DateTimeOffset> Instants, ImmutableArray<SourceLocation> InstantsAt);

/// <summary>A site's demand response terms as configured: qualified MW (infinity: no cap), deployment instants (UTC) with where each was written, and the energy payment per MWh shed (USD/MWh).</summary>
public sealed record DispatchSiteDemandResponse(double QualifiedMw, ImmutableArray<DateTimeOffset> Deployments, ImmutableArray<SourceLocation> DeploymentsAt, double DeploymentPaymentUsdPerMwh);

/// <summary>A hybrid site for dispatch, independent of any price series: grid cap (MW), mining tiers, AI load, supply, reserve price, 4CP, battery and BTC price.</summary>
/// <param name="Source">Names the site file (or the command line) in problems.</param>
/// <param name="CapMw">Grid connection limit.</param>
/// <param name="Tiers">Mining tiers.</param>
/// <param name="Supply">PPA block and adder.</param>
public sealed record DispatchSite(string Source, double CapMw, ImmutableArray<MiningTier> Tiers, PowerSupply Supply)
{
    /// <summary>Firm AI load; null when the site has none.</summary>
    public DispatchSiteAi? Ai { get; init; }

    /// <summary>Constant reserve capacity price in USD per MW-hour offered; null when the site offers none.</summary>
    public double? ReservePriceUsdPerMwh { get; init; }

    /// <summary>Demand response terms (qualified MW, deployments); null when reserve is only capped by the mining MW and never deployed.</summary>
    public DispatchSiteDemandResponse? DemandResponse { get; init; }

    /// <summary>4CP terms; null when the site is not billed on coincident peaks.</summary>
    public DispatchSiteFourCp? FourCp { get; init; }

    /// <summary>Battery; null when the site has none.</summary>
    public Battery? Battery { get; init; }

    /// <summary>BTC price (USD) to report BTC mined; null when not given.</summary>
    public UsdPerBtc? BtcPrice { get; init; }

    /// <summary>The dispatch problem of this site over a price series (USD/MWh) at a constant hashprice or an aligned hashprice series (one value per price interval, or empty).</summary>
    /// <exception cref="InputException">The AI profile does not have one value per interval, or a 4CP instant lies outside the prices or shares an interval with another.</exception>
    public DispatchProblem ToProblem(TimeSeries prices, UsdPerPetahashDay hashprice, ImmutableArray<double> hashpriceSeries)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var problems = new List<InputProblem>();
        var count = prices.Count;
        AiLoad? ai = null;
        if (Ai is { } siteAi)
        {
            if (siteAi.ProfileMw.Length == 1)
            {
                ai = new AiLoad([.. Enumerable.Repeat(siteAi.ProfileMw[0], count)], siteAi.Revenue, siteAi.SlaPenalty);
            }
            else if (siteAi.ProfileMw.Length == count)
            {
                ai = new AiLoad(siteAi.ProfileMw, siteAi.Revenue, siteAi.SlaPenalty);
            }
            else
            {
                problems.Add(siteAi.ProfileAt.Problem(string.Create(CultureInfo.InvariantCulture,
                    $"the profile has {siteAi.ProfileMw.Length} values but the prices have {count} intervals; give one value per interval or a single constant")));
            }
        }

        CoincidentPeakCharge? fourCp = null;
        if (FourCp is { } cp)
        {
            var indexes = new List<int>();
            for (var i = 0; i < cp.Instants.Length; i++)
            {
                var index = IntervalContaining(prices, cp.Instants[i]);
                if (index < 0)
                {
                    problems.Add(cp.InstantsAt[i].Problem(
                        $"{cp.Instants[i]:yyyy-MM-dd'T'HH:mm:ss'Z'} is not inside any interval of the prices ({prices.Start:yyyy-MM-dd'T'HH:mm'Z'} .. {prices.End:yyyy-MM-dd'T'HH:mm'Z'})"));
                }
                else if (indexes.Contains(index))
                {
                    problems.Add(cp.InstantsAt[i].Problem($"falls in the same price interval as an earlier peak ({prices[index]:yyyy-MM-dd'T'HH:mm'Z'})"));
                }
                else
                {
                    indexes.Add(index);
                }
            }

            fourCp = new CoincidentPeakCharge([.. indexes], cp.RateUsdPerKwYear);
        }

        DemandResponse? demandResponse = null;
        if (DemandResponse is { } dr)
        {
            var deployed = new List<int>();
            for (var i = 0; i < dr.Deployments.Length; i++)
            {
                var index = IntervalContaining(prices, dr.Deployments[i]);
                if (index < 0)
                {
                    problems.Add(dr.DeploymentsAt[i].Problem(
                        $"{dr.Deployments[i]:yyyy-MM-dd'T'HH:mm:ss'Z'} is not inside any interval of the prices ({prices.Start:yyyy-MM-dd'T'HH:mm'Z'} .. {prices.End:yyyy-MM-dd'T'HH:mm'Z'})"));
                }
                else if (deployed.Contains(index))
                {
                    problems.Add(dr.DeploymentsAt[i].Problem($"falls in the same price interval as an earlier deployment ({prices[index]:yyyy-MM-dd'T'HH:mm'Z'})"));
                }
                else
                {
                    deployed.Add(index);
                }
            }

            demandResponse = new DemandResponse(dr.QualifiedMw)
            {
                DeploymentIntervals = [.. deployed],
                DeploymentPayment = new UsdPerMwh(dr.DeploymentPaymentUsdPerMwh),
            };
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return new DispatchProblem(prices.Interval, [.. prices.Values.ToArray()], new Megawatts(CapMw), Tiers, hashprice)
        {
            HashpriceSeriesUsdPerPhDay = hashpriceSeries.IsDefault ? [] : hashpriceSeries,
            Ai = ai,
            Supply = Supply,
            ReservePricesUsdPerMwh = ReservePriceUsdPerMwh is { } reserve ? [.. Enumerable.Repeat(reserve, count)] : [],
            FourCp = fourCp,
            Battery = Battery,
            DemandResponse = demandResponse,
            BtcPrice = BtcPrice,
        };
    }

    /// <summary>Index of the interval [start, start + interval) holding the instant, or −1.</summary>
    private static int IntervalContaining(TimeSeries prices, DateTimeOffset instant)
    {
        var seconds = instant.ToUnixTimeSeconds();
        var starts = prices.StartsUnixSeconds;
        var i = starts.BinarySearch(seconds);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 && seconds < starts[i] + prices.IntervalSeconds ? i : -1;
    }
}
