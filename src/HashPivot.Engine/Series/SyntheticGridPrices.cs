namespace HashPivot.Engine.Series;

/// <summary>
/// Parameters of the synthetic hourly grid-price generator (USD/MWh), calibrated to ERCOT HB_NORTH real-time 2024
/// (EIA 15-minute LMPs averaged to hours, ../shared/data/ercot_rt_lmp_15min_hubs_2024.csv): median 19.1, mean 25.9,
/// p99 143, 10 hours above 1,000, 189 negative hours.
/// </summary>
/// <param name="Year">Calendar year generated (UTC hours).</param>
/// <param name="MedianPrice">Typical price before the daily and seasonal shape (USD/MWh).</param>
/// <param name="NoiseSigma">Standard deviation of the log-price noise.</param>
/// <param name="NoisePersistence">AR(1) coefficient of the log noise from hour to hour (weather persists).</param>
/// <param name="SpikeProbability">Chance per hour of a scarcity spike.</param>
/// <param name="SpikeScale">Pareto scale of spike prices (USD/MWh).</param>
/// <param name="SpikeShape">Pareto shape: smaller means heavier tail.</param>
/// <param name="PriceCap">Offer cap (ERCOT HCAP 5,000 USD/MWh since 2022, domain.md §4.4).</param>
/// <param name="NegativeProbability">Chance per hour of a negative price (wind and solar surplus).</param>
/// <param name="NegativeFloor">Lowest negative price drawn (USD/MWh).</param>
/// <param name="UtcOffsetHours">Offset of the market's standard time; the daily shape is in local hours.</param>
public sealed record SyntheticGridParameters(
    int Year = 2024,
    double MedianPrice = 19.8,
    double NoiseSigma = 0.32,
    double NoisePersistence = 0.85,
    double SpikeProbability = 0.011,
    double SpikeScale = 130,
    double SpikeShape = 1.1,
    double PriceCap = 5_000,
    double NegativeProbability = 0.022,
    double NegativeFloor = -32,
    int UtcOffsetHours = -6)
{
    /// <summary>Multipliers by local hour 0–23: HB_NORTH 2024 hourly medians ÷ their mean (evening peak, midday solar dip).</summary>
    public static IReadOnlyList<double> DailyShape { get; } =
        Normalise([17.6, 16.4, 15.6, 15.6, 16.2, 18.3, 20.7, 19.9, 15.6, 14.1, 15.1, 16.2, 17.5, 18.6, 18.8, 20.1, 22.0, 25.0, 27.8, 31.3, 27.5, 21.7, 20.5, 18.7]);

    /// <summary>Multipliers by month 1–12: HB_NORTH 2024 monthly medians ÷ their mean (mild spring, peaks in summer and winter).</summary>
    public static IReadOnlyList<double> SeasonalShape { get; } =
        Normalise([21.9, 10.6, 12.6, 12.4, 18.1, 22.2, 19.3, 21.0, 20.4, 18.6, 19.8, 22.4]);

    private static double[] Normalise(double[] values)
    {
        var mean = values.Average();
        return [.. values.Select(v => v / mean)];
    }
}

/// <summary>Generates a labelled synthetic year of hourly grid prices (USD/MWh) with daily and seasonal shape, spikes and negative hours; the same seed gives the same year.</summary>
public static class SyntheticGridPrices
{
    /// <summary>One UTC hour per value, starting 1 January of <see cref="SyntheticGridParameters.Year"/> 00:00 UTC.</summary>
    public static TimeSeries Generate(SyntheticGridParameters parameters, int seed, string name = "synthetic")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var start = new DateTimeOffset(parameters.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var hours = (int)(start.AddYears(1) - start).TotalHours;
        var random = new Random(seed);
        var values = new double[hours];
        var starts = new long[hours];
        var noise = 0.0;
        var innovation = parameters.NoiseSigma * Math.Sqrt(1 - (parameters.NoisePersistence * parameters.NoisePersistence));
        for (var h = 0; h < hours; h++)
        {
            var instant = start.AddHours(h);
            starts[h] = instant.ToUnixTimeSeconds();
            var local = instant.AddHours(parameters.UtcOffsetHours);

            // Stationary AR(1) in log space: the marginal spread stays NoiseSigma whatever the persistence.
            noise = (parameters.NoisePersistence * noise) + (innovation * Gaussian(random));
            var price = parameters.MedianPrice * SyntheticGridParameters.DailyShape[local.Hour]
                * SyntheticGridParameters.SeasonalShape[local.Month - 1] * Math.Exp(noise);

            var draw = random.NextDouble();
            if (draw < parameters.SpikeProbability)
            {
                // Pareto tail: most spikes are a few hundred dollars, a handful reach the cap.
                price = Math.Min(parameters.PriceCap, parameters.SpikeScale / Math.Pow(1 - random.NextDouble(), 1 / parameters.SpikeShape));
            }
            else if (draw < parameters.SpikeProbability + parameters.NegativeProbability)
            {
                price = parameters.NegativeFloor * random.NextDouble();
            }

            values[h] = Math.Round(price, 2);
        }

        return new TimeSeries(name, "USD/MWh", TimeSpan.FromHours(1), starts, values);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm's argument in (0, 1].
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
