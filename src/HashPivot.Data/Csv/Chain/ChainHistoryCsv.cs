using HashPivot.Data.Validation;
using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Csv.Chain;

/// <summary>Parses daily Bitcoin chain history CSV (Coin Metrics-style <c>date, price_usd, difficulty…, hashrate_ths, fees_btc, block_count</c>, or a <c>date, open, high, low, close</c> price file) into a <see cref="ChainHistory"/> with the columns present.</summary>
public static class ChainHistoryCsv
{
    // Accepted names per column, first match wins: this repository's cleaned names, Coin Metrics' raw names,
    // and for price the close of an OHLCV file.
    private static readonly string[] DateNames = ["date", "time"];
    private static readonly string[] PriceNames = ["price_usd", "PriceUSD", "close"];
    private static readonly string[] DifficultyNames = ["difficulty_mean_derived", "difficulty", "DiffMean"];
    private static readonly string[] HashrateNames = ["hashrate_ths", "HashRate"];
    private static readonly string[] FeesNames = ["fees_btc", "FeeTotNtv"];
    private static readonly string[] BlocksNames = ["block_count", "BlkCnt"];
    private static readonly string[] IssuanceNames = ["issuance_btc", "IssTotNtv"];

    /// <summary>Reads and parses a file; I/O failures become problems.</summary>
    public static ParseResult<ChainHistory> ParseFile(string path)
    {
        var problems = new ProblemCollector();
        var text = TextInput.TryRead(path, problems);
        return text is null ? ParseResult<ChainHistory>.Fail(problems) : Parse(text, path);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in problems.</summary>
    public static ParseResult<ChainHistory> Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new ProblemCollector();
        var csv = CsvDocument.Open(text, file, problems);
        if (csv is null)
        {
            return ParseResult<ChainHistory>.Fail(problems);
        }

        var dateCol = csv.Header.Find(DateNames);
        int[] valueCols =
        [
            csv.Header.Find(PriceNames),
            csv.Header.Find(DifficultyNames),
            csv.Header.Find(HashrateNames),
            csv.Header.Find(FeesNames),
            csv.Header.Find(BlocksNames),
            csv.Header.Find(IssuanceNames),
        ];
        if (!csv.RequireColumns((dateCol, "date")))
        {
            return ParseResult<ChainHistory>.Fail(problems);
        }

        if (valueCols.All(c => c < 0))
        {
            problems.Add(file, 1, null, "no known value column: expected at least one of price_usd (or close), difficulty_mean_derived, hashrate_ths, fees_btc, block_count, issuance_btc");
            return ParseResult<ChainHistory>.Fail(problems);
        }

        var dates = new List<DateOnly>(4096);
        var columns = valueCols.Select(c => c < 0 ? null : new List<double>(4096)).ToArray();
        var order = new DailyRows();
        var row = new double[valueCols.Length];
        while (csv.NextRow())
        {
            var ok = csv.TryDate(dateCol, out var date);
            ok = ok && order.Accept(csv, dateCol, date);
            for (var j = 0; j < valueCols.Length; j++)
            {
                // Every present column is parsed even after a bad cell, so one pass reports every problem.
                if (valueCols[j] >= 0)
                {
                    ok &= csv.TryDouble(valueCols[j], out row[j]);
                }
            }

            if (ok)
            {
                dates.Add(date);
                for (var j = 0; j < valueCols.Length; j++)
                {
                    columns[j]?.Add(row[j]);
                }
            }
        }

        if (problems.HasProblems)
        {
            return ParseResult<ChainHistory>.Fail(problems);
        }

        var day = TimeSpan.FromDays(1);
        var starts = dates.Select(DailyRows.UtcMidnight).ToArray();
        TimeSeries? Column(int j, string name, string unit) =>
            columns[j] is { } values ? new TimeSeries(name, unit, day, starts, values.ToArray()) : null;

        return ParseResult<ChainHistory>.Ok(new ChainHistory(
            dates.ToArray(),
            Column(0, "price_usd", ChainHistory.PriceUnit),
            Column(1, "difficulty", ChainHistory.DifficultyUnit),
            Column(2, "hashrate_ths", ChainHistory.HashrateUnit),
            Column(3, "fees_btc", ChainHistory.FeesUnit),
            Column(4, "block_count", ChainHistory.BlocksUnit))
        {
            IssuanceBtcPerDay = Column(5, "issuance_btc", ChainHistory.IssuanceUnit),
        });
    }
}
