using System.CommandLine;
using System.Globalization;
using HashPivot.Charts;
using HashPivot.Cli.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Csv.Equities;
using HashPivot.Engine.Markets;
using HashPivot.Engine.Series;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot markets returns|beta|event</c>: equity returns, betas and market-model event studies from a daily price CSV.</summary>
internal static class MarketsCommand
{
    public static Command Build(CliContext context)
    {
        var markets = new Command("markets", "Equity analytics from daily closes: period returns, betas and event studies.")
        {
            BuildEvent(context),
            BuildReturns(context),
            BuildBeta(context),
        };
        return markets;
    }

    private static Option<string[]> TickersOption() => new("--tickers")
    {
        Description = "Tickers, space- or comma-separated.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<string?> PricesOption() => new("--prices")
    {
        Description = "Daily prices: a CSV (long date,ticker,adj_close as ../shared/data/equities_daily_adjclose_2016_2026.csv, or OHLCV with a ticker column) or a stored equity dataset; default: every equity dataset in the store.",
    };

    private static Command BuildEvent(CliContext context)
    {
        var tickers = TickersOption();
        var prices = PricesOption();
        var date = new Option<string>("--date") { Description = "Event date (yyyy-MM-dd): day 0 is the close-to-close return ending that day.", Required = true };
        var benchmark = new Option<string>("--benchmark") { Description = "Market-model benchmark ticker in the same file.", DefaultValueFactory = _ => "SPY" };
        var window = new Option<string>("--window") { Description = "Event window in trading days, e.g. -1,1 (write --window=-1,1).", DefaultValueFactory = _ => "-1,1" };
        var estimation = new Option<int>("--estimation") { Description = "Estimation days, ending 11 trading days before the event: 240 gives [-250, -11].", DefaultValueFactory = _ => 240 };
        var chart = ChartFile.Option("Chart the cumulative abnormal return (%) across the event window, one line per ticker, to this .png or .svg file.");
        var command = new Command("event", "Market-model event study: alpha and beta by OLS on the estimation window, AR on the event day, CAR over the window and its t-statistic "
            + "(Var(CAR) = L2 x residual variance, MacKinlay 1997).\n"
            + "Example: hashpivot markets event --tickers SYNA SYNB SYNC --date 2026-05-26 --benchmark SYNMKT --prices samples/synthetic/equities_daily_2025_2026_synthetic.csv\n"
            + "Example: hashpivot markets event --tickers SYNA SYNB SYNC --date 2026-05-26 --benchmark SYNMKT --window=-3,3 --prices samples/synthetic/equities_daily_2025_2026_synthetic.csv --chart car.png")
        {
            tickers, date, benchmark, window, estimation, prices, chart,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var data = Load(parsed, parsed.GetValue(prices));
            var eventDate = SectorCommand.ParseDate(parsed.GetValue(date))!.Value;
            var (start, end) = ParseWindow(parsed.GetValue(window)!);
            var days = parsed.GetValue(estimation);
            if (days < 3)
            {
                throw new ArgumentException($"--estimation must be at least 3 days, got {days}.");
            }

            var spec = new EventWindow(-10 - days, -11, start, end);
            var bench = Find(data, parsed.GetValue(benchmark)!);
            var results = Split(parsed.GetValue(tickers)!).Select(t => EventStudy.Run(Find(data, t), bench, eventDate, spec)).ToList();
            var chartFile = parsed.GetValue(chart);
            if (chartFile is not null)
            {
                EventCarChart.Save(chartFile.FullName, results);
            }

            var rows = results.Select(EventRow.From).ToList();
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new
                {
                    method = "market model r = alpha + beta * r_m by OLS over the estimation window; AR = r - (alpha + beta * r_m); CAR = sum of AR; Var(CAR) = L2 * residual variance (SSR / (L1 - 2)); t = CAR / sqrt(Var(CAR))",
                    events = rows,
                });
                return CliApp.Ok;
            }

            var table = new Table().AddColumn("Ticker").AddColumn(new TableColumn("Day return").RightAligned())
                .AddColumn(new TableColumn($"{bench.Name} day").RightAligned()).AddColumn(new TableColumn("Beta").RightAligned())
                .AddColumn(new TableColumn("AR day 0").RightAligned()).AddColumn(new TableColumn(Markup.Escape($"CAR [{start},{end}]")).RightAligned())
                .AddColumn(new TableColumn("t").RightAligned()).AddColumn("Estimation");
            foreach (var r in rows)
            {
                table.AddRow(r.Ticker, Pct(r.ReturnPct), Pct(r.BenchmarkReturnPct), Format.Number(r.Beta, 2), Pct(r.AbnormalReturnPct),
                    Pct(r.CarPct), Format.Number(r.TStat, 2), Markup.Escape($"{r.EstimationFrom}..{r.EstimationTo} ({r.EstimationDays} d)"));
            }

            context.Console.Write(table);
            SectorCommand.WriteChartPath(context, chartFile);
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command BuildReturns(CliContext context)
    {
        var tickers = TickersOption();
        var prices = PricesOption();
        var from = new Option<string>("--from") { Description = "Start date: the last close on or before it is the base.", Required = true };
        var to = new Option<string>("--to") { Description = "End date: the last close on or before it.", Required = true };
        var command = new Command("returns", "Simple return between two dates and year-to-date at the end date, per ticker.\n"
            + "Example: hashpivot markets returns --tickers SYNA SYNMKT --from 2026-05-22 --to 2026-05-26 --prices samples/synthetic/equities_daily_2025_2026_synthetic.csv")
        {
            tickers, from, to, prices,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var data = Load(parsed, parsed.GetValue(prices));
            var a = SectorCommand.ParseDate(parsed.GetValue(from))!.Value;
            var b = SectorCommand.ParseDate(parsed.GetValue(to))!.Value;
            var rows = Split(parsed.GetValue(tickers)!).Select(t =>
            {
                return ReturnRow.For(Find(data, t), a, b);
            }).ToList();
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new { returns = rows });
                return CliApp.Ok;
            }

            var table = new Table().AddColumn("Ticker").AddColumn("From close").AddColumn("To close")
                .AddColumn(new TableColumn("Return").RightAligned()).AddColumn(new TableColumn("YTD").RightAligned());
            foreach (var r in rows)
            {
                table.AddRow(r.Ticker, r.FromDate, r.ToDate, Pct(r.ReturnPct), Pct(r.YtdReturnPct));
            }

            context.Console.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command BuildBeta(CliContext context)
    {
        var tickers = TickersOption();
        var prices = PricesOption();
        var benchmark = new Option<string>("--benchmark") { Description = "Benchmark ticker in the same file.", Required = true };
        var from = new Option<string>("--from") { Description = "First return end date.", Required = true };
        var to = new Option<string>("--to") { Description = "Last return end date.", Required = true };
        var command = new Command("beta", "OLS beta and correlation of daily simple returns against a benchmark, on dates both traded, with annualised volatility.\n"
            + "Example: hashpivot markets beta --tickers SYNA SYNB --benchmark SYNMKT --from 2025-06-01 --to 2026-05-22 --prices samples/synthetic/equities_daily_2025_2026_synthetic.csv")
        {
            tickers, benchmark, from, to, prices,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var data = Load(parsed, parsed.GetValue(prices));
            var bench = Find(data, parsed.GetValue(benchmark)!);
            var a = SectorCommand.ParseDate(parsed.GetValue(from))!.Value;
            var b = SectorCommand.ParseDate(parsed.GetValue(to))!.Value;
            var rows = Split(parsed.GetValue(tickers)!).Select(t =>
            {
                return BetaRow.For(Find(data, t), bench, a, b);
            }).ToList();
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new { betas = rows });
                return CliApp.Ok;
            }

            var table = new Table().AddColumn("Ticker").AddColumn("Benchmark").AddColumn(new TableColumn("Beta").RightAligned())
                .AddColumn(new TableColumn("Correlation").RightAligned()).AddColumn(new TableColumn("Ann. vol").RightAligned())
                .AddColumn(new TableColumn("Days").RightAligned()).AddColumn("Closes");
            foreach (var r in rows)
            {
                table.AddRow(r.Ticker, r.Benchmark, Format.Number(r.Beta, 2), Format.Number(r.Correlation, 2), Pct(r.AnnualisedVolatilityPct),
                    r.Days.ToString(CultureInfo.InvariantCulture), $"{r.From}..{r.To}");
            }

            context.Console.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }

    private static EquityPrices Load(ParseResult parsed, string? path)
    {
        if (path is not null && File.Exists(path))
        {
            return EquityPriceCsv.ParseFile(path).ValueOrThrow();
        }

        // Not a file: a named dataset in the store, or without --prices every stored equity dataset
        // (made by 'hashpivot data fetch equity' or 'data import --kind equity').
        using var store = StoreOption.Open(parsed);
        return EquityInputs.LoadStoredAsync(store, path, "--prices").GetAwaiter().GetResult();
    }

    private static TimeSeries Find(EquityPrices data, string ticker) =>
        data.Find(ticker) ?? throw new ArgumentException($"ticker '{ticker}' is not in the prices file (it has {string.Join(", ", data.Series.Select(s => s.Name))}).");

    private static IEnumerable<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static (int Start, int End) ParseWindow(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b)
            && a <= b && a > -11)
        {
            return (a, b);
        }

        throw new ArgumentException($"--window must be START,END trading days with -10 <= START <= END, e.g. -1,1; got '{text}'.");
    }

    private static string Pct(double percent) => Format.Number(percent, 2) + "%";
}
