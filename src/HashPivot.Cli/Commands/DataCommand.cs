using System.CommandLine;
using System.Globalization;
using HashPivot.Data.Analysis;
using HashPivot.Data.Store;
using HashPivot.Engine.Series;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot data</c>: import, list, show, delete, fetch and synthesise datasets in the store.</summary>
internal static class DataCommand
{
    public static Command Build(CliContext context) => new("data", "Datasets in the store (--db): import CSV files, fetch public feeds, generate synthetic series, list and show them.")
    {
        Import(context),
        List(context),
        Show(context),
        Delete(context),
        DataFetchCommand.Build(context),
        new Command("synth", "Generate labelled synthetic series from documented parameters.") { SynthGrid(context) },
    };

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV file; its layout is detected from the header." };
        var kind = new Option<DatasetKind>("--kind") { Description = "chain | grid | equity", Required = true };
        var name = new Option<string?>("--name") { Description = "Dataset name (default: the file name without extension)." };
        var replace = new Option<bool>("--replace") { Description = "Replace a dataset of the same name (atomically: the old one stays if the import fails)." };
        var command = new Command("import", "Import a CSV file as a dataset; every bad row is reported with file, line and column and nothing is stored.\n"
            + "Example: hashpivot data import samples/synthetic/grid_prices_hourly_2024_synthetic.csv --kind grid --name synthetic-2024 --replace")
        {
            file, kind, name, replace,
        };
        command.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            var path = parsed.GetValue(file)!.ToString();
            var datasetKind = parsed.GetValue(kind);
            var datasetName = parsed.GetValue(name) ?? Path.GetFileNameWithoutExtension(path);
            using var progress = new StepReporter(context, parsed.GetValue(CliApp.Json), totalSteps: 2);
            progress.Step($"parsing {path} as {datasetKind.ToString().ToLowerInvariant()}");
            var series = DatasetCsv.ParseFile(path, datasetKind);
            return await SaveAsync(context, parsed, progress, "imported", new DatasetInfo(datasetName, datasetKind, $"file {Path.GetFileName(path)}", DateTimeOffset.UtcNow),
                parsed.GetValue(replace), series, cancel).ConfigureAwait(false);
        }));
        return command;
    }

    /// <summary>Stores parsed or fetched series as one dataset in one transaction and reports it (JSON or a line).</summary>
    internal static async Task<int> SaveAsync(CliContext context, ParseResult parsed, StepReporter steps, string verb, DatasetInfo info,
        bool replace, IReadOnlyList<TimeSeries> series, CancellationToken cancel)
    {
        steps.Step($"storing {series.Count} series, {series.Sum(s => s.Count):N0} points as '{info.Name}'");
        using var store = StoreOption.Open(parsed);
        await store.SaveDatasetAsync(info, series, replace, cancel).ConfigureAwait(false);
        steps.Complete();
        var result = new ImportResult(info.Name, info.Kind.ToString().ToLowerInvariant(), series.Count, series.Sum(s => (long)s.Count),
            series.Select(s => s.Name).ToList(), store.Description);
        if (parsed.GetValue(CliApp.Json))
        {
            context.WriteJson(result);
        }
        else
        {
            context.Out.WriteLine($"{verb} '{result.Name}': {result.SeriesCount} series, {result.PointCount:N0} points into {result.Store}");
        }

        return CliApp.Ok;
    }

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the datasets in the store.\nExample: hashpivot data list");
        command.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            using var store = StoreOption.Open(parsed);
            var datasets = await store.ListDatasetsAsync(cancel).ConfigureAwait(false);
            var rows = datasets.Select(d => new DatasetRow(d.Info.Name, d.Info.Kind.ToString().ToLowerInvariant(), d.Info.Source,
                d.Info.ImportedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), d.SeriesCount, d.PointCount)).ToList();
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new { store = store.Description, datasets = rows });
                return CliApp.Ok;
            }

            var table = new Table().Title(Markup.Escape(store.Description)).AddColumn("Name").AddColumn("Kind").AddColumn("Source")
                .AddColumn("Imported (UTC)").AddColumn(new TableColumn("Series").RightAligned()).AddColumn(new TableColumn("Points").RightAligned());
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Name), r.Kind, Markup.Escape(r.Source), r.ImportedAtUtc, r.SeriesCount.ToString(CultureInfo.InvariantCulture), Format.Number(r.PointCount, 0));
            }

            context.Console.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Dataset name." };
        var column = new Option<string?>("--column") { Description = "Series (column) to show; required when the dataset has several." };
        var from = Options.UtcInstant("--from", "First instant (inclusive), e.g. 2024-08-01 or 2024-08-01T05:00Z; times without an offset are UTC.");
        var to = Options.UtcInstant("--to", "End instant (exclusive).");
        var command = new Command("show", "Show one series of a dataset.\nExample: hashpivot data show synthetic-2024 --from 2024-08-01 --to 2024-08-02 --json")
        {
            name, column, from, to,
        };
        command.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            using var store = StoreOption.Open(parsed);
            var datasetName = parsed.GetValue(name)!;
            var dataset = await store.GetDatasetAsync(datasetName, cancel).ConfigureAwait(false)
                ?? throw new ArgumentException($"no dataset named '{datasetName}' in {store.Description}; see 'hashpivot data list'");
            var seriesName = dataset.SelectSeries(parsed.GetValue(column), "--column");
            var series = await store.GetSeriesAsync(datasetName, seriesName, parsed.GetValue(from), parsed.GetValue(to), cancel).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"dataset '{datasetName}' listed series '{seriesName}' but returned none");
            var summary = series.Count > 0 ? SeriesStatistics.Summarize(series, 1_000) : null;
            if (parsed.GetValue(CliApp.Json))
            {
                var points = new List<PointDoc>(series.Count);
                for (var i = 0; i < series.Count; i++)
                {
                    points.Add(new PointDoc(series[i].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), series.Values[i]));
                }

                context.WriteJson(new ShowDoc(datasetName, series.Name, series.Unit, series.Interval.TotalSeconds, series.Count,
                    summary?.Mean, summary?.Min, summary?.Max, points));
                return CliApp.Ok;
            }

            context.Out.WriteLine($"{datasetName} / {series.Name} ({series.Unit}, every {series.Interval}): {series.Count:N0} points"
                + (summary is null ? "" : $", mean {Format.Number(summary.Mean, 2)}, min {Format.Number(summary.Min, 2)}, max {Format.Number(summary.Max, 2)}"));
            var table = new Table().AddColumn("t (UTC)").AddColumn(new TableColumn("value").RightAligned());
            var shown = Math.Min(series.Count, 48);
            for (var i = 0; i < shown; i++)
            {
                table.AddRow(series[i].ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Format.Number(series.Values[i], 2));
            }

            context.Console.Write(table);
            if (series.Count > shown)
            {
                context.Out.WriteLine($"... {series.Count - shown:N0} more; narrow with --from/--to or use --json");
            }

            return CliApp.Ok;
        }));
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "Dataset name." };
        var command = new Command("delete", "Delete a dataset.\nExample: hashpivot data delete synthetic-2024") { name };
        command.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            using var store = StoreOption.Open(parsed);
            var datasetName = parsed.GetValue(name)!;
            if (!await store.DeleteDatasetAsync(datasetName, cancel).ConfigureAwait(false))
            {
                throw new ArgumentException($"no dataset named '{datasetName}' in {store.Description}");
            }

            context.Out.WriteLine(parsed.GetValue(CliApp.Json) ? "{\"deleted\": true}" : $"deleted '{datasetName}'");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command SynthGrid(CliContext context)
    {
        var year = new Option<int>("--year") { Description = "Calendar year of hourly UTC prices (default 2024).", DefaultValueFactory = _ => 2024 };
        year.Validators.Add(r => { if (Options.TryTypedNumber(r, out var v) && v is < 1990 or > 2100) { r.AddError("--year must be between 1990 and 2100."); } });
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same year (default 7).", DefaultValueFactory = _ => 7 };
        var median = Options.PositiveNumber("--median-usd-per-mwh", "Typical price before shape and noise (default 19.8, calibrated to ERCOT HB_NORTH 2024).", defaultValue: 19.8);
        var output = new Option<FileInfo?>("--out") { Description = "CSV file to write (timestamp,value)." };
        var name = new Option<string?>("--name") { Description = "Also store it as a dataset of this name (kind synthetic)." };
        var grid = new Command("grid", "Synthetic hourly grid prices with daily and seasonal shape, spikes and negative hours, calibrated to ERCOT 2024.\n"
            + "Example: hashpivot data synth grid --year 2024 --seed 7 --out synthetic-prices.csv")
        {
            year, seed, median, output, name,
        };
        grid.Validators.Add(r =>
        {
            if (r.GetResult(output) is null && r.GetResult(name) is null)
            {
                r.AddError("Give --out FILE, --name DATASET, or both.");
            }
        });
        grid.SetAction(CliApp.GuardAsync(context, async (parsed, cancel) =>
        {
            var parameters = new SyntheticGridParameters(Year: parsed.GetValue(year), MedianPrice: parsed.GetValue(median));
            var series = SyntheticGridPrices.Generate(parameters, parsed.GetValue(seed), "synthetic");
            var path = parsed.GetValue(output)?.FullName;
            if (path is not null)
            {
                HashPivot.Data.Csv.TimestampValueCsvWriter.Write(series, path);
            }

            if (parsed.GetValue(name) is { } datasetName)
            {
                using var store = StoreOption.Open(parsed);
                var info = new DatasetInfo(datasetName, DatasetKind.Synthetic,
                    $"SYNTHETIC: hashpivot data synth grid --year {parameters.Year} --seed {parsed.GetValue(seed)}", DateTimeOffset.UtcNow);
                await store.SaveDatasetAsync(info, [series], replace: true, cancel).ConfigureAwait(false);
            }

            var summary = SeriesStatistics.Summarize(series, 1_000);
            var result = new SynthResult(path, parsed.GetValue(name), series.Count, parsed.GetValue(seed), summary.Mean, summary.P50, summary.P99, summary.SpikeCount, summary.NegativeCount);
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(result);
            }
            else
            {
                context.Out.WriteLine($"generated {result.Count} synthetic hourly prices ({(path is null ? "" : $"file {path}")}{(path is not null && result.Dataset is not null ? ", " : "")}{(result.Dataset is null ? "" : $"dataset '{result.Dataset}'")}): "
                    + $"mean {Format.Number(result.MeanUsdPerMwh, 2)}, p50 {Format.Number(result.P50UsdPerMwh, 2)}, p99 {Format.Number(result.P99UsdPerMwh, 2)} USD/MWh, "
                    + $"{result.HoursAbove1000} hours above 1,000, {result.NegativeHours} negative hours");
            }

            return CliApp.Ok;
        }));
        return grid;
    }

    /// <summary>JSON document of <c>hashpivot data import --json</c>.</summary>
    internal sealed record ImportResult(string Name, string Kind, int SeriesCount, long PointCount, IReadOnlyList<string> Series, string Store);

    /// <summary>One row of <c>hashpivot data list --json</c>.</summary>
    internal sealed record DatasetRow(string Name, string Kind, string Source, string ImportedAtUtc, int SeriesCount, long PointCount);

    /// <summary>One point of <c>hashpivot data show --json</c>: <c>t</c> an ISO-8601 UTC instant.</summary>
    internal sealed record PointDoc(string T, double Value);

    /// <summary>JSON document of <c>hashpivot data show --json</c>.</summary>
    internal sealed record ShowDoc(string Dataset, string Series, string Unit, double IntervalSeconds, int Count, double? Mean, double? Min, double? Max, IReadOnlyList<PointDoc> Points);

    /// <summary>JSON document of <c>hashpivot data synth grid --json</c>.</summary>
    internal sealed record SynthResult(
        string? Path, string? Dataset, int Count, int Seed, double MeanUsdPerMwh, double P50UsdPerMwh, double P99UsdPerMwh, int HoursAbove1000, int NegativeHours);
}
