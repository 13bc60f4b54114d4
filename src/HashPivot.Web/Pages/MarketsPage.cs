using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Validation;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>The markets page: period returns, betas and a market-model event study (CAR chart) from the workspace's equity datasets.</summary>
internal static class MarketsPage
{
    public static void Map(WebApplication app) => app.MapGet("/markets", ShowAsync).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(HttpContext context, CurrentWorkspace w, string? tickers, string? benchmark, string? date, string? from, string? to, string? prices)
    {
        // Defaults: the synthetic sample the server seeds (SYNA, SYNB, SYNC against SYNMKT, abnormal returns planted on 2026-05-26).
        tickers ??= "SYNA,SYNB,SYNC";
        benchmark ??= "SYNMKT";
        date ??= "2026-05-26";
        from ??= "2025-06-02";
        to ??= "2026-05-22";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <form method="get" class="grid" action="/markets">
            <label for="tickers">Tickers (comma-separated)<input id="tickers" name="tickers" value="{E(tickers)}"></label>
            <label for="benchmark">Benchmark<input id="benchmark" name="benchmark" value="{E(benchmark)}"></label>
            <label for="date">Event date<input id="date" name="date" type="date" value="{E(date)}"></label>
            <label for="from">Returns and betas from<input id="from" name="from" type="date" value="{E(from)}"></label>
            <label for="to">to<input id="to" name="to" type="date" value="{E(to)}"></label>
            <label for="prices">Equity dataset (empty: all)<input id="prices" name="prices" value="{E(prices)}"></label>
            <button type="submit">Show</button>
            </form>
            """);
        try
        {
            var data = await EquityInputs.LoadStoredAsync(w.Store, string.IsNullOrEmpty(prices) ? null : prices, "prices", context.RequestAborted);
            var a = ApiEndpoints.ParseDate(from, "from")!.Value;
            var b = ApiEndpoints.ParseDate(to, "to")!.Value;
            var names = ApiEndpoints.Split(tickers).ToList();
            var bench = ApiEndpoints.Find(data, benchmark);
            var returns = names.Append(benchmark).Select(t => ReturnRow.For(ApiEndpoints.Find(data, t), a, b)).ToList();
            var betas = names.Select(t => BetaRow.For(ApiEndpoints.Find(data, t), bench, a, b)).ToList();
            var studies = await ApiEndpoints.EventStudiesAsync(w.Store, tickers, benchmark, date, string.IsNullOrEmpty(prices) ? null : prices, -3, 3, 240, context.RequestAborted);
            body.Append(Figure("event-chart", $"Cumulative abnormal return (%) around {date}, market model against {benchmark}", EventCarChart.Svg(studies)));
            body.Append("<table id=\"returns\"><caption>Returns (%)</caption><thead><tr><th scope=\"col\">Ticker</th><th scope=\"col\">From close</th><th scope=\"col\">To close</th><th scope=\"col\">Return</th><th scope=\"col\">YTD</th></tr></thead><tbody>");
            foreach (var r in returns)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(r.Ticker)}</th><td>{E(r.FromDate)}</td><td>{E(r.ToDate)}</td><td class=\"n\">{N(r.ReturnPct, 2)}</td><td class=\"n\">{N(r.YtdReturnPct, 2)}</td></tr>");
            }

            body.Append("</tbody></table><table id=\"betas\"><caption>Betas against the benchmark (daily simple returns)</caption><thead><tr><th scope=\"col\">Ticker</th><th scope=\"col\">Beta</th><th scope=\"col\">Correlation</th><th scope=\"col\">Ann. volatility %</th><th scope=\"col\">Days</th></tr></thead><tbody>");
            foreach (var r in betas)
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(r.Ticker)}</th><td class=\"n\">{N(r.Beta, 2)}</td><td class=\"n\">{N(r.Correlation, 2)}</td><td class=\"n\">{N(r.AnnualisedVolatilityPct, 1)}</td><td class=\"n\">{r.Days}</td></tr>");
            }

            body.Append("</tbody></table><table id=\"events\"><caption>Event study, window [-3, 3] trading days</caption><thead><tr><th scope=\"col\">Ticker</th><th scope=\"col\">AR day 0 %</th><th scope=\"col\">CAR %</th><th scope=\"col\">t</th></tr></thead><tbody>");
            foreach (var r in studies.Select(EventRow.From))
            {
                body.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(r.Ticker)}</th><td class=\"n\">{N(r.AbnormalReturnPct, 2)}</td><td class=\"n\">{N(r.CarPct, 2)}</td><td class=\"n\">{N(r.TStat, 2)}</td></tr>");
            }

            body.Append("</tbody></table>");
        }
        catch (Exception e) when (e is InputException or ArgumentException or InvalidOperationException)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"error\" role=\"alert\">{E(e.Message)}</p>");
        }

        return Page(context, "Markets", "Markets", body.ToString());
    }
}
