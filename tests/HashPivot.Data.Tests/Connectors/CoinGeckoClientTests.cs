using System.Net;
using HashPivot.Data.Connectors;
using HashPivot.Data.Connectors.CoinGecko;

namespace HashPivot.Data.Tests.Connectors;

public class CoinGeckoClientTests
{
    [Fact]
    public async Task GetBitcoinDailyUsd_Fixture_OneMidnightPointPerDay()
    {
        var fake = FakeHttp.Serving("coingecko_market_chart.json");
        var client = new CoinGeckoClient(fake.Client(), options: new RecordedDelays().Options());

        var series = await client.GetBitcoinDailyUsdAsync(3);

        Assert.Equal("/api/v3/coins/bitcoin/market_chart", fake.Requests[0].Uri.AbsolutePath);
        Assert.Equal("?vs_currency=usd&days=3&interval=daily", fake.Requests[0].Uri.Query);
        Assert.Equal("USD/BTC", series.Unit);
        Assert.Equal(TimeSpan.FromDays(1), series.Interval);
        Assert.Equal(new DateTimeOffset(2025, 1, 12, 0, 0, 0, TimeSpan.Zero), series.Start);
        // The last day's intraday "now" point (97100) loses to its midnight point.
        Assert.Equal([94500.1, 94050.7, 96500.2], series.Values.ToArray());
    }

    [Fact]
    public async Task GetBitcoinDailyUsd_ApiKeyRejected_KeySentInHeaderButNotInMessage()
    {
        const string apiKey = "CG-abcdefghijklmnop";
        var fake = new FakeHttp((r, _) => FakeHttp.Text(HttpStatusCode.Unauthorized, $"{{\"error\":\"invalid key {r.Header("x-cg-demo-api-key")}\"}}"));
        var client = new CoinGeckoClient(fake.Client(), apiKey: apiKey, options: new RecordedDelays().Options());

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.GetBitcoinDailyUsdAsync(3));

        Assert.Equal(apiKey, fake.Requests[0].Header("x-cg-demo-api-key"));
        Assert.Contains("invalid key ***", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, e.ToString(), StringComparison.Ordinal);
    }
}
