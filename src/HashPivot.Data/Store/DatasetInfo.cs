using HashPivot.Engine.Series;

namespace HashPivot.Data.Store;

/// <summary>What a stored dataset holds: Bitcoin chain history, grid prices, equity prices or generated synthetic series.</summary>
public enum DatasetKind
{
    /// <summary>Bitcoin chain history (price, difficulty, hashrate, fees).</summary>
    Chain,

    /// <summary>Grid prices (LMP/SPP) per settlement point.</summary>
    Grid,

    /// <summary>Equity or index prices per ticker.</summary>
    Equity,

    /// <summary>Series made by the synthetic generator, never real market data.</summary>
    Synthetic,
}

/// <summary>The metadata of a stored dataset: its unique name, kind, where it came from and when it was imported (UTC).</summary>
/// <param name="Name">Unique name in the store, 1 to 200 characters, no control characters.</param>
/// <param name="Kind">What the series are.</param>
/// <param name="Source">Free text naming the origin, for example the file path or the API and query.</param>
/// <param name="ImportedAtUtc">When the dataset was imported; stored in UTC to the 100 ns tick.</param>
public sealed record DatasetInfo(string Name, DatasetKind Kind, string Source, DateTimeOffset ImportedAtUtc)
{
    /// <summary>The longest dataset name accepted.</summary>
    public const int MaxNameLength = 200;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Name);
        ArgumentNullException.ThrowIfNull(Source);
        if (Name.Length == 0 || Name.Length > MaxNameLength || Name.Any(char.IsControl) || Name.Trim().Length != Name.Length)
        {
            throw new ArgumentException(
                $"Dataset name '{Name}' is invalid: it must be 1 to {MaxNameLength} characters without control characters or surrounding spaces.",
                nameof(Name));
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Dataset kind {(int)Kind} is not a known kind.", nameof(Kind));
        }
    }
}

/// <summary>The description of one stored series: name, unit, interval, number of points and extent (UTC interval starts).</summary>
/// <param name="Name">The series name, unique within its dataset.</param>
/// <param name="Unit">The unit of every value.</param>
/// <param name="Interval">The interval each value covers.</param>
/// <param name="Count">The number of points.</param>
/// <param name="FirstStartUtc">The first interval start, or null for an empty series.</param>
/// <param name="LastStartUtc">The last interval start, or null for an empty series.</param>
public sealed record StoredSeriesInfo(string Name, string Unit, TimeSpan Interval, int Count, DateTimeOffset? FirstStartUtc, DateTimeOffset? LastStartUtc);

/// <summary>A stored dataset's metadata and the descriptions of its series, in the order they were saved.</summary>
/// <param name="Info">The dataset metadata.</param>
/// <param name="Series">One entry per series, in save order.</param>
public sealed record StoredDataset(DatasetInfo Info, IReadOnlyList<StoredSeriesInfo> Series)
{
    /// <summary>The series names, in save order.</summary>
    public IReadOnlyList<string> SeriesNames => Series.Select(s => s.Name).ToList();

    /// <summary>
    /// The name of the series a caller asked for: <paramref name="column"/> when the dataset has it, else its only series.
    /// Throws <see cref="ArgumentException"/> naming the <paramref name="option"/> to set and the series there are.
    /// </summary>
    public string SelectSeries(string? column, string option)
    {
        var names = SeriesNames;
        if (column is null)
        {
            return names.Count == 1
                ? names[0]
                : throw new ArgumentException($"dataset '{Info.Name}' has {names.Count} series; pick one with {option}: {string.Join(", ", names)}");
        }

        return names.FirstOrDefault(n => string.Equals(n, column, StringComparison.Ordinal))
            ?? throw new ArgumentException($"dataset '{Info.Name}' has no series '{column}'; it has: {string.Join(", ", names)}");
    }
}

/// <summary>One line of the dataset listing: metadata, number of series and total number of points.</summary>
/// <param name="Info">The dataset metadata.</param>
/// <param name="SeriesCount">How many series the dataset holds.</param>
/// <param name="PointCount">The total number of points over all its series.</param>
public sealed record DatasetSummary(DatasetInfo Info, int SeriesCount, long PointCount);

/// <summary>Helpers on series sets being saved: the checks every backend applies before writing.</summary>
internal static class SeriesChecks
{
    public const int MaxNameLength = 200;

    public static void ValidateName(TimeSeries series, int index, HashSet<string> seen)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Name.Length == 0 || series.Name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Series {index} has an invalid name '{series.Name}': 1 to {MaxNameLength} characters.", nameof(series));
        }

        if (!seen.Add(series.Name))
        {
            throw new ArgumentException($"Series name '{series.Name}' appears twice in the dataset; names must be unique.", nameof(series));
        }
    }
}
