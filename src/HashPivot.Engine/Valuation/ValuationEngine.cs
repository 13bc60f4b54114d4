namespace HashPivot.Engine.Valuation;

/// <summary>
/// Monte-Carlo valuation of sites under BTC price, network and power-price uncertainty. Each path draws from its own stream
/// (<see cref="PathRandom"/>), so a run split into blocks anywhere gives exactly the single-process result once merged.
/// </summary>
public static class ValuationEngine
{
    /// <summary>Paths per block when <see cref="Run"/> splits the work over threads.</summary>
    public const int DefaultBlockPaths = 256;

    /// <summary>Values paths [<paramref name="firstPath"/>, <paramref name="firstPath"/> + <paramref name="pathCount"/>) of the request.</summary>
    public static ValuationBlock RunBlock(ValuationRequest request, int firstPath, int pathCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(firstPath);
        ArgumentOutOfRangeException.ThrowIfNegative(pathCount);
        return RunBlock(request, ConversionPlan.For(request), firstPath, pathCount);
    }

    // The conversions' present values do not depend on the path: a run computes them once for all its blocks.
    private static ValuationBlock RunBlock(ValuationRequest request, ConversionPlan plan, int firstPath, int pathCount)
    {
        var months = request.Months;
        var strategies = Strategy.Count(request.Years);
        var sites = request.Sites.Count;
        var npv = new double[sites * strategies * pathCount];
        var hashprice = new double[pathCount * months];
        var miningSum = new Int128[sites * months];
        var market = new MarketPath(request);
        var discounted = new double[months + 1];
        var mined = new double[months];
        for (var p = 0; p < pathCount; p++)
        {
            var random = new PathRandom(request.Seed, firstPath + p);
            market.Draw(request, random);
            market.Hashprice.CopyTo(hashprice.AsSpan(p * months, months));
            for (var s = 0; s < sites; s++)
            {
                ValueSite(request, plan, s, market, discounted, mined);
                for (var m = 0; m < months; m++)
                {
                    miningSum[(s * months) + m] += ValuationBlock.ToFixed(mined[m]);
                }

                WriteNpvs(request, plan, s, discounted, mined, npv.AsSpan(((s * strategies) + 0) * pathCount), pathCount, p);
            }
        }

        return new ValuationBlock(firstPath, pathCount, sites, strategies, months, npv, hashprice, miningSum);
    }

    /// <summary>Runs all <paramref name="paths"/> in blocks on the thread pool and merges them; <paramref name="progress"/> hears each finished block's path count.</summary>
    public static ValuationResult Run(ValuationRequest request, int paths, Action<int>? progress = null, int blockPaths = DefaultBlockPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        var count = (paths + blockPaths - 1) / blockPaths;
        var blocks = new ValuationBlock[count];
        var plan = ConversionPlan.For(request);
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, b =>
        {
            var first = b * blockPaths;
            blocks[b] = RunBlock(request, plan, first, Math.Min(blockPaths, paths - first));
            progress?.Invoke(blocks[b].PathCount);
        });
        return ValuationResult.Merge(request, blocks);
    }

    /// <summary>
    /// The deterministic model: BTC on its drift with no shocks, the network's response to it, and the first historical month of each
    /// calendar month. With zero volatility and one historical month per calendar month every Monte-Carlo path equals this.
    /// </summary>
    public static double[] Deterministic(ValuationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = ConversionPlan.For(request);
        var months = request.Months;
        var strategies = Strategy.Count(request.Years);
        var market = new MarketPath(request);
        market.Expected(request);
        var discounted = new double[months + 1];
        var mined = new double[months];
        var npv = new double[request.Sites.Count * strategies];
        for (var s = 0; s < request.Sites.Count; s++)
        {
            ValueSite(request, plan, s, market, discounted, mined);
            WriteNpvs(request, plan, s, discounted, mined, npv.AsSpan(s * strategies), 1, 0);
        }

        return npv;
    }

    // Mining cash flow per available MW (after tax) month by month, and its discounted running sum.
    private static void ValueSite(ValuationRequest request, ConversionPlan plan, int s, MarketPath market, double[] discounted, double[] mined)
    {
        var site = request.Sites[s];
        var tax = request.Financing.TaxRate;
        var toRevenue = 1000 / (site.MiningJPerTh * 24); // USD/MWh per USD/PH/day: 1 MW at e J/TH hashes 1,000/e PH/s
        discounted[0] = 0;
        var d = 1.0;
        for (var m = 0; m < mined.Length; m++)
        {
            var choices = site.Power.Choices(market.CalendarMonth[m]);
            var block = site.Power.Block(market.CalendarMonth[m], Math.Min(choices - 1, (int)(market.PowerDraw[m] * choices)));
            var margin = site.Power.MarginPerMwUsd(block, market.Hashprice[m] * toRevenue, site.PowerScale);
            mined[m] = margin - (tax * Math.Max(0, margin));
            d *= plan.MonthlyFactor;
            discounted[m + 1] = discounted[m] + (mined[m] * d);
        }
    }

    private static void WriteNpvs(ValuationRequest request, ConversionPlan plan, int s, double[] discounted, double[] mined, Span<double> npv, int stride, int p)
    {
        var site = request.Sites[s];
        var months = mined.Length;
        var years = request.Years;
        var lastYear = 0.0;
        for (var m = Math.Max(0, months - 12); m < months; m++)
        {
            lastYear += mined[m];
        }

        var mineTerminal = request.Financing.TerminalMultiple * Math.Max(0, lastYear) * plan.HorizonFactor;
        var mine = site.MiningMw * (discounted[months] + mineTerminal);
        npv[p] = mine;
        var share = request.HybridLeaseShare;
        for (var y = 0; y < years; y++)
        {
            var before = site.MiningMw * discounted[Math.Min(months, y * 12)];
            var lease = before + (site.ConvertibleMw * plan.LeasePv[s][y]);
            var cloud = before + (site.ConvertibleMw * plan.CloudPv[s][y]);
            npv[(Strategy.IndexOf(StrategyKind.Lease, y, years) * stride) + p] = lease;
            npv[(Strategy.IndexOf(StrategyKind.Cloud, y, years) * stride) + p] = cloud;
            npv[(Strategy.IndexOf(StrategyKind.Hybrid, y, years) * stride) + p] = (share * lease) + ((1 - share) * mine);
        }
    }
}

/// <summary>One path's market, month by month: BTC price (USD), network hashrate (PH/s), hashprice (USD/PH/day) and the power-month draw.</summary>
internal sealed class MarketPath
{
    private readonly NetworkTables _tables;

    public MarketPath(ValuationRequest request)
    {
        var months = request.Months;
        _tables = request.Network.Tables(months, request.Height);
        BtcPrice = new double[months];
        HashratePhS = new double[months];
        Hashprice = new double[months];
        PowerDraw = new double[months];
        CalendarMonth = new int[months];
    }

    public double[] BtcPrice { get; }

    public double[] HashratePhS { get; }

    public double[] Hashprice { get; }

    public double[] PowerDraw { get; }

    public int[] CalendarMonth { get; }

    public void Draw(ValuationRequest request, PathRandom random)
    {
        var step = request.Price.VolatilityPerYear * Math.Sqrt(1.0 / 12);
        for (var m = 0; m < BtcPrice.Length; m++)
        {
            BtcPrice[m] = request.Price.VolatilityPerYear == 0 ? 0 : random.NextNormal() * step;
            PowerDraw[m] = random.NextUniform();
        }

        Evolve(request);
    }

    public void Expected(ValuationRequest request)
    {
        Array.Clear(BtcPrice);
        Array.Clear(PowerDraw);
        Evolve(request);
    }

    // BtcPrice holds the month's shock on entry; the log price adds the monthly drift, the network answers the lagged hashprice.
    private void Evolve(ValuationRequest request)
    {
        var logPrice = Math.Log(request.BtcPriceUsd);
        for (var m = 0; m < BtcPrice.Length; m++)
        {
            logPrice += (request.Price.DriftPerYear / 12) + BtcPrice[m];
            BtcPrice[m] = Math.Exp(logPrice);
            CalendarMonth[m] = ((request.StartCalendarMonth - 1 + m) % 12) + 1;
        }

        request.Network.Simulate(BtcPrice, request.BtcPriceUsd, request.NetworkHashratePhS, _tables, HashratePhS, Hashprice);
    }
}

/// <summary>Present values per converted grid MW (USD) of leasing and of GPU cloud for each site and start year, fixed across paths.</summary>
internal sealed class ConversionPlan
{
    public required double MonthlyFactor { get; init; }

    public required double HorizonFactor { get; init; }

    public required double[][] LeasePv { get; init; }

    public required double[][] CloudPv { get; init; }

    public static ConversionPlan For(ValuationRequest request)
    {
        var f = request.Financing;
        var months = request.Months;
        double Pv(ConversionTerms terms, int year)
        {
            var flows = ConversionCashFlows.For(terms, f, year * 12, months);
            return Finance.Npv(flows.EquityUsd, f.DiscountRatePerYear, flows.TerminalUsd);
        }

        return new ConversionPlan
        {
            MonthlyFactor = Finance.MonthlyFactor(f.DiscountRatePerYear),
            HorizonFactor = Math.Pow(1 + f.DiscountRatePerYear, -request.Years),
            LeasePv = request.Sites.Select(s => Enumerable.Range(0, request.Years).Select(y => Pv(s.Lease, y)).ToArray()).ToArray(),
            CloudPv = request.Sites.Select(s => Enumerable.Range(0, request.Years).Select(y => Pv(s.Cloud, y)).ToArray()).ToArray(),
        };
    }
}
