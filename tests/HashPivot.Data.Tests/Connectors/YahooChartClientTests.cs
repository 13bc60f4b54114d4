using System.Net;
using HashPivot.Data.Connectors;
using HashPivot.Data.Connectors.Yahoo;

namespace HashPivot.Data.Tests.Connectors;

public class YahooChartClientTests
{
    private static readonly DateOnly From = new(2025, 1, 13);
    private static readonly DateOnly To = new(2025, 1, 16);

    private static YahooChartClient Client(FakeHttp fake) => new(fake.Client(), options: new RecordedDelays().Options() with { UserAgent = ConnectorOptions.DefaultUserAgent });

    [Fact]
    public async Task GetDaily_Fixture_BarsOnExchangeDatesWithNullDaySkipped()
    {
        var fake = FakeHttp.Serving("yahoo_chart_IREN.json");

        var bars = await Client(fake).GetDailyAsync("IREN", From, To);

        Assert.Equal("IREN", bars.Symbol);
        Assert.Equal("USD", bars.Currency);
        Assert.Equal([new DateOnly(2025, 1, 13), new DateOnly(2025, 1, 14), new DateOnly(2025, 1, 16)], bars.Bars.Select(b => b.Date));
        Assert.Equal(new DailyBar(new DateOnly(2025, 1, 13), 10.7, 11.2, 10.4, 11.05, 11.05, 21_034_500), bars.Bars[0]);
        Assert.Equal(25_990_100, bars.Bars[2].Volume);
    }

    [Fact]
    public async Task GetDaily_Request_PeriodQueryAndBrowserUserAgent()
    {
        var fake = FakeHttp.Serving("yahoo_chart_IREN.json");

        await Client(fake).GetDailyAsync("^GSPC", From, To);

        var request = fake.Requests[0];
        Assert.Equal("/v8/finance/chart/%5EGSPC", request.Uri.AbsolutePath);
        Assert.Equal("?period1=1736726400&period2=1737072000&interval=1d&includeAdjustedClose=true", request.Uri.Query);
        Assert.StartsWith("Mozilla/5.0", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToSeries_Bars_AdjustedCloseAtUtcMidnight()
    {
        var fake = FakeHttp.Serving("yahoo_chart_IREN.json");

        var series = (await Client(fake).GetDailyAsync("IREN", From, To)).ToSeries();

        Assert.Equal("IREN", series.Name);
        Assert.Equal("USD", series.Unit);
        Assert.Equal(new DateTimeOffset(2025, 1, 13, 0, 0, 0, TimeSpan.Zero), series.Start);
        Assert.Equal([11.05, 11.3, 11.9], series.Values.ToArray());
    }

    [Fact]
    public async Task GetDaily_UnknownSymbol404_ThrowsWithYahooDescriptionAndNoRetry()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Text(HttpStatusCode.NotFound, Fixtures.Read("yahoo_chart_notfound.json")));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDailyAsync("NOPE", From, To));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal("Yahoo Finance", e.SourceName);
        Assert.Contains("symbol may be delisted", e.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task GetDaily_ErrorObjectWithStatus200_ThrowsConnectorException()
    {
        var fake = FakeHttp.Serving("yahoo_chart_notfound.json");

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDailyAsync("NOPE", From, To));

        Assert.Contains("Yahoo reports an error for NOPE: No data found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDaily_ArraysOfDifferentLength_ThrowsConnectorException()
    {
        var body = Fixtures.Read("yahoo_chart_IREN.json").Replace("\"volume\": [", "\"volume\": [1, ", StringComparison.Ordinal);
        var fake = FakeHttp.Sequence(() => FakeHttp.Text(HttpStatusCode.OK, body));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDailyAsync("IREN", From, To));

        Assert.Contains("'volume' has 5 values for 4 timestamps", e.Message, StringComparison.Ordinal);
    }
}
