using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Dispatch;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Sites;
using HashPivot.Engine.Units;
using HashPivot.Solvers.Dispatch;

namespace HashPivot.Web.Api;

/// <summary>A dispatch request: the site (a portfolio site, a dispatch-site YAML document, or the quick form), the price dataset, the hashprice (USD/PH/day) and the solver.</summary>
public sealed class DispatchRequest
{
    /// <summary>A portfolio of the workspace whose site <see cref="Site"/> is dispatched with the quick form derived from it.</summary>
    public long? PortfolioId { get; set; }

    /// <summary>The name of the portfolio's site.</summary>
    public string? Site { get; set; }

    /// <summary>A dispatch-site document (the layout of samples/dispatch-site.yaml).</summary>
    public string? SiteYaml { get; set; }

    /// <summary>The quick form (as <c>hashpivot dispatch --fleet-mw ...</c>), also what a portfolio site is turned into; given fields override the site's.</summary>
    public QuickSite? Quick { get; set; }

    /// <summary>A dataset of the workspace with interval prices in USD/MWh.</summary>
    public string Prices { get; set; } = "";

    /// <summary>The series of the dataset, when it has several.</summary>
    public string? Column { get; set; }

    /// <summary>Constant hashprice, USD/PH/day; default: the portfolio's network snapshot.</summary>
    public double? HashpriceUsdPerPhDay { get; set; }

    /// <summary>fast (default), scip, cbc or highs.</summary>
    public string Solver { get; set; } = "fast";
}

/// <summary>The quick-form site of a dispatch: one mining tier (MW at J/TH), a constant AI load, a fixed-price block and an adder (USD/MWh).</summary>
public sealed class QuickSite
{
    /// <summary>Fleet power, MW.</summary>
    public double? FleetMw { get; set; }

    /// <summary>Fleet efficiency at the meter, J/TH.</summary>
    public double? FleetJth { get; set; }

    /// <summary>Grid connection, MW (default AI + fleet).</summary>
    public double? CapMw { get; set; }

    /// <summary>Constant firm AI load, MW.</summary>
    public double? AiMw { get; set; }

    /// <summary>AI revenue per MWh served, USD.</summary>
    public double? AiUsdPerMwh { get; set; }

    /// <summary>Fixed-price block, MW (paid whether used or not; unused energy resold at the interval price).</summary>
    public double? PpaMw { get; set; }

    /// <summary>Price of the block, USD/MWh.</summary>
    public double? PpaUsdPerMwh { get; set; }

    /// <summary>Added to market purchases above the block, USD/MWh.</summary>
    public double? AdderUsdPerMwh { get; set; }

    /// <summary>BTC price to report BTC mined, USD.</summary>
    public double? BtcPriceUsd { get; set; }
}

/// <summary>What a dispatch run answers: its stored run id and the same document as <c>hashpivot dispatch --json</c>.</summary>
/// <param name="RunId">The stored run.</param>
/// <param name="Result">Margin (USD), energy (MWh) and solver status.</param>
public sealed record DispatchRunResult(string RunId, DispatchDocument Result);

/// <summary>The per-interval schedule stored with a dispatch run: column names (units in the names), interval starts (UTC) and one array per numeric column.</summary>
/// <param name="Columns">Column names as in the CSV export (interval_start_utc first).</param>
/// <param name="StartsUtc">Interval starts, ISO-8601 UTC.</param>
/// <param name="Values">One array per numeric column, in <paramref name="Columns"/> order after the first.</param>
public sealed record StoredSchedule(IReadOnlyList<string> Columns, IReadOnlyList<string> StartsUtc, IReadOnlyList<double[]> Values)
{
    /// <summary>The values of a named column.</summary>
    public double[] Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        return index > 0 ? Values[index - 1] : throw new KeyNotFoundException($"no column {name}");
    }
}

/// <summary>Runs dispatches for the API and the dashboard and stores each as a run (inputs, input hash, results and schedule) in the workspace.</summary>
internal static class DispatchRuns
{
    public const string Kind = "dispatch";

    /// <summary>The quick form a portfolio site suggests: its fleet and AI load, its connection, and a fixed-price contract as a block of the whole connection.</summary>
    /// <remarks>
    /// Assumptions stated on the page: a fixed-price site buys its power as a PPA block of the connection whose unused energy is resold at the
    /// market price (power credits, as Riot's Texas PPA, domain.md §4.3); a series-priced site buys at the market with no adder;
    /// AI revenue per MWh is the deployments' yearly revenue over their MW × 8,760 h. The fleet's uptime and pool fee enter as compare counts them:
    /// an available fleet of site MW × uptime, and an efficiency of site J/TH ÷ (1 − pool fee), so at a flat price the dispatch earns what compare says.
    /// </remarks>
    public static QuickSite FromSite(Site site, UsdPerBtc btcPrice)
    {
        ArgumentNullException.ThrowIfNull(site);
        var aiRevenue = site.Deployments.Sum(d => (d.PerGridMw(site.Power.Average)?.RevenuePerYear.Value ?? 0) * d.GridMw.Value);
        var fixedPrice = site.Power.IntervalPrices is null;
        var (fleetMw, jth) = AvailableFleet(site);
        return new QuickSite
        {
            FleetMw = Math.Round(fleetMw, 3),
            FleetJth = double.IsFinite(jth) ? Math.Round(jth, 3) : 20,
            CapMw = site.Interconnection.Value,
            AiMw = site.AiLoad.Value,
            AiUsdPerMwh = site.AiLoad.Value > 0 ? Math.Round(aiRevenue / (site.AiLoad.Value * 8760), 2) : 0,
            PpaMw = fixedPrice ? site.Interconnection.Value : 0,
            PpaUsdPerMwh = fixedPrice ? site.Power.Average.Value : 0,
            AdderUsdPerMwh = 0,
            BtcPriceUsd = btcPrice.Value,
        };
    }

    /// <summary>The fleet a site can dispatch: MW available (site MW × uptime) and J/TH after the pool fee (site J/TH ÷ (1 − fee)), unrounded.</summary>
    public static (double FleetMw, double FleetJth) AvailableFleet(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return (site.Fleet.AvailablePower.Value, site.Fleet.EfficiencyAfterPoolFee.Value);
    }

    /// <summary>Solves the request, stores the run in the workspace and answers with its id and document.</summary>
    public static async Task<DispatchRunResult> RunAsync(WorkspaceStore store, DispatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<InputProblem>();
        if (string.IsNullOrWhiteSpace(request.Prices))
        {
            problems.Add(Problem("prices", "name a dataset of interval prices (USD/MWh)"));
        }

        if (!DispatchSolvers.Names.Contains(request.Solver))
        {
            problems.Add(Problem("solver", $"use one of {string.Join(", ", DispatchSolvers.Names)}"));
        }

        if (request.HashpriceUsdPerPhDay is { } hp && (!double.IsFinite(hp) || hp < 0))
        {
            problems.Add(Problem("hashprice_usd_per_ph_day", "must be a non-negative finite number"));
        }

        var forms = (request.PortfolioId is not null ? 1 : 0) + (request.SiteYaml is not null ? 1 : 0);
        if (forms > 1)
        {
            problems.Add(Problem("site_yaml", "give portfolio_id and site, or site_yaml, or the quick form, not several"));
        }

        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        var (site, siteLabel, defaultHashprice) = await SiteAsync(store, request, cancellationToken);
        var hashprice = request.HashpriceUsdPerPhDay ?? defaultHashprice
            ?? throw new InputException(Problem("hashprice_usd_per_ph_day", "required unless the site comes from a portfolio (whose network gives it)"));
        var prices = DispatchInputs.ReadStoredPrices(store, request.Prices, request.Column, "prices", "column");
        var problem = site.ToProblem(prices, new UsdPerPetahashDay(hashprice), []);
        var result = DispatchSolvers.ByName(request.Solver).Solve(problem);
        if (result.Status == DispatchStatus.Infeasible)
        {
            throw new InputException(Problem("site", "no feasible schedule: a ramp or dwell limit cannot yield to the firm AI load under the grid cap"));
        }

        if (result.Totals is not { } totals || result.Schedule is not { } schedule)
        {
            throw new InvalidOperationException($"solver {result.Solver} ended {DispatchDocument.StatusName(result.Status)} without a schedule");
        }

        var document = DispatchDocument.From(siteLabel, request.Prices + (request.Column is null ? "" : $" [{request.Column}]"),
            string.Create(CultureInfo.InvariantCulture, $"{hashprice:0.##} USD/PH/day"), prices, problem, result, totals, null, null);
        var table = ScheduleCsv.Table(prices, problem, schedule);
        var stored = new StoredSchedule(table.Header, table.StartsUtc, table.Columns);
        var inputs = JsonSerializer.Serialize(request, ApiJson.Options);
        var results = JsonSerializer.Serialize(new { result = document, schedule = stored }, ApiJson.Options);
        var run = RunRecord.Create(Kind, DateTimeOffset.UtcNow, inputs, results);
        await store.SaveRunAsync(run, cancellationToken);
        return new DispatchRunResult(run.Id, document);
    }

    /// <summary>The document and schedule of a stored dispatch run, or null when the run is not a dispatch.</summary>
    public static (DispatchDocument Result, StoredSchedule Schedule)? Read(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Kind != Kind)
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredRun>(run.ResultsJson, ApiJson.Options)
            ?? throw new InvalidOperationException($"run {run.Id} has no results");
        return (stored.Result, stored.Schedule);
    }

    private static async Task<(DispatchSite Site, string Label, double? Hashprice)> SiteAsync(WorkspaceStore store, DispatchRequest request, CancellationToken cancellationToken)
    {
        if (request.SiteYaml is { } yaml)
        {
            return (DispatchSiteLoader.Load(yaml, "site_yaml"), "site_yaml", null);
        }

        QuickSite quick;
        string label;
        double? hashprice = null;
        if (request.PortfolioId is { } id)
        {
            var record = await store.GetPortfolioAsync(id, cancellationToken)
                ?? throw new InputException(Problem("portfolio_id", $"no portfolio {id} in this workspace"));
            var portfolio = Portfolios.Load(store, record);
            var site = portfolio.Sites.FirstOrDefault(s => s.Name == request.Site)
                ?? throw new InputException(Problem("site", $"portfolio {id} has no site '{request.Site}'; it has: {string.Join(", ", portfolio.Sites.Select(s => s.Name))}"));
            quick = Merge(FromSite(site, portfolio.Network.BtcPrice), request.Quick);
            label = $"{record.Name} / {site.Name}";
            hashprice = portfolio.Network.Hashprice.Value;
        }
        else
        {
            quick = request.Quick ?? throw new InputException(Problem("quick", "give portfolio_id and site, site_yaml, or the quick form"));
            label = "quick form";
        }

        return (ToSite(quick), label, hashprice);
    }

    private static QuickSite Merge(QuickSite site, QuickSite? given) => given is null ? site : new QuickSite
    {
        FleetMw = given.FleetMw ?? site.FleetMw,
        FleetJth = given.FleetJth ?? site.FleetJth,
        CapMw = given.CapMw ?? site.CapMw,
        AiMw = given.AiMw ?? site.AiMw,
        AiUsdPerMwh = given.AiUsdPerMwh ?? site.AiUsdPerMwh,
        PpaMw = given.PpaMw ?? site.PpaMw,
        PpaUsdPerMwh = given.PpaUsdPerMwh ?? site.PpaUsdPerMwh,
        AdderUsdPerMwh = given.AdderUsdPerMwh ?? site.AdderUsdPerMwh,
        BtcPriceUsd = given.BtcPriceUsd ?? site.BtcPriceUsd,
    };

    internal static DispatchSite ToSite(QuickSite q)
    {
        var problems = new List<InputProblem>();
        Check(problems, "quick.fleet_mw", q.FleetMw, required: true, positive: false);
        Check(problems, "quick.fleet_jth", q.FleetJth, required: true, positive: true);
        Check(problems, "quick.cap_mw", q.CapMw, required: false, positive: false);
        Check(problems, "quick.ai_mw", q.AiMw, required: false, positive: false);
        Check(problems, "quick.ai_usd_per_mwh", q.AiUsdPerMwh, required: false, positive: false);
        Check(problems, "quick.ppa_mw", q.PpaMw, required: false, positive: false);
        Check(problems, "quick.ppa_usd_per_mwh", q.PpaUsdPerMwh, required: false, positive: false);
        Check(problems, "quick.adder_usd_per_mwh", q.AdderUsdPerMwh, required: false, positive: false);
        Check(problems, "quick.btc_price_usd", q.BtcPriceUsd, required: false, positive: true);
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }

        return DispatchInputs.QuickSite(q.FleetMw!.Value, q.FleetJth!.Value, q.CapMw, q.AiMw ?? 0, q.AiUsdPerMwh ?? 0, q.PpaMw ?? 0, q.PpaUsdPerMwh ?? 0,
            q.AdderUsdPerMwh ?? 0, q.BtcPriceUsd);
    }

    private static void Check(List<InputProblem> problems, string field, double? value, bool required, bool positive)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add(Problem(field, "required"));
            }

            return;
        }

        if (!double.IsFinite(value.Value) || value < 0 || (positive && value == 0))
        {
            problems.Add(Problem(field, $"must be a {(positive ? "positive" : "non-negative")} finite number, got {value}"));
        }
    }

    private static InputProblem Problem(string field, string message) => new("request body", 0, 0, field, message);

    private sealed record StoredRun(DispatchDocument Result, StoredSchedule Schedule);
}
