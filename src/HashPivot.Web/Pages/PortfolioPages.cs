using System.Globalization;
using System.Text;
using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Validation;
using HashPivot.Web.Accounts;
using HashPivot.Web.Api;
using HashPivot.Web.Jobs;
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

    private static async Task<IResult> OverviewAsync(long id, HttpContext context, CurrentWorkspace w, PortfolioInputCache inputs)
    {
        if (await w.Store.GetPortfolioAsync(id, context.RequestAborted) is not { } record)
        {
            return NotFound(context, $"portfolio {id}");
        }

        CompareDocument doc;
        try
        {
            doc = await inputs.CompareAsync(w.Store, record, context.RequestAborted);
        }
        catch (InputException e)
        {
            return Page(context, record.Name, "Portfolios", $"<p class=\"error\" role=\"alert\">The portfolio does not load:</p><ul>{string.Concat(e.Problems.Select(p => $"<li>{E(p.ToString())}</li>"))}</ul>", 400);
        }

        var body = EconomicsSection.Render(doc, i => $"""<a href="/portfolios/{record.Id}/sites/{i}/dispatch">Dispatch {E(doc.Sites[i].Name)}</a>""");
        body += $"""<p><a id="valuation-link" href="/portfolios/{record.Id}/valuation">Value mining against converting each site (Monte-Carlo)</a></p><p class="note">JSON: <a href="/api/v1/portfolios/{record.Id}/compare">/api/v1/portfolios/{record.Id}/compare</a>.</p>""";
        return Page(context, record.Name, "Portfolios", body);
    }

    // A page view values on the spot without storing a run (GET changes nothing): the form works without JavaScript. With JavaScript the
    // form starts a job instead (POST /api/v1/portfolios/{id}/valuations, stored as a run), shows its progress and then opens ?run=ID&job=ID,
    // which shows the stored run: its table and figures are recomputed from the run's inputs (same seed, same result) because the charts
    // need every path's NPV, which a run does not store.
    private static async Task<IResult> ValuationAsync(long id, int? paths, long? seed, string? run, string? job, HttpContext context, CurrentWorkspace w,
        ValuationRuns valuations, ValuationJobs jobs)
    {
        if (await w.Store.GetPortfolioAsync(id, context.RequestAborted) is not { } record)
        {
            return NotFound(context, $"portfolio {id}");
        }

        var request = new ValueRequest { Paths = Math.Clamp(paths ?? 500, 1, 5_000), Seed = seed ?? 42 };
        var note = "";
        if (run is not null)
        {
            if (await w.Store.GetRunAsync(run, context.RequestAborted) is not { Kind: ValuationRuns.Kind } stored)
            {
                return NotFound(context, $"valuation run {run}");
            }

            using var inputs = JsonDocument.Parse(stored.InputsJson);
            var root = inputs.RootElement;
            request = new ValueRequest { Paths = root.GetProperty("paths").GetInt32(), Years = root.GetProperty("years").GetInt32(), Seed = root.GetProperty("seed").GetInt64() };
            record = record with { Document = root.GetProperty("portfolio").GetString() ?? record.Document };
            note = $"""<p id="valuation-run">Stored run <a href="/api/v1/runs/{E(stored.Id)}"><code>{E(stored.Id)}</code></a>, {PortfolioView.Iso(stored.CreatedUtc)}.</p>""";
            if (job is not null && jobs.Find(w.WorkspaceId, job) is { } j)
            {
                var view = j.View();
                note += string.Create(CultureInfo.InvariantCulture, $"""<p id="job-status">Job <code>{E(view.Id)}</code> {E(view.Status)}: {view.PathsDone:N0} of {view.PathsTotal:N0} paths.</p>""");
            }
        }

        var form = string.Create(CultureInfo.InvariantCulture, $"""
            <form id="valuation-form" method="get" class="grid" action="/portfolios/{record.Id}/valuation">
            <label for="paths">Paths (up to 5,000)<input id="paths" name="paths" type="number" min="1" max="5000" value="{request.Paths}"></label>
            <label for="seed">Seed<input id="seed" name="seed" type="number" value="{request.Seed}"></label>
            <button type="submit" id="run-valuation">Run valuation</button>
            </form>
            <p id="job-live" role="status" aria-live="polite"></p><progress id="job-progress" max="1" value="0" hidden aria-label="Valuation progress"></progress>
            {JobScript(record.Id)}
            """);
        try
        {
            var (document, result, _) = await valuations.ValueAsync(w.Store, record, request, null, context.RequestAborted);
            return Page(context, $"{record.Name}: valuation", "Portfolios", form + note + ValuationSection.Render(document, result));
        }
        catch (InputException e)
        {
            return Page(context, record.Name, "Portfolios", $"<p class=\"error\" role=\"alert\">The portfolio does not load:</p><ul>{string.Concat(e.Problems.Select(p => $"<li>{E(p.ToString())}</li>"))}</ul>", 400);
        }
    }

    // Starts a job, polls it every 250 ms into the live region and the progress bar, then opens the stored run. When the job cannot start
    // (a viewer, a full queue) the form is submitted as without JavaScript: the page values on the spot.
    private static string JobScript(long portfolioId) => $$"""
        <script>
        document.getElementById('valuation-form').addEventListener('submit', async event => {
          event.preventDefault();
          const form = event.target, live = document.getElementById('job-live'), bar = document.getElementById('job-progress');
          const body = JSON.stringify({ paths: Number(form.paths.value), seed: Number(form.seed.value) });
          const started = await fetch('/api/v1/portfolios/{{portfolioId}}/valuations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
          if (started.status !== 202) { form.submit(); return; }
          const location = started.headers.get('Location');
          let job = await started.json();
          bar.hidden = false;
          while (job.status === 'queued' || job.status === 'running') {
            live.textContent = `Job ${job.status}: ${job.paths_done} of ${job.paths_total} paths`;
            bar.value = job.progress;
            await new Promise(resolve => setTimeout(resolve, 250));
            job = await (await fetch(location)).json();
          }
          bar.value = job.progress;
          live.textContent = `Job ${job.status}: ${job.paths_done} of ${job.paths_total} paths` + (job.error ? ` (${job.error.detail})` : '');
          if (job.status === 'succeeded') { window.location.href = `/portfolios/{{portfolioId}}/valuation?run=${job.run_id}&job=${job.id}`; }
        });
        </script>
        """;

    internal static IResult NotFound(HttpContext context, string what) =>
        Page(context, "Not found", "", $"<p>No {E(what)} in this workspace.</p>", 404);
}
