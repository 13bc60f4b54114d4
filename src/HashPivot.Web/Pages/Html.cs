using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using HashPivot.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace HashPivot.Web.Pages;

/// <summary>The dashboard's HTML: one layout (skip link, navigation, main landmark, visible focus), encoding and number formats.</summary>
internal static class Html
{
    public const string Style = """
        :root { font-family: "DejaVu Sans", system-ui, sans-serif; color: #1a1a1a; background: #fafafa; }
        body { margin: 0; }
        .skip { position: absolute; left: -10000px; top: 0; background: #fff; padding: .5rem 1rem; border: 2px solid #114a9f; }
        .skip:focus { left: 1rem; z-index: 10; }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .5rem 1rem; background: #12355b; color: #fff; }
        header a { color: #fff; }
        nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; flex-wrap: wrap; }
        nav a[aria-current="page"] { font-weight: bold; text-decoration-thickness: 3px; }
        main { padding: 1rem; max-width: 1400px; }
        a:focus, button:focus, input:focus, select:focus, main:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
        table { border-collapse: collapse; margin: .5rem 0 1.5rem; font-size: .9rem; }
        caption { text-align: left; font-weight: bold; padding: .25rem 0; }
        th, td { border: 1px solid #ccc; padding: .25rem .5rem; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 0 0 1.5rem; }
        figure svg { max-width: 100%; height: auto; background: #fff; border: 1px solid #ddd; }
        form.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .75rem 1rem; align-items: end; margin-bottom: 1rem; }
        label { display: flex; flex-direction: column; font-size: .9rem; gap: .2rem; }
        input, select, button { font: inherit; padding: .3rem; }
        button { background: #12355b; color: #fff; border: 0; padding: .4rem 1rem; cursor: pointer; }
        .error { color: #a00; font-weight: bold; }
        .note { color: #555; font-size: .85rem; }
        .inline { display: inline; }
        """;

    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string N(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/d";

    public static string Usd(double? value, int decimals = 0) =>
        value is { } v && double.IsFinite(v) ? (v < 0 ? "-$" : "$") + N(Math.Abs(v), decimals) : "n/d";

    public static string UsdM(double? value) => value is { } v && double.IsFinite(v) ? (v < 0 ? "-$" : "$") + N(Math.Abs(v) / 1e6, 2) + "M" : "n/d";

    public static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";
    }

    /// <summary>A whole page; <paramref name="current"/> marks the navigation entry of this page.</summary>
    public static IResult Page(HttpContext context, string title, string current, string body, int status = 200)
    {
        var page = new StringBuilder();
        page.Append($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · HashPivot</title><style>{Style}</style></head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header><strong>HashPivot</strong>
            """);
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var w = context.RequestServices.GetRequiredService<CurrentWorkspace>();
            page.Append("<nav aria-label=\"Main\"><ul>");
            foreach (var (href, label) in new[] { ("/portfolios", "Portfolios"), ("/sector", "Sector"), ("/markets", "Markets"), ("/datasets", "Datasets"), ("/workspaces", "Workspaces"), ("/scalar/v1", "API reference") })
            {
                page.Append($"""<li><a href="{href}"{(label == current ? " aria-current=\"page\"" : "")}>{label}</a></li>""");
            }

            page.Append("</ul></nav>");
            page.Append($"""<span>{E(w.Email)} · workspace {E(w.WorkspaceName)} ({E(w.Role)})</span>""");
            page.Append($"""<form class="inline" method="post" action="/signout">{AntiforgeryField(context)}<button type="submit">Sign out</button></form>""");
        }

        page.Append($"""
            </header>
            <main id="main" tabindex="-1">
            <h1>{E(title)}</h1>
            {body}
            </main>
            </body></html>
            """);
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>An inline SVG chart in a figure, labelled by its caption for screen readers.</summary>
    /// <remarks>
    /// ScottPlot's SVG starts with an XML declaration and names its clip paths cl_0, cl_1 ... in every chart: the declaration is dropped and
    /// the ids prefixed with the figure's id, or a second chart on the page would clip to the first one's rectangles.
    /// </remarks>
    public static string Figure(string id, string caption, string svg)
    {
        var body = svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..] : svg;
        body = body.Replace("id=\"cl_", $"id=\"{id}-cl_", StringComparison.Ordinal).Replace("url(#cl_", $"url(#{id}-cl_", StringComparison.Ordinal)
            .Replace("<svg ", $"<svg role=\"img\" aria-labelledby=\"{id}-caption\" ", StringComparison.Ordinal);

        // Without a viewBox a browser crops a scaled-down SVG instead of shrinking it.
        var size = System.Text.RegularExpressions.Regex.Match(body, "<svg [^>]*?width=\"(\\d+)\" height=\"(\\d+)\"");
        if (size.Success && !body.Contains("viewBox", StringComparison.Ordinal))
        {
            body = body.Replace("<svg ", $"<svg viewBox=\"0 0 {size.Groups[1].Value} {size.Groups[2].Value}\" ", StringComparison.Ordinal);
        }

        return $"""<figure id="{id}"><figcaption id="{id}-caption">{E(caption)}</figcaption>{body}</figure>""";
    }
}
