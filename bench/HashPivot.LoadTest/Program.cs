using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

// Usage: dotnet run -c Release --project bench/HashPivot.LoadTest -- --url http://127.0.0.1:5080 --email admin@hashpivot.local --password PW
//        [--seconds 60] [--connections 64] [--path /api/v1/sector]... (default paths: the first portfolio's compare, then the sector)
//        [--valuation SITES] [--paths 1000] [--warmup SECONDS]
// Signs in once, makes an API token, then for each path sends one warm-up request (not counted) and runs CONNECTIONS concurrent
// loops of GET for SECONDS and prints requests,
// errors (non-2xx or exceptions), p50/p90/p95/p99 latency and throughput. Loopback targets only; at most 300 s and 256 connections.
// --valuation SITES instead creates a portfolio of SITES synthetic sites (modelled on samples/portfolio.yaml, a third of them on the
// seeded hourly grid dataset) and POSTs /api/v1/portfolios/{id}/value with PATHS paths, every request with its own seed (no two alike).
var options = Args.Parse(args);
var baseUri = new Uri(options.Get("--url", "http://127.0.0.1:5080"));
if (!IPAddress.TryParse(baseUri.Host, out var ip) ? baseUri.Host != "localhost" : !IPAddress.IsLoopback(ip))
{
    Console.Error.WriteLine($"refusing {baseUri.Host}: the load client only targets loopback (127.0.0.0/8, ::1, localhost)");
    return 2;
}

var seconds = Math.Clamp(int.Parse(options.Get("--seconds", "60"), CultureInfo.InvariantCulture), 1, 300);
var connections = Math.Clamp(int.Parse(options.Get("--connections", "64"), CultureInfo.InvariantCulture), 1, 256);
var warmup = TimeSpan.FromSeconds(Math.Clamp(int.Parse(options.Get("--warmup", "0"), CultureInfo.InvariantCulture), 0, 60));
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = true };
using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
string token;
try
{
    token = await Session.TokenAsync(http, options.Get("--email", "admin@hashpivot.local"), options.Get("--password", Environment.GetEnvironmentVariable("HASHPIVOT_ADMIN_PASSWORD") ?? ""));
}
catch (HttpRequestException e)
{
    // A stack trace for "no server there" or "wrong password" hides the one line that matters.
    Console.Error.WriteLine(e.StatusCode is { } status
        ? $"signing in at {baseUri} failed with HTTP {(int)status}: check --email and --password (or HASHPIVOT_ADMIN_PASSWORD)"
        : $"cannot reach {baseUri}: {e.Message} (start the server first: hashpivot serve --urls {baseUri.GetLeftPart(UriPartial.Authority)})");
    return 2;
}

http.DefaultRequestHeaders.Authorization = new("Bearer", token);
if (options.Get("--valuation", "") is { Length: > 0 } sitesText)
{
    var sites = Math.Clamp(int.Parse(sitesText, CultureInfo.InvariantCulture), 1, 100);
    var pathCount = Math.Clamp(int.Parse(options.Get("--paths", "1000"), CultureInfo.InvariantCulture), 1, 20_000);
    var created = await http.PostAsJsonAsync("/api/v1/portfolios", new { name = $"load {sites} sites {DateTime.UtcNow:yyyyMMddHHmmss}", document = SyntheticPortfolio.Yaml(sites) });
    created.EnsureSuccessStatusCode();
    var portfolio = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    var valuePath = $"/api/v1/portfolios/{portfolio}/value";
    Console.WriteLine($"target {baseUri}, {connections} connections, {seconds} s, {Environment.ProcessorCount} cores; portfolio {portfolio}: {sites} sites × {pathCount:N0} paths");
    var seed = 0L;
    Console.WriteLine(await Load.RunAsync("POST " + valuePath, connections, warmup, TimeSpan.FromSeconds(seconds),
        () => http.PostAsJsonAsync(valuePath, new { paths = pathCount, seed = Interlocked.Increment(ref seed) })));
    return 0;
}

var paths = options.All("--path");
if (paths.Count == 0)
{
    var portfolios = await http.GetFromJsonAsync<JsonElement>("/api/v1/portfolios");
    paths = [$"/api/v1/portfolios/{portfolios[0].GetProperty("id").GetInt64()}/compare", "/api/v1/sector"];
}

Console.WriteLine($"target {baseUri}, {connections} connections, {seconds} s per path, {Environment.ProcessorCount} cores");
foreach (var path in paths)
{
    var result = await Load.RunAsync("GET " + path, connections, warmup, TimeSpan.FromSeconds(seconds), () => http.GetAsync(path, HttpCompletionOption.ResponseContentRead));
    Console.WriteLine(result);
}

return 0;

/// <summary>Minimal option parsing: <c>--name value</c>, repeatable.</summary>
internal sealed class Args(List<(string Name, string Value)> pairs)
{
    public static Args Parse(string[] args)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            pairs.Add((args[i], args[i + 1]));
        }

        return new Args(pairs);
    }

    public string Get(string name, string fallback) => pairs.LastOrDefault(p => p.Name == name).Value ?? fallback;

    public List<string> All(string name) => pairs.Where(p => p.Name == name).Select(p => p.Value).ToList();
}

/// <summary>Signs in with the dashboard form (antiforgery included) and creates an API token for the load.</summary>
internal static class Session
{
    public static async Task<string> TokenAsync(HttpClient http, string email, string password)
    {
        var form = await http.GetStringAsync("/signin");
        var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = antiforgery,
        }));
        var created = await http.PostAsJsonAsync("/api/v1/tokens", new { name = "load test " + DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}

/// <summary>One bounded load run: concurrent request loops until the deadline, latencies in milliseconds.</summary>
internal static class Load
{
    public static async Task<string> RunAsync(string label, int connections, TimeSpan warmup, TimeSpan duration, Func<Task<HttpResponseMessage>> send)
    {
        // The same load for the warm-up first, not counted: a fresh server runs its first seconds on tier-0 JIT code (the valuation's
        // hot loops 2-3 times slower until tiered compilation promotes them) and fills its input cache.
        if (warmup > TimeSpan.Zero)
        {
            var (count, _, _, _) = await LoopsAsync(connections, warmup, send);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up (not counted): {count:N0} requests in {warmup.TotalSeconds:0} s"));
        }

        var (_, all, errors, elapsed) = await LoopsAsync(connections, duration, send);
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}: {all.Length:N0} requests in {elapsed:0.0} s, {errors} errors, {all.Length / elapsed:N1} req/s, p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms, max {all[^1]:0.0} ms");
    }

    private static async Task<(int Count, double[] Sorted, int Errors, double Seconds)> LoopsAsync(int connections, TimeSpan duration, Func<Task<HttpResponseMessage>> send)
    {
        var latencies = new List<double>[connections];
        var errors = new int[connections];
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, connections).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await send();
                    if (!response.IsSuccessStatusCode)
                    {
                        errors[c]++;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    errors[c]++;
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(tasks);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length, all, errors.Sum(), clock.Elapsed.TotalSeconds);
    }
}

/// <summary>A synthetic portfolio of N sites modelled on samples/portfolio.yaml: the sample's network and offers, its four site kinds in turn
/// (fixed-price PPA, hub-priced merchant on the seeded hourly grid dataset, hydro contract, fixed-price with an AI tenant), sizes varied.</summary>
internal static class SyntheticPortfolio
{
    public const string GridDataset = "synthetic-grid-2024";

    public static string Yaml(int sites)
    {
        var text = new System.Text.StringBuilder("""
            network:
              btc_price_usd: 60000
              difficulty: 1.2493e14
              fees_btc_per_block: 0.03
              height: 953568
            offers:
              lease: { rent_usd_per_kw_month: 150, it_share: 0.75, escalator: 0.02, term_years: 10, noi_margin: 0.85, capex_usd_per_mw_it: 9500000 }
              gpu_cloud: { usd_per_gpu_hour: 2.77, grid_kw_per_gpu: 2.2, utilisation: 0.85, capex_usd_per_gpu: 50000, useful_life_years: 5, opex_share: 0.12, facility_capex_usd_per_mw_it: 15000000, it_share: 0.8 }
            sites:

            """);
        for (var i = 0; i < sites; i++)
        {
            var scale = 0.6 + (0.1 * (i % 7));
            var count = (int)(20000 * scale);
            var site = (i % 3) switch
            {
                1 => FormattableString.Invariant($$"""
                      - name: Merchant {{i + 1}}
                        market: ERCOT
                        interconnection_mw: {{(int)(120 * scale)}}
                        power: { series: {{GridDataset}}, adder_usd_per_mwh: {{10 + (i % 5)}} }
                        fleet: { overhead_share: 0.08, uptime: 0.95, miners: [{ model: s21, count: {{count}} }] }

                    """),
                2 => FormattableString.Invariant($$"""
                      - name: Hydro {{i + 1}}
                        market: contract
                        interconnection_mw: {{(int)(160 * scale)}}
                        power: { fixed_usd_per_mwh: {{36 + (i % 4)}} }
                        fleet: { overhead_share: 0.05, uptime: 0.97, miners: [{ model: s21-pro, count: {{count}} }] }

                    """),
                _ => FormattableString.Invariant($$"""
                      - name: PPA {{i + 1}}
                        market: ERCOT
                        interconnection_mw: {{(int)(300 * scale)}}
                        power: { fixed_usd_per_mwh: {{30 + (i % 6)}} }
                        fleet: { overhead_share: 0.06, uptime: 0.86, pool_fee: 0.02, miners: [{ model: s21-xp, count: {{count}} }, { model: s19-xp, count: {{count / 2}} }] }

                    """),
            };
            text.Append(site);
        }

        return text.ToString();
    }
}
