namespace HashPivot.Engine.Markets;

/// <summary>An ordinary-least-squares fit y = α + β·x with its residual variance and the correlation of x and y (units of y; β dimensionless for returns).</summary>
/// <param name="Alpha">Intercept α = ȳ − β·x̄.</param>
/// <param name="Beta">Slope β = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)².</param>
/// <param name="ResidualVariance">σ̂² = Σε² / (n − 2).</param>
/// <param name="Correlation">Pearson correlation of x and y.</param>
/// <param name="Count">Number of observations n.</param>
/// <param name="MeanX">x̄, the mean of x.</param>
/// <param name="SumSquaresX">Σ(x − x̄)².</param>
public sealed record OlsFit(double Alpha, double Beta, double ResidualVariance, double Correlation, int Count, double MeanX, double SumSquaresX);

/// <summary>Ordinary least squares of one regressor, and rolling beta, correlation and volatility of daily returns (fractions).</summary>
public static class Regression
{
    /// <summary>Trading days per year used to annualise volatility.</summary>
    public const double TradingDaysPerYear = 252;

    /// <summary>Fits y = α + β·x by OLS.</summary>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 3 points, or x has no variance.</exception>
    public static OlsFit Ols(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"{x.Length} x values but {y.Length} y values.", nameof(y));
        }

        var n = x.Length;
        if (n < 3)
        {
            throw new ArgumentException($"OLS needs at least 3 observations, got {n}.", nameof(x));
        }

        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        if (!(sxx > 0))
        {
            throw new ArgumentException("The regressor has no variance.", nameof(x));
        }

        var beta = sxy / sxx;
        var alpha = my - (beta * mx);
        double ssr = 0;
        for (var i = 0; i < n; i++)
        {
            var e = y[i] - alpha - (beta * x[i]);
            ssr += e * e;
        }

        var correlation = syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
        return new OlsFit(alpha, beta, ssr / (n - 2), correlation, n, mx, sxx);
    }

    /// <summary>Sample standard deviation (n − 1) of each trailing window × √252; NaN before the first full window.</summary>
    public static double[] RollingVolatility(ReadOnlySpan<double> returns, int window, double periodsPerYear = TradingDaysPerYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        var result = new double[returns.Length];
        for (var i = 0; i < returns.Length; i++)
        {
            if (i + 1 < window)
            {
                result[i] = double.NaN;
                continue;
            }

            var slice = returns.Slice(i + 1 - window, window);
            double mean = 0;
            foreach (var r in slice)
            {
                mean += r;
            }

            mean /= window;
            double ss = 0;
            foreach (var r in slice)
            {
                ss += (r - mean) * (r - mean);
            }

            result[i] = Math.Sqrt(ss / (window - 1) * periodsPerYear);
        }

        return result;
    }

    /// <summary>OLS beta of <paramref name="asset"/> on <paramref name="benchmark"/> over each trailing window; NaN before the first full window.</summary>
    public static double[] RollingBeta(ReadOnlySpan<double> asset, ReadOnlySpan<double> benchmark, int window) =>
        Rolling(asset, benchmark, window, f => f.Beta);

    /// <summary>Correlation of <paramref name="asset"/> and <paramref name="benchmark"/> over each trailing window; NaN before the first full window.</summary>
    public static double[] RollingCorrelation(ReadOnlySpan<double> asset, ReadOnlySpan<double> benchmark, int window) =>
        Rolling(asset, benchmark, window, f => f.Correlation);

    private static double[] Rolling(ReadOnlySpan<double> asset, ReadOnlySpan<double> benchmark, int window, Func<OlsFit, double> pick)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 3);
        if (asset.Length != benchmark.Length)
        {
            throw new ArgumentException($"{asset.Length} asset returns but {benchmark.Length} benchmark returns.", nameof(benchmark));
        }

        var result = new double[asset.Length];
        for (var i = 0; i < asset.Length; i++)
        {
            result[i] = i + 1 < window
                ? double.NaN
                : pick(Ols(benchmark.Slice(i + 1 - window, window), asset.Slice(i + 1 - window, window)));
        }

        return result;
    }
}
