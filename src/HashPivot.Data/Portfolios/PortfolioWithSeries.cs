using HashPivot.Engine.Series;
using HashPivot.Engine.Sites;

namespace HashPivot.Data.Portfolios;

/// <summary>A portfolio loaded from a file with, for each site priced from a series, that series as the site pays it (USD/MWh, adder included) with its UTC interval starts; null for fixed-price sites.</summary>
public sealed record PortfolioWithSeries(Portfolio Portfolio, IReadOnlyList<TimeSeries?> SitePrices)
{
    /// <summary>Loads <paramref name="path"/>; bad input throws <see cref="Validation.InputException"/> with every located problem.</summary>
    public static PortfolioWithSeries LoadFile(string path)
    {
        var reader = new RecordingSeriesReader();
        return From(new PortfolioLoader(reader).LoadFile(path), reader);
    }

    /// <summary>Loads a portfolio document whose series the given recording reader reads (the server's workspace datasets).</summary>
    public static PortfolioWithSeries Load(string yaml, string file, RecordingSeriesReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return From(new PortfolioLoader(reader).Load(yaml, file, ""), reader);
    }

    private static PortfolioWithSeries From(Portfolio portfolio, RecordingSeriesReader reader)
    {
        var prices = new List<TimeSeries?>();
        var next = 0;
        foreach (var site in portfolio.Sites)
        {
            if (site.Power.IntervalPrices is not { } values)
            {
                prices.Add(null);
                continue;
            }

            // The loader asked for one series per series-priced site, in site order; the values carry the site's adder, the recorded series its starts.
            var read = reader.Read[next++];
            if (read.Count != values.Count)
            {
                throw new InvalidOperationException($"site {site.Name}: {values.Count} prices but its series has {read.Count} intervals");
            }

            prices.Add(new TimeSeries(read.Name, read.Unit, read.Interval, read.StartsUnixSeconds, site.Power.IntervalPriceSpan));
        }

        return new PortfolioWithSeries(portfolio, prices);
    }
}
