using HashPivot.Engine.Valuation;

namespace HashPivot.Data.Analysis;

/// <summary>What <c>hashpivot value --json</c> answers: per site and for the portfolio, NPV percentiles (USD) of the best strategy and of each strategy at its best year.</summary>
public sealed record ValueDocument(
    long Seed,
    int Paths,
    int Years,
    string InputHash,
    IReadOnlyList<ValueSite> Sites,
    ValuePortfolio Portfolio,
    IReadOnlyList<ValueBand> HashpriceBands)
{
    /// <summary>The tornado table (portfolio mean NPV, USD, with each input shifted down and up), when asked for.</summary>
    public IReadOnlyList<SensitivityRow>? Sensitivity { get; init; }

    /// <summary>Paths each sensitivity run used.</summary>
    public int? SensitivityPaths { get; init; }

    /// <summary>The document of a merged result; <paramref name="inputHash"/> identifies the inputs (portfolio, assumptions, paths, seed).</summary>
    public static ValueDocument From(ValuationResult result, string inputHash)
    {
        ArgumentNullException.ThrowIfNull(result);
        var years = result.Request.Years;
        var sites = result.Sites.Select(s =>
        {
            var best = s.Strategies.Single(v => v.Strategy == s.Best);
            var byKind = Enum.GetValues<StrategyKind>().Select(kind =>
                s.Strategies.Where(v => v.Strategy.Kind == kind).MaxBy(v => v.MeanUsd)!).Select(ValueStrategy.From).ToList();
            var years0 = s.Strategies.Where(v => v.Strategy.Kind == s.BestConversion.Kind).Select(v => v.MeanUsd).ToList();
            return new ValueSite(s.Site, best.Strategy.Name, best.Strategy.Kind == StrategyKind.Mine ? null : best.Strategy.Year,
                s.BestConversion.Name, s.BestConversion.Year, s.ProbConvertBeatsMining,
                best.Npv.P5Usd, best.Npv.P50Usd, best.Npv.P95Usd, best.Npv.MeanUsd,
                s.ConversionIrr is { } irr && double.IsFinite(irr) ? irr : null, s.ConversionPaybackMonths, byKind, years0);
        }).ToList();
        var portfolio = NpvSummary.Of(result.PortfolioNpvUsd);
        var bands = Enumerable.Range(0, result.Request.Months).Select(m => new ValueBand(m + 1,
            result.HashpriceBands[0][m], result.HashpriceBands[1][m], result.HashpriceBands[2][m], result.HashpriceBands[3][m], result.HashpriceBands[4][m])).ToList();
        return new ValueDocument(result.Request.Seed, result.Paths, years, inputHash, sites,
            new ValuePortfolio(portfolio.P5Usd, portfolio.P50Usd, portfolio.P95Usd, portfolio.MeanUsd), bands);
    }
}

/// <summary>One site of a valuation: best strategy and year, the best conversion's probability of beating mining, NPV percentiles (USD) of the best strategy, conversion IRR and payback (months), each strategy kind at its best year, and the best conversion kind's mean NPV by start year.</summary>
public sealed record ValueSite(
    string Site,
    string BestStrategy,
    int? BestConversionYear,
    string BestConversion,
    int BestConversionStartYear,
    double ProbConvertBeatsMining,
    double NpvUsdP5,
    double NpvUsdP50,
    double NpvUsdP95,
    double NpvUsdMean,
    double? ConversionIrr,
    int? ConversionPaybackMonths,
    IReadOnlyList<ValueStrategy> Strategies,
    IReadOnlyList<double> BestConversionMeanNpvUsdByYear);

/// <summary>A strategy at its best start year with its NPV percentiles and mean (USD).</summary>
public sealed record ValueStrategy(string Strategy, int? Year, double NpvUsdP5, double NpvUsdP50, double NpvUsdP95, double NpvUsdMean)
{
    public static ValueStrategy From(StrategyValue v) => new(v.Strategy.Name, v.Strategy.Kind == StrategyKind.Mine ? null : v.Strategy.Year,
        v.Npv.P5Usd, v.Npv.P50Usd, v.Npv.P95Usd, v.Npv.MeanUsd);
}

/// <summary>Portfolio NPV (USD) with every site on its best strategy, per path: percentiles and mean.</summary>
public sealed record ValuePortfolio(double NpvUsdP5, double NpvUsdP50, double NpvUsdP95, double NpvUsdMean);

/// <summary>Hashprice percentiles (USD/PH/day) in one projected month.</summary>
public sealed record ValueBand(int Month, double P5, double P25, double P50, double P75, double P95);
