using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv.Grid;

/// <summary>Parses a grid price file (USD/MWh) into UTC series, one per settlement point, detecting the layout from the header: ERCOT long (day-ahead or real-time), wide, or <c>timestamp,value</c>.</summary>
public static class GridPriceCsv
{
    /// <summary>Reads and parses a file; I/O failures become problems.</summary>
    public static ParseResult<GridPrices> ParseFile(string path)
    {
        var problems = new ProblemCollector();
        var text = TextInput.TryRead(path, problems);
        return text is null ? ParseResult<GridPrices>.Fail(problems) : Parse(text, path);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in problems (and names the series of a <c>timestamp,value</c> file).</summary>
    public static ParseResult<GridPrices> Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new ProblemCollector();
        var csv = CsvDocument.Open(text, file, problems);
        if (csv is null)
        {
            return ParseResult<GridPrices>.Fail(problems);
        }

        // Most specific first: an ERCOT long file must not be mistaken for anything else.
        if (ErcotLongCsv.Matches(csv.Header))
        {
            return ErcotLongCsv.Parse(csv);
        }

        if (WidePriceCsv.Matches(csv.Header))
        {
            return WidePriceCsv.Parse(csv);
        }

        if (TimestampValueCsv.Matches(csv.Header))
        {
            return TimestampValueCsv.Parse(csv);
        }

        problems.Add(file, 1, null,
            "unrecognised grid price layout: expected ERCOT long (Delivery Date, Hour Ending, Repeated Hour Flag, Settlement Point, Settlement Point Price), "
            + "wide (interval_start_utc plus one column per settlement point) or timestamp,value");
        return ParseResult<GridPrices>.Fail(problems);
    }
}
