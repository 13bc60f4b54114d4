using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv.Grid;

/// <summary>Parses ERCOT's long settlement-point-price layout (one row per point and interval, Central Prevailing Time) into UTC USD/MWh series, one per settlement point.</summary>
/// <remarks>
/// Day-ahead: <c>Delivery Date, Hour Ending, Repeated Hour Flag, Settlement Point, Settlement Point Price</c> (hourly).
/// Real-time: <c>Delivery Date, Delivery Hour, Delivery Interval, Repeated Hour Flag, Settlement Point Name,
/// Settlement Point Type, Settlement Point Price</c> (15-minute). The API's camelCase names (<c>deliveryDate,
/// hourEnding, DSTFlag, settlementPoint, settlementPointPrice</c>) are the same columns. A missing flag column
/// means no row is flagged, so a fall-back day's second HE02 would show up as a duplicate, not be misplaced.
/// </remarks>
internal static class ErcotLongCsv
{
    public static bool Matches(CsvHeader header) =>
        header.Has("Settlement Point Price") && (header.Has("Hour Ending") || header.Has("Delivery Hour"));

    public static ParseResult<GridPrices> Parse(CsvDocument csv)
    {
        var header = csv.Header;
        var dateCol = header.Find("Delivery Date");
        var hourCol = header.Find("Hour Ending", "Delivery Hour");
        var quarterCol = header.Find("Delivery Interval");
        var flagCol = header.Find("Repeated Hour Flag", "DSTFlag");
        var pointCol = header.Find("Settlement Point", "Settlement Point Name");
        var priceCol = header.Find("Settlement Point Price");
        if (!csv.RequireColumns((dateCol, "Delivery Date"), (hourCol, "Hour Ending"), (pointCol, "Settlement Point"), (priceCol, "Settlement Point Price")))
        {
            return ParseResult<GridPrices>.Fail(csv.Problems);
        }

        var fifteenMinute = quarterCol >= 0;
        var points = new Dictionary<string, SeriesAccumulator>(StringComparer.Ordinal);
        var order = new List<SeriesAccumulator>();
        while (csv.NextRow())
        {
            // Parse every cell before deciding, so a row with several bad cells reports them all.
            var ok = csv.TryDate(dateCol, out var date);
            ok &= Check(csv, hourCol, ErcotClock.TryParseHourEnding(csv[hourCol], out var hour, out var error), error);
            var quarter = 1;
            if (fifteenMinute)
            {
                ok &= Check(csv, quarterCol, ErcotClock.TryParseQuarter(csv[quarterCol], out quarter, out error), error);
            }

            var repeated = false;
            if (flagCol >= 0)
            {
                ok &= Check(csv, flagCol, ErcotClock.TryParseFlag(csv[flagCol], out repeated, out error), error);
            }

            var pointCell = csv[pointCol].Trim();
            if (pointCell.IsEmpty)
            {
                csv.Report(pointCol, "required settlement point name is empty");
                ok = false;
            }

            ok &= csv.TryDouble(priceCol, out var price);
            if (!ok)
            {
                continue;
            }

            if (!ErcotClock.TryToUtc(date, hour, (quarter - 1) * 15, repeated, out var instant, out error, out var flagIsWrong))
            {
                csv.Report(flagIsWrong ? flagCol : hourCol, error!);
                continue;
            }

            var point = points.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(pointCell, out var found)
                ? found
                : AddPoint(points, order, pointCell.ToString());
            if (point.CheckOrder(csv, hourCol, instant))
            {
                point.Add(csv, instant, price);
            }
        }

        if (csv.Problems.HasProblems)
        {
            return ParseResult<GridPrices>.Fail(csv.Problems);
        }

        var interval = fifteenMinute ? TimeSpan.FromMinutes(15) : TimeSpan.FromHours(1);
        var layout = fifteenMinute ? GridPriceLayout.ErcotLongFifteenMinute : GridPriceLayout.ErcotLongHourly;
        return ParseResult<GridPrices>.Ok(new GridPrices(layout, [.. order.Select(p => p.ToSeries(GridPrices.Unit, interval))]));
    }

    private static SeriesAccumulator AddPoint(Dictionary<string, SeriesAccumulator> points, List<SeriesAccumulator> order, string name)
    {
        var point = new SeriesAccumulator(name, 4096);
        points.Add(name, point);
        order.Add(point);
        return point;
    }

    private static bool Check(CsvDocument csv, int column, bool ok, string? error)
    {
        if (!ok)
        {
            csv.Report(column, error!);
        }

        return ok;
    }
}
