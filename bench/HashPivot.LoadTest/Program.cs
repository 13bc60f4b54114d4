using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

// Usage: dotnet run -c Release --project bench/HashPivot.LoadTest -- --url http://127.0.0.1:5080 --email admin@hashpivot.local --password PW
//        [--seconds 60] [--connections 64] [--path /api/v1/sector]... (default paths: the first portfolio's compare, then the sector)
// Signs in once, makes an API token, then for each path runs CONNECTIONS concurrent loops of GET for SECONDS and prints requests,
// errors (non-2xx or exceptions), p50/p90/p99 latency and throughput. Loopback targets only; at most 300 s and 256 connections.
var options = Args.Parse(args);
var baseUri = new Uri(options.Get("--url", "http://127.0.0.1:5080"));
if (!IPAddress.TryParse(baseUri.Host, out var ip) ? baseUri.Host != "localhost" : !IPAddress.IsLoopback(ip))
{
    Console.Error.WriteLine($"refusing {baseUri.Host}: the load client only targets loopback (127.0.0.0/8, ::1, localhost)");
    return 2;
}

var seconds = Math.Clamp(int.Parse(options.Get("--seconds", "60"), CultureInfo.InvariantCulture), 1, 300);
var connections = Math.Clamp(int.Parse(options.Get("--connections", "64"), CultureInfo.InvariantCulture), 1, 256);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = true };
using var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
var token = await Session.TokenAsync(http, options.Get("--email", "admin@hashpivot.local"), options.Get("--password", Environment.GetEnvironmentVariable("HASHPIVOT_ADMIN_PASSWORD") ?? ""));
http.DefaultRequestHeaders.Authorization = new("Bearer", token);
var paths = options.All("--path");
if (paths.Count == 0)
{
    var portfolios = await http.GetFromJsonAsync<JsonElement>("/api/v1/portfolios");
    paths = [$"/api/v1/portfolios/{portfolios[0].GetProperty("id").GetInt64()}/compare", "/api/v1/sector"];
}

Console.WriteLine($"target {baseUri}, {connections} connections, {seconds} s per path, {Environment.ProcessorCount} cores");
foreach (var path in paths)
{
    var result = await Load.RunAsync(http, path, connections, TimeSpan.FromSeconds(seconds));
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

/// <summary>One bounded load run: concurrent GET loops until the deadline, latencies in milliseconds.</summary>
internal static class Load
{
    public static async Task<string> RunAsync(HttpClient http, string path, int connections, TimeSpan duration)
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
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
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
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"GET {path}: {all.Length:N0} requests in {elapsed:0.0} s, {errors.Sum()} errors, {all.Length / elapsed:N0} req/s, p50 {P(0.50):0.0} ms, p90 {P(0.90):0.0} ms, p99 {P(0.99):0.0} ms, max {all[^1]:0.0} ms");
    }
}
