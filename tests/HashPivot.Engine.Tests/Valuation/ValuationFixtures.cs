using HashPivot.Engine.Valuation;

namespace HashPivot.Engine.Tests.Valuation;

/// <summary>Small valuation requests for tests: two sites, one on a flat price and one on a two-year synthetic hourly series.</summary>
internal static class ValuationFixtures
{
    public static readonly Financing Financing = new(0.10, 0.5, 0.09, 5, 0.21, 5);

    public static readonly ConversionTerms Lease = new(1_000_000, 0.15, 0, 0.03, 0, 8_000_000, 12, 0, 0, 20);

    public static readonly ConversionTerms Cloud = new(6_000_000, 0.2, 400_000, 0, -0.15, 30_000_000, 9, 20_000_000, 5, 5);

    public static ValuationRequest Request(double volatility = 0.55, long seed = 42, bool twoYearSeries = true, int years = 5) => new(
        60_000, 894_000, 953_568, // 894 EH/s = 894,000 PH/s (domain.md §1.3, June 2026)
        1, new LogPriceModel(0, volatility),
        new NetworkResponse(28, 0.08, 50, 0.05, 3, 0.05, 0.08, 0.01),
        [
            new ValuationSite("flat", 100, 19, 120, PowerMonthLibrary.Flat(40), 1, Lease, Cloud),
            new ValuationSite("series", 50, 17, 60, Series(twoYearSeries ? 2 : 1), 1, Lease, Cloud),
        ],
        Financing, years, 0.5, seed);

    /// <summary>Hourly prices from 2023-01-01 over whole years: a daily shape, some negative hours and a spike a week (USD/MWh).</summary>
    public static PowerMonthLibrary Series(int years)
    {
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var hours = (int)(new DateTimeOffset(2023 + years, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() - start) / 3600;
        var starts = new long[hours];
        var prices = new double[hours];
        for (var h = 0; h < hours; h++)
        {
            starts[h] = start + (h * 3600L);
            var hourOfDay = h % 24;
            prices[h] = 35 + (15 * Math.Sin(hourOfDay / 24.0 * 2 * Math.PI)) + (h % 168 == 100 ? 2_000 : 0) - (h % 97 == 0 ? 60 : 0) + ((h / 8760) * 5);
        }

        return PowerMonthLibrary.FromSeries(starts, prices);
    }
}
