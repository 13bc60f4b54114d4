using System.Net;
using System.Net.Http.Headers;
using HashPivot.Data.Connectors;
using HashPivot.Data.Connectors.Mempool;

namespace HashPivot.Data.Tests.Connectors;

// The shared retry/timeout/error behaviour, driven through MempoolClient's reward-stats call (any connector would do).
public class ConnectorHttpTests
{
    private static HttpResponseMessage Rewards() => FakeHttp.Fixture("mempool_reward_stats.json");

    private static HttpResponseMessage TooManyRequests(RetryConditionHeaderValue retryAfter)
    {
        var response = FakeHttp.Text(HttpStatusCode.TooManyRequests, "slow down");
        response.Headers.RetryAfter = retryAfter;
        return response;
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfterSeconds_WaitsExactlyThatLongThenSucceeds()
    {
        var fake = FakeHttp.Sequence(() => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))), Rewards);
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options());

        var stats = await client.GetRewardStatsAsync(144);

        Assert.Equal(880144, stats.EndBlock);
        Assert.Equal([TimeSpan.FromSeconds(7)], delays.Delays);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfterDate_WaitsUntilThatDate()
    {
        var now = new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);
        var fake = FakeHttp.Sequence(() => TooManyRequests(new RetryConditionHeaderValue(now.AddSeconds(90))), Rewards);
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options(time: new FixedTime(now)));

        await client.GetRewardStatsAsync(144);

        Assert.Equal([TimeSpan.FromSeconds(90)], delays.Delays);
    }

    [Fact]
    public async Task Send_RetryAfterBeyondLimit_FailsAtOnceWithoutWaiting()
    {
        var fake = FakeHttp.Sequence(() => TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromHours(2))), Rewards);
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options());

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.GetRewardStatsAsync(144));

        Assert.Equal(429, e.StatusCode);
        Assert.Contains("7200 s", e.Message, StringComparison.Ordinal);
        Assert.Empty(delays.Delays);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Send_TooManyRequestsWithoutRetryAfter_BacksOffExponentially()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Status(HttpStatusCode.TooManyRequests), () => FakeHttp.Status(HttpStatusCode.TooManyRequests), Rewards);
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options());

        await client.GetRewardStatsAsync(144);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays.Delays);
    }

    [Fact]
    public async Task Send_ServerErrorEveryTime_RetriesUpToLimitThenThrowsConnectorException()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Text(HttpStatusCode.ServiceUnavailable, "<html>maintenance</html>", "text/html"));
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options(maxRetries: 3));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.GetRewardStatsAsync(144));

        Assert.Equal(4, fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], delays.Delays);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal("mempool.space", e.SourceName);
        Assert.Equal("https://mempool.space/api/v1/mining/reward-stats/144", e.Url);
        Assert.Contains("gave up after 4 attempt(s)", e.Message, StringComparison.Ordinal);
        Assert.Contains("maintenance", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerErrorThenSuccess_ReturnsResult()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Status(HttpStatusCode.BadGateway), Rewards);
        var client = new MempoolClient(fake.Client(), options: new RecordedDelays().Options());

        var stats = await client.GetRewardStatsAsync(144);

        Assert.Equal(46_156_789_012, stats.TotalRewardSats);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task Send_PermanentFailure_ThrowsWithoutRetry(HttpStatusCode status)
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Status(status), Rewards);
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options());

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.GetRewardStatsAsync(144));

        Assert.Equal((int)status, e.StatusCode);
        Assert.Single(fake.Requests);
        Assert.Empty(delays.Delays);
    }

    [Fact]
    public async Task Send_NetworkErrorThenSuccess_Retries()
    {
        var fake = FakeHttp.Sequence(() => throw new HttpRequestException("Connection refused (mempool.space:443)"), Rewards);
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options());

        var stats = await client.GetRewardStatsAsync(144);

        Assert.Equal(144, stats.BlockCount);
        Assert.Single(delays.Delays);
    }

    [Fact]
    public async Task Send_EveryAttemptTimesOut_RetriesThenThrowsTimeoutWithoutStatus()
    {
        var fake = new FakeHttp(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHttp.Status(HttpStatusCode.OK);
        });
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options(maxRetries: 1, timeout: TimeSpan.FromMilliseconds(50)));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.GetRewardStatsAsync(144));

        Assert.Equal(2, fake.Requests.Count);
        Assert.Single(delays.Delays);
        Assert.Null(e.StatusCode);
        Assert.Contains("timed out after 0.05 s", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
    }

    [Fact]
    public async Task Send_CallerCancelsDuringRequest_ThrowsOperationCanceledWithoutRetry()
    {
        using var cts = new CancellationTokenSource();
        var fake = new FakeHttp(async (_, _, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return FakeHttp.Status(HttpStatusCode.OK);
        });
        var delays = new RecordedDelays();
        var client = new MempoolClient(fake.Client(), options: delays.Options());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetRewardStatsAsync(144, cts.Token));

        Assert.Single(fake.Requests);
        Assert.Empty(delays.Delays);
    }

    [Fact]
    public async Task Send_CallerCancelsDuringBackoff_ThrowsOperationCanceledWithoutFurtherRequests()
    {
        using var cts = new CancellationTokenSource();
        var fake = FakeHttp.Sequence(() => FakeHttp.Status(HttpStatusCode.ServiceUnavailable), Rewards);
        var options = new ConnectorOptions
        {
            Delay = async (_, ct) =>
            {
                await cts.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            },
        };
        var client = new MempoolClient(fake.Client(), options: options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetRewardStatsAsync(144, cts.Token));

        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Send_AlreadyCancelled_SendsNothing()
    {
        var fake = FakeHttp.Sequence(Rewards);
        var client = new MempoolClient(fake.Client(), options: new RecordedDelays().Options());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetRewardStatsAsync(144, new CancellationToken(canceled: true)));

        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task GetJson_MalformedJson_ThrowsConnectorExceptionNamingSourceAndUrl()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Text(HttpStatusCode.OK, "{\"startBlock\": 880001, \"endBlock\": "));
        var client = new MempoolClient(fake.Client(), options: new RecordedDelays().Options());

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.GetRewardStatsAsync(144));

        Assert.StartsWith("mempool.space: malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://mempool.space/api/v1/mining/reward-stats/144", e.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task GetJson_WrongShape_ThrowsConnectorExceptionNamingField()
    {
        var fake = FakeHttp.Sequence(() => FakeHttp.Text(HttpStatusCode.OK, "{\"startBlock\": 1, \"endBlock\": 2, \"totalReward\": \"lots\", \"totalFee\": \"1\", \"totalTx\": \"1\"}"));
        var client = new MempoolClient(fake.Client(), options: new RecordedDelays().Options());

        var e = await Assert.ThrowsAsync<ConnectorException>(() => client.GetRewardStatsAsync(144));

        Assert.Contains("totalReward", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AnyRequest_SendsUserAgent()
    {
        var fake = FakeHttp.Sequence(Rewards);
        var client = new MempoolClient(fake.Client(), options: new RecordedDelays().Options());

        await client.GetRewardStatsAsync(144);

        Assert.Equal(ConnectorOptions.DefaultUserAgent, fake.Requests[0].Header("User-Agent"));
    }

    [Theory]
    [InlineData("https://api.example.com/x?apiKey=abc123&days=3", "https://api.example.com/x?apiKey=***&days=3")]
    [InlineData("https://user:pw@api.example.com:8443/x?access_token=t0k&page=2", "https://api.example.com:8443/x?access_token=***&page=2")]
    [InlineData("https://api.example.com/x?password=hunter2", "https://api.example.com/x?password=***")]
    [InlineData("https://mempool.space/api/v1/historical-price?currency=USD&timestamp=1", "https://mempool.space/api/v1/historical-price?currency=USD&timestamp=1")]
    public void Redact_Url_MasksSecretLookingParametersAndUserInfo(string url, string expected) =>
        Assert.Equal(expected, ConnectorHttp.Redact(new Uri(url)));

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(3, 1.0, 8000)]
    [InlineData(10, 1.0, 30000)]
    [InlineData(10, 0.0, 15000)]
    public void Backoff_AttemptAndJitter_DoublesFromBaseCappedAtMaxWithHalfToFullJitter(int attempt, double jitter, double expectedMs)
    {
        var http = new ConnectorHttp(new HttpClient(), "test", new ConnectorOptions { Jitter = () => jitter });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), http.Backoff(attempt));
    }

    [Fact]
    public void Scrub_RegisteredSecretsPlainAndEncoded_Masked()
    {
        var http = new ConnectorHttp(new HttpClient(), "test", null);
        http.AddSecret("p@ss word");

        var scrubbed = http.Scrub("raw p@ss word, url p%40ss%20word, form p%40ss+word");

        Assert.Equal("raw ***, url ***, form ***", scrubbed);
    }
}
