using System.Globalization;
using System.Text;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Tests.Csv.Grid;

// Expected figures come from ../shared/data/README.md (sections 3–5) unless a comment says otherwise.
public class GridPriceCsvRealDataTests
{
    private const string Dam = "ercot_dam_spp_hourly_2021_2024.csv";
    private const string Rt = "ercot_rt_lmp_15min_hubs_2024.csv";
    private const string Caiso = "caiso_rt_lmp_hourly_zones_2023_2024.csv";

    [RealDataFact(Dam)]
    public void ParseFile_ErcotDamWide_FifteenContinuousSeriesWithUriPeak()
    {
        var r = GridPriceCsv.ParseFile(SharedData.Require(Dam));

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(15, r.Value.Series.Count); // 7 hubs + 8 load zones
        Assert.All(r.Value.Series, s => Assert.Equal(35_064, s.Count));
        var north = r.Value.Find("HB_NORTH")!;
        Assert.Equal(TimeSpan.FromHours(1), north.Interval);
        Assert.True(InstantAudit.Audit(north.StartsUnixSeconds, north.Interval).IsClean);
        // Winter Storm Uri: HE6 on 2021-02-17 (CST) covers 05:00–06:00 local = 11:00Z.
        var uri = new DateTimeOffset(2021, 2, 17, 11, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var index = north.StartsUnixSeconds.IndexOf(uri);
        Assert.Equal(8_998.99, north.Values[index]);
        Assert.Equal(8_998.99, SeriesStatistics.Summarize(north, 5_000).Max);
    }

    [RealDataFact(Dam)]
    public void Parse_ErcotLongRebuiltFor2021DstDays_MatchesWideFileUtcInstants()
    {
        // Rebuild the long layout ERCOT publishes from the wide file's local labels (delivery_date,
        // hour_ending, repeated_hour_flag), then check our local→UTC conversion lands on the UTC column.
        var lines = File.ReadAllLines(SharedData.Require(Dam));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var (utc, date, he, flag, north, west) = (Col("interval_start_utc"), Col("delivery_date"), Col("hour_ending"), Col("repeated_hour_flag"), Col("HB_NORTH"), Col("HB_WEST"));

        foreach (var (day, hours) in new[] { ("2021-03-14", 23), ("2021-11-07", 25) })
        {
            var rows = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[date] == day).ToList();
            var text = new StringBuilder(ErcotText.DamHeader).Append('\n');
            foreach (var f in rows)
            {
                var local = DateOnly.ParseExact(f[date], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var (point, col) in new[] { ("HB_NORTH", north), ("HB_WEST", west) })
                {
                    text.Append(CultureInfo.InvariantCulture, $"{local:MM/dd/yyyy},{int.Parse(f[he], CultureInfo.InvariantCulture):00}:00,{f[flag]},{point},{f[col]}\n");
                }
            }

            var r = GridPriceCsv.Parse(text.ToString(), $"long-{day}.csv");

            Assert.True(r.Success, string.Join("\n", r.Problems));
            var expectedInstants = rows.Select(f => DateTimeOffset.Parse(f[utc], CultureInfo.InvariantCulture).ToUnixTimeSeconds()).ToArray();
            foreach (var (point, col) in new[] { ("HB_NORTH", north), ("HB_WEST", west) })
            {
                var s = r.Value.Find(point)!;
                Assert.Equal(hours, s.Count);
                Assert.Equal(expectedInstants, s.StartsUnixSeconds.ToArray());
                Assert.Equal(rows.Select(f => double.Parse(f[col], CultureInfo.InvariantCulture)), s.Values.ToArray());
            }
        }
    }

    [RealDataFact(Rt)]
    public void ParseFile_ErcotRt15Min_HbWestStatisticsAndHourlyResample()
    {
        var r = GridPriceCsv.ParseFile(SharedData.Require(Rt));

        Assert.True(r.Success, string.Join("\n", r.Problems));
        Assert.Equal(7, r.Value.Series.Count);
        var west = r.Value.Find("HB_WEST")!;
        Assert.Equal(35_136, west.Count);          // 366 days × 96
        Assert.Equal(TimeSpan.FromMinutes(15), west.Interval);
        var stats = SeriesStatistics.Summarize(west, 1_000);
        Assert.Equal(27.45, Math.Round(stats.Mean, 2));
        Assert.Equal(-31.90, stats.Min);
        Assert.Equal(4_981.33, stats.Max);
        Assert.Equal(8_784, stats.HoursEquivalent); // 35,136 quarters = 8,784 h

        var hourly = Resampling.ToHourlyMean(west);

        Assert.Equal(8_784, hourly.Series.Count);
        Assert.Empty(hourly.IncompleteBuckets);
        // Resampling keeps the energy-weighted mean: equal-length buckets, so the means agree.
        Assert.Equal(stats.Mean, SeriesStatistics.Summarize(hourly.Series, 1_000).Mean, 9);
    }

    [RealDataFact(Caiso)]
    public void ParseFile_CaisoHourly_GapsAuditedNotRejected()
    {
        var r = GridPriceCsv.ParseFile(SharedData.Require(Caiso));

        Assert.True(r.Success, string.Join("\n", r.Problems));
        var np15 = r.Value.Find("NP15_LMP")!;
        Assert.Equal(15_802, np15.Count);
        Assert.Equal(TimeSpan.FromHours(1), np15.Interval);
        // 2023-01-01T08:00Z … 2025-01-01T07:00Z spans 17,544 hours, so 1,742 are missing.
        var audit = InstantAudit.Audit(np15.StartsUnixSeconds, np15.Interval);
        Assert.Equal(1_742, audit.Gaps.Sum(g => g.MissingCount));
        Assert.Empty(audit.Duplicates);
    }
}
