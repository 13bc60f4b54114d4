using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Valuation;
using HashPivot.Engine.Valuation;
using Microsoft.Extensions.DependencyInjection;

namespace HashPivot.Web.Tests;

// The server's valuation: the engine result the CLI gives for the sample, stored as a run with its seed and input hash.
public sealed class ValuationApiTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Value_SeededSamplePortfolio_EqualsTheEngineOnTheSampleFile_AndIsStored()
    {
        var admin = await server.DemoAdminAsync();
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/portfolios"))[0].GetProperty("id").GetInt64();

        var response = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/value", new { paths = 150, seed = 3 });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = body.GetProperty("result");
        Assert.Equal(150, result.GetProperty("paths").GetInt32());

        // The CLI path: the sample file from disk with its CSV series; the server reads the same prices from the seeded dataset.
        var file = PortfolioWithSeries.LoadFile(Path.Combine(Repo.Root, "samples", "portfolio.yaml"));
        var engine = ValuationEngine.Run(ValuationInputs.Request(file, new ValuationAssumptions(), 10, 3), 150);
        var expected = ValueDocument.From(engine, "");
        Assert.Equal(expected.Portfolio.NpvUsdMean, result.GetProperty("portfolio").GetProperty("npv_usd_mean").GetDouble(), 3);
        Assert.Equal(expected.Sites.Select(s => s.BestStrategy), result.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("best_strategy").GetString()));

        var run = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{body.GetProperty("run_id").GetString()}");
        Assert.Equal("value", run.GetProperty("kind").GetString());
        Assert.Equal(3, run.GetProperty("seed").GetInt64());
        Assert.Equal(result.GetProperty("input_hash").GetString(), run.GetProperty("input_hash").GetString());

        // The response sends the stored document's own bytes: the same JSON as the run, a JSON content type, two keys.
        Assert.Equal(run.GetProperty("results").GetRawText(), result.GetRawText());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["run_id", "result"], body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Value_TooManyPaths_Is400NamingTheField()
    {
        var admin = await server.DemoAdminAsync();
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/portfolios"))[0].GetProperty("id").GetInt64();

        var response = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/value", new { paths = 1_000_000, years = 0 });
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["paths", "years"], fields);
    }

    [Fact]
    public async Task ValuationPage_RendersTheFanChartAndTheStrategyTable()
    {
        var admin = await server.DemoAdminAsync();
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/portfolios"))[0].GetProperty("id").GetInt64();

        var html = await admin.GetStringAsync($"/portfolios/{id}/valuation?paths=80&seed=1");

        Assert.Contains("id=\"fan-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"npv-histogram\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"valuation\"", html, StringComparison.Ordinal);
        Assert.Contains("P5–P95", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Value_AfterTheGridDatasetIsReplaced_UsesTheNewPrices_NotTheCachedInputs()
    {
        var (editor, workspace, csv, id) = await SamplePortfolioOnOwnGridAsync("cache-");

        var cache = server.Services.GetRequiredService<Web.Api.PortfolioInputCache>();
        var store = server.Store.ForWorkspace(workspace.Id);
        async Task<ValuationRequest> InputsAsync() => await cache.RequestAsync(store, (await store.GetPortfolioAsync(id))!, 10, 2, CancellationToken.None);

        var before = await MerchantMineMeanAsync(editor, id);
        var cached = await InputsAsync();
        var again = await MerchantMineMeanAsync(editor, id);
        Assert.Same(cached.Sites, (await InputsAsync()).Sites); // a hit: the same parsed sites and power months
        await UploadGridAsync(editor, TimesFour(csv), replace: true);
        var after = await MerchantMineMeanAsync(editor, id);
        Assert.NotSame(cached.Sites, (await InputsAsync()).Sites); // the replaced dataset invalidated the entry

        Assert.Equal(before, again);
        Assert.True(after < before, $"mining NPV with 4× grid prices {after:N0} should be below {before:N0}");
    }

    [Fact]
    public async Task Compare_IsServedFromTheCache_UntilTheGridDatasetIsReplaced_ThePortfolioChanges_OrTheDatasetIsGone()
    {
        var (editor, _, csv, id) = await SamplePortfolioOnOwnGridAsync("cmp-");
        async Task<JsonElement> CompareAsync() => await editor.GetFromJsonAsync<JsonElement>($"/api/v1/portfolios/{id}/compare");
        static double MerchantAverage(JsonElement compare) => compare.GetProperty("sites").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "North Hub merchant").GetProperty("power_price").GetProperty("average_usd_per_mwh").GetDouble();

        var first = await CompareAsync();
        var repeated = await CompareAsync();
        Assert.Equal(first.GetRawText(), repeated.GetRawText());

        // Every hourly price times 4: the merchant site's average price must follow (the dataset's import time invalidates the entry).
        // samples/portfolio.yaml adds adder_usd_per_mwh: 12 to the hub price, so the average goes from hub + 12 to 4 × hub + 12.
        const double AdderUsdPerMwh = 12;
        await UploadGridAsync(editor, TimesFour(csv), replace: true);
        Assert.Equal((4 * (MerchantAverage(first) - AdderUsdPerMwh)) + AdderUsdPerMwh, MerchantAverage(await CompareAsync()), 9);

        var renamed = Web.Hosting.Samples.Portfolio().Replace("North Hub merchant", "North Hub renamed", StringComparison.Ordinal);
        (await editor.PutAsJsonAsync($"/api/v1/portfolios/{id}", new { name = "compared", document = renamed })).EnsureSuccessStatusCode();
        Assert.Contains("North Hub renamed", (await CompareAsync()).GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        (await editor.DeleteAsync($"/api/v1/datasets/{Web.Hosting.Samples.GridDataset}")).EnsureSuccessStatusCode();
        var gone = await editor.GetAsync($"/api/v1/portfolios/{id}/compare");
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType!.MediaType);

        // The dashboard's overview reads the same cache: it says the portfolio does not load, naming the missing dataset.
        var page = await editor.GetAsync($"/portfolios/{id}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("The portfolio does not load", html, StringComparison.Ordinal);
        Assert.Contains(Web.Hosting.Samples.GridDataset, html, StringComparison.Ordinal);
    }

    // A new workspace with an editor, the synthetic grid dataset uploaded under the sample's name, and the sample portfolio reading it.
    private async Task<(HttpClient Editor, Data.Store.Workspace Workspace, string GridCsv, long PortfolioId)> SamplePortfolioOnOwnGridAsync(string prefix)
    {
        var (editor, workspace) = await server.MemberAsync(prefix + Guid.NewGuid().ToString("N")[..8], Data.Store.WorkspaceRole.Editor);
        var csv = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "samples", "synthetic", "grid_prices_hourly_2024_synthetic.csv"));
        await UploadGridAsync(editor, csv, replace: false);
        var created = await editor.PostAsJsonAsync("/api/v1/portfolios", new { name = prefix + "portfolio", document = Web.Hosting.Samples.Portfolio() });
        return (editor, workspace, csv, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
    }

    // The grid CSV (timestamp,value) with every price times 4.
    private static string TimesFour(string csv) => string.Join('\n', csv.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line
        : line[..(line.IndexOf(',', StringComparison.Ordinal) + 1)] + (4 * double.Parse(line[(line.IndexOf(',', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task UploadGridAsync(HttpClient client, string csv, bool replace)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(csv), "file", "grid.csv" },
            { new StringContent("synthetic"), "kind" },
            { new StringContent(Web.Hosting.Samples.GridDataset), "name" },
            { new StringContent(replace ? "true" : "false"), "replace" },
        };
        (await client.PostAsync("/api/v1/datasets", content)).EnsureSuccessStatusCode();
    }

    private static async Task<double> MerchantMineMeanAsync(HttpClient client, long portfolio)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/portfolios/{portfolio}/value", new { paths = 64, seed = 2 });
        response.EnsureSuccessStatusCode();
        var site = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetProperty("sites").EnumerateArray()
            .Single(s => s.GetProperty("site").GetString() == "North Hub merchant");
        return site.GetProperty("strategies").EnumerateArray().First(v => v.GetProperty("strategy").GetString() == "mine").GetProperty("npv_usd_mean").GetDouble();
    }
}
