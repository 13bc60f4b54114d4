using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Portfolios;
using MiniExcelLibs;

namespace HashPivot.Web.Tests;

// What the API answers: the same engine results as the CLI for the same inputs, portfolios that validate and round-trip,
// dispatch runs stored with their schedule, and exports that read back.
public sealed class ApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    private static readonly string SamplePortfolio = Path.Combine(Repo.Root, "samples", "portfolio.yaml");

    [Fact]
    public async Task Compare_SeededSamplePortfolio_EqualsTheCliDocumentForTheSampleFile()
    {
        var admin = await server.DemoAdminAsync();
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/portfolios"))[0].GetProperty("id").GetInt64();

        var api = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{id}/compare");

        // The CLI path: the sample file read from disk with its CSV series (the server reads the same series from the seeded dataset).
        var cli = CompareDocument.Run(new PortfolioLoader(new GridPriceSeriesReader()).LoadFile(SamplePortfolio));
        var expected = JsonSerializer.SerializeToElement(cli, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        Assert.Equal(expected.GetProperty("totals").ToString(), api.GetProperty("totals").ToString());
        Assert.Equal(
            expected.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("mining").ToString()),
            api.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("mining").ToString()));
        Assert.Equal("series synthetic-grid-2024", api.GetProperty("sites")[1].GetProperty("power_price").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Hashprice_PublishedExample_MatchesHandCalculation()
    {
        var admin = await server.DemoAdminAsync();

        var result = await admin.GetFromJsonAsync<JsonElement>("/api/v1/hashprice?btc_price_usd=100000&difficulty=1e14&subsidy_btc=3.125");

        // Hand calculation (domain.md §1.1): HP = 1e15 × 86,400 / (1e14 × 2^32) × 3.125 × 100,000 = 62.864 USD/PH/day.
        Assert.Equal(1e15 * 86_400 / (1e14 * 4_294_967_296.0) * 3.125 * 100_000, result.GetProperty("hashprice_usd_per_ph_day").GetDouble(), 9);
    }

    [Fact]
    public async Task Hashprice_MissingAndNegative_Is400NamingBothFields()
    {
        var admin = await server.DemoAdminAsync();

        var response = await admin.GetAsync("/api/v1/hashprice?difficulty=-1");
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["btc_price_usd", "difficulty"], fields);
    }

    [Fact]
    public async Task Portfolio_CreateReadUpdateDelete_RoundTripsAndValidates()
    {
        var (editor, _) = await server.MemberAsync("crud-" + Guid.NewGuid().ToString("N")[..8], Data.Store.WorkspaceRole.Editor);
        var yaml = File.ReadAllText(SamplePortfolio).Replace("  - name: North Hub merchant", "  - name: North Hub fixed", StringComparison.Ordinal)
            .Replace("      series: synthetic/grid_prices_hourly_2024_synthetic.csv", "      fixed_usd_per_mwh: 45", StringComparison.Ordinal)
            .Replace("      adder_usd_per_mwh: 12", "", StringComparison.Ordinal);

        var created = await editor.PostAsJsonAsync("/api/v1/portfolios", new { name = "mine", document = yaml });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var sites = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{id}/sites");
        var bad = await editor.PutAsJsonAsync($"/api/v1/portfolios/{id}", new { name = "mine", document = yaml.Replace("interconnection_mw: 300", "interconnection_mw: -300", StringComparison.Ordinal) });
        var renamed = await editor.PutAsJsonAsync($"/api/v1/portfolios/{id}", new { name = "renamed", document = yaml });
        var duplicate = await editor.PostAsJsonAsync("/api/v1/portfolios", new { name = "renamed", document = yaml });
        var deleted = await editor.DeleteAsync($"/api/v1/portfolios/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["Permian PPA", "North Hub fixed", "Columbia hydro", "Plains half-leased"], sites.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("sites[0].interconnection_mw", error.GetProperty("field").GetString());
        Assert.True(error.GetProperty("line").GetInt32() > 30);
        Assert.Equal("renamed", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/api/v1/portfolios/{id}")).StatusCode);
    }

    [Fact]
    public async Task Portfolio_SeriesNamingAFileOnTheServer_IsRefusedNotRead()
    {
        var (editor, _) = await server.MemberAsync("files-" + Guid.NewGuid().ToString("N")[..8], Data.Store.WorkspaceRole.Editor);
        var yaml = File.ReadAllText(SamplePortfolio).Replace("series: synthetic/grid_prices_hourly_2024_synthetic.csv", "series: /etc/passwd", StringComparison.Ordinal);

        var response = await editor.PostAsJsonAsync("/api/v1/portfolios", new { name = "sneaky", document = yaml });
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sites[1].power.series", error.GetProperty("field").GetString());
        Assert.Contains("no dataset named '/etc/passwd'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_QuickForm_EqualsEngineAndStoresARunWhoseXlsxReadsBack()
    {
        var admin = await server.DemoAdminAsync();
        var request = new { quick = new { fleet_mw = 100, fleet_jth = 17.5, ppa_mw = 100, ppa_usd_per_mwh = 30 }, prices = "synthetic-grid-2024", hashprice_usd_per_ph_day = 45 };

        var response = await admin.PostAsJsonAsync("/api/v1/dispatch", request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var runId = body.GetProperty("run_id").GetString();
        var run = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{runId}");
        var csv = await admin.GetStringAsync($"/api/v1/runs/{runId}/schedule.csv");
        var xlsx = await admin.GetByteArrayAsync($"/api/v1/runs/{runId}/schedule.xlsx");

        // The same engine call with the same inputs, made here directly from the sample CSV.
        var prices = GridPriceCsv.ParseFile(Path.Combine(Repo.Root, "samples", "synthetic", "grid_prices_hourly_2024_synthetic.csv")).Value.Series[0];
        var site = DispatchInputs.QuickSite(100, 17.5, null, 0, 0, 100, 30, 0, null);
        var expected = new HashPivot.Engine.Dispatch.FastDispatchSolver().Solve(site.ToProblem(prices, new HashPivot.Engine.Units.UsdPerPetahashDay(45), []));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Totals!.MarginUsd, body.GetProperty("result").GetProperty("margin_usd").GetDouble(), 6);
        Assert.Equal(HashPivot.Data.Store.RunInputs.Hash(run.GetProperty("inputs").GetRawText()), run.GetProperty("input_hash").GetString());

        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var csvLines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(prices.Count, rows.Count);
        Assert.Equal(csvLines.Length - 1, rows.Count);
        Assert.Equal(csvLines[0].Split(','), rows[0].Keys);
        var mined = rows.Sum(r => Convert.ToDouble(r["mining_mw"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Totals.MinedMwh, mined, 3); // hourly intervals: MWh = sum of MW
        Assert.Equal(prices.Values[5], Convert.ToDouble(rows[5]["price_usd_per_mwh"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Dispatch_BadInputs_Is400NamingEveryField()
    {
        var admin = await server.DemoAdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/dispatch", new { prices = "", solver = "magic", hashprice_usd_per_ph_day = -1 });
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["prices", "solver", "hashprice_usd_per_ph_day"], fields);
    }

    [Fact]
    public async Task Dataset_UploadListShowDelete()
    {
        var (editor, _) = await server.MemberAsync("data-" + Guid.NewGuid().ToString("N")[..8], Data.Store.WorkspaceRole.Editor);
        const string csv = "timestamp,value\n2024-01-01T00:00:00Z,30\n2024-01-01T01:00:00Z,-5.5\n2024-01-01T02:00:00Z,4999\n";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(csv), "file", "tiny.csv" },
            { new StringContent("grid"), "kind" },
            { new StringContent("tiny prices"), "name" },
        };

        var upload = await editor.PostAsync("/api/v1/datasets", content);
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/v1/datasets");
        var detail = await editor.GetFromJsonAsync<JsonElement>("/api/v1/datasets/tiny%20prices");
        var seriesName = detail.GetProperty("series")[0].GetProperty("name").GetString();
        var series = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/tiny%20prices/series/{seriesName}?from=2024-01-01T01:00:00Z");
        var deleted = await editor.DeleteAsync("/api/v1/datasets/tiny%20prices");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(["tiny prices"], list.EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal([-5.5, 4999.0], series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Sector_JsonEqualsCliDocument_AndXlsxReadsBackTheSameRows()
    {
        var admin = await server.DemoAdminAsync();

        var api = await admin.GetFromJsonAsync<JsonElement>("/api/v1/sector?as_of=2026-05-26");
        var xlsx = await admin.GetByteArrayAsync("/api/v1/sector/table.xlsx?as_of=2026-05-26");

        var cli = SectorDocument.Build(HashPivot.Data.Sector.SectorCsv.ParseEmbedded().Value, new DateOnly(2026, 5, 26));
        Assert.Equal(cli.TotalGw, api.GetProperty("total_gw").GetDouble());
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(cli.Companies.Select(c => c.Ticker).Append(cli.Total.Ticker), rows.Select(r => (string)r["ticker"]));
        Assert.Equal(cli.Total.GwTotal, Convert.ToDouble(rows[^1]["gw_total"], System.Globalization.CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public async Task Sector_EveryAnswerEqualsADocumentBuiltAfresh_ForEachDate_AlsoPastTheCachedDates()
    {
        // The server parses the embedded dataset once and keeps each date's document and JSON (EmbeddedSector); every answer, the first,
        // a repeated one and one past the cache's bound, must equal the document built from a fresh parse for that date.
        var admin = await server.DemoAdminAsync();
        var fresh = HashPivot.Data.Sector.SectorCsv.ParseEmbedded().Value!;
        var dates = Enumerable.Range(0, Api.EmbeddedSector.MaxDates + 6).Select(d => new DateOnly(2025, 1, 1).AddDays(9 * d)).ToList();

        foreach (var (date, query) in dates.Select(d => ((DateOnly?)d, "?as_of=" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
                     .Prepend((null, "")).Prepend((new DateOnly(2026, 5, 26), "?as_of=2026-05-26")).Append((null, "")).Append((dates[0], "?as_of=" + dates[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
        {
            using var response = await admin.GetAsync("/api/v1/sector" + query);
            var expected = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(SectorDocument.Build(fresh, date), Api.ApiJson.Options));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected, System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())),
                $"GET /api/v1/sector{query} differs from the document built afresh");
        }

        var bad = await admin.GetAsync("/api/v1/sector?as_of=26-05-2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task MarketsEvent_SyntheticSample_FindsThePlantedAbnormalReturn()
    {
        var admin = await server.DemoAdminAsync();

        var events = await admin.GetFromJsonAsync<JsonElement>("/api/v1/markets/event?tickers=SYNA,SYNC&benchmark=SYNMKT&date=2026-05-26&window_start=0&window_end=0");

        // samples/README.md: SYNA has +8 % abnormal return planted on 2026-05-26 (plus its own noise), SYNC none.
        Assert.True(events[0].GetProperty("abnormal_return_pct").GetDouble() > 5);
        Assert.True(events[0].GetProperty("t_stat").GetDouble() > 2);
        Assert.True(Math.Abs(events[1].GetProperty("t_stat").GetDouble()) < 2);
    }

    [Fact]
    public async Task OpenApi_SignedIn_DescribesTheApi()
    {
        var admin = await server.DemoAdminAsync();

        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/v1/portfolios/{id}/compare", paths);
        Assert.Contains("/api/v1/dispatch", paths);
        Assert.DoesNotContain("/health", paths);

        // The problem answers a caller must handle, as application/problem+json: 401 everywhere, 404 for a named object, 400 for a body.
        string[] Codes(string path, string method) => [.. document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").EnumerateObject()
            .Where(r => r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out _)).Select(r => r.Name).Order()];
        Assert.Equal(["401", "404"], Codes("/api/v1/portfolios/{id}/compare", "get"));
        Assert.Equal(["400", "401", "404"], Codes("/api/v1/portfolios/{id}/value", "post"));
        Assert.Equal(["400", "401"], Codes("/api/v1/portfolios", "post"));
        Assert.Equal(["401"], Codes("/api/v1/sector", "get"));
    }

    [Fact]
    public async Task SignIn_WithFormAndAntiforgery_SetsCookieThatOpensPages()
    {
        var client = server.Anonymous();
        var form = await client.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var wrong = await Post(client, form, "admin@hashpivot.local", "wrong");
        var right = await Post(client, form, "admin@hashpivot.local", ServerFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/portfolios", right.Headers.Location!.OriginalString);
        Assert.NotEmpty(token);
        Assert.Equal("admin@hashpivot.local", (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("email").GetString());
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string form, string email, string password)
    {
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }
}

/// <summary>The repository root (the folder holding HashPivot.slnx).</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HashPivot.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("HashPivot.slnx not found above " + AppContext.BaseDirectory);
    }
}
