using System.Collections.Immutable;
using System.Globalization;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Dispatch;
using HashPivot.Data.Validation;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Series;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Analysis;

/// <summary>Turns <c>hashpivot dispatch</c>'s arguments into engine inputs: the price series, the hashprice (constant or series), the quick-form site and the solver.</summary>
public static class DispatchInputs
{
    /// <summary>Names the command line in problems about option values.</summary>
    public const string CommandLine = "(command line)";

    /// <summary>
    /// The price series (USD/MWh) named by <c>--prices</c>: a grid price file in any layout <see cref="GridPriceCsv"/> reads,
    /// or else a dataset in the store; <paramref name="column"/> picks a settlement point.
    /// </summary>
    public static TimeSeries ReadPrices(string path, string? column, Func<HashPivot.Data.Store.IHashPivotStore> openStore)
    {
        ArgumentNullException.ThrowIfNull(openStore);
        if (!File.Exists(path))
        {
            return ReadStoredPrices(path, column, openStore);
        }

        return GridPriceCsv.ParseFile(path).ValueOrThrow().Select(path, column, "--column");
    }

    private static TimeSeries ReadStoredPrices(string name, string? column, Func<HashPivot.Data.Store.IHashPivotStore> openStore)
    {
        using var store = openStore();
        return ReadStoredPrices(store, name, column, "--prices", "--column");
    }

    /// <summary>
    /// The price series (USD/MWh) of a stored dataset only (never a file: what the server uses for names its callers give);
    /// <paramref name="column"/> picks a series. Problems name <paramref name="field"/> and <paramref name="columnField"/>.
    /// </summary>
    public static TimeSeries ReadStoredPrices(HashPivot.Data.Store.IHashPivotStore store, string name, string? column, string field, string columnField)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dataset = store.GetDatasetAsync(name).GetAwaiter().GetResult()
            ?? throw new InputException(new InputProblem(name, 0, 0, field,
                field == "--prices" ? $"neither a file nor a dataset in {store.Description} (see 'hashpivot data list')" : "no dataset of that name"));
        var seriesName = dataset.SelectSeries(column, columnField);
        var series = store.GetSeriesAsync(name, seriesName).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"dataset '{name}' listed series '{seriesName}' but returned none");
        return series.Count > 0 ? series : throw new InputException(new InputProblem(name, 0, 0, field, "the series has no values"));
    }

    /// <summary>Number of places where an interval does not start where the previous one ends.</summary>
    public static int CountGaps(TimeSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var starts = series.StartsUnixSeconds;
        var gaps = 0;
        for (var i = 1; i < starts.Length; i++)
        {
            gaps += starts[i] - starts[i - 1] == series.IntervalSeconds ? 0 : 1;
        }

        return gaps;
    }

    /// <summary>Hashprice from <c>--hashprice</c>: a number (USD/PH/day) or a <c>timestamp,value</c> CSV of USD/PH/day, held from each of its instants until the next and read at every price interval start.</summary>
    public static (UsdPerPetahashDay Constant, ImmutableArray<double> Series, string Description) ReadHashprice(string text, TimeSeries prices)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(prices);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var constant))
        {
            if (!double.IsFinite(constant) || constant < 0)
            {
                throw new InputException(new InputProblem(CommandLine, 0, 0, "--hashprice", $"must be a non-negative finite number of USD/PH/day or a CSV file, got '{text}'"));
            }

            return (new UsdPerPetahashDay(constant), [], string.Create(CultureInfo.InvariantCulture, $"{constant:0.##} USD/PH/day"));
        }

        if (!File.Exists(text))
        {
            throw new InputException(new InputProblem(CommandLine, 0, 0, "--hashprice", $"'{text}' is neither a number (USD/PH/day) nor an existing CSV file"));
        }

        var parsed = GridPriceCsv.ParseFile(text).ValueOrThrow();
        if (parsed.Series.Count != 1)
        {
            throw new InputException(new InputProblem(text, 1, 0, "--hashprice", $"expected one value column (timestamp,value in USD/PH/day), found {parsed.Series.Count}"));
        }

        var hashprice = parsed.Series[0];
        var values = new double[prices.Count];
        var h = hashprice.StartsUnixSeconds;
        var uncovered = 0;
        var firstUncovered = -1;
        var j = 0;
        for (var t = 0; t < prices.Count; t++)
        {
            var start = prices.StartsUnixSeconds[t];
            while (j + 1 < h.Length && h[j + 1] <= start)
            {
                j++;
            }

            if (h.Length > 0 && h[j] <= start && start < h[j] + hashprice.IntervalSeconds)
            {
                values[t] = hashprice.Values[j];
                if (!double.IsFinite(values[t]) || values[t] < 0)
                {
                    throw new InputException(new InputProblem(text, 0, 0, "value", $"hashprice must be finite and not negative, found {values[t]} at {hashprice[j]:yyyy-MM-dd'T'HH:mm'Z'}"));
                }
            }
            else
            {
                uncovered++;
                firstUncovered = firstUncovered < 0 ? t : firstUncovered;
            }
        }

        if (uncovered > 0)
        {
            throw new InputException(new InputProblem(text, 0, 0, "--hashprice",
                $"the hashprice series does not cover {uncovered} of the {prices.Count} price intervals, the first starting {prices[firstUncovered]:yyyy-MM-dd'T'HH:mm'Z'}"));
        }

        var mean = values.Average();
        return (new UsdPerPetahashDay(mean), [.. values], string.Create(CultureInfo.InvariantCulture, $"series {text} (mean {mean:0.##} USD/PH/day)"));
    }

    /// <summary>
    /// A system-load series (MW) named by <paramref name="field"/> (a <c>timestamp,value</c> CSV or a stored dataset), one
    /// value per price interval: the highest load starting inside the interval (so an hourly price interval holds its
    /// 15-minute peak), else the value of the load interval containing its start; NaN where the series does not reach.
    /// </summary>
    public static ImmutableArray<double> ReadSystemLoad(string path, string field, TimeSeries prices, Func<HashPivot.Data.Store.IHashPivotStore> openStore)
    {
        ArgumentNullException.ThrowIfNull(prices);
        TimeSeries load;
        try
        {
            load = ReadPrices(path, null, openStore);
        }
        catch (InputException ex) when (!File.Exists(path))
        {
            throw new InputException(ex.Problems.Select(p => p with { Field = field }).ToList());
        }

        var values = new double[prices.Count];
        var starts = load.StartsUnixSeconds;
        var covered = 0;
        var j = 0;
        for (var t = 0; t < prices.Count; t++)
        {
            var start = prices.StartsUnixSeconds[t];
            var end = start + prices.IntervalSeconds;
            while (j + 1 < starts.Length && starts[j + 1] <= start)
            {
                j++;
            }

            var value = double.NaN;
            if (starts.Length > 0 && starts[j] <= start && start < starts[j] + load.IntervalSeconds)
            {
                value = load.Values[j];
            }

            for (var k = j; k < starts.Length && starts[k] < end; k++)
            {
                if (starts[k] >= start && (double.IsNaN(value) || load.Values[k] > value))
                {
                    value = load.Values[k];
                }
            }

            values[t] = value;
            covered += double.IsNaN(value) ? 0 : 1;
        }

        return covered > 0
            ? [.. values]
            : throw new InputException(new InputProblem(path, 0, 0, field,
                $"the series ({load.Start:yyyy-MM-dd} .. {load.End:yyyy-MM-dd}) does not overlap the prices ({prices.Start:yyyy-MM-dd} .. {prices.End:yyyy-MM-dd})"));
    }

    /// <summary>The month (1–12) of each price interval's start in ERCOT local time (America/Chicago), where 4CP months are counted.</summary>
    public static int[] ErcotMonths(TimeSeries prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var zone = NodaTime.DateTimeZoneProviders.Tzdb["America/Chicago"];
        var months = new int[prices.Count];
        for (var t = 0; t < months.Length; t++)
        {
            months[t] = NodaTime.Instant.FromUnixTimeSeconds(prices.StartsUnixSeconds[t]).InZone(zone).Month;
        }

        return months;
    }

    /// <summary>
    /// The problem and rule of a 4CP forecast run: the actual peaks are the June–September maxima (Central time) of
    /// <paramref name="actualLoadMw"/> when given, else the site's own 4CP intervals; the rate is
    /// <paramref name="rateUsdPerKwYear"/> or the site's. Returns where the peaks came from.
    /// </summary>
    /// <exception cref="InputException">Neither an actual load nor site 4CP intervals, no rate, or no summer interval in the load.</exception>
    public static (DispatchProblem Problem, FourCpForecastRule Rule, string PeaksFrom) FourCpRuleInputs(
        DispatchProblem problem, TimeSeries prices, ImmutableArray<double> forecastMw, ImmutableArray<double> actualLoadMw,
        double thresholdMw, double curtailToMw, double? rateUsdPerKwYear)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var rate = rateUsdPerKwYear ?? problem.FourCp?.RateUsdPerKwYear
            ?? throw new InputException(new InputProblem(CommandLine, 0, 0, "--4cp-rate-usd-per-kw-year", "the 4CP rule needs a transmission rate: give --4cp-rate-usd-per-kw-year or four_cp in the site file"));
        ImmutableArray<int> peaks;
        string from;
        if (!actualLoadMw.IsDefaultOrEmpty)
        {
            peaks = FourCpRule.MonthlySummerPeaks(actualLoadMw.AsSpan(), ErcotMonths(prices));
            from = "system_load";
            if (peaks.IsEmpty)
            {
                throw new InputException(new InputProblem(CommandLine, 0, 0, "--system-load", "no June–September interval of the prices is covered by the system load, so there is no 4CP peak to bill"));
            }
        }
        else
        {
            peaks = problem.FourCp?.Intervals
                ?? throw new InputException(new InputProblem(CommandLine, 0, 0, "--system-load", "the 4CP rule is billed at the actual peaks: give --system-load or four_cp intervals in the site file"));
            from = "site_file";
        }

        return (problem with { FourCp = new CoincidentPeakCharge(peaks, rate) }, new FourCpForecastRule(forecastMw, thresholdMw) { CurtailToMw = curtailToMw }, from);
    }

    /// <summary>The site of the quick form: one tier of <paramref name="fleetMw"/> at <paramref name="fleetJth"/> with presets [0, fleet], a constant AI load, a PPA block and an adder; the cap defaults to AI + fleet.</summary>
    public static DispatchSite QuickSite(
        double fleetMw, double fleetJth, double? capMw, double aiMw, double aiRevenue, double ppaMw, double ppaPrice, double adder, double? btcPrice)
    {
        // Presets [0, fleet] must be strictly increasing: a 0 MW fleet is a site without mining.
        var tiers = fleetMw > 0
            ? ImmutableArray.Create(new MiningTier("fleet", new JoulesPerTerahash(fleetJth), [0, fleetMw]))
            : [];
        var site = new DispatchSite(CommandLine, capMw ?? (aiMw + fleetMw), tiers, new PowerSupply(ppaMw, new UsdPerMwh(ppaPrice), new UsdPerMwh(adder)))
        {
            BtcPrice = btcPrice is { } price ? new UsdPerBtc(price) : null,
        };
        return aiMw > 0
            ? site with { Ai = new DispatchSiteAi([aiMw], new UsdPerMwh(aiRevenue), UsdPerMwh.Zero, new SourceLocation(CommandLine, 0, 0, "--ai-mw")) }
            : site;
    }

    /// <summary>A UTC instant from <c>2024-08-19</c> (midnight UTC) or an ISO-8601 instant with an offset; null when unreadable.</summary>
    public static DateTimeOffset? ParseInstant(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }
}
