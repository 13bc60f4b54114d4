using HashPivot.Data.Portfolios;
using HashPivot.Data.Validation;
using static HashPivot.Data.Tests.Portfolios.PortfolioYaml;

namespace HashPivot.Data.Tests.Portfolios;

/// <summary>Sites whose power follows a series file, read through a fake <see cref="IPriceSeriesReader"/>.</summary>
public sealed class PortfolioLoaderSeriesTests : IDisposable
{
    // Lines 9–12; "      series: " is 14 characters, so the path starts at column 15.
    private const string SeriesPower = """
            power:
              series: prices/ercot.csv
              column: HB_WEST
              adder_usd_per_mwh: 3
        """;

    private readonly string _baseDirectory = Directory.CreateTempSubdirectory("hashpivot-series-").FullName;

    public PortfolioLoaderSeriesTests()
    {
        Directory.CreateDirectory(Path.Combine(_baseDirectory, "prices"));
        System.IO.File.WriteAllText(Path.Combine(_baseDirectory, "prices", "ercot.csv"), "read by the fake, never parsed\n");
    }

    public void Dispose() => Directory.Delete(_baseDirectory, recursive: true);

    private static string WithSeriesPower(string power = SeriesPower) =>
        Minimal.Replace("    power:\n      fixed_usd_per_mwh: 40", power, StringComparison.Ordinal);

    [Fact]
    public void Load_SeriesPower_ResolvesRelativePathAgainstBaseDirectoryAndPassesColumn()
    {
        var reader = new FakeSeriesReader([10, 20, -5]);
        new PortfolioLoader(reader).Load(WithSeriesPower(), FileName, _baseDirectory);

        var call = Assert.Single(reader.Calls);
        Assert.Equal((Path.Combine(_baseDirectory, "prices", "ercot.csv"), "HB_WEST"), call);
    }

    [Fact]
    public void Load_SeriesPower_AddsAdderToEveryPrice()
    {
        // [10, 20, −5] + 3 = [13, 23, −2]; average 34 / 3 (hand).
        var site = Assert.Single(new PortfolioLoader(new FakeSeriesReader([10, 20, -5])).Load(WithSeriesPower(), FileName, _baseDirectory).Sites);

        Assert.Equal([13.0, 23.0, -2.0], site.Power.IntervalPrices);
        Assert.Equal(34.0 / 3, site.Power.Average.Value, 1e-12);
        Assert.Equal("series prices/ercot.csv [HB_WEST]", site.Power.Description);
    }

    [Fact]
    public void Load_SeriesWithoutColumnOrAdder_PassesNullColumnAndAddsNothing()
    {
        var reader = new FakeSeriesReader([10, 20]);
        var yaml = WithSeriesPower("""
                power:
                  series: prices/ercot.csv
            """);
        var site = Assert.Single(new PortfolioLoader(reader).Load(yaml, FileName, _baseDirectory).Sites);

        Assert.Null(Assert.Single(reader.Calls).Column);
        Assert.Equal([10.0, 20.0], site.Power.IntervalPrices);
    }

    [Fact]
    public void Load_AbsoluteSeriesPath_IsUsedAsGiven()
    {
        var reader = new FakeSeriesReader([50]);
        var absolute = Path.Combine(_baseDirectory, "prices", "ercot.csv");
        var yaml = WithSeriesPower($"""
                power:
                  series: {absolute}
            """);

        // A different base directory: an absolute path must not be combined with it.
        new PortfolioLoader(reader).Load(yaml, FileName, Path.Combine(_baseDirectory, "elsewhere"));
        Assert.Equal(absolute, Assert.Single(reader.Calls).Path);
    }

    [Fact]
    public void Load_SeriesFileMissing_ReportsAtTheSeriesLineWithoutCallingTheReader()
    {
        var reader = new FakeSeriesReader([10]);
        var problems = Problems(WithSeriesPower().Replace("ercot.csv", "pjm.csv", StringComparison.Ordinal), new PortfolioLoader(reader), _baseDirectory);

        var problem = Assert.Single(problems);
        AssertAt(problem, 10, 15, "sites[0].power.series", $"file not found: {Path.Combine(_baseDirectory, "prices", "pjm.csv")}");
        Assert.Empty(reader.Calls);
    }

    [Fact]
    public void Load_ReaderThrowsInputException_PassesItsProblemsThroughAndPointsAtTheSeriesLine()
    {
        var csv = Path.Combine(_baseDirectory, "prices", "ercot.csv");
        var csvProblems = new[]
        {
            new InputProblem(csv, 7, 12, "HB_WEST", "expected a number, found 'n/a'"),
            new InputProblem(csv, 9, 12, "HB_WEST", "expected a number, found ''"),
        };
        var problems = Problems(WithSeriesPower(), new PortfolioLoader(new FakeSeriesReader(csvProblems)), _baseDirectory);

        Assert.Equal(3, problems.Count);
        Assert.Contains(csvProblems[0], problems);
        Assert.Contains(csvProblems[1], problems);
        AssertAt(problems.Single(p => p.File == FileName), 10, 15, "sites[0].power.series", "has 2 problem(s)");
    }

    [Fact]
    public void Load_SeriesWithNoValues_IsReported()
    {
        Single(WithSeriesPower(), 10, 15, "sites[0].power.series", "the series has no values", new PortfolioLoader(new FakeSeriesReader(Array.Empty<double>())));
    }

    [Fact]
    public void Load_SeriesWithoutReader_AsksForFixedPrice()
    {
        Single(WithSeriesPower(), 10, 15, "sites[0].power.series", "give 'fixed_usd_per_mwh'", new PortfolioLoader());
    }

    [Fact]
    public void Load_AdderNotANumber_IsReported()
    {
        // "      adder_usd_per_mwh: " is 25 characters.
        Single(WithSeriesPower().Replace("adder_usd_per_mwh: 3", "adder_usd_per_mwh: .nan", StringComparison.Ordinal),
            12, 26, "sites[0].power.adder_usd_per_mwh", "expected a number", new PortfolioLoader(new FakeSeriesReader([10])));
    }

    private void Single(string yaml, int line, int column, string field, string message, PortfolioLoader loader) =>
        AssertAt(Assert.Single(Problems(yaml, loader, _baseDirectory)), line, column, field, message);

    /// <summary>Returns fixed prices, or throws fixed problems, and records every call.</summary>
    private sealed class FakeSeriesReader : IPriceSeriesReader
    {
        private readonly double[] _prices = [];
        private readonly InputProblem[] _problems = [];

        public FakeSeriesReader(double[] prices) => _prices = prices;

        public FakeSeriesReader(InputProblem[] problems) => _problems = problems;

        public List<(string Path, string? Column)> Calls { get; } = [];

        public IReadOnlyList<double> ReadPrices(string path, string? column)
        {
            Calls.Add((path, column));
            return _problems.Length > 0 ? throw new InputException(_problems) : _prices;
        }
    }
}
