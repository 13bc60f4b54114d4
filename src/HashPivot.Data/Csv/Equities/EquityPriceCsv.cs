using HashPivot.Data.Validation;

namespace HashPivot.Data.Csv.Equities;

/// <summary>Parses daily equity prices — long <c>date,ticker,open,high,low,close,adj_close,volume</c>, long <c>date,ticker,adj_close</c>, or a single-instrument file without <c>ticker</c> — into one daily series per ticker.</summary>
/// <remarks>
/// The series value is <c>adj_close</c> (split- and dividend-adjusted, what returns need) when present, else
/// <c>close</c>. The other price and volume columns are still validated, so a corrupt row is reported even if its
/// bad cell is not the one kept. Weekends and holidays are simply absent: a daily series may have gaps.
/// </remarks>
public static class EquityPriceCsv
{
    private static readonly string[] OtherNumeric = ["open", "high", "low", "close", "volume"];

    /// <summary>Reads and parses a file; I/O failures become problems.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="ticker">The name for a file without a ticker column; defaults to the file name without extension.</param>
    /// <param name="unit">The price unit, e.g. <c>USD</c> or <c>index points</c>.</param>
    public static ParseResult<EquityPrices> ParseFile(string path, string? ticker = null, string unit = "USD")
    {
        var problems = new ProblemCollector();
        var text = TextInput.TryRead(path, problems);
        return text is null ? ParseResult<EquityPrices>.Fail(problems) : Parse(text, path, ticker, unit);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in problems.</summary>
    public static ParseResult<EquityPrices> Parse(string text, string file, string? ticker = null, string unit = "USD")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(unit);
        var problems = new ProblemCollector();
        var csv = CsvDocument.Open(text, file, problems);
        if (csv is null)
        {
            return ParseResult<EquityPrices>.Fail(problems);
        }

        var dateCol = csv.Header.Find("date");
        var tickerCol = csv.Header.Find("ticker", "symbol");
        var valueCol = csv.Header.Find("adj_close", "adjclose", "close");
        if (!csv.RequireColumns((dateCol, "date"), (valueCol, "adj_close")))
        {
            return ParseResult<EquityPrices>.Fail(problems);
        }

        var checkCols = OtherNumeric.Select(n => csv.Header.Find(n)).Where(i => i >= 0 && i != valueCol).ToArray();
        var fallbackName = ticker ?? Path.GetFileNameWithoutExtension(file);
        var byTicker = new Dictionary<string, SeriesAccumulator>(StringComparer.Ordinal);
        var order = new List<SeriesAccumulator>();
        while (csv.NextRow())
        {
            var ok = csv.TryDate(dateCol, out var date);
            ok &= csv.TryDouble(valueCol, out var value);
            foreach (var c in checkCols)
            {
                ok &= csv.TryDouble(c, out _);
            }

            var name = fallbackName;
            if (tickerCol >= 0)
            {
                var cell = csv[tickerCol].Trim();
                if (cell.IsEmpty)
                {
                    csv.Report(tickerCol, "required ticker is empty");
                    ok = false;
                }

                name = cell.ToString();
            }

            if (!ok)
            {
                continue;
            }

            if (!byTicker.TryGetValue(name, out var series))
            {
                series = new SeriesAccumulator(name, 4096);
                byTicker.Add(name, series);
                order.Add(series);
            }

            var instant = DailyRows.UtcMidnight(date);
            if (series.CheckOrder(csv, dateCol, instant))
            {
                series.Add(csv, instant, value);
            }
        }

        if (problems.HasProblems)
        {
            return ParseResult<EquityPrices>.Fail(problems);
        }

        return ParseResult<EquityPrices>.Ok(new EquityPrices([.. order.Select(s => s.ToSeries(unit, TimeSpan.FromDays(1)))]));
    }
}
