using System.Globalization;
using System.Text;
using HashPivot.Data.Analysis;
using HashPivot.Data.Validation;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using HashPivot.Web.Pages.Sections;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages;

/// <summary>Portfolio pages: the list, and the overview of one portfolio (per-site mine-vs-host economics as a table and a chart).</summary>
internal static class PortfolioPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/portfolios", ListAsync).ExcludeFromDescription();
        app.MapGet("/portfolios/{id:long}", OverviewAsync).ExcludeFromDescription();
        app.MapGet("/portfolios/{id:long}/valuation", ValuationAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(HttpContext context, CurrentWorkspace w)
    {
        var portfolios = await w.Store.ListPortfoliosAsync(context.RequestAborted);
        var body = new StringBuilder("<ul>");
        foreach (var p in portfolios)
        {
            body.Append(CultureInfo.InvariantCulture, $"""<li><a href="/portfolios/{p.Id}">{E(p.Name)}</a> <span class="note">updated {PortfolioView.Iso(p.UpdatedUtc)}</span></li>""");
        }

        body.Append("</ul>");
        if (portfolios.Count == 0)
        {
            body.Append("<p>No portfolio yet: create one with <code>POST /api/v1/portfolios</code> (see the API reference).</p>");
        }

        return Page(context, "Portfolios", "Portfolios", body.ToString());
    }

    private static async Task<IResult> OverviewAsync(long id, HttpContext context, CurrentWorkspace w)
    {
        if (await w.Store.GetPortfolioAsync(id, context.RequestAborted) is not { } record)
        {
            return NotFound(context, $"portfolio {id}");
        }

        CompareDocument doc;
        try
        {
            doc = CompareDocument.Run(Portfolios.Load(w.Store, record));
        }
        catch (InputException e)
        {
            return Page(context, record.Name, "Portfolios", $"<p class=\"error\" role=\"alert\">The portfolio does not load:</p><ul>{string.Concat(e.Problems.Select(p => $"<li>{E(p.ToString())}</li>"))}</ul>", 400);
        }

        var body = EconomicsSection.Render(doc, i => $"""<a href="/portfolios/{record.Id}/sites/{i}/dispatch">Dispatch {E(doc.Sites[i].Name)}</a>""");
        body += $"""<p><a id="valuation-link" href="/portfolios/{record.Id}/valuation">Value mining against converting each site (Monte-Carlo)</a></p><p class="note">JSON: <a href="/api/v1/portfolios/{record.Id}/compare">/api/v1/portfolios/{record.Id}/compare</a>.</p>""";
        return Page(context, record.Name, "Portfolios", body);
    }

    // A page view values on the spot without storing a run (GET changes nothing); POST /api/v1/portfolios/{id}/value stores one.
    private static async Task<IResult> ValuationAsync(long id, int? paths, long? seed, HttpContext context, CurrentWorkspace w)
    {
        if (await w.Store.GetPortfolioAsync(id, context.RequestAborted) is not { } record)
        {
            return NotFound(context, $"portfolio {id}");
        }

        var request = new ValueRequest { Paths = Math.Clamp(paths ?? 500, 1, 5_000), Seed = seed ?? 42 };
        var form = string.Create(CultureInfo.InvariantCulture, $"""
            <form method="get" class="grid" action="/portfolios/{record.Id}/valuation">
            <label for="paths">Paths (up to 5,000)<input id="paths" name="paths" type="number" min="1" max="5000" value="{request.Paths}"></label>
            <label for="seed">Seed<input id="seed" name="seed" type="number" value="{request.Seed}"></label>
            <button type="submit" id="run-valuation">Run valuation</button>
            </form>
            """);
        try
        {
            var (document, result, _) = ValuationRuns.Value(w.Store, record, request, context.RequestAborted);
            return Page(context, $"{record.Name}: valuation", "Portfolios", form + ValuationSection.Render(document, result));
        }
        catch (InputException e)
        {
            return Page(context, record.Name, "Portfolios", $"<p class=\"error\" role=\"alert\">The portfolio does not load:</p><ul>{string.Concat(e.Problems.Select(p => $"<li>{E(p.ToString())}</li>"))}</ul>", 400);
        }
    }

    internal static IResult NotFound(HttpContext context, string what) =>
        Page(context, "Not found", "", $"<p>No {E(what)} in this workspace.</p>", 404);
}
