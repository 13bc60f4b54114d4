using System.Globalization;
using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Engine.Markets;
using HashPivot.Web.Accounts;
using HashPivot.Web.Exports;
using Microsoft.AspNetCore.Mvc;

namespace HashPivot.Web.Api;

/// <summary>The /api/v1 endpoints: the same engine and store calls as the CLI, scoped to the caller's workspace; writes need the editor role.</summary>
internal static class ApiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", (CurrentWorkspace w) => new MeView(w.UserId, w.Email, w.WorkspaceId, w.WorkspaceName, w.Role))
            .WithSummary("The signed-in user, workspace and role.");
        api.MapPost("/tokens", CreateTokenAsync).Accepts<TokenRequest>("application/json")
            .WithSummary("A new API token acting as you in this workspace (or workspace_id, another of yours); the secret is shown once and stored only as a hash.");

        api.MapGet("/hashprice", Hashprice).WithSummary("Hashprice (USD/PH/day) from BTC price, difficulty, fees and subsidy, as hashpivot hashprice.");

        var portfolios = api.MapGroup("/portfolios");
        portfolios.MapGet("/", async (CurrentWorkspace w, CancellationToken ct) =>
            (await w.Store.ListPortfoliosAsync(ct)).Select(PortfolioView.From).ToList()).WithSummary("The workspace's portfolios.");
        portfolios.MapPost("/", CreatePortfolioAsync).RequireAuthorization(Auth.Editor).Accepts<PortfolioBody>("application/json")
            .WithSummary("Creates a portfolio from a YAML string or JSON object (validated; problems name line and field).");
        portfolios.MapGet("/{id:long}", async (long id, CurrentWorkspace w, CancellationToken ct) =>
            await w.Store.GetPortfolioAsync(id, ct) is { } p ? Results.Ok(PortfolioView.From(p)) : NotFound("portfolio", id)).WithSummary("One portfolio.");
        portfolios.MapPut("/{id:long}", UpdatePortfolioAsync).RequireAuthorization(Auth.Editor).Accepts<PortfolioBody>("application/json")
            .WithSummary("Replaces a portfolio's name and document.");
        portfolios.MapDelete("/{id:long}", async (long id, CurrentWorkspace w, CancellationToken ct) =>
            await w.Store.DeletePortfolioAsync(id, ct) ? Results.NoContent() : NotFound("portfolio", id)).RequireAuthorization(Auth.Editor)
            .WithSummary("Deletes a portfolio.");
        portfolios.MapGet("/{id:long}/sites", async (long id, CurrentWorkspace w, CancellationToken ct) =>
            await w.Store.GetPortfolioAsync(id, ct) is { } p
                ? Results.Ok(Portfolios.Load(w.Store, p).Sites.Select(s => new SiteView(s.Name, s.Market, s.Interconnection.Value, s.Fleet.SitePower.Value, s.AiLoad.Value)).ToList())
                : NotFound("portfolio", id)).WithSummary("The sites of a portfolio (MW).");
        portfolios.MapGet("/{id:long}/compare", async (long id, CurrentWorkspace w, PortfolioInputCache inputs, CancellationToken ct) =>
                await w.Store.GetPortfolioAsync(id, ct) is { } p
                    ? Results.Bytes(await inputs.CompareJsonAsync(w.Store, p, ct), ApiJson.ContentType)
                    : NotFound("portfolio", id))
            .Produces<CompareDocument>()
            .WithSummary("Mining versus lease versus GPU cloud per site and per MW, as hashpivot compare --json.");

        portfolios.MapPost("/{id:long}/value", async (long id, HttpRequest request, CurrentWorkspace w, ValuationRuns valuations, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<ValueRequest>(request);
            ValuationRuns.Check(body);
            return await w.Store.GetPortfolioAsync(id, ct) is { } record
                ? (await valuations.RunAsync(w.Store, record, body, null, ct))!.ToHttpResult() // no commit check: a synchronous run always stores
                : NotFound("portfolio", id);
        })
            .RequireAuthorization(Auth.Editor).Accepts<ValueRequest>("application/json").Produces<ValueRunResult>()
            .WithSummary("Monte-Carlo valuation of the portfolio (paths ≤ 20,000), stored as a run with seed and input hash; the result is hashpivot value --json.");

        api.MapPost("/dispatch", DispatchAsync).RequireAuthorization(Auth.Editor).Accepts<DispatchRequest>("application/json")
            .WithSummary("Solves a site's dispatch over a price dataset and stores it as a run (inputs, input hash, results and schedule).");

        var runs = api.MapGroup("/runs");
        runs.MapGet("/", async (string? kind, CurrentWorkspace w, CancellationToken ct) => await w.Store.ListRunsAsync(kind, ct)).WithSummary("Runs, newest first.");
        runs.MapGet("/{id}", async (string id, CurrentWorkspace w, CancellationToken ct) =>
            await w.Store.GetRunAsync(id, ct) is { } r
                ? Results.Ok(new RunView(r.Id, r.Kind, r.CreatedUtc, r.InputHash, r.Seed, JsonDocument.Parse(r.InputsJson).RootElement, JsonDocument.Parse(r.ResultsJson).RootElement))
                : NotFound("run", id)).WithSummary("A run with its inputs and results.");
        runs.MapGet("/{id}/schedule.csv", (string id, CurrentWorkspace w, CancellationToken ct) => ScheduleExportAsync(id, w, "csv", ct))
            .WithSummary("A dispatch run's schedule as CSV.");
        runs.MapGet("/{id}/schedule.xlsx", (string id, CurrentWorkspace w, CancellationToken ct) => ScheduleExportAsync(id, w, "xlsx", ct))
            .WithSummary("A dispatch run's schedule as XLSX.");

        var datasets = api.MapGroup("/datasets");
        datasets.MapGet("/", async (CurrentWorkspace w, CancellationToken ct) => (await w.Store.ListDatasetsAsync(ct)).Select(DatasetView.From).ToList())
            .WithSummary("The workspace's datasets.");
        datasets.MapPost("/", UploadDatasetAsync).RequireAuthorization(Auth.Editor).DisableAntiforgery()
            .WithSummary("Uploads a CSV (multipart: file, name, kind chain|grid|equity|synthetic, replace); every bad row is reported and nothing is stored.");
        datasets.MapGet("/{name}", async (string name, CurrentWorkspace w, CancellationToken ct) =>
            await w.Store.GetDatasetAsync(name, ct) is { } d ? Results.Ok(DatasetDetail.From(d)) : NotFound("dataset", name)).WithSummary("A dataset and its series.");
        datasets.MapGet("/{name}/series/{series}", ShowSeriesAsync).WithSummary("The points of one series, optionally in [from, to).");
        datasets.MapDelete("/{name}", async (string name, CurrentWorkspace w, CancellationToken ct) =>
            await w.Store.DeleteDatasetAsync(name, ct) ? Results.NoContent() : NotFound("dataset", name)).RequireAuthorization(Auth.Editor)
            .WithSummary("Deletes a dataset.");

        api.MapGet("/sector", ([FromQuery(Name = "as_of")] string? asOf) =>
                Results.Bytes(EmbeddedSector.View(ParseDate(asOf, "as_of")).Json, ApiJson.ContentType))
            .Produces<SectorDocument>()
            .WithSummary("The listed miners' GW by status, AI backlog and EV per MW, as hashpivot sector --json.");
        api.MapGet("/sector/contracts", () => ContractRow.All(EmbeddedSector.Data)).WithSummary("Every AI/HPC contract with its implied USD/kW-month.");
        api.MapGet("/sector/table.csv", ([FromQuery(Name = "as_of")] string? asOf) => TableExport.Csv(SectorTable.From(EmbeddedSector.View(ParseDate(asOf, "as_of")).Document), "sector.csv"))
            .WithSummary("The sector table as CSV.");
        api.MapGet("/sector/table.xlsx", ([FromQuery(Name = "as_of")] string? asOf) => TableExport.Xlsx(SectorTable.From(EmbeddedSector.View(ParseDate(asOf, "as_of")).Document), "sector.xlsx", "sector"))
            .WithSummary("The sector table as XLSX.");

        var markets = api.MapGroup("/markets");
        markets.MapGet("/returns", async (string tickers, string from, string to, string? prices, CurrentWorkspace w, CancellationToken ct) =>
        {
            var data = await EquityInputs.LoadStoredAsync(w.Store, prices, "prices", ct);
            var (a, b) = (ParseDate(from, "from")!.Value, ParseDate(to, "to")!.Value);
            return Split(tickers).Select(t => ReturnRow.For(Find(data, t), a, b)).ToList();
        }).WithSummary("Period and year-to-date returns per ticker.");
        markets.MapGet("/beta", async (string tickers, string benchmark, string from, string to, string? prices, CurrentWorkspace w, CancellationToken ct) =>
        {
            var data = await EquityInputs.LoadStoredAsync(w.Store, prices, "prices", ct);
            var (a, b) = (ParseDate(from, "from")!.Value, ParseDate(to, "to")!.Value);
            var bench = Find(data, benchmark);
            return Split(tickers).Select(t => BetaRow.For(Find(data, t), bench, a, b)).ToList();
        }).WithSummary("OLS betas, correlation and volatility against a benchmark.");
        markets.MapGet("/event", async (string tickers, string benchmark, string date, string? prices, [FromQuery(Name = "window_start")] int? windowStart, [FromQuery(Name = "window_end")] int? windowEnd,
            [FromQuery(Name = "estimation_days")] int? estimationDays,
            CurrentWorkspace w, CancellationToken ct) =>
            (await EventStudiesAsync(w.Store, tickers, benchmark, date, prices, windowStart ?? -1, windowEnd ?? 1, estimationDays ?? 240, ct)).Select(EventRow.From).ToList())
            .WithSummary("Market-model event studies: AR, CAR and t per ticker.");
    }


    internal static DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InputException(new InputProblem("query", 0, 0, field, $"'{text}' is not a date (yyyy-MM-dd)"));
    }

    internal static IEnumerable<string> Split(string values) =>
        values.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static HashPivot.Engine.Series.TimeSeries Find(HashPivot.Data.Csv.Equities.EquityPrices data, string ticker) =>
        data.Find(ticker) ?? throw new InputException(new InputProblem("query", 0, 0, "tickers",
            $"ticker '{ticker}' is not in the prices (they have {string.Join(", ", data.Series.Select(s => s.Name))})"));

    internal static async Task<IReadOnlyList<EventStudyResult>> EventStudiesAsync(IHashPivotStore store, string tickers, string benchmark, string date, string? prices,
        int windowStart, int windowEnd, int estimationDays, CancellationToken ct)
    {
        if (windowStart > windowEnd || windowStart <= -11)
        {
            throw new InputException(new InputProblem("query", 0, 0, "window_start", "need -10 <= window_start <= window_end"));
        }

        if (estimationDays < 3)
        {
            throw new InputException(new InputProblem("query", 0, 0, "estimation_days", "need at least 3 days"));
        }

        var data = await EquityInputs.LoadStoredAsync(store, prices, "prices", ct);
        var day = ParseDate(date, "date") ?? throw new InputException(new InputProblem("query", 0, 0, "date", "required"));
        var bench = Find(data, benchmark);
        var spec = new EventWindow(-10 - estimationDays, -11, windowStart, windowEnd);
        return Split(tickers).Select(t => EventStudy.Run(Find(data, t), bench, day, spec)).ToList();
    }

    private static IResult NotFound(string what, object id) =>
        Results.Problem(statusCode: 404, title: "Not found", detail: $"No {what} '{id}' in this workspace.");

    private static HashpriceResult Hashprice(
        [FromQuery(Name = "btc_price_usd")] double? btcPriceUsd, double? difficulty, [FromQuery(Name = "fees_btc_per_block")] double? feesBtcPerBlock,
        [FromQuery(Name = "subsidy_btc")] double? subsidyBtc, long? height)
    {
        var problems = new List<InputProblem>();
        void Need(string field, double? value, bool positive)
        {
            if (value is null ? positive : !double.IsFinite(value.Value) || value < 0 || (positive && value == 0))
            {
                problems.Add(new InputProblem("query", 0, 0, field, value is null ? "required" : $"must be a {(positive ? "positive" : "non-negative")} finite number"));
            }
        }

        Need("btc_price_usd", btcPriceUsd, true);
        Need("difficulty", difficulty, true);
        Need("fees_btc_per_block", feesBtcPerBlock, false);
        Need("subsidy_btc", subsidyBtc, false);
        if (height is < 0)
        {
            problems.Add(new InputProblem("query", 0, 0, "height", "must not be negative"));
        }

        if (height is not null && subsidyBtc is not null)
        {
            problems.Add(new InputProblem("query", 0, 0, "subsidy_btc", "give height or subsidy_btc, not both"));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var subsidy = height is { } h ? HashPivot.Engine.Bitcoin.Subsidy.AtHeight(h).Value : subsidyBtc ?? 3.125;
        return HashpriceResult.Compute(btcPriceUsd!.Value, difficulty!.Value, subsidy, feesBtcPerBlock ?? 0, height);
    }

    private static async Task<IResult> CreateTokenAsync(HttpRequest request, CurrentWorkspace w, SqlStore store, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<TokenRequest>(request);
        var name = Portfolios.CheckName(body.Name);
        var (workspaceName, role) = (w.WorkspaceName, w.Role);
        if (body.WorkspaceId is { } other && other != w.WorkspaceId)
        {
            var membership = (await store.GetMembershipsAsync(w.UserId, ct)).FirstOrDefault(m => m.Workspace.Id == other)
                ?? throw new InputException(new InputProblem("request body", 0, 0, "workspace_id", $"you are not a member of workspace {other} (see GET /api/v1/workspaces)"));
            (workspaceName, role) = (membership.Workspace.Name, SqlStore.RoleText(membership.Role));
        }

        var secret = ApiTokenHandler.NewSecret();
        await store.CreateApiTokenAsync(w.UserId, body.WorkspaceId ?? w.WorkspaceId, name, ApiTokenHandler.Hash(secret), ct);
        return Results.Ok(new TokenView(name, secret, workspaceName, role));
    }

    private static async Task<IResult> CreatePortfolioAsync(HttpRequest request, CurrentWorkspace w, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<PortfolioBody>(request);
        var name = Portfolios.CheckName(body.Name);
        var text = Portfolios.DocumentText(body.Document);
        Portfolios.Load(w.Store, text, "document");
        var created = await w.Store.CreatePortfolioAsync(name, text, ct);
        return Results.Created($"/api/v1/portfolios/{created.Id}", PortfolioView.From(created));
    }

    private static async Task<IResult> UpdatePortfolioAsync(long id, HttpRequest request, CurrentWorkspace w, CancellationToken ct)
    {
        if (await w.Store.GetPortfolioAsync(id, ct) is null)
        {
            return NotFound("portfolio", id);
        }

        var body = await ApiJson.ReadAsync<PortfolioBody>(request);
        var name = Portfolios.CheckName(body.Name);
        var text = Portfolios.DocumentText(body.Document);
        Portfolios.Load(w.Store, text, "document");
        return await w.Store.UpdatePortfolioAsync(id, name, text, ct) && await w.Store.GetPortfolioAsync(id, ct) is { } updated
            ? Results.Ok(PortfolioView.From(updated))
            : NotFound("portfolio", id);
    }

    private static async Task<DispatchRunResult> DispatchAsync(HttpRequest request, CurrentWorkspace w, CancellationToken ct) =>
        await DispatchRuns.RunAsync(w.Store, await ApiJson.ReadAsync<DispatchRequest>(request), ct);

    private static async Task<IResult> ScheduleExportAsync(string id, CurrentWorkspace w, string format, CancellationToken ct)
    {
        if (await w.Store.GetRunAsync(id, ct) is not { } run || DispatchRuns.Read(run) is not { } dispatch)
        {
            return NotFound("dispatch run", id);
        }

        var table = ScheduleExport.Table(dispatch.Schedule);
        return format == "csv" ? TableExport.Csv(table, $"schedule-{id}.csv") : TableExport.Xlsx(table, $"schedule-{id}.xlsx", "schedule");
    }

    private static async Task<IResult> UploadDatasetAsync(HttpRequest request, CurrentWorkspace w, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new InputException(new InputProblem("request body", 0, 0, "Content-Type", "upload as multipart/form-data with fields file, name, kind and replace"));
        }

        var form = await request.ReadFormAsync(ct);
        var problems = new List<InputProblem>();
        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            problems.Add(new InputProblem("form", 0, 0, "file", "attach a non-empty CSV file"));
        }

        var kindText = form["kind"].ToString();
        DatasetKind? kind = kindText switch
        {
            "grid" => DatasetKind.Grid,
            "chain" => DatasetKind.Chain,
            "equity" => DatasetKind.Equity,
            "synthetic" => DatasetKind.Synthetic,
            _ => null,
        };
        if (kind is null)
        {
            problems.Add(new InputProblem("form", 0, 0, "kind", $"must be chain, grid, equity or synthetic, got '{kindText}'"));
        }

        var name = form["name"].ToString() is { Length: > 0 } n ? n : Path.GetFileNameWithoutExtension(file?.FileName ?? "");
        if (string.IsNullOrWhiteSpace(name) || name.Length > DatasetInfo.MaxNameLength || name.Any(char.IsControl) || name.Trim() != name)
        {
            problems.Add(new InputProblem("form", 0, 0, "name", $"must be 1 to {DatasetInfo.MaxNameLength} characters without control characters or surrounding spaces"));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        string text;
        using (var reader = new StreamReader(file!.OpenReadStream()))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        var fileName = Path.GetFileName(file.FileName);
        var series = DatasetCsv.Parse(text, fileName, kind!.Value);
        var replace = form["replace"].ToString() is "true" or "on" or "1";
        var info = new DatasetInfo(name, kind.Value, $"upload {fileName}", DateTimeOffset.UtcNow);
        await w.Store.SaveDatasetAsync(info, series, replace, ct);
        return Results.Created($"/api/v1/datasets/{Uri.EscapeDataString(name)}",
            DatasetDetail.From((await w.Store.GetDatasetAsync(name, ct))!));
    }

    private static async Task<IResult> ShowSeriesAsync(string name, string series, string? from, string? to, CurrentWorkspace w, CancellationToken ct)
    {
        var f = ParseInstant(from, "from");
        var t = ParseInstant(to, "to");
        var data = await w.Store.GetSeriesAsync(name, series, f, t, ct);
        if (data is null)
        {
            return NotFound("series", $"{name}/{series}");
        }

        var points = new List<PointView>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            points.Add(new PointView(data[i].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), JsonNumbers.Finite(data.Values[i])));
        }

        return Results.Ok(new SeriesView(data.Name, data.Unit, data.IntervalSeconds, data.Count, points));
    }

    private static DateTimeOffset? ParseInstant(string? text, string field) =>
        string.IsNullOrEmpty(text) ? null
        : DispatchInputs.ParseInstant(text) ?? throw new InputException(new InputProblem("query", 0, 0, field, $"'{text}' is not a date or ISO-8601 instant"));
}
