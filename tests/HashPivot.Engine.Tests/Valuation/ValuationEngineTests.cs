using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

public class ValuationEngineTests
{
    [Fact]
    public void ZeroVolatility_EveryPathEqualsTheDeterministicModelExactly()
    {
        // One historical year per calendar month and no BTC shocks: nothing is random, so every path is the deterministic model, bit for bit.
        var request = ValuationFixtures.Request(volatility: 0, twoYearSeries: false);
        var deterministic = ValuationEngine.Deterministic(request);
        var block = ValuationEngine.RunBlock(request, 0, 25);
        var strategies = Strategy.Count(request.Years);

        for (var s = 0; s < request.Sites.Count; s++)
        {
            for (var k = 0; k < strategies; k++)
            {
                for (var p = 0; p < block.PathCount; p++)
                {
                    Assert.Equal(deterministic[(s * strategies) + k], block.Npv(s, k, p));
                }
            }
        }
    }

    [Fact]
    public void SameSeed_IdenticalResults_OtherSeed_Different()
    {
        var a = ValuationEngine.Run(ValuationFixtures.Request(seed: 7), 300);
        var b = ValuationEngine.Run(ValuationFixtures.Request(seed: 7), 300);
        var c = ValuationEngine.Run(ValuationFixtures.Request(seed: 8), 300);

        Assert.Equal(a.PortfolioNpvUsd, b.PortfolioNpvUsd);
        Assert.Equal(a.NpvBySiteStrategy.SelectMany(x => x), b.NpvBySiteStrategy.SelectMany(x => x));
        Assert.NotEqual(a.NpvBySiteStrategy[0], c.NpvBySiteStrategy[0]);
    }

    [Fact]
    public void RecycledSamples_AreRefusedAfterwards_AndReusedArraysGiveTheSameResults()
    {
        // A server recycles each result's per-path NPVs once its document is built; a later valuation of the same shape fills the reused
        // arrays. The reference is the first valuation's own samples, copied before recycling. 317 paths: a shape no other test uses, so
        // the pool's one set of it passes from run to run here.
        const int Paths = 317;
        var first = ValuationEngine.Run(ValuationFixtures.Request(seed: 11), Paths);
        var expected = first.NpvBySiteStrategy.Select(x => x.ToArray()).ToArray();
        var readBefore = first.Sites[0].Strategies[0].Npv;
        var unread = first.Sites[0].Strategies[^1];
        var arrays = first.NpvBySiteStrategy.ToHashSet();

        first.RecycleSamples();
        first.RecycleSamples(); // a second call does nothing

        Assert.Throws<InvalidOperationException>(() => first.NpvBySiteStrategy);
        Assert.Throws<InvalidOperationException>(() => unread.Npv);
        Assert.Equal(readBefore, first.Sites[0].Strategies[0].Npv); // read before recycling: kept
        var other = ValuationEngine.Run(ValuationFixtures.Request(seed: 12), Paths);
        Assert.All(other.NpvBySiteStrategy, a => Assert.Contains(a, arrays)); // the first run's arrays, refilled
        other.RecycleSamples();
        var again = ValuationEngine.Run(ValuationFixtures.Request(seed: 11), Paths);
        Assert.All(again.NpvBySiteStrategy, a => Assert.Contains(a, arrays));
        Assert.Equal(expected.SelectMany(x => x), again.NpvBySiteStrategy.SelectMany(x => x));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    public void AnyBlockPartition_MergesToTheSameResult(int blockPaths)
    {
        var request = ValuationFixtures.Request();
        var reference = ValuationResult.Merge(request, [ValuationEngine.RunBlock(request, 0, 150)]);

        var merged = ValuationEngine.Run(request, 150, blockPaths: blockPaths);

        Assert.Equal(reference.NpvBySiteStrategy.SelectMany(x => x), merged.NpvBySiteStrategy.SelectMany(x => x));
        Assert.Equal(reference.HashpriceBands.SelectMany(x => x), merged.HashpriceBands.SelectMany(x => x));
        Assert.Equal(reference.Sites.Select(s => s.ProbConvertBeatsMining), merged.Sites.Select(s => s.ProbConvertBeatsMining));
        Assert.Equal(reference.Sites.Select(s => s.ConversionIrr), merged.Sites.Select(s => s.ConversionIrr));
        Assert.Equal(reference.Sites.Select(s => s.ConversionPaybackMonths), merged.Sites.Select(s => s.ConversionPaybackMonths));
    }

    [Fact]
    public void MiningCashSum_IsTheSameInteger_WhateverTheSplit()
    {
        // The fixed-point sum behind the IRR's mean mining flows must not depend on how paths are grouped (the cluster splits anywhere).
        var request = ValuationFixtures.Request();
        var whole = ValuationEngine.RunBlock(request, 0, 90);
        var parts = new[] { ValuationEngine.RunBlock(request, 0, 13), ValuationEngine.RunBlock(request, 13, 50), ValuationEngine.RunBlock(request, 63, 27) };

        for (var i = 0; i < whole.MiningCashFixedSum.Length; i++)
        {
            Assert.Equal(whole.MiningCashFixedSum[i], parts[0].MiningCashFixedSum[i] + parts[1].MiningCashFixedSum[i] + parts[2].MiningCashFixedSum[i]);
        }

        Assert.NotEqual(Int128.Zero, whole.MiningCashFixedSum[0]);
    }

    [Fact]
    public void Merge_BlocksOutOfOrder_SameAsInOrder_AndGapsRefused()
    {
        var request = ValuationFixtures.Request();
        var b0 = ValuationEngine.RunBlock(request, 0, 40);
        var b1 = ValuationEngine.RunBlock(request, 40, 60);

        Assert.Equal(ValuationResult.Merge(request, [b0, b1]).PortfolioNpvUsd, ValuationResult.Merge(request, [b1, b0]).PortfolioNpvUsd);
        Assert.Throws<ArgumentException>(() => ValuationResult.Merge(request, [b1]));
    }

    [Fact]
    public void Percentiles_AreOfTheMergedSamples_NotAveragesOfBlockPercentiles()
    {
        var request = ValuationFixtures.Request();
        var result = ValuationEngine.Run(request, 400, blockPaths: 100);
        var samples = result.NpvBySiteStrategy[0].Order().ToArray();

        // Type-7 P5 of 400 samples: h = 399 · 0.05 = 19.95 ⇒ x[19] + 0.95 (x[20] − x[19]).
        var p5 = samples[19] + (0.95 * (samples[20] - samples[19]));
        Assert.Equal(p5, result.Sites[0].Strategies[0].Npv.P5Usd, 6);
    }

    [Fact]
    public void MiningNpv_FallsWithHigherPowerPrices_AndConversionIsUnaffected()
    {
        var request = ValuationFixtures.Request();
        var dearer = request with { Sites = [.. request.Sites.Select(s => s with { PowerScale = 1.5 })] };

        var cheap = ValuationEngine.Run(request, 200);
        var dear = ValuationEngine.Run(dearer, 200);

        Assert.True(dear.Sites[1].Strategies[0].Npv.MeanUsd < cheap.Sites[1].Strategies[0].Npv.MeanUsd,
            $"dearer power: {dear.Sites[1].Strategies[0].Npv.MeanUsd:N0} vs {cheap.Sites[1].Strategies[0].Npv.MeanUsd:N0}");
        var lease0 = Strategy.IndexOf(StrategyKind.Lease, 0, request.Years);
        Assert.Equal(cheap.Sites[1].Strategies[lease0].Npv.MeanUsd, dear.Sites[1].Strategies[lease0].Npv.MeanUsd, 6);
    }

    [Fact]
    public void MiningNpvPerPath_EqualsAHandRecomputationFromThePathsHashprice()
    {
        // Independent of the vector kernel: from each path's hashprice, the site's hourly prices brute-forced hour by hour (a one-year
        // series, so every path draws the same historical month), tax on positive margins, discounting at (1 + r)^(-(m+1)/12), and the
        // terminal value of 5× the last year's mining cash at (1 + r)^-years (the conventions in domain.md and ValuationFixtures).
        var request = ValuationFixtures.Request(twoYearSeries: false, years: 3);
        var block = ValuationEngine.RunBlock(request, 3, 7);
        var months = request.Months;
        var f = request.Financing;
        for (var s = 0; s < 2; s++)
        {
            var site = request.Sites[s];
            var toRevenue = 1000 / (site.MiningJPerTh * 24);
            for (var p = 0; p < block.PathCount; p++)
            {
                var npv = 0.0;
                var lastYear = 0.0;
                for (var m = 0; m < months; m++)
                {
                    var revenue = block.HashpriceUsdPerPhDay[(p * months) + m] * toRevenue;
                    var calendarMonth = ((request.StartCalendarMonth - 1 + m) % 12) + 1;
                    var margin = s == 0
                        ? Math.Max(0, revenue - 40) * 730.5
                        : FixtureHours(calendarMonth).Sum(price => Math.Max(0, revenue - price));
                    var mined = margin - (f.TaxRate * Math.Max(0, margin));
                    npv += mined * Math.Pow(1 + f.DiscountRatePerYear, -(m + 1) / 12.0);
                    lastYear += m >= months - 12 ? mined : 0;
                }

                var expected = site.MiningMw * (npv + (f.TerminalMultiple * Math.Max(0, lastYear) * Math.Pow(1 + f.DiscountRatePerYear, -request.Years)));
                Assert.Equal(expected, block.Npv(s, 0, p), 1e-9 * Math.Abs(expected));
            }
        }
    }

    [Fact]
    public void PathHashprice_IsTheNetworkResponsesScalarSimulation_UpToRounding()
    {
        // The valuation runs the network response in logs (one exponential a month); NetworkResponse.Simulate, checked against
        // realised 2020–2025 hashrate in the data tests, runs it on prices. With no shocks the BTC price is P0·e^(drift·(m+1)/12).
        var request = ValuationFixtures.Request(volatility: 0, years: 6) with { Price = new LogPriceModel(0.35, 0) };
        var months = request.Months;
        var prices = Enumerable.Range(0, months).Select(m => request.BtcPriceUsd * Math.Exp(0.35 * (m + 1) / 12)).ToArray();
        var hashrate = new double[months];
        var expected = new double[months];
        request.Network.Simulate(prices, request.BtcPriceUsd, request.NetworkHashratePhS, request.Height, hashrate, expected);
        var block = ValuationEngine.RunBlock(request, 0, 2);
        for (var m = 0; m < months; m++)
        {
            Assert.Equal(expected[m], block.HashpriceUsdPerPhDay[m], 1e-10 * expected[m]);
            Assert.Equal(expected[m], block.HashpriceUsdPerPhDay[months + m], 1e-10 * expected[m]);
        }

        Assert.True(hashrate[^1] > request.NetworkHashratePhS * 1.5, "a 35 %/yr BTC drift should draw hashrate in");
    }

    [Fact]
    public void FixedSum_IsTheSumOfEachValuesFixedPoint_EvenBeyondTheVectorRange()
    {
        var random = new Random(8);
        var values = Enumerable.Range(0, 9_001).Select(i => i % 1000 == 7 ? 3e8 * (random.NextDouble() - 0.5) : (random.NextDouble() - 0.3) * 60_000).ToArray();
        values[5] = 0.5 / ValuationBlock.FixedUnitsPerUsd; // a tie: rounds to even, as Math.Round
        values[6] = -2.5 / ValuationBlock.FixedUnitsPerUsd;
        Int128 expected = 0;
        foreach (var v in values)
        {
            expected += ValuationBlock.ToFixed(v);
        }

        Assert.Equal(expected, SiteBlockValuation.FixedSum(values));
        Assert.Equal(ValuationBlock.ToFixed(values[0]) + ValuationBlock.ToFixed(values[1]), SiteBlockValuation.FixedSum(values.AsSpan(0, 2)));
    }

    // The 2023 hours of a calendar month from ValuationFixtures.Series' formula (the one-year series has one historical month each).
    private static IEnumerable<double> FixtureHours(int calendarMonth)
    {
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var h = 0; h < 8760; h++)
        {
            if (start.AddHours(h).Month == calendarMonth)
            {
                yield return 35 + (15 * Math.Sin(h % 24 / 24.0 * 2 * Math.PI)) + (h % 168 == 100 ? 2_000 : 0) - (h % 97 == 0 ? 60 : 0);
            }
        }
    }
}

public class ValuationSensitivityTests
{
    [Fact]
    public void Table_MovesTheWayTheEconomicsSay()
    {
        var rows = ValuationSensitivity.Table(ValuationFixtures.Request(), 200).ToDictionary(r => r.Input);

        // Dearer power can only lower mining margins; more AI revenue or cheaper capex can only raise the best strategy's NPV; a higher
        // discount rate lowers the value of positive flows. Each row also reports the same base.
        Assert.True(rows["power_price"].HighNpvUsd <= rows["power_price"].LowNpvUsd);
        Assert.True(rows["ai_revenue"].HighNpvUsd >= rows["ai_revenue"].LowNpvUsd);
        Assert.True(rows["ai_capex"].HighNpvUsd <= rows["ai_capex"].LowNpvUsd);
        Assert.True(rows["btc_drift_per_year"].HighNpvUsd >= rows["btc_drift_per_year"].LowNpvUsd);
        Assert.Single(rows.Values.Select(r => r.BaseNpvUsd).Distinct());
        Assert.InRange(rows["power_price"].BaseNpvUsd, rows["power_price"].HighNpvUsd, rows["power_price"].LowNpvUsd);
    }
}
