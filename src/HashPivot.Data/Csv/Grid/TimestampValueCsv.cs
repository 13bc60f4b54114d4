using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv.Grid;

/// <summary>Parses the generic two-column layout <c>timestamp,value</c> (ISO-8601 with <c>Z</c> or an offset; USD/MWh) into one series named after the file.</summary>
/// <remarks>The interval is the most common step between rows, so a file needs at least two rows.</remarks>
internal static class TimestampValueCsv
{
    public static bool Matches(CsvHeader header) => header.Has("timestamp") && header.Has("value");

    public static ParseResult<GridPrices> Parse(CsvDocument csv)
    {
        var timeCol = csv.Header.Find("timestamp");
        var valueCol = csv.Header.Find("value");
        var series = new SeriesAccumulator(Path.GetFileNameWithoutExtension(csv.File), 8192);
        while (csv.NextRow())
        {
            var ok = csv.TryInstant(timeCol, out var instant);
            ok &= csv.TryDouble(valueCol, out var value);
            if (ok && series.CheckOrder(csv, timeCol, instant))
            {
                series.Add(csv, instant, value);
            }
        }

        if (csv.Problems.HasProblems)
        {
            return ParseResult<GridPrices>.Fail(csv.Problems);
        }

        if (IntervalInference.MostCommonStep(series.Starts) is not { } step)
        {
            csv.Problems.Add(csv.File, 0, "timestamp", "cannot infer the interval from fewer than two rows");
            return ParseResult<GridPrices>.Fail(csv.Problems);
        }

        return ParseResult<GridPrices>.Ok(new GridPrices(GridPriceLayout.TimestampValue, [series.ToSeries(GridPrices.Unit, TimeSpan.FromSeconds(step))]));
    }
}
