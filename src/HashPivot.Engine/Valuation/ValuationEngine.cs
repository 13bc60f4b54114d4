using System.Buffers;
using System.Runtime.CompilerServices;

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
    // With pooled output the block's arrays are rented (and may be longer than needed): only for a caller that merges and returns them.
    private static ValuationBlock RunBlock(ValuationRequest request, ConversionPlan plan, int firstPath, int pathCount, bool pooledOutput = false)
    {
        var months = request.Months;
        var strategies = Strategy.Count(request.Years);
        var sites = request.Sites.Count;
        var npv = pooledOutput // every element is written below
            ? ArrayPool<double>.Shared.Rent(sites * strategies * pathCount)
            : GC.AllocateUninitializedArray<double>(sites * strategies * pathCount);
        var hashprice = pooledOutput ? ArrayPool<double>.Shared.Rent(pathCount * months) : GC.AllocateUninitializedArray<double>(pathCount * months);
        var miningSum = new Int128[sites * months];
        var market = new MarketPath(request);

        // The site valuation reads the paths month-major ([month][lane], padding lanes at zero hashprice and draw). Pooled scratch: a
        // server runs many small valuations, and fresh arrays of this size would go to the large-object heap and its full collections.
        var lanes = SiteBlockValuation.LanesFor(pathCount);
        var drawsRented = ArrayPool<double>.Shared.Rent(months * pathCount);
        var hashpriceRented = ArrayPool<double>.Shared.Rent(months * lanes);
        var drawsByMonthRented = ArrayPool<double>.Shared.Rent(months * lanes);
        try
        {
            var draws = drawsRented.AsSpan(0, months * pathCount);
            for (var p = 0; p < pathCount; p++)
            {
                market.Draw(request, new PathRandom(request.Seed, firstPath + p));
                market.Hashprice.CopyTo(hashprice.AsSpan(p * months, months));
                market.PowerDraw.CopyTo(draws.Slice(p * months, months));
            }

            var hashpriceByMonth = hashpriceRented.AsSpan(0, months * lanes);
            var drawsByMonth = drawsByMonthRented.AsSpan(0, months * lanes);
            ToMonthMajor(hashprice, pathCount, months, lanes, hashpriceByMonth);
            ToMonthMajor(draws, pathCount, months, lanes, drawsByMonth);
            using var valuation = new SiteBlockValuation(months, pathCount, plan.MonthlyFactor);
            for (var s = 0; s < sites; s++)
            {
                valuation.Value(request, plan, s, hashpriceByMonth, drawsByMonth, market.CalendarMonth, miningSum.AsSpan(s * months, months),
                    npv.AsSpan(s * strategies * pathCount), pathCount);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(drawsRented);
            ArrayPool<double>.Shared.Return(hashpriceRented);
            ArrayPool<double>.Shared.Return(drawsByMonthRented);
        }

        return new ValuationBlock(firstPath, pathCount, sites, strategies, months, npv, hashprice, miningSum);
    }

    // [path][month] to [month][lane] in tiles of eight paths (one cache line of each month's row per tile), padding lanes at zero.
    private static void ToMonthMajor(ReadOnlySpan<double> byPath, int paths, int months, int lanes, Span<double> byMonth)
    {
        const int Tile = 8;
        for (var first = 0; first < paths; first += Tile)
        {
            var count = Math.Min(Tile, paths - first);
            for (var m = 0; m < months; m++)
            {
                var row = byMonth.Slice((m * lanes) + first, count);
                for (var j = 0; j < count; j++)
                {
                    row[j] = byPath[((first + j) * months) + m];
                }
            }
        }

        for (var m = 0; m < months; m++)
        {
            byMonth.Slice((m * lanes) + paths, lanes - paths).Clear();
        }
    }

    /// <summary>Runs all <paramref name="paths"/> in blocks on the thread pool and merges them; <paramref name="progress"/> hears each finished block's path count.</summary>
    public static ValuationResult Run(ValuationRequest request, int paths, Action<int>? progress = null, int blockPaths = DefaultBlockPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        var count = (paths + blockPaths - 1) / blockPaths;
        var blocks = new ValuationBlock[count];
        var plan = ConversionPlan.For(request);
        try
        {
            // The blocks live only until the merge has copied them: their arrays come from the pool and go back to it, so a server's
            // stream of valuations does not churn the large-object heap.
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, b =>
            {
                var first = b * blockPaths;
                blocks[b] = RunBlock(request, plan, first, Math.Min(blockPaths, paths - first), pooledOutput: true);
                progress?.Invoke(blocks[b].PathCount);
            });
            return ValuationResult.Merge(request, blocks);
        }
        finally
        {
            foreach (var block in blocks.Where(b => b is not null))
            {
                ArrayPool<double>.Shared.Return(block.NpvUsd);
                ArrayPool<double>.Shared.Return(block.HashpriceUsdPerPhDay);
            }
        }
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
        market.Expected();
        var lanes = SiteBlockValuation.LanesFor(1);
        var hashpriceByMonth = new double[months * lanes];
        var drawsByMonth = new double[months * lanes];
        ToMonthMajor(market.Hashprice, 1, months, lanes, hashpriceByMonth);
        ToMonthMajor(market.PowerDraw, 1, months, lanes, drawsByMonth);

        using var valuation = new SiteBlockValuation(months, 1, plan.MonthlyFactor);
        var npv = new double[request.Sites.Count * strategies];
        var miningSum = new Int128[months];
        for (var s = 0; s < request.Sites.Count; s++)
        {
            valuation.Value(request, plan, s, hashpriceByMonth, drawsByMonth, market.CalendarMonth, miningSum, npv.AsSpan(s * strategies), 1);
        }

        return npv;
    }
}

/// <summary>One path's market, month by month: hashprice (USD/PH/day) and the power-month draw.</summary>
/// <remarks>
/// The network response runs in logs: ln hashprice = ln(144 · subsidy · (1 + fee share)) + ln BTC price − ln hashrate, and the response's
/// ln(lagged hashprice ÷ hashcost) is then a difference, so a month costs one exponential instead of two and a logarithm. It is
/// <see cref="NetworkResponse.Simulate(ReadOnlySpan{double}, double, double, NetworkTables, Span{double}, Span{double})"/> up to rounding.
/// </remarks>
internal sealed class MarketPath
{
    private readonly int _lag;
    private readonly double _response;
    private readonly double _maxDecline;
    private readonly double _maxGrowth;
    private readonly double _logStartHashrate;
    private readonly double _logStartHashprice;
    private readonly double _logPriceStart;
    private readonly double _driftPerMonth;
    private readonly double[] _logHashcost;
    private readonly double[] _logRewardUsdPerBtc; // ln(144 · subsidy · (1 + fee share)): BTC a day per PH/s of the whole network, × price
    private readonly double[] _logShock; // the month's BTC log-price shock
    private readonly double[] _logHashprice;

    public MarketPath(ValuationRequest request)
    {
        var months = request.Months;
        var network = request.Network;
        var tables = network.Tables(months, request.Height);
        _lag = network.LagMonths;
        _response = network.ResponsePerMonth;
        _maxDecline = network.MaxDeclinePerMonth;
        _maxGrowth = network.MaxGrowthPerMonth;
        _logStartHashrate = Math.Log(request.NetworkHashratePhS);
        _logStartHashprice = Math.Max(Math.Log(network.Hashprice(request.BtcPriceUsd, tables.StartSubsidyBtc, request.NetworkHashratePhS)), LogFloor);
        _logPriceStart = Math.Log(request.BtcPriceUsd);
        _driftPerMonth = request.Price.DriftPerYear / 12;
        _logHashcost = [.. tables.HashcostUsdPerPhDay.Select(cost => Math.Log(cost))];
        _logRewardUsdPerBtc = [.. tables.SubsidyBtc.Select(subsidy => Math.Log(144 * subsidy * (1 + network.FeeShareOfSubsidy)))];
        _logShock = new double[months];
        _logHashprice = new double[months];
        Hashprice = new double[months];
        PowerDraw = new double[months];
        CalendarMonth = new int[months];
        for (var m = 0; m < months; m++)
        {
            CalendarMonth[m] = ((request.StartCalendarMonth - 1 + m) % 12) + 1;
        }
    }

    // The response floors the lagged hashprice at 10⁻⁹ USD/PH/day (NetworkResponse.LogGrowth).
    private static readonly double LogFloor = Math.Log(1e-9);

    public double[] Hashprice { get; }

    public double[] PowerDraw { get; }

    public int[] CalendarMonth { get; }

    public void Draw(ValuationRequest request, PathRandom random)
    {
        var step = request.Price.VolatilityPerYear * Math.Sqrt(1.0 / 12);
        for (var m = 0; m < _logShock.Length; m++)
        {
            _logShock[m] = request.Price.VolatilityPerYear == 0 ? 0 : random.NextNormal() * step;
            PowerDraw[m] = random.NextUniform();
        }

        Evolve();
    }

    public void Expected()
    {
        Array.Clear(_logShock);
        Array.Clear(PowerDraw);
        Evolve();
    }

    private void Evolve()
    {
        var logPrice = _logPriceStart;
        var logHashrate = _logStartHashrate;
        for (var m = 0; m < _logShock.Length; m++)
        {
            logPrice += _driftPerMonth + _logShock[m];
            var lagged = m - _lag >= 0 ? Math.Max(_logHashprice[m - _lag], LogFloor) : _logStartHashprice;
            logHashrate += Math.Clamp(_response * (lagged - _logHashcost[m]), -_maxDecline, _maxGrowth);
            _logHashprice[m] = _logRewardUsdPerBtc[m] + logPrice - logHashrate;
            Hashprice[m] = Math.Exp(_logHashprice[m]);
        }
    }
}

/// <summary>Present values per converted grid MW (USD) of leasing and of GPU cloud for each site and start year, fixed across paths.</summary>
internal sealed class ConversionPlan
{
    public required double MonthlyFactor { get; init; }

    public required double HorizonFactor { get; init; }

    public required double[][] LeasePv { get; init; }

    public required double[][] CloudPv { get; init; }

    // Requests that differ only in their seed (a server valuing one portfolio again and again) share their sites: the plan, a few hundred
    // cash-flow projections, is computed once for them. Keyed weakly by the sites list, checked element by element and by the terms.
    private static readonly ConditionalWeakTable<IReadOnlyList<ValuationSite>, Memo> Memos = [];

    public static ConversionPlan For(ValuationRequest request)
    {
        if (Memos.TryGetValue(request.Sites, out var memo) && memo.Financing == request.Financing && memo.Years == request.Years
            && memo.Sites.Length == request.Sites.Count && memo.Sites.Select((site, i) => ReferenceEquals(site, request.Sites[i])).All(same => same))
        {
            return memo.Plan;
        }

        var plan = Compute(request);
        Memos.AddOrUpdate(request.Sites, new Memo([.. request.Sites], request.Financing, request.Years, plan));
        return plan;
    }

    private static ConversionPlan Compute(ValuationRequest request)
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

    private sealed record Memo(ValuationSite[] Sites, Financing Financing, int Years, ConversionPlan Plan);
}
