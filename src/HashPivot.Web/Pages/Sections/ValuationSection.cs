using System.Globalization;
using System.Text;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Engine.Valuation;
using static HashPivot.Web.Pages.Html;

namespace HashPivot.Web.Pages.Sections;

/// <summary>The valuation HTML (USD): hashprice fan chart, the first site's NPV histogram and the per-site strategy table.</summary>
internal static class ValuationSection
{
    /// <summary>The section of a valuation document and the result it summarises (for the charts' samples).</summary>
    public static string Render(ValueDocument d, ValuationResult result)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(result);
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <section id="valuation-section" aria-labelledby="valuation-heading"><h2 id="valuation-heading">Mine or convert: NPV over {d.Paths:N0} paths, {d.Years} years</h2>
            <p>Seed {d.Seed}, input hash <code>{E(d.InputHash[..16])}…</code>. Portfolio, each site on its best strategy: P5 {UsdM(d.Portfolio.NpvUsdP5)}, P50 {UsdM(d.Portfolio.NpvUsdP50)},
            P95 {UsdM(d.Portfolio.NpvUsdP95)}, mean {UsdM(d.Portfolio.NpvUsdMean)}. Assumptions as <code>hashpivot value</code>'s defaults (README).</p>
            """);
        body.Append(Figure("fan-chart", "Projected hashprice (USD/PH/day): P5–P95 and P25–P75 bands and the median by month", HashpriceFanChart.Svg(result.HashpriceBands, result.Paths)));
        var first = result.Sites[0];
        var samples = result.BestOfEachKind(0).Select(x => (x.Strategy.Label, x.NpvUsd)).ToList();
        body.Append(Figure("npv-histogram", $"{first.Site}: NPV over the paths by strategy (USD millions)", NpvHistogramChart.Svg($"{first.Site}: NPV by strategy", samples)));
        body.Append("""
            <table id="valuation"><caption>NPV per site and strategy at its best start year (USD)</caption>
            <thead><tr><th scope="col">Site</th><th scope="col">Strategy</th><th scope="col">Start year</th><th scope="col">P5</th><th scope="col">P50</th><th scope="col">P95</th><th scope="col">Mean</th></tr></thead><tbody>
            """);
        foreach (var s in d.Sites)
        {
            foreach (var v in s.Strategies)
            {
                var best = v.Strategy == s.BestStrategy && v.Year == s.BestConversionYear;
                body.Append(CultureInfo.InvariantCulture, $"""
                    <tr><th scope="row">{E(s.Site)}</th><td>{E(v.Strategy)}{(best ? " <strong>(best)</strong>" : "")}</td><td class="n">{v.Year?.ToString(CultureInfo.InvariantCulture) ?? ""}</td>
                    <td class="n">{UsdM(v.NpvUsdP5)}</td><td class="n">{UsdM(v.NpvUsdP50)}</td><td class="n">{UsdM(v.NpvUsdP95)}</td><td class="n">{UsdM(v.NpvUsdMean)}</td></tr>
                    """);
            }
        }

        body.Append("</tbody></table><ul>");
        foreach (var s in d.Sites)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <li>{E(s.Site)}: {E(s.BestConversion)} from year {s.BestConversionStartYear} beats mining on {s.ProbConvertBeatsMining:P0} of paths;
                converting instead of mining returns {(s.ConversionIrr is { } irr ? irr.ToString("P1", CultureInfo.InvariantCulture) : "no IRR")}.</li>
                """);
        }

        body.Append("</ul></section>");
        return body.ToString();
    }
}
