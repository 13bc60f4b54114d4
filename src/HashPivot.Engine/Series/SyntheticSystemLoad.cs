using System.Globalization;
using System.Text;

namespace HashPivot.Engine.Series;

/// <summary>Generates a labelled synthetic hourly ERCOT-sized system load (MW) for June–September and a day-ahead-style forecast of it, for 4CP examples and tests; not real data.</summary>
/// <remarks>
/// load = 84,000 MW × month factor (Jun 0.92, Jul 0.97, Aug 1.00, Sep 0.93) × weekend factor (0.94) × (1 + daily
/// weather AR(1), φ 0.7, σ 3 %) × daily shape (0.70 at 05:00 Central daylight time rising to 1.00 at 17:00) + noise
/// (σ 300 MW). Peaks land near 80–90 GW in late afternoon, the order of ERCOT's coincident peaks (domain.md §4.1: July
/// 2025 CP 81,707 MW at 5:45 pm). Forecast = load × (1 + ε), ε ~ N(0, 1.5 %) per hour.
/// </remarks>
public static class SyntheticSystemLoad
{
    /// <summary>CSV texts <c>timestamp,value</c> (UTC hours, MW) of the actual load and its forecast over June–September of <paramref name="year"/> in Central daylight time (from 1 June 05:00 UTC).</summary>
    public static (string Actual, string Forecast) Generate(int year, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var actual = new StringBuilder("timestamp,value\n");
        var forecast = new StringBuilder("timestamp,value\n");
        // Hours of June–September in Central daylight time (UTC−5 all summer), so months and weekends are local.
        var weather = 0.0;
        var first = new DateTime(year, 6, 1, 5, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(year, 10, 1, 5, 0, 0, DateTimeKind.Utc);
        for (var utc = first; utc < end; utc = utc.AddHours(1))
        {
            var central = utc.AddHours(-5);
            if (central.Hour == 0)
            {
                weather = (0.7 * weather) + (0.03 * Normal());
            }

            var month = central.Month switch { 6 => 0.92, 7 => 0.97, 8 => 1.00, _ => 0.93 };
            var weekend = central.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.94 : 1.0;
            var shape = 0.70 + (0.30 * (1 + Math.Cos(2 * Math.PI * (central.Hour - 17) / 24)) / 2);
            var load = (84_000 * month * weekend * (1 + weather) * shape) + (300 * Normal());
            var predicted = load * (1 + (0.015 * Normal()));
            var stamp = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            actual.Append(CultureInfo.InvariantCulture, $"{stamp},{Math.Round(load)}\n");
            forecast.Append(CultureInfo.InvariantCulture, $"{stamp},{Math.Round(predicted)}\n");
        }

        return (actual.ToString(), forecast.ToString());
    }
}
