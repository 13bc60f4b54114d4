using HashPivot.Data.Dispatch;
using HashPivot.Data.Validation;
using HashPivot.Engine.Series;
using HashPivot.Engine.Units;

namespace HashPivot.Data.Tests.Dispatch;

public sealed class DispatchSiteLoaderTests
{
    private const string File = "site.yaml";

    private static string SamplePath => Path.Combine(Path.GetDirectoryName(Portfolios.PortfolioYaml.SamplePath)!, "dispatch-site.yaml");

    [Fact]
    public void LoadFile_Sample_ReadsEverySection()
    {
        var site = DispatchSiteLoader.LoadFile(SamplePath);

        Assert.Equal(250, site.CapMw);
        Assert.Equal(60_000, site.BtcPrice!.Value.Value);
        Assert.Equal([60.0], site.Ai!.ProfileMw.ToArray());
        Assert.Equal(154, site.Ai.Revenue.Value);
        Assert.Equal(["s21-xp", "s19-xp"], site.Tiers.Select(t => t.Name));

        // domain.md §2.1: S21 XP 3,645 W / 270 TH/s = 13.5 J/TH; S19 XP 3,010 W / 140 TH/s = 21.5 J/TH.
        Assert.Equal(13.5, site.Tiers[0].Efficiency.Value, 9);
        Assert.Equal(21.5, site.Tiers[1].Efficiency.Value, 9);
        Assert.Equal([0.0, 40, 80, 120], site.Tiers[0].PowerStepsMw.ToArray());
        Assert.Equal(2, site.Tiers[0].MinOnIntervals);
        Assert.Equal(80, site.Tiers[0].RampLimitMwPerInterval);
        Assert.Equal(double.PositiveInfinity, site.Tiers[1].RampLimitMwPerInterval);
        Assert.Equal(150, site.Supply.PpaBlockMw);
        Assert.Equal(9.62, site.ReservePriceUsdPerMwh);
        Assert.Equal(4, site.FourCp!.Instants.Length);
        Assert.Equal(new DateTimeOffset(2024, 8, 20, 21, 45, 0, TimeSpan.Zero), site.FourCp.Instants[2]);
        Assert.Equal(0.87, site.Battery!.RoundTripEfficiency);
        Assert.Equal(1, site.Battery.StepMwh);
    }

    [Fact]
    public void ToProblem_ReserveWithQualifiedMwAndDeployments_MapsInstantsToIntervals()
    {
        const string Yaml = """
            cap_mw: 50
            tiers:
              - name: a
                efficiency_j_per_th: 20
                steps_mw: [0, 10]
            reserve:
              price_usd_per_mw_h: 5
              qualified_mw: 8
              deployment_payment_usd_per_mwh: 100
              deployments: [2024-01-01T01:30:00Z]
            """;
        var site = DispatchSiteLoader.Load(Yaml, File);
        var prices = HashPivot.Engine.Series.TimeSeries.FromInstants("p", "USD/MWh", TimeSpan.FromHours(1),
            [new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.Zero)], [20.0, 30.0]);

        var problem = site.ToProblem(prices, new HashPivot.Engine.Units.UsdPerPetahashDay(40), []);

        // 01:30 lies in the second hourly interval [01:00, 02:00).
        Assert.Equal(8, problem.DemandResponse!.QualifiedMw);
        Assert.Equal([1], problem.DemandResponse.DeploymentIntervals.ToArray());
        Assert.Equal(100, problem.DemandResponse.DeploymentPayment.Value);
        Assert.Equal([5.0, 5.0], problem.ReservePricesUsdPerMwh.ToArray());
    }

    [Fact]
    public void Load_MisspeltKeysAndBadValues_ReportsEveryProblemLocated()
    {
        const string Yaml = """
            cap_mw: -5
            tiers:
              - name: a
                model: s99
                steps_mw: [5, 10]
              - name: b
                efficiency_j_per_th: 20
                model: s21
                steps_mw: [0, x]
            supply:
              ppa_mw: 10
            four_cp:
              rate_usd_per_kw_year: 100
              intervals: [2024-07-01T17:00:00-05:00]
            batery: {}
            """;

        var ex = Assert.Throws<InputException>(() => DispatchSiteLoader.Load(Yaml, File));

        var found = ex.Problems.Select(p => (p.Line, p.Field)).ToList();
        Assert.Equal(
            [
                (1, "cap_mw"), (4, "tiers[0].model"), (5, "tiers[0].steps_mw"), (6, "tiers[1]"), (9, "tiers[1].steps_mw[1]"),
                (11, "supply.ppa_usd_per_mwh"), (14, "four_cp.intervals[0]"), (15, "batery"),
            ],
            found);
        Assert.Contains("did you mean 'battery'", ex.Problems[^1].Message, StringComparison.Ordinal);
        Assert.All(ex.Problems, p => Assert.True(p.Column > 0, p.ToString()));
    }

    [Fact]
    public void ToProblem_ProfileListOfWrongLength_ReportsAtTheList()
    {
        const string Yaml = """
            cap_mw: 50
            ai:
              profile_mw: [10, 20, 30]
              revenue_usd_per_mwh: 100
            tiers:
              - name: a
                efficiency_j_per_th: 20
                steps_mw: [0, 10]
            """;
        var site = DispatchSiteLoader.Load(Yaml, File);
        var prices = new TimeSeries("p", "USD/MWh", TimeSpan.FromHours(1), [0, 3600], [10.0, 20.0]);

        var ex = Assert.Throws<InputException>(() => site.ToProblem(prices, new UsdPerPetahashDay(40), []));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal((3, 15, "ai.profile_mw"), (problem.Line, problem.Column, problem.Field));
        Assert.Contains("3 values but the prices have 2 intervals", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToProblem_ConstantProfile_RepeatsPerIntervalAndPlacesFourCpPeaks()
    {
        const string Yaml = """
            cap_mw: 50
            ai:
              profile_mw: 12
              revenue_usd_per_mwh: 100
            tiers:
              - name: a
                efficiency_j_per_th: 20
                steps_mw: [0, 10]
            reserve:
              price_usd_per_mw_h: 3
            four_cp:
              rate_usd_per_kw_year: 80
              intervals: [1970-01-01T01:45:00Z]
            """;
        var prices = new TimeSeries("p", "USD/MWh", TimeSpan.FromHours(1), [0, 3600, 7200], [10.0, 20.0, 30.0]);

        var problem = DispatchSiteLoader.Load(Yaml, File).ToProblem(prices, new UsdPerPetahashDay(40), []);

        Assert.Equal([12.0, 12, 12], problem.Ai!.ProfileMw.ToArray());
        Assert.Equal([3.0, 3, 3], problem.ReservePricesUsdPerMwh.ToArray());
        Assert.Equal([1], problem.FourCp!.Intervals.ToArray()); // 01:45 lies in the hour starting 01:00
        Assert.Equal(80, problem.FourCp.RateUsdPerKwYear);
        problem.Validate();
    }
}
