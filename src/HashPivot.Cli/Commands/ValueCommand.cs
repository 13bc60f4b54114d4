using System.CommandLine;
using System.Globalization;
using HashPivot.Charts;
using HashPivot.Cluster.Hosting;
using HashPivot.Data.Analysis;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Store;
using HashPivot.Data.Valuation;
using HashPivot.Engine.Valuation;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot value</c>: Monte-Carlo NPV of keeping each site mining versus converting it to a lease, GPU cloud or a hybrid, in each start year.</summary>
internal static class ValueCommand
{
    public const string RunKind = "value";

    public static Command Build(CliContext context)
    {
        var file = new Argument<FileInfo>("PORTFOLIO") { Description = "Portfolio YAML file (see samples/portfolio.yaml)." };
        var paths = new Option<int>("--paths") { Description = "Monte-Carlo paths.", DefaultValueFactory = _ => 2000 };
        var years = new Option<int>("--years") { Description = "Horizon in years (monthly cash flows).", DefaultValueFactory = _ => 10 };
        var seed = new Option<long>("--seed") { Description = "Seed of every random draw; the same seed gives the same result.", DefaultValueFactory = _ => 42 };
        var vol = new Option<double?>("--btc-volatility") { Description = "BTC volatility per √year (default 0.55; the 2014–2026 history gives ≈ 0.7)." };
        var drift = new Option<double?>("--btc-drift") { Description = "BTC log-price drift per year (default 0: no view on direction)." };
        var discount = new Option<double?>("--discount-rate") { Description = "Discount rate per year (default 0.10)." };
        var powerScale = new Option<double?>("--power-scale") { Description = "Multiplier on every site's power prices (default 1)." };
        var gpuChange = new Option<double?>("--gpu-price-change") { Description = "GPU-hour price change per year (default −0.15)." };
        var startMonth = new Option<int?>("--start-month") { Description = "Calendar month (1–12) the projection starts in (default 1)." };
        var fan = new Option<FileInfo?>("--fan-chart") { Description = "Write the hashprice fan chart (P5–P95 by month) to this .png or .svg file." };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Add the tornado table: portfolio mean NPV with each input shifted down and up (12 more runs on up to 500 paths, same seed)." };
        var cluster = new Option<string?>("--cluster") { Description = "Run the paths on an Orleans cluster through the silo gateway at HOST:PORT (see hashpivot silo); the result is identical to a local run." };
        var clusterId = new Option<string>("--cluster-id") { Description = "The cluster's id (as given to hashpivot silo).", DefaultValueFactory = _ => "hashpivot" };
        var slicePaths = new Option<int>("--slice-paths") { Description = "Paths per cluster slice (default: about 25,000 path-sites a slice, at least four slices).", DefaultValueFactory = _ => ClusterRunOptions.DefaultSlicePaths };
        var histogram = new Option<FileInfo?>("--histogram") { Description = "Write the NPV histogram of the first site's strategies to this .png or .svg file." };
        var command = new Command("value", "Monte-Carlo valuation: NPV percentiles of mining, lease, GPU cloud and hybrid per site and start year, "
            + "the best strategy and year, and the probability that converting beats mining.\n"
            + "Example: hashpivot value samples/portfolio.yaml --paths 200 --seed 7\n"
            + "Example: hashpivot value samples/portfolio.yaml --paths 100 --sensitivity --json")
        {
            file, paths, years, seed, vol, drift, discount, powerScale, gpuChange, startMonth, fan, histogram, sensitivity, cluster, clusterId, slicePaths,
        };
        Range(slicePaths, 0, 1_000_000);
        Range(paths, 1, 1_000_000);
        Range(years, 1, 30);
        Range(startMonth, 1, 12);
        Range(vol, 0, 5);
        Range(powerScale, 1e-6, 100);
        Range(discount, -0.99, 10);
        Range(drift, -5, 5);
        Range(gpuChange, -0.99, 10);
        foreach (var chart in new[] { fan, histogram })
        {
            chart.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<FileInfo?>() is { } f && !ChartRender.IsSupported(f.Name))
                {
                    r.AddError($"{r.Option.Name} must end in .png or .svg, got '{f.Name}'.");
                }
            });
        }

        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var path = parsed.GetValue(file)!.ToString();
            var defaults = new ValuationAssumptions();
            var assumptions = defaults with
            {
                BtcVolatilityPerYear = parsed.GetValue(vol) ?? defaults.BtcVolatilityPerYear,
                BtcDriftPerYear = parsed.GetValue(drift) ?? defaults.BtcDriftPerYear,
                DiscountRatePerYear = parsed.GetValue(discount) ?? defaults.DiscountRatePerYear,
                PowerScale = parsed.GetValue(powerScale) ?? defaults.PowerScale,
                GpuPriceChangePerYear = parsed.GetValue(gpuChange) ?? defaults.GpuPriceChangePerYear,
                StartCalendarMonth = parsed.GetValue(startMonth) ?? defaults.StartCalendarMonth,
            };
            var pathCount = parsed.GetValue(paths);
            using var progress = new StepReporter(context, quiet: false, totalSteps: parsed.GetValue(sensitivity) ? 4 : 3);
            progress.Step("load portfolio");
            var loaded = PortfolioWithSeries.LoadFile(path);
            var request = ValuationInputs.Request(loaded, assumptions, parsed.GetValue(years), parsed.GetValue(seed));
            progress.Step($"value {request.Sites.Count} site(s) × {pathCount:N0} paths × {request.Months} months");
            var result = parsed.GetValue(cluster) is { } gateway
                ? RunOnCluster(gateway, parsed.GetValue(clusterId)!, parsed.GetValue(slicePaths), request, pathCount)
                : ValuationEngine.Run(request, pathCount);
            progress.Step("summarise");

            // The input hash covers the portfolio file's bytes and every assumption, so a stored run says exactly what it valued.
            var inputs = ValuationInputs.InputsJson(File.ReadAllText(path), assumptions, request.Years, pathCount, request.Seed);
            var document = ValueDocument.From(result, RunInputs.Hash(inputs));
            if (parsed.GetValue(sensitivity))
            {
                var sensitivityPaths = Math.Min(pathCount, 500);
                progress.Step($"sensitivity: 6 inputs × 2 shifts × {sensitivityPaths} paths");
                document = document with { Sensitivity = ValuationSensitivity.Table(request, sensitivityPaths), SensitivityPaths = sensitivityPaths };
            }

            if (parsed.GetResult(StoreOption.Db) is not null)
            {
                using var store = StoreOption.Open(parsed);
                store.SaveRunAsync(RunRecord.Create(RunKind, DateTimeOffset.UtcNow, inputs, CliContext.ToJson(document), request.Seed)).GetAwaiter().GetResult();
            }

            progress.Complete();
            if (parsed.GetValue(fan) is { } fanFile)
            {
                HashpriceFanChart.Save(fanFile.FullName, result.HashpriceBands, result.Paths);
            }

            if (parsed.GetValue(histogram) is { } histFile)
            {
                var site = result.Sites[0];
                var samples = result.BestOfEachKind(0).Select(x => (x.Strategy.Label, x.NpvUsd)).ToList();
                NpvHistogramChart.Save(histFile.FullName, $"{site.Site}: NPV over {result.Paths:N0} paths (USD millions)", samples);
            }

            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(document);
                return CliApp.Ok;
            }

            Render(context.Console, document);
            return CliApp.Ok;
        }));
        return command;
    }

    private static ValuationResult RunOnCluster(string gateway, string clusterId, int slicePaths, ValuationRequest request, int paths)
    {
        ClusterConnection connection;
        try
        {
            connection = ClusterConnection.ConnectAsync(gateway, clusterId).GetAwaiter().GetResult();
        }
        catch (Orleans.Runtime.Messaging.ConnectionFailedException ex)
        {
            throw new ArgumentException($"--cluster {gateway}: no silo gateway answers there (start one with hashpivot silo; the cluster id must match, here '{clusterId}')", ex);
        }

        try
        {
            var executor = new ClusterValuationExecutor(connection.Client, new ClusterRunOptions { SlicePaths = slicePaths }, $"cluster {gateway}");
            return executor.RunAsync(request, paths, null, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void Range<T>(Option<T> option, double min, double max) => option.Validators.Add(r =>
    {
        if (Options.TryTypedNumber(r, out var v) && (v < min || v > max))
        {
            r.AddError(string.Create(CultureInfo.InvariantCulture, $"{r.Option.Name} must be between {min} and {max}, got {v}."));
        }
    });

    private static void Render(IAnsiConsole console, ValueDocument d)
    {
        console.MarkupLine(Markup.Escape($"{d.Paths:N0} paths, {d.Years} years, seed {d.Seed}, input hash {d.InputHash[..16]}…"));
        var table = new Table().Title("NPV per site and strategy at its best start year (USD millions)").AddColumn("Site").AddColumn("Strategy")
            .AddColumn(new TableColumn("Start year").RightAligned()).AddColumn(new TableColumn("P5").RightAligned())
            .AddColumn(new TableColumn("P50").RightAligned()).AddColumn(new TableColumn("P95").RightAligned()).AddColumn(new TableColumn("Mean").RightAligned());
        foreach (var s in d.Sites)
        {
            foreach (var v in s.Strategies)
            {
                table.AddRow(Markup.Escape(s.Site), Markup.Escape(v.Strategy + (v.Strategy == s.BestStrategy && v.Year == s.BestConversionYear ? " (best)" : "")),
                    v.Year?.ToString(CultureInfo.InvariantCulture) ?? "", M(v.NpvUsdP5), M(v.NpvUsdP50), M(v.NpvUsdP95), M(v.NpvUsdMean));
            }
        }

        console.Write(table);
        foreach (var s in d.Sites)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{s.Site}: best {s.BestStrategy}{(s.BestConversionYear is { } y ? $" from year {y}" : "")}; {s.BestConversion} from year {s.BestConversionStartYear} beats mining on {s.ProbConvertBeatsMining:P0} of paths; "
                + $"converting instead of mining: IRR {(s.ConversionIrr is { } irr ? irr.ToString("P1", CultureInfo.InvariantCulture) : "n/a")}, payback {(s.ConversionPaybackMonths is { } pb ? $"{pb} months" : "n/a")}")));
        }

        if (d.Sensitivity is { } rows)
        {
            var tornado = new Table().Title($"Sensitivity: portfolio mean NPV (USD millions, {d.SensitivityPaths} paths)").AddColumn("Input").AddColumn("Low")
                .AddColumn(new TableColumn("NPV at low").RightAligned()).AddColumn("High").AddColumn(new TableColumn("NPV at high").RightAligned())
                .AddColumn(new TableColumn("Base").RightAligned());
            foreach (var r in rows)
            {
                tornado.AddRow(Markup.Escape(r.Input), Markup.Escape(r.Low), M(r.LowNpvUsd), Markup.Escape(r.High), M(r.HighNpvUsd), M(r.BaseNpvUsd));
            }

            console.Write(tornado);
        }

        console.MarkupLine(Markup.Escape($"Portfolio, each site on its best strategy: P5 {M(d.Portfolio.NpvUsdP5)}M, P50 {M(d.Portfolio.NpvUsdP50)}M, P95 {M(d.Portfolio.NpvUsdP95)}M, mean {M(d.Portfolio.NpvUsdMean)}M USD"));
    }

    private static string M(double usd) => (usd / 1e6).ToString("N1", CultureInfo.InvariantCulture);
}
