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
