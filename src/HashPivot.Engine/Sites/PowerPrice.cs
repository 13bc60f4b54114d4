using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sites;

/// <summary>
/// What a site pays for power, in USD/MWh: a fixed all-in price, or a series of interval prices
/// (one value per interval of equal length) that the adapters have already read.
/// </summary>
public sealed record PowerPrice
{
    private readonly double[]? _intervalPrices;

    private PowerPrice(UsdPerMwh average, double[]? intervalPrices, string description)
    {
        Average = average;
        _intervalPrices = intervalPrices;
        Description = description;
    }

    /// <summary>Time-weighted average price.</summary>
    public UsdPerMwh Average { get; }

    /// <summary>Interval prices in USD/MWh when the price follows a series; null for a fixed price.</summary>
    public IReadOnlyList<double>? IntervalPrices => _intervalPrices;

    /// <summary>The interval prices as a span for hot loops (empty for a fixed price).</summary>
    public ReadOnlySpan<double> IntervalPriceSpan => _intervalPrices;

    /// <summary>Where the price comes from, for reports.</summary>
    public string Description { get; }

    /// <summary>A fixed all-in price (PPA, hydro tariff, hosting rate).</summary>
    public static PowerPrice Fixed(UsdPerMwh price) =>
        new(price, null, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fixed {price.Value:0.##} USD/MWh"));

    /// <summary>A price that follows a series of equal-length intervals, plus a fixed adder (transmission, distribution) per MWh.</summary>
    public static PowerPrice FromSeries(ReadOnlySpan<double> prices, UsdPerMwh adder, string description)
    {
        if (prices.IsEmpty)
        {
            throw new ArgumentException("A price series needs at least one interval.", nameof(prices));
        }

        var withAdder = new double[prices.Length];
        var sum = 0.0;
        for (var i = 0; i < prices.Length; i++)
        {
            withAdder[i] = prices[i] + adder.Value;
            sum += withAdder[i];
        }

        return new PowerPrice(new UsdPerMwh(sum / prices.Length), withAdder, description);
    }
}
