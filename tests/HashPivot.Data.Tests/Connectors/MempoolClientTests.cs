using System.Net;
using HashPivot.Data.Connectors;
using HashPivot.Data.Connectors.Mempool;

namespace HashPivot.Data.Tests.Connectors;

public class MempoolClientTests
{
    private static readonly DateTimeOffset Jan1 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static MempoolClient Client(FakeHttp fake, Uri? baseUri = null) => new(fake.Client(), baseUri, new RecordedDelays().Options());

    [Fact]
    public async Task GetHashrate_Fixture_DailyTerahashAndAdjustmentsOldestFirst()
    {
        var fake = FakeHttp.Serving("mempool_hashrate.json");

        var result = await Client(fake).GetHashrateAsync("3m");

        Assert.Equal("https://mempool.space/api/v1/mining/hashrate/3m", fake.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(5, result.HashrateThs.Count);
        Assert.Equal(TimeSpan.FromDays(1), result.HashrateThs.Interval);
        Assert.Equal("TH/s", result.HashrateThs.Unit);
        Assert.Equal(Jan1, result.HashrateThs.Start);
        Assert.Equal(7.9e8, result.HashrateThs.Values[0], 6);
        Assert.Equal(8.234e8, result.CurrentHashrateThs, 6);
        Assert.Equal(109782075598905.1, result.CurrentDifficulty);
        Assert.Equal([876960L, 878976L], result.Adjustments.Select(a => a.Height));
        Assert.Equal(1.0031, result.Adjustments[1].Adjustment);
    }

    [Fact]
    public async Task ToChainHistory_AdjustmentMidWindow_DifficultyInForceAtEachDayEnd()
    {
        var fake = FakeHttp.Serving("mempool_hashrate.json");
        var result = await Client(fake).GetHashrateAsync("3m");

        var history = result.ToChainHistory();

        // The retarget at 2025-01-02T05:00Z applies from day 2 on; day 1 keeps the previous difficulty.
        Assert.Equal(5, history.Count);
        Assert.Equal(new DateOnly(2025, 1, 1), history.Dates[0]);
        Assert.Equal([109440000000000.0, 109782075598905.1, 109782075598905.1, 109782075598905.1, 109782075598905.1], history.Difficulty!.Values.ToArray());
        Assert.Equal(result.HashrateThs.Values.ToArray(), history.HashrateThs!.Values.ToArray());
        Assert.Null(history.PriceUsdPerBtc);
    }

    [Fact]
    public void ToChainHistory_DaysBeforeFirstAdjustment_Dropped()
    {
        var hashrate = new HashPivot.Engine.Series.TimeSeries("hashrate", "TH/s", TimeSpan.FromDays(1),
            [Jan1.ToUnixTimeSeconds(), Jan1.AddDays(1).ToUnixTimeSeconds(), Jan1.AddDays(2).ToUnixTimeSeconds()], [1.0, 2.0, 3.0]);
        var network = new NetworkHashrate(hashrate, [new DifficultyAdjustment(Jan1.AddDays(1).AddHours(3), 10, 5e13, 1.01)], 3, 5e13);

        var history = network.ToChainHistory();

        Assert.Equal([new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 3)], history.Dates);
        Assert.Equal([2.0, 3.0], history.HashrateThs!.Values.ToArray());
    }

    [Fact]
    public async Task GetHashrate_UnknownInterval_ThrowsArgumentExceptionWithoutRequest()
    {
        var fake = FakeHttp.Serving("mempool_hashrate.json");

        await Assert.ThrowsAsync<ArgumentException>(() => Client(fake).GetHashrateAsync("5y"));

        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task GetDifficultyAdjustments_Tuples_ParsedOldestFirst()
    {
        var fake = FakeHttp.Serving("mempool_difficulty_adjustments.json");

        var list = await Client(fake).GetDifficultyAdjustmentsAsync("1m");

        Assert.Equal("/api/v1/mining/difficulty-adjustments/1m", fake.Requests[0].Uri.AbsolutePath);
        Assert.Equal(2, list.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1735794000), list[1].Time);
        Assert.Equal(878976, list[1].Height);
    }

    [Fact]
    public async Task GetRewardStats_SatsAsStrings_ParsedToIntegersAndBtc()
    {
        var fake = FakeHttp.Serving("mempool_reward_stats.json");

        var stats = await Client(fake).GetRewardStatsAsync(144);

        Assert.Equal("/api/v1/mining/reward-stats/144", fake.Requests[0].Uri.AbsolutePath);
        Assert.Equal(new RewardStats(880001, 880144, 46_156_789_012, 1_156_789_012, 512_345), stats);
        Assert.Equal(144, stats.BlockCount);
        Assert.Equal(461.56789012, stats.TotalRewardBtc, 8);
        Assert.Equal(11.56789012, stats.TotalFeeBtc, 8);
    }

    [Fact]
    public async Task GetDifficultyAdjustment_Fixture_MillisecondFieldsConverted()
    {
        var fake = FakeHttp.Serving("mempool_difficulty_adjustment.json");

        var epoch = await Client(fake).GetDifficultyAdjustmentAsync();

        Assert.Equal("/api/v1/difficulty-adjustment", fake.Requests[0].Uri.AbsolutePath);
        Assert.Equal(44.397234501112074, epoch.ProgressPercent);
        Assert.Equal(0.9845932018381687, epoch.DifficultyChangePercent);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1737000000), epoch.EstimatedRetargetDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1736000000), epoch.PreviousTime);
        Assert.Equal(TimeSpan.FromSeconds(665977), epoch.RemainingTime);
        Assert.Equal(TimeSpan.FromMilliseconds(594093), epoch.AverageBlockTime);
        Assert.Equal(1121, epoch.RemainingBlocks);
        Assert.Equal(880992, epoch.NextRetargetHeight);
        Assert.Equal(-4.807005268478962, epoch.PreviousRetargetPercent);
        Assert.Equal(903.5, epoch.ExpectedBlocks);
    }

    [Fact]
    public async Task GetHistoricalPrice_Fixture_UsdPriceAndTimestampQuery()
    {
        var fake = FakeHttp.Serving("mempool_historical_price.json");
        var at = new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);

        var price = await Client(fake).GetHistoricalPriceAsync(at);

        Assert.Equal("?currency=USD&timestamp=1736899200", fake.Requests[0].Uri.Query);
        Assert.Equal(new BtcUsdPrice(DateTimeOffset.FromUnixTimeSeconds(1736895600), 96512), price);
    }

    [Fact]
    public async Task GetHistoricalPrice_NoPrices_ThrowsConnectorException()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Text(HttpStatusCode.OK, "{\"prices\":[],\"exchangeRates\":{}}"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetHistoricalPriceAsync(Jan1));

        Assert.Contains("no USD price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTipHeight_PlainText_Parsed()
    {
        var fake = FakeHttp.Serving("mempool_tip_height.txt", "text/plain");

        var height = await Client(fake).GetTipHeightAsync();

        Assert.Equal(880144, height);
        Assert.Equal("/api/blocks/tip/height", fake.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task GetTipHeight_NotANumber_ThrowsConnectorException()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Text(HttpStatusCode.OK, "<html>captcha</html>", "text/html"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetTipHeightAsync());

        Assert.Contains("tip height", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_BaseUriWithoutTrailingSlash_PathsAppendToIt()
    {
        var fake = FakeHttp.Serving("mempool_tip_height.txt", "text/plain");

        await Client(fake, new Uri("https://mempool.example.org/testnet/api")).GetTipHeightAsync();

        Assert.Equal("https://mempool.example.org/testnet/api/blocks/tip/height", fake.Requests[0].Uri.AbsoluteUri);
    }
}
