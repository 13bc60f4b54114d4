using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Web.Pages.Sections;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Reports;

/// <summary>The self-contained HTML report of a <see cref="PortfolioAnalysis"/>: inline style and SVG charts, no script and no external link, so it opens offline and can be mailed.</summary>
public static class AnalysisReport
{
    /// <summary>The whole HTML document; <paramref name="createdUtc"/> is printed in its header.</summary>
    public static string Render(PortfolioAnalysis analysis, DateTimeOffset createdUtc)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var title = $"HashPivot analysis of {Path.GetFileName(analysis.PortfolioFile)}";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)}</title><style>{Style}</style></head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header><strong>HashPivot</strong><nav aria-label="Sections"><ul>
            <li><a href="#economics-section">Mine or host</a></li><li><a href="#dispatch-section">Dispatch</a></li><li><a href="#valuation-section">Valuation</a></li><li><a href="#sector-section">Sector</a></li>
            </ul></nav></header>
            <main id="main" tabindex="-1">
            <h1>{E(title)}</h1>
            <p class="note">Made {createdUtc.UtcDateTime:yyyy-MM-dd HH:mm} UTC from {E(analysis.PortfolioFile)}. Every default cites its source in the portfolio file and the domain primer;
            series marked SYNTHETIC are generated, not observed.</p>
            <section id="economics-section" aria-labelledby="economics-heading"><h2 id="economics-heading">Mine or host: what one MW earns each way</h2>
            {EconomicsSection.Render(analysis.Compare, null)}
            </section>
            <section id="dispatch-section" aria-labelledby="dispatch-heading"><h2 id="dispatch-heading">Hour-by-hour dispatch of the sites priced from a series</h2>
            """);
        if (analysis.Dispatches.Count == 0)
        {
            body.Append("<p>No site of this portfolio is priced from an interval series, so there is no hour-by-hour schedule to optimise.</p>");
        }

        for (var i = 0; i < analysis.Dispatches.Count; i++)
        {
            var site = analysis.Dispatches[i];
            var d = site.Document;

            // The week holding the dearest interval is where curtailment shows; a quiet week would show a flat line.
            var dearest = 0;
            var values = site.Prices.Values;
            for (var t = 1; t < values.Length; t++)
            {
                if (values[t] > values[dearest])
                {
                    dearest = t;
                }
            }

            var weekStart = site.Prices[dearest].AddDays(-3);
            var (first, end) = Charts.DispatchWeekChart.Window(site.Prices, weekStart < site.Prices.Start ? site.Prices.Start : weekStart);
            body.Append(CultureInfo.InvariantCulture, $"""
                <h3>{E(site.Site)}</h3>
                <p>Prices {E(d.Prices)}, hashprice {E(d.Hashprice)}; {d.Intervals:N0} intervals of {N(d.IntervalMinutes, 0)} min, {E(d.StartUtc)} to {E(d.EndUtc)};
                solver {E(d.Solver)} ({E(d.Status)}). The optimum earns {Usd(d.GainOverRuleUsd)} more than the strike-price rule on the same inputs{(d.GainOverRuleUsd is > 0.5 ? "" : " (with no dwell, ramp, battery, reserve or 4CP terms every hour stands alone, and the rule is already optimal)")}.</p>
                """);
            body.Append(Figure($"dispatch-chart-{i}", $"{site.Site}: price (USD/MWh, right axis), mining MW and AI MW in the week of the year's dearest interval ({site.Prices[dearest]:yyyy-MM-dd HH:mm} UTC)",
                DispatchWeekChart.Svg($"{site.Site}: week from {site.Prices[first]:yyyy-MM-dd}", site.Prices, site.Schedule, first, end)));
            body.Append(DispatchTotalsSection.Render(d, $"dispatch-totals-{i}"));
        }

        if (analysis.FixedPriceSites.Count > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">Fixed-price sites ({E(string.Join(", ", analysis.FixedPriceSites))}) mine whenever hashprice beats their strike price; their economics are in the table above.</p>");
        }

        body.Append("</section>");
        body.Append(ValuationSection.Render(analysis.Valuation, analysis.ValuationResult));
        body.Append(CultureInfo.InvariantCulture, $"""
            <section id="sector-section" aria-labelledby="sector-heading"><h2 id="sector-heading">The listed miners' power, as of {analysis.SectorSummary.AsOf:yyyy-MM-dd}</h2>
            <p>{E(analysis.Sector.Statement.Text)}</p>
            {SectorSection.Render(analysis.Sector, analysis.SectorSummary, analysis.Backlog)}
            </section>
            </main>
            </body></html>
            """);
        return body.ToString();
    }
}
