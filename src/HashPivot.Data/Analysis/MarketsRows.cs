using System.Globalization;
using HashPivot.Engine.Markets;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Analysis;

/// <summary>One ticker in <c>hashpivot markets event --json</c> and the API (percent values in %).</summary>
public sealed record EventRow(
    string Ticker, string Benchmark, string Date, double ReturnPct, double BenchmarkReturnPct, double AbnormalReturnPct, double CarPct, double TStat,
    double Alpha, double Beta, double ResidualSdPct, int EstimationDays, string EstimationFrom, string EstimationTo, int WindowStart, int WindowEnd,
    IReadOnlyList<DayRow> Days)
{
    /// <summary>The row of one event study.</summary>
    public static EventRow From(EventStudyResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new EventRow(
            r.Asset, r.Benchmark, Iso(r.EventDate), r.EventDay.Return * 100, r.EventDay.BenchmarkReturn * 100,
            r.EventDay.Abnormal * 100, r.Car * 100, r.TStat, r.Fit.Alpha, r.Fit.Beta, Math.Sqrt(r.Fit.ResidualVariance) * 100, r.Fit.Count,
            Iso(r.EstimationFrom), Iso(r.EstimationTo), r.Window.WindowStart, r.Window.WindowEnd,
            r.Days.Select(d => new DayRow(d.Offset, Iso(d.Date), d.Return * 100, d.BenchmarkReturn * 100, d.Abnormal * 100)).ToList());
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One event-window day (percent values in %).</summary>
public sealed record DayRow(int Offset, string Date, double ReturnPct, double BenchmarkReturnPct, double AbnormalReturnPct);

/// <summary>One ticker in <c>hashpivot markets returns --json</c> and the API.</summary>
public sealed record ReturnRow(string Ticker, string FromDate, string ToDate, double FromPrice, double ToPrice, double ReturnPct, string YtdBaseDate, double YtdReturnPct)
{
    /// <summary>The simple return from the last close on or before <paramref name="from"/> to the last on or before <paramref name="to"/>, and year to date at <paramref name="to"/>.</summary>
    public static ReturnRow For(TimeSeries series, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(series);
        var p = Returns.Period(series, from, to);
        var ytd = Returns.YearToDate(series, to);
        return new ReturnRow(series.Name, EventRow.Iso(p.FromDate), EventRow.Iso(p.ToDate), p.FromPrice, p.ToPrice, p.Simple * 100, EventRow.Iso(ytd.FromDate), ytd.Simple * 100);
    }
}

/// <summary>One ticker in <c>hashpivot markets beta --json</c> and the API.</summary>
public sealed record BetaRow(string Ticker, string Benchmark, double Beta, double Correlation, int Days, double AnnualisedVolatilityPct, string From, string To)
{
    /// <summary>OLS beta and correlation of daily simple returns against <paramref name="benchmark"/> on dates both traded in [<paramref name="from"/>, <paramref name="to"/>], with annualised volatility.</summary>
    public static BetaRow For(TimeSeries asset, TimeSeries benchmark, DateOnly from, DateOnly to)
    {
        var pairs = PairedReturns.From(asset, benchmark).Between(from, to);
        var fit = Regression.Ols(pairs.BenchmarkReturns, pairs.AssetReturns);
        var vol = Regression.RollingVolatility(pairs.AssetReturns, pairs.Count)[^1];
        return new BetaRow(pairs.Asset, pairs.Benchmark, fit.Beta, fit.Correlation, fit.Count, vol * 100, EventRow.Iso(pairs.Closes[0]), EventRow.Iso(pairs.Closes[^1]));
    }
}
