using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using HashPivot.Web.Pages.Sections;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>Site dispatch: the form for one portfolio site (prefilled from it), the run it stores, and the run's page (price, mining MW and AI MW over a chosen week, totals, exports).</summary>
internal static class DispatchPages
{
    private static readonly (string Field, string Label)[] QuickFields =
    [
        ("fleet_mw", "Fleet MW"), ("fleet_jth", "Fleet J/TH (at the meter)"), ("cap_mw", "Grid connection MW"), ("ai_mw", "Firm AI load MW"),
        ("ai_usd_per_mwh", "AI revenue USD/MWh"), ("ppa_mw", "Fixed-price block MW"), ("ppa_usd_per_mwh", "Block price USD/MWh"),
        ("adder_usd_per_mwh", "Adder on market purchases USD/MWh"), ("btc_price_usd", "BTC price USD"),
    ];

    public static void Map(WebApplication app)
    {
        app.MapGet("/portfolios/{id:long}/sites/{index:int}/dispatch", FormAsync).ExcludeFromDescription();
        app.MapPost("/portfolios/{id:long}/sites/{index:int}/dispatch", RunAsync).RequireAuthorization(Auth.Editor).ExcludeFromDescription();
        app.MapGet("/runs/{id}", RunPageAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> FormAsync(long id, int index, HttpContext context, CurrentWorkspace w) =>
        await SiteAsync(w, id, index, context.RequestAborted) is { } site
            ? await Form(context, w, site.Record, index, site.Site, DispatchRuns.FromSite(site.Site, site.BtcPrice), site.Hashprice, null, null)
            : PortfolioPages.NotFound(context, $"site {index} of portfolio {id}");

    private static async Task<IResult> RunAsync(long id, int index, HttpContext context, CurrentWorkspace w, IFormCollection form)
    {
        if (await SiteAsync(w, id, index, context.RequestAborted) is not { } site)
        {
            return PortfolioPages.NotFound(context, $"site {index} of portfolio {id}");
        }

        var problems = new List<InputProblem>();
        double? Number(string field)
        {
            var text = form[field].ToString();
            if (text.Length == 0)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new InputProblem("form", 0, 0, field, $"'{text}' is not a number"));
            return null;
        }

        var quick = new QuickSite
        {
            FleetMw = Number("fleet_mw"),
            FleetJth = Number("fleet_jth"),
            CapMw = Number("cap_mw"),
            AiMw = Number("ai_mw"),
            AiUsdPerMwh = Number("ai_usd_per_mwh"),
            PpaMw = Number("ppa_mw"),
            PpaUsdPerMwh = Number("ppa_usd_per_mwh"),
            AdderUsdPerMwh = Number("adder_usd_per_mwh"),
            BtcPriceUsd = Number("btc_price_usd"),
        };
        var request = new DispatchRequest
        {
            PortfolioId = id,
            Site = site.Site.Name,
            Quick = quick,
            Prices = form["prices"].ToString(),
            Column = form["column"].ToString() is { Length: > 0 } c ? c : null,
            HashpriceUsdPerPhDay = Number("hashprice_usd_per_ph_day"),
            Solver = form["solver"].ToString() is { Length: > 0 } s ? s : "fast",
        };
        try
        {
            if (problems.Count > 0)
            {
                throw new InputException(problems);
            }

            var run = await DispatchRuns.RunAsync(w.Store, request, context.RequestAborted);
            return Results.Redirect($"/runs/{run.RunId}");
        }
        catch (InputException e)
        {
            return await Form(context, w, site.Record, index, site.Site, quick, request.HashpriceUsdPerPhDay ?? site.Hashprice, request, e.Problems);
        }
    }

    private static async Task<(PortfolioRecord Record, HashPivot.Engine.Sites.Site Site, HashPivot.Engine.Units.UsdPerBtc BtcPrice, double Hashprice)?> SiteAsync(
        CurrentWorkspace w, long id, int index, CancellationToken cancellationToken)
    {
        if (await w.Store.GetPortfolioAsync(id, cancellationToken) is not { } record)
        {
            return null;
        }

        var portfolio = Portfolios.Load(w.Store, record);
        return index >= 0 && index < portfolio.Sites.Count
            ? (record, portfolio.Sites[index], portfolio.Network.BtcPrice, portfolio.Network.Hashprice.Value)
            : null;
    }

    private static async Task<IResult> Form(HttpContext context, CurrentWorkspace w, PortfolioRecord record, int index, HashPivot.Engine.Sites.Site site, QuickSite quick,
        double hashprice, DispatchRequest? given, IReadOnlyList<InputProblem>? problems)
    {
        var datasets = (await w.Store.ListDatasetsAsync(context.RequestAborted)).Where(d => d.Info.Kind is DatasetKind.Grid or DatasetKind.Synthetic).ToList();
        var chosen = given?.Prices ?? datasets.FirstOrDefault()?.Info.Name;
        var values = new Dictionary<string, double?>
        {
            ["fleet_mw"] = quick.FleetMw,
            ["fleet_jth"] = quick.FleetJth,
            ["cap_mw"] = quick.CapMw,
            ["ai_mw"] = quick.AiMw,
            ["ai_usd_per_mwh"] = quick.AiUsdPerMwh,
            ["ppa_mw"] = quick.PpaMw,
            ["ppa_usd_per_mwh"] = quick.PpaUsdPerMwh,
            ["adder_usd_per_mwh"] = quick.AdderUsdPerMwh,
            ["btc_price_usd"] = quick.BtcPriceUsd,
        };
        var body = new StringBuilder();
        if (problems is not null)
        {
            body.Append("<div role=\"alert\"><p class=\"error\">The dispatch did not run:</p><ul>");
            foreach (var p in problems)
            {
                body.Append(CultureInfo.InvariantCulture, $"<li>{E(p.Field)}: {E(p.Message)}</li>");
            }

            body.Append("</ul></div>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            <p>Site <strong>{E(site.Name)}</strong> of <a href="/portfolios/{record.Id}">{E(record.Name)}</a>, as the quick form of <code>hashpivot dispatch</code>.
            A fixed-price site is modelled as a block of its whole connection at that price whose unused energy is resold at the market price (power credits, domain.md §4.3);
            change any field before running.</p>
            <form method="post" class="grid" action="/portfolios/{record.Id}/sites/{index}/dispatch">
            {AntiforgeryField(context)}
            <label for="prices">Price dataset (USD/MWh)<select id="prices" name="prices">
            """);
        foreach (var d in datasets)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<option value="{E(d.Info.Name)}"{(d.Info.Name == chosen ? " selected" : "")}>{E(d.Info.Name)}</option>""");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            </select></label>
            <label for="column">Series (when the dataset has several)<input id="column" name="column" value="{E(given?.Column)}"></label>
            <label for="hashprice_usd_per_ph_day">Hashprice USD/PH/day<input id="hashprice_usd_per_ph_day" name="hashprice_usd_per_ph_day" inputmode="decimal" value="{N(hashprice, 2).Replace(",", "", StringComparison.Ordinal)}"></label>
            """);
        foreach (var (field, label) in QuickFields)
        {
            var value = values[field] is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
            body.Append(CultureInfo.InvariantCulture, $"""<label for="{field}">{E(label)}<input id="{field}" name="{field}" inputmode="decimal" value="{value}"></label>""");
        }

        body.Append("""
            <label for="solver">Solver<select id="solver" name="solver"><option value="fast" selected>fast (exact DP)</option><option value="highs">HiGHS MILP</option><option value="scip">SCIP MILP</option><option value="cbc">CBC MILP</option></select></label>
            <button type="submit" id="run-dispatch">Run dispatch</button>
            </form>
            """);
        return Page(context, $"Dispatch: {site.Name}", "Portfolios", body.ToString(), problems is null ? 200 : 400);
    }

    private static async Task<IResult> RunPageAsync(string id, string? week, HttpContext context, CurrentWorkspace w)
    {
        if (await w.Store.GetRunAsync(id, context.RequestAborted) is not { } run || DispatchRuns.Read(run) is not { } dispatch)
        {
            return PortfolioPages.NotFound(context, $"dispatch run {id}");
        }

        var (d, schedule) = dispatch;
        var starts = schedule.StartsUtc.Select(s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture).ToUnixTimeSeconds()).ToArray();
        var interval = (long)Math.Round(d.IntervalMinutes * 60);
        var weekStart = DispatchInputs.ParseInstant(week ?? "") ?? DateTimeOffset.FromUnixTimeSeconds(starts[0]);
        var (first, end) = DispatchWeekChart.Window(starts, weekStart);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <p>{E(d.Site)}: prices {E(d.Prices)}, hashprice {E(d.Hashprice)}; {d.Intervals:N0} intervals of {N(d.IntervalMinutes, 0)} min, {E(d.StartUtc)} to {E(d.EndUtc)};
            solver {E(d.Solver)} ({E(d.Status)}, {N(d.SolveMs, 1)} ms). Run <code>{E(run.Id)}</code>, input hash <code>{E(run.InputHash[..16])}…</code>.</p>
            <form method="get" class="grid" action="/runs/{E(run.Id)}">
            <label for="week">Week starting (UTC)<input id="week" name="week" type="date" value="{weekStart:yyyy-MM-dd}"></label>
            <button type="submit">Show week</button>
            </form>
            """);
        if (end > first)
        {
            var price = schedule.Column("price_usd_per_mwh");
            var mining = schedule.Column("mining_mw");
            var ai = schedule.Column("ai_mw");
            var hours = interval / 3600.0;
            body.Append(Figure("dispatch-chart", $"Price (USD/MWh, right axis), mining MW and AI MW, week from {weekStart:yyyy-MM-dd}",
                DispatchWeekChart.Svg($"{d.Site}: week from {weekStart:yyyy-MM-dd}", starts, interval, price, mining, ai, first, end)));
            body.Append(CultureInfo.InvariantCulture, $"""
                <table id="week-totals"><caption>This week</caption><tbody>
                <tr><th scope="row">Mined MWh</th><td class="n">{N(mining[first..end].Sum() * hours, 1)}</td></tr>
                <tr><th scope="row">AI served MWh</th><td class="n">{N(ai[first..end].Sum() * hours, 1)}</td></tr>
                <tr><th scope="row">Average price USD/MWh</th><td class="n">{N(price[first..end].Average(), 2)}</td></tr>
                <tr><th scope="row">Intervals with mining off</th><td class="n">{mining[first..end].Count(m => m == 0)}</td></tr>
                </tbody></table>
                """);
        }
        else
        {
            body.Append("<p class=\"error\" role=\"alert\">No interval in that week; pick a date inside the run.</p>");
        }

        body.Append(CultureInfo.InvariantCulture, $"""
            {DispatchTotalsSection.Render(d, "totals")}
            <p>Schedule: <a id="export-xlsx" href="/api/v1/runs/{E(run.Id)}/schedule.xlsx" download>XLSX</a> · <a id="export-csv" href="/api/v1/runs/{E(run.Id)}/schedule.csv" download>CSV</a></p>
            """);
        return Page(context, $"Dispatch run", "Portfolios", body.ToString());
    }
}
