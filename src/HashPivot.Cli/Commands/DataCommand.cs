using System.CommandLine;
using HashPivot.Data.Csv;
using HashPivot.Engine.Series;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot data</c>: datasets; for now <c>data synth grid</c>, the labelled synthetic price generator.</summary>
internal static class DataCommand
{
    public static Command Build(CliContext context)
    {
        var year = new Option<int>("--year") { Description = "Calendar year of hourly UTC prices (default 2024).", DefaultValueFactory = _ => 2024 };
        year.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1990 or > 2100) { r.AddError("--year must be between 1990 and 2100."); } });
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same year (default 7).", DefaultValueFactory = _ => 7 };
        var median = Options.PositiveNumber("--median-usd-per-mwh", "Typical price before shape and noise (default 19.8, calibrated to ERCOT HB_NORTH 2024).", defaultValue: 19.8);
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write (timestamp,value).", Required = true };
        var grid = new Command("grid", "Synthetic hourly grid prices with daily and seasonal shape, spikes and negative hours, calibrated to ERCOT 2024.\n"
            + "Example: hashpivot data synth grid --year 2024 --seed 7 --out synthetic-prices.csv")
        {
            year, seed, median, output,
        };
        grid.SetAction(CliApp.Guard(context, parsed =>
        {
            var parameters = new SyntheticGridParameters(Year: parsed.GetValue(year), MedianPrice: parsed.GetValue(median));
            var series = SyntheticGridPrices.Generate(parameters, parsed.GetValue(seed), "synthetic");
            var path = parsed.GetValue(output)!.FullName;
            TimestampValueCsvWriter.Write(series, path);
            var summary = SeriesStatistics.Summarize(series, 1_000);
            var result = new SynthResult(path, series.Count, parsed.GetValue(seed), summary.Mean, summary.P50, summary.P99, summary.SpikeCount, summary.NegativeCount);
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(result);
            }
            else
            {
                context.Out.WriteLine($"wrote {result.Count} synthetic hourly prices to {path}: mean {Format.Number(result.MeanUsdPerMwh, 2)}, "
                    + $"p50 {Format.Number(result.P50UsdPerMwh, 2)}, p99 {Format.Number(result.P99UsdPerMwh, 2)} USD/MWh, "
                    + $"{result.HoursAbove1000} hours above 1,000, {result.NegativeHours} negative hours");
            }

            return CliApp.Ok;
        }));

        return new Command("data", "Datasets: synthetic series generation.")
        {
            new Command("synth", "Generate labelled synthetic series from documented parameters.") { grid },
        };
    }

    /// <summary>JSON document of <c>hashpivot data synth grid --json</c>.</summary>
    internal sealed record SynthResult(
        string Path, int Count, int Seed, double MeanUsdPerMwh, double P50UsdPerMwh, double P99UsdPerMwh, int HoursAbove1000, int NegativeHours);
}
