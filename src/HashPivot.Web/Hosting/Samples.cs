using System.Reflection;

namespace HashPivot.Web.Hosting;

/// <summary>The repository's samples embedded in the server (samples/portfolio.yaml and the synthetic series), for seeding a new store.</summary>
internal static class Samples
{
    public const string GridDataset = "synthetic-grid-2024";
    public const string EquityDataset = "synthetic-equities";
    public const string PortfolioName = "Sample portfolio";

    /// <summary>The path the sample portfolio's grid site names, relative to samples/; the seeded copy names the dataset instead.</summary>
    public const string GridSeriesPath = "synthetic/grid_prices_hourly_2024_synthetic.csv";

    public static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HashPivot.Web.Samples." + name)
            ?? throw new InvalidOperationException($"sample {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>samples/portfolio.yaml with its grid series pointing at the seeded dataset (a server reads workspace datasets, never files).</summary>
    public static string Portfolio()
    {
        var text = Text("portfolio.yaml");
        var seeded = text.Replace("series: " + GridSeriesPath, "series: " + GridDataset, StringComparison.Ordinal);
        return seeded != text ? seeded : throw new InvalidOperationException($"samples/portfolio.yaml no longer names {GridSeriesPath}; update Samples");
    }
}
