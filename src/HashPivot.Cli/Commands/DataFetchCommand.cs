using System.CommandLine;
using HashPivot.Data.Analysis;
using HashPivot.Data.Connectors.Ercot;
using HashPivot.Data.Connectors.Mempool;
using HashPivot.Data.Connectors.Yahoo;
using HashPivot.Data.Store;
using HashPivot.Engine.Series;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot data fetch</c>: pull a public feed (mempool.space, ERCOT, daily equity prices) into the store.</summary>
internal static class DataFetchCommand
{
    public static Command Build(CliContext context) => new("fetch", "Fetch a public feed into the store (needs network access; ERCOT needs the user's API credentials).")
    {
        Mempool(context),
        Ercot(context),
        Equity(context),
    };

    private static Command Mempool(CliContext context)
    {
        var interval = new Option<string>("--interval") { Description = "mempool.space interval: 1m, 3m, 6m, 1y, 2y, 3y, all (default 1y).", DefaultValueFactory = _ => "1y" };
        interval.AcceptOnlyFromAmong([.. MempoolClient.Intervals]);
        var (name, replace, baseUrl) = Common("mempool");
        var command = new Command("mempool", "Daily network hashrate (TH/s) and difficulty from mempool.space.") { interval, name, replace, baseUrl };
        command.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            using var http = NewHttp();
            var client = new MempoolClient(http, parsed.GetValue(baseUrl));
            using var steps = new StepReporter(context, parsed.GetValue(CliApp.Json), totalSteps: 2);
            steps.Step($"GET hashrate/{parsed.GetValue(interval)} from {parsed.GetValue(baseUrl)?.ToString() ?? "mempool.space"}");
            var chain = (await client.GetHashrateAsync(parsed.GetValue(interval)!, cancel).ConfigureAwait(false)).ToChainHistory();
            return await DataCommand.SaveAsync(context, parsed, steps, "fetched", new DatasetInfo(parsed.GetValue(name)!, DatasetKind.Chain, "mempool.space /v1/mining/hashrate", DateTimeOffset.UtcNow),
                parsed.GetValue(replace), DatasetCsv.ChainSeries(chain), cancel).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Ercot(CliContext context)
    {
        var from = new Option<DateOnly>("--from") { Description = "First delivery date (ERCOT local date).", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last delivery date (inclusive).", Required = true };
        var market = new Option<string>("--market") { Description = "rt (15-minute settlement point prices) or dam (hourly day-ahead).", DefaultValueFactory = _ => "dam" };
        market.AcceptOnlyFromAmong("rt", "dam");
        var points = new Option<string[]>("--points") { Description = "Settlement points, e.g. HB_WEST HB_NORTH (default: the seven hubs).", AllowMultipleArgumentsPerToken = true };
        var (name, replace, baseUrl) = Common("ercot");
        var command = new Command("ercot", "ERCOT settlement point prices from api.ercot.com (credentials from ERCOT_API_USERNAME, ERCOT_API_PASSWORD, ERCOT_API_SUBSCRIPTION_KEY; never logged).")
        {
            from, to, market, points, name, replace, baseUrl,
        };
        command.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            var credentials = ErcotCredentials.FromEnvironment(Environment.GetEnvironmentVariable, out var problem)
                ?? throw new ArgumentException(problem ?? "ERCOT credentials are missing");
            using var http = NewHttp();
            var options = parsed.GetValue(baseUrl) is { } url ? new ErcotOptions { BaseUri = url } : null;
            var client = new ErcotClient(http, credentials, options);
            var hubs = parsed.GetValue(points) is { Length: > 0 } p ? p : ["HB_BUSAVG", "HB_HOUSTON", "HB_HUBAVG", "HB_NORTH", "HB_PAN", "HB_SOUTH", "HB_WEST"];
            using var steps = new StepReporter(context, parsed.GetValue(CliApp.Json), totalSteps: 2);
            steps.Step($"GET {parsed.GetValue(market)} prices {parsed.GetValue(from)}..{parsed.GetValue(to)} for {string.Join(", ", hubs)}");
            var prices = parsed.GetValue(market) == "rt"
                ? await client.GetRealTimePricesAsync(parsed.GetValue(from), parsed.GetValue(to), hubs, cancel).ConfigureAwait(false)
                : await client.GetDayAheadPricesAsync(parsed.GetValue(from), parsed.GetValue(to), hubs, cancel).ConfigureAwait(false);
            return await DataCommand.SaveAsync(context, parsed, steps, "fetched", new DatasetInfo(parsed.GetValue(name)!, DatasetKind.Grid, $"api.ercot.com {parsed.GetValue(market)} {parsed.GetValue(from)}..{parsed.GetValue(to)}", DateTimeOffset.UtcNow),
                parsed.GetValue(replace), prices.Series, cancel).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command Equity(CliContext context)
    {
        var symbols = new Option<string[]>("--symbols") { Description = "Tickers, e.g. RIOT IREN WULF ^GSPC.", Required = true, AllowMultipleArgumentsPerToken = true };
        var from = new Option<DateOnly>("--from") { Description = "First date.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last date (inclusive).", Required = true };
        var (name, replace, baseUrl) = Common("equities");
        var command = new Command("equity", "Daily adjusted closes from the Yahoo chart endpoint (unofficial; research use).") { symbols, from, to, name, replace, baseUrl };
        command.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            using var http = NewHttp();
            var client = new YahooChartClient(http, parsed.GetValue(baseUrl));
            using var steps = new StepReporter(context, parsed.GetValue(CliApp.Json), totalSteps: parsed.GetValue(symbols)!.Length + 1);
            var series = new List<TimeSeries>();
            foreach (var symbol in parsed.GetValue(symbols)!)
            {
                steps.Step($"GET daily bars for {symbol}");
                series.Add((await client.GetDailyAsync(symbol, parsed.GetValue(from), parsed.GetValue(to), cancel).ConfigureAwait(false)).ToSeries());
            }

            return await DataCommand.SaveAsync(context, parsed, steps, "fetched", new DatasetInfo(parsed.GetValue(name)!, DatasetKind.Equity, "Yahoo chart API (daily adjusted close)", DateTimeOffset.UtcNow),
                parsed.GetValue(replace), series, cancel).ConfigureAwait(false);
        }));
        return command;
    }

    private static (Option<string> Name, Option<bool> Replace, Option<Uri?> BaseUrl) Common(string defaultName) => (
        new Option<string>("--name") { Description = $"Dataset name (default '{defaultName}').", DefaultValueFactory = _ => defaultName },
        new Option<bool>("--replace") { Description = "Replace a dataset of the same name atomically." },
        new Option<Uri?>("--base-url")
        {
            Description = "Override the API base URL (a mirror or a recorded-response server).",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--base-url must be an absolute http(s) URL, got '{text}'.");
                return null;
            },
        });

    // The connectors set their own per-request timeouts and retries; the client must not cut them short.
    private static HttpClient NewHttp() => new() { Timeout = Timeout.InfiniteTimeSpan };
}
