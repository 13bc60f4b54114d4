using HashPivot.Data.Csv.Equities;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Engine.Markets;
using HashPivot.Engine.Series;
using Xunit.Abstractions;

namespace HashPivot.Data.Tests.Markets;

// The trigger article (domain.md §0, Tue 26 May 2026): WULF "up to +17 %" intraday, HUT/IREN/RIOT closed >5 % higher,
// SOX +5.6 % on the day and ~+77 % YTD, S&P 500 record >7,500. Checked against ../shared/data (Yahoo adjusted closes).
public sealed class MarketsRealDataTests(ITestOutputHelper output)
{
    private const string Equities = "equities_daily_adjclose_2016_2026.csv";
    private const string Btc = "btc_usd_daily_ohlcv_2014_2026.csv";
    private const string Gspc = "index_gspc_daily_ohlcv_2016_2026.csv";
    private static readonly DateOnly EventDay = new(2026, 5, 26);
    private static readonly Lazy<EquityPrices> Prices = new(() => EquityPriceCsv.ParseFile(SharedData.Require(Equities)).ValueOrThrow());

    private static TimeSeries Series(string ticker) => Prices.Value.Find(ticker)!;

    [RealDataFact(Equities)]
    public void DayReturn_Wulf26May2026_RoseAboutTenPercentCloseToClose()
    {
        // Data: 22 May close 22.820000 → 26 May 25.180000 (25 May Memorial Day) ⇒ +10.34 %. The article's +17 % is intraday
        // ("up to"); the close-to-close gain is +10.34 %.
        var r = Returns.Day(Series("WULF"), EventDay);
        output.WriteLine($"WULF 2026-05-26: {r.Simple:P2} ({r.FromDate}: {r.FromPrice} -> {r.ToPrice})");

        Assert.Equal(new DateOnly(2026, 5, 22), r.FromDate);
        Assert.Equal((25.18 / 22.82) - 1, r.Simple, 6);
    }

    [RealDataTheory(Equities)]
    // Hand: HUT 112.540001/105.900002 − 1 = +6.27 %; IREN 59.779999/56.830002 − 1 = +5.19 %; RIOT 26.08/24.49 − 1 = +6.49 %.
    [InlineData("HUT", 105.900002, 112.540001)]
    [InlineData("IREN", 56.830002, 59.779999)]
    [InlineData("RIOT", 24.490000, 26.080000)]
    public void DayReturn_MinersOn26May2026_ClosedMoreThanFivePercentHigher(string ticker, double previous, double close)
    {
        var r = Returns.Day(Series(ticker), EventDay);
        output.WriteLine($"{ticker} 2026-05-26: {r.Simple:P2}");

        Assert.Equal((close / previous) - 1, r.Simple, 6);
        Assert.True(r.Simple > 0.05, $"{ticker} rose {r.Simple:P2}, the article says >5 %");
    }

    [RealDataFact(Equities)]
    public void SemiconductorProxies_26May2026_BracketTheArticlesSox()
    {
        // ^SOX is not in the data (data README §6): SOXX and SMH are the proxies.
        // Day: SOXX 569.819458/537.075012 − 1 = +6.10 % (within 1 pp of SOX +5.6 %); SMH 602.140015/576.320007 − 1 = +4.48 % (within 1.5 pp).
        // YTD from the 31 Dec 2025 close: SOXX 569.819458/300.821716 − 1 = +89.4 %, SMH 602.140015/360.130005 − 1 = +67.2 %: neither is within
        // a few points of "~+77 %"; they bracket it, which is what is asserted (SOXX is equal-weight-capped, SMH cap-weighted).
        var soxxDay = Returns.Day(Series("SOXX"), EventDay).Simple;
        var smhDay = Returns.Day(Series("SMH"), EventDay).Simple;
        var soxxYtd = Returns.YearToDate(Series("SOXX"), EventDay);
        var smhYtd = Returns.YearToDate(Series("SMH"), EventDay);
        output.WriteLine($"SOXX day {soxxDay:P2} YTD {soxxYtd.Simple:P2}; SMH day {smhDay:P2} YTD {smhYtd.Simple:P2}");

        Assert.Equal(new DateOnly(2025, 12, 31), soxxYtd.FromDate);
        Assert.Equal((569.819458 / 537.075012) - 1, soxxDay, 6);
        Assert.InRange(soxxDay, 0.056 - 0.01, 0.056 + 0.01);
        Assert.InRange(smhDay, 0.056 - 0.015, 0.056 + 0.015);
        Assert.Equal((569.819458 / 300.821716) - 1, soxxYtd.Simple, 6);
        Assert.Equal((602.140015 / 360.130005) - 1, smhYtd.Simple, 6);
        Assert.True(smhYtd.Simple < 0.77 && soxxYtd.Simple > 0.77);
    }

    [RealDataFact(Gspc)]
    public void Gspc_26May2026_RecordCloseAbove7500()
    {
        // Article: "S&P 500 record >7,500". Data: 7,519.1201 on 26 May 2026, the highest close so far.
        var gspc = EquityPriceCsv.ParseFile(SharedData.Require(Gspc), "^GSPC", "index points").ValueOrThrow().Series[0];
        var i = Returns.IndexOf(gspc, EventDay);

        Assert.Equal(7519.1201, gspc.Values[i], 4);
        Assert.Equal(gspc.Values[..(i + 1)].ToArray().Max(), gspc.Values[i]);
    }

    [RealDataFact(Equities)]
    public void EventStudy_MinersVsSoxx26May2026_PositiveAbnormalReturnForWulf()
    {
        // Market model on [−250, −11] against SOXX; WULF's day-0 AR = r − (α + β·r_SOXX). With β > 1 much of the +10.3 % is the
        // semiconductor move itself; the assertion is only the sign of WULF's AR and that the maths holds: AR = r − α − β·r_m.
        foreach (var t in new[] { "WULF", "HUT", "IREN", "RIOT" })
        {
            var e = EventStudy.Run(Series(t), Series("SOXX"), EventDay, new EventWindow(-250, -11, 0, 0));
            output.WriteLine($"{t} vs SOXX: r {e.EventDay.Return:P2}, beta {e.Fit.Beta:F2}, AR {e.EventDay.Abnormal:P2}, CAR[0,0] {e.Car:P2}, t {e.TStat:F2}");
            Assert.Equal(e.EventDay.Return - e.Fit.Alpha - (e.Fit.Beta * e.EventDay.BenchmarkReturn), e.EventDay.Abnormal, 12);
            Assert.Equal(240, e.Fit.Count);
            if (t == "WULF")
            {
                Assert.True(e.EventDay.Abnormal > 0);
            }
        }
    }

    [RealDataFact(Btc)]
    public void Beta_MinersVsBtcAndSoxx_OneYearDailyReturnsArePositive()
    {
        // Betas from a direct OLS of daily simple returns on dates both traded. BTC data ends 2026-02-03, so the BTC window is
        // 2025-02-04..2026-02-03; SOXX and SPY use 2025-05-27..2026-05-26. Printed for the report; asserted only to be positive and
        // below 5 (miners are high-beta to both), since no published beta exists to check them against.
        var btc = EquityPriceCsv.ParseFile(SharedData.Require(Btc), "BTC").ValueOrThrow().Series[0];
        foreach (var t in new[] { "WULF", "HUT", "IREN", "RIOT", "CIFR", "CORZ", "CLSK", "MARA", "APLD", "BTDR" })
        {
            var vsBtc = PairedReturns.From(Series(t), btc).Between(new DateOnly(2025, 2, 4), new DateOnly(2026, 2, 3));
            var vsSoxx = PairedReturns.From(Series(t), Series("SOXX")).Between(new DateOnly(2025, 5, 27), EventDay);
            var vsSpy = PairedReturns.From(Series(t), Series("SPY")).Between(new DateOnly(2025, 5, 27), EventDay);
            var b = Regression.Ols(vsBtc.BenchmarkReturns, vsBtc.AssetReturns);
            var s = Regression.Ols(vsSoxx.BenchmarkReturns, vsSoxx.AssetReturns);
            var p = Regression.Ols(vsSpy.BenchmarkReturns, vsSpy.AssetReturns);
            output.WriteLine($"{t}: beta BTC {b.Beta:F2} (corr {b.Correlation:F2}, n {b.Count}); beta SOXX {s.Beta:F2} (corr {s.Correlation:F2}, n {s.Count}); beta SPY {p.Beta:F2} (corr {p.Correlation:F2})");
            Assert.InRange(b.Beta, 0, 5);
            Assert.InRange(s.Beta, 0, 5);
        }
    }
}
