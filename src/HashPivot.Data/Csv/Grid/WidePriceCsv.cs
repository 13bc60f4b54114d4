using System.Globalization;
using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv.Grid;

/// <summary>Parses the wide layout: a UTC interval-start column and one USD/MWh price column per settlement point or zone (as in shared/data's ERCOT and CAISO files).</summary>
/// <remarks>
/// The interval is taken from <c>interval_end_utc</c> when present (checked on every row), is one hour for
/// <c>hour_start_utc</c>, and is otherwise the most common step between rows. Known metadata columns (local
/// time, delivery date, hour ending, flags, interval counts) are ignored; every other column is a price.
/// </remarks>
internal static class WidePriceCsv
{
    private static readonly string[] StartNames = ["interval_start_utc", "hour_start_utc"];

    private static readonly HashSet<string> MetadataKeys = new(
        new[]
        {
            "interval_start_utc", "interval_end_utc", "interval_start_local", "hour_start_utc", "hour_start_local",
            "delivery_date", "hour_ending", "repeated_hour_flag", "local_date", "hour_number", "n_15min_intervals",
        }.Select(CsvHeader.Key),
        StringComparer.Ordinal);

    public static bool Matches(CsvHeader header) => header.Find(StartNames) >= 0;

    public static ParseResult<GridPrices> Parse(CsvDocument csv)
    {
        var header = csv.Header;
        var startCol = header.Find(StartNames);
        var endCol = header.Find("interval_end_utc");
        var priceCols = Enumerable.Range(0, header.Count).Where(i => !MetadataKeys.Contains(CsvHeader.Key(header.Names[i]))).ToArray();
        if (priceCols.Length == 0)
        {
            csv.Problems.Add(csv.File, 1, null, "no price columns: every column is a known time or metadata column");
            return ParseResult<GridPrices>.Fail(csv.Problems);
        }

        var series = priceCols.Select(i => new SeriesAccumulator(header.Names[i], 40_000)).ToArray();
        // Every price column shares the row's instant, so one accumulator for the time column guards the order.
        var clock = new SeriesAccumulator(header.Names[startCol], 40_000);
        long? interval = header.Names[startCol].Equals("hour_start_utc", StringComparison.OrdinalIgnoreCase) ? 3600 : null;
        var intervalLine = 0;
        var row = new double[priceCols.Length];
        while (csv.NextRow())
        {
            var ok = csv.TryInstant(startCol, out var start);
            if (ok && endCol >= 0 && csv.TryInstant(endCol, out var end))
            {
                ok &= CheckEnd(csv, endCol, start, end, ref interval, ref intervalLine);
            }
            else if (endCol >= 0)
            {
                ok = false;
            }

            for (var j = 0; j < priceCols.Length; j++)
            {
                ok &= csv.TryDouble(priceCols[j], out row[j]);
            }

            if (!ok || !clock.CheckOrder(csv, startCol, start))
            {
                continue;
            }

            clock.Add(csv, start, 0);
            for (var j = 0; j < series.Length; j++)
            {
                series[j].Add(csv, start, row[j]);
            }
        }

        if (csv.Problems.HasProblems)
        {
            return ParseResult<GridPrices>.Fail(csv.Problems);
        }

        interval ??= IntervalInference.MostCommonStep(clock.Starts);
        if (interval is null)
        {
            csv.Problems.Add(csv.File, 0, header.Names[startCol], "cannot infer the interval from fewer than two rows; add an interval_end_utc column");
            return ParseResult<GridPrices>.Fail(csv.Problems);
        }

        var span = TimeSpan.FromSeconds(interval.Value);
        return ParseResult<GridPrices>.Ok(new GridPrices(GridPriceLayout.Wide, [.. series.Select(s => s.ToSeries(GridPrices.Unit, span))]));
    }

    private static bool CheckEnd(CsvDocument csv, int endCol, long start, long end, ref long? interval, ref int intervalLine)
    {
        var length = end - start;
        if (length <= 0)
        {
            csv.Report(endCol, "interval end is not after its start");
            return false;
        }

        if (interval is null)
        {
            interval = length;
            intervalLine = csv.Line;
            return true;
        }

        if (length != interval)
        {
            csv.Report(endCol, string.Create(CultureInfo.InvariantCulture,
                $"interval is {length / 60} min, but line {intervalLine} set it to {interval / 60} min"));
            return false;
        }

        return true;
    }
}
