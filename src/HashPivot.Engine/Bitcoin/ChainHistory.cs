using HashPivot.Engine.Series;

namespace HashPivot.Engine.Bitcoin;

/// <summary>Daily Bitcoin network history on UTC days: price (USD/BTC), difficulty, hashrate (TH/s), fees (BTC/day) and blocks (blocks/day); a column is null when the source lacked it.</summary>
/// <remarks>Every present column is a one-day <see cref="TimeSeries"/> whose instants are 00:00 UTC of <see cref="Dates"/>, one value per date.</remarks>
public sealed record ChainHistory(
    IReadOnlyList<DateOnly> Dates,
    TimeSeries? PriceUsdPerBtc,
    TimeSeries? Difficulty,
    TimeSeries? HashrateThs,
    TimeSeries? FeesBtcPerDay,
    TimeSeries? BlocksPerDay)
{
    /// <summary>Unit string of <see cref="PriceUsdPerBtc"/>.</summary>
    public const string PriceUnit = "USD/BTC";

    /// <summary>Unit string of <see cref="Difficulty"/> (dimensionless).</summary>
    public const string DifficultyUnit = "difficulty";

    /// <summary>Unit string of <see cref="HashrateThs"/>.</summary>
    public const string HashrateUnit = "TH/s";

    /// <summary>Unit string of <see cref="FeesBtcPerDay"/>.</summary>
    public const string FeesUnit = "BTC/day";

    /// <summary>Unit string of <see cref="BlocksPerDay"/>.</summary>
    public const string BlocksUnit = "blocks/day";

    /// <summary>Unit string of <see cref="IssuanceBtcPerDay"/>.</summary>
    public const string IssuanceUnit = "BTC/day";

    /// <summary>New coins issued per day (block subsidy × blocks); null when the source lacked it.</summary>
    public TimeSeries? IssuanceBtcPerDay { get; init; }

    /// <summary>The number of days.</summary>
    public int Count => Dates.Count;
}
