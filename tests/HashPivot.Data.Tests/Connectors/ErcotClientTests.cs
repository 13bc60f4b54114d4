using System.Net;
using System.Web;
using HashPivot.Data.Connectors;
using HashPivot.Data.Connectors.Ercot;
using HashPivot.Data.Csv.Grid;

namespace HashPivot.Data.Tests.Connectors;

public class ErcotClientTests
{
    private const string Password = "S3cret-P@ss word!";
    private const string Key = "0123456789abcdef0123456789abcdef";
    private const string IdToken = "eyJhbGciOiJSUzI1NiJ9.fake-id-token-payload.sig";
    private static readonly ErcotCredentials Credentials = new("miner@example.com", Password, Key);
    private static readonly DateOnly June1 = new(2024, 6, 1);

    private static bool IsToken(SeenRequest r) => r.Uri.Host == "ercotb2c.b2clogin.com";

    /// <summary>Serves the token fixture to the token endpoint and <paramref name="api"/> to everything else.</summary>
    private static FakeHttp Ercot(Func<SeenRequest, int, HttpResponseMessage> api)
    {
        var apiCalls = 0;
        return new FakeHttp((r, _) => IsToken(r) ? FakeHttp.Fixture("ercot_token.json") : api(r, apiCalls++));
    }

    private static ErcotClient Client(FakeHttp fake, RecordedDelays? delays = null, ErcotOptions? options = null) =>
        new(fake.Client(), Credentials, (options ?? new ErcotOptions()) with { Connector = (delays ?? new RecordedDelays()).Options() });

    private static string Query(SeenRequest r, string name) => HttpUtility.ParseQueryString(r.Uri.Query)[name] ?? "";

    [Fact]
    public async Task GetDayAhead_ThreePages_RequestsEveryPageAndMergesInTimeOrder()
    {
        var fake = Ercot((r, _) => FakeHttp.Fixture($"ercot_dam_page{Query(r, "page")}.json"));

        var prices = await Client(fake, options: new ErcotOptions { PageSize = 3 }).GetDayAheadPricesAsync(June1, June1);

        var api = fake.Requests.Where(r => !IsToken(r)).ToList();
        Assert.Equal(["1", "2", "3"], api.Select(r => Query(r, "page")));
        Assert.All(api, r => Assert.Equal("/api/public-reports/np4-190-cd/dam_stlmnt_pnt_prices", r.Uri.AbsolutePath));
        Assert.All(api, r => Assert.Equal("3", Query(r, "size")));
        Assert.All(api, r => Assert.Equal("2024-06-01", Query(r, "deliveryDateFrom")));
        Assert.All(api, r => Assert.Equal("2024-06-01", Query(r, "deliveryDateTo")));
        Assert.Equal(GridPriceLayout.ErcotLongHourly, prices.Layout);
        Assert.Equal(["HB_NORTH", "HB_WEST"], prices.Series.Select(s => s.Name));
        var north = prices.Find("HB_NORTH")!;
        Assert.Equal(TimeSpan.FromHours(1), north.Interval);
        Assert.Equal("USD/MWh", north.Unit);
        // CDT (UTC-5): HE01 starts at local 00:00 = 05:00Z.
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 5, 0, 0, TimeSpan.Zero), north.Start);
        Assert.Equal([21.5, 19.75, 18.0, 17.25], north.Values.ToArray());
        Assert.Equal([19.25, 17.5, 16.0], prices.Find("HB_WEST")!.Values.ToArray());
    }

    [Fact]
    public async Task GetDayAhead_Request_SendsBearerIdTokenAndSubscriptionKeyAndRopcForm()
    {
        var fake = Ercot((_, _) => FakeHttp.Fixture("ercot_dam_fallback.json"));

        await Client(fake).GetDayAheadPricesAsync(new DateOnly(2024, 11, 3), new DateOnly(2024, 11, 3), ["HB_NORTH"]);

        var token = Assert.Single(fake.Requests, IsToken);
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Equal("/ercotb2c.onmicrosoft.com/B2C_1_PUBAPI-ROPC-FLOW/oauth2/v2.0/token", token.Uri.AbsolutePath);
        var form = HttpUtility.ParseQueryString(token.Body!);
        Assert.Equal("miner@example.com", form["username"]);
        Assert.Equal(Password, form["password"]);
        Assert.Equal("password", form["grant_type"]);
        Assert.Equal("id_token", form["response_type"]);
        Assert.Equal("fec253ea-0d06-4272-a5e6-b478baeecd70", form["client_id"]);
        Assert.Equal("openid fec253ea-0d06-4272-a5e6-b478baeecd70 offline_access", form["scope"]);
        var api = Assert.Single(fake.Requests, r => !IsToken(r));
        Assert.Equal("Bearer " + IdToken, api.Header("Authorization"));
        Assert.Equal(Key, api.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal("HB_NORTH", Query(api, "settlementPoint"));
    }

    [Fact]
    public async Task GetDayAhead_FallBackDay_Returns25ConsecutiveUtcHours()
    {
        var fake = Ercot((_, _) => FakeHttp.Fixture("ercot_dam_fallback.json"));
        var day = new DateOnly(2024, 11, 3);

        var north = (await Client(fake).GetDayAheadPricesAsync(day, day)).Find("HB_NORTH")!;

        Assert.Equal(25, north.Count);
        // Local midnight CDT = 05:00Z; the day ends at local midnight CST = 06:00Z next day.
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 5, 0, 0, TimeSpan.Zero), north.Start);
        Assert.Equal(new DateTimeOffset(2024, 11, 4, 6, 0, 0, TimeSpan.Zero), north.End);
        var starts = north.StartsUnixSeconds.ToArray();
        Assert.All(starts.Zip(starts.Skip(1)), p => Assert.Equal(3600, p.Second - p.First));
        // HE02 (CDT, flag false) at 06:00Z then the repeated HE02 (CST, flag true) at 07:00Z.
        Assert.Equal(22.0, north.Values[1]);
        Assert.Equal(99.0, north.Values[2]);
        Assert.Equal(23.0, north.Values[3]);
    }

    [Fact]
    public async Task GetRealTime_Fixture_FifteenMinuteSeriesPerPoint()
    {
        var fake = Ercot((_, _) => FakeHttp.Fixture("ercot_rt.json"));

        var prices = await Client(fake).GetRealTimePricesAsync(June1, June1);

        Assert.Equal("/api/public-reports/np6-905-cd/spp_node_zone_hub", fake.Requests.Single(r => !IsToken(r)).Uri.AbsolutePath);
        Assert.Equal(GridPriceLayout.ErcotLongFifteenMinute, prices.Layout);
        var north = prices.Find("HB_NORTH")!;
        Assert.Equal(TimeSpan.FromMinutes(15), north.Interval);
        Assert.Equal(8, north.Count);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 5, 0, 0, TimeSpan.Zero), north.Start);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 7, 0, 0, TimeSpan.Zero), north.End);
        Assert.Equal([21.25, 21.5, 21.75, 22.0, 22.25, 22.5, 22.75, 23.0], north.Values.ToArray());
        Assert.Equal([15.5], prices.Find("LZ_WEST")!.Values.ToArray());
    }

    [Fact]
    public async Task GetDayAhead_TwoCalls_ReuseOneToken()
    {
        var fake = Ercot((_, _) => FakeHttp.Fixture("ercot_dam_fallback.json"));
        var client = Client(fake);
        var day = new DateOnly(2024, 11, 3);

        await client.GetDayAheadPricesAsync(day, day);
        await client.GetDayAheadPricesAsync(day, day);

        Assert.Single(fake.Requests, IsToken);
        Assert.Equal(2, fake.Requests.Count(r => !IsToken(r)));
    }

    [Fact]
    public async Task GetDayAhead_TokenNearExpiry_RenewsToken()
    {
        var time = new FixedTime(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var fake = Ercot((_, _) => FakeHttp.Fixture("ercot_dam_fallback.json"));
        var delays = new RecordedDelays();
        var client = new ErcotClient(fake.Client(), Credentials, new ErcotOptions { Connector = delays.Options(time: time) });
        var day = new DateOnly(2024, 11, 3);

        await client.GetDayAheadPricesAsync(day, day);
        time.Now = time.Now.AddMinutes(56); // 3600 s lifetime, renewed 5 minutes early
        await client.GetDayAheadPricesAsync(day, day);

        Assert.Equal(2, fake.Requests.Count(IsToken));
    }

    [Fact]
    public async Task GetDayAhead_ApiSays401_RenewsTokenOnceAndRetries()
    {
        var fake = Ercot((_, i) => i == 0 ? FakeHttp.Status(HttpStatusCode.Unauthorized) : FakeHttp.Fixture("ercot_dam_fallback.json"));
        var day = new DateOnly(2024, 11, 3);

        var prices = await Client(fake).GetDayAheadPricesAsync(day, day);

        Assert.Equal(25, prices.Find("HB_NORTH")!.Count);
        Assert.Equal(2, fake.Requests.Count(IsToken));
    }

    [Fact]
    public async Task GetDayAhead_ApiSays401Twice_ThrowsConnectorException()
    {
        var fake = Ercot((_, _) => FakeHttp.Status(HttpStatusCode.Unauthorized));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDayAheadPricesAsync(June1, June1));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal(2, fake.Requests.Count(r => !IsToken(r)));
    }

    [Fact]
    public async Task GetDayAhead_TokenEndpointRejectsAndEchoesForm_MessageHoldsNoSecret()
    {
        // A hostile or buggy token endpoint echoing the posted form must not leak the password into the message.
        var fake = new FakeHttp((r, _) => FakeHttp.Text(HttpStatusCode.BadRequest,
            $"{{\"error\":\"invalid_grant\",\"error_description\":\"AADB2C90225: bad password {HttpUtility.ParseQueryString(r.Body!)["password"]} in {r.Body}\"}}"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDayAheadPricesAsync(June1, June1));

        Assert.Equal(400, e.StatusCode);
        Assert.Contains("AADB2C90225", e.Message, StringComparison.Ordinal);
        AssertNoSecret(e);
    }

    [Fact]
    public async Task GetDayAhead_ApiErrorEchoesKeyAndToken_MessageHoldsNoSecret()
    {
        var fake = Ercot((r, _) => FakeHttp.Text(HttpStatusCode.Forbidden,
            $"{{\"statusCode\":403,\"message\":\"key {r.Header("Ocp-Apim-Subscription-Key")} not valid for {r.Header("Authorization")}\"}}"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDayAheadPricesAsync(June1, June1));

        Assert.Equal(403, e.StatusCode);
        Assert.Contains("not valid for Bearer ***", e.Message, StringComparison.Ordinal);
        AssertNoSecret(e);
    }

    [Fact]
    public async Task GetDayAhead_ServerErrorsToLimit_MessageHoldsNoSecret()
    {
        var fake = Ercot((r, _) => FakeHttp.Text(HttpStatusCode.InternalServerError, "upstream failed; request headers: " + string.Join(";", r.Headers.Values)));
        var delays = new RecordedDelays();

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake, delays).GetDayAheadPricesAsync(June1, June1));

        Assert.Equal(3, delays.Delays.Count);
        AssertNoSecret(e);
    }

    [Fact]
    public async Task GetDayAhead_SpringForwardHourThatDoesNotExist_ThrowsNamingPageAndRow()
    {
        var body = """
            {"_meta":{"totalRecords":2,"pageSize":10,"totalPages":1,"currentPage":1},
             "fields":[{"name":"deliveryDate","dataType":"DATE"},{"name":"hourEnding","dataType":"STRING"},{"name":"settlementPoint","dataType":"STRING"},{"name":"settlementPointPrice","dataType":"DOUBLE"},{"name":"DSTFlag","dataType":"BOOLEAN"}],
             "data":[["2024-03-10","02:00","HB_NORTH",20.1,false],["2024-03-10","03:00","HB_NORTH",20.2,false]]}
            """;
        var fake = Ercot((_, _) => FakeHttp.Text(HttpStatusCode.OK, body));
        var day = new DateOnly(2024, 3, 10);

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDayAheadPricesAsync(day, day));

        Assert.Contains("page 1 row 2: hour ending 03 does not exist on 2024-03-10", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("ERCOT:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDayAhead_FieldsInAnotherOrder_MappedByName()
    {
        var body = """
            {"_meta":{"totalRecords":1,"pageSize":10,"totalPages":1,"currentPage":1},
             "fields":[{"name":"settlementPointPrice","dataType":"DOUBLE"},{"name":"DSTFlag","dataType":"BOOLEAN"},{"name":"settlementPoint","dataType":"STRING"},{"name":"hourEnding","dataType":"STRING"},{"name":"deliveryDate","dataType":"DATE"}],
             "data":[[31.4,false,"HB_HOUSTON","13:00","2024-06-01"]]}
            """;
        var fake = Ercot((_, _) => FakeHttp.Text(HttpStatusCode.OK, body));

        var houston = (await Client(fake).GetDayAheadPricesAsync(June1, June1)).Find("HB_HOUSTON")!;

        Assert.Equal(new DateTimeOffset(2024, 6, 1, 17, 0, 0, TimeSpan.Zero), houston.Start);
        Assert.Equal([31.4], houston.Values.ToArray());
    }

    [Fact]
    public async Task GetDayAhead_SameIntervalTwiceWithDifferentPrices_ThrowsConnectorException()
    {
        var body = """
            {"_meta":{"totalRecords":2,"pageSize":10,"totalPages":1,"currentPage":1},
             "fields":[{"name":"deliveryDate"},{"name":"hourEnding"},{"name":"settlementPoint"},{"name":"settlementPointPrice"},{"name":"DSTFlag"}],
             "data":[["2024-06-01","01:00","HB_NORTH",20.0,false],["2024-06-01","01:00","HB_NORTH",25.0,false]]}
            """;
        var fake = Ercot((_, _) => FakeHttp.Text(HttpStatusCode.OK, body));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDayAheadPricesAsync(June1, June1));

        Assert.Contains("conflicting prices for HB_NORTH at 2024-06-01T05:00Z", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDayAhead_MalformedJson_ThrowsConnectorExceptionNamingSourceAndUrl()
    {
        var fake = Ercot((_, _) => FakeHttp.Text(HttpStatusCode.OK, "{\"_meta\":{\"totalPages\":1},\"fields\":[{\"name\":"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => Client(fake).GetDayAheadPricesAsync(June1, June1));

        Assert.Equal("ERCOT", e.SourceName);
        Assert.StartsWith("ERCOT: malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://api.ercot.com/api/public-reports/np4-190-cd/dam_stlmnt_pnt_prices?deliveryDateFrom=2024-06-01", e.Message, StringComparison.Ordinal);
        AssertNoSecret(e);
    }

    [Fact]
    public async Task GetDayAhead_CancelledDuringPaging_ThrowsOperationCanceledAndStops()
    {
        using var cts = new CancellationTokenSource();
        var fake = Ercot((r, _) =>
        {
            cts.Cancel();
            return FakeHttp.Fixture($"ercot_dam_page{Query(r, "page")}.json");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Client(fake, options: new ErcotOptions { PageSize = 3 }).GetDayAheadPricesAsync(June1, June1, null, cts.Token));

        Assert.Single(fake.Requests, r => !IsToken(r));
    }

    [Fact]
    public void FromEnvironment_AllVariablesSet_ReturnsCredentials()
    {
        var env = new Dictionary<string, string?>
        {
            ["ERCOT_API_USERNAME"] = "u@example.com",
            ["ERCOT_API_PASSWORD"] = Password,
            ["ERCOT_API_SUBSCRIPTION_KEY"] = Key,
        };

        var credentials = ErcotCredentials.FromEnvironment(n => env.GetValueOrDefault(n), out var problem);

        Assert.Null(problem);
        Assert.Equal("u@example.com", credentials!.Username);
        Assert.Equal(Password, credentials.Password);
        Assert.Equal(Key, credentials.SubscriptionKey);
    }

    [Fact]
    public void FromEnvironment_PasswordAndKeyMissing_NullWithMessageNamingThem()
    {
        var credentials = ErcotCredentials.FromEnvironment(n => n == "ERCOT_API_USERNAME" ? "u@example.com" : " ", out var problem);

        Assert.Null(credentials);
        Assert.Contains("ERCOT_API_PASSWORD, ERCOT_API_SUBSCRIPTION_KEY", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("ERCOT_API_USERNAME", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Credentials_ShowsNoSecret()
    {
        var text = Credentials.ToString();

        Assert.Contains("miner@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(ConnectorException e)
    {
        foreach (var text in new[] { e.Message, e.Reason, e.Url, e.ToString() })
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Password), text, StringComparison.Ordinal);
            Assert.DoesNotContain(WebUtility.UrlEncode(Password), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(IdToken, text, StringComparison.Ordinal);
        }
    }
}
