using HashPivot.Data.Portfolios;
using HashPivot.Engine.Compute;

namespace HashPivot.Data.Tests.Portfolios;

public sealed class PortfolioLoaderSampleTests
{
    private static readonly Engine.Sites.Portfolio Sample =
        new PortfolioLoader(new HashPivot.Data.Csv.Grid.GridPriceSeriesReader()).LoadFile(PortfolioYaml.SamplePath);

    [Fact]
    public void Load_SampleFile_HasFourSitesInFileOrder()
    {
        Assert.Equal(
            ["Permian PPA", "North Hub merchant", "Columbia hydro", "Plains half-leased"],
            Sample.Sites.Select(s => s.Name));
        Assert.Equal(["ERCOT", "ERCOT", "BC Hydro contract", "ERCOT"], Sample.Sites.Select(s => s.Market));
        Assert.Equal([300.0, 120.0, 160.0, 250.0], Sample.Sites.Select(s => s.Interconnection.Value));
        // The grid-exposed site prices power from the synthetic hourly year plus its 12 USD/MWh adder; averaged by hand here.
        var seriesPath = Path.Combine(Path.GetDirectoryName(PortfolioYaml.SamplePath)!, "synthetic", "grid_prices_hourly_2024_synthetic.csv");
        var seriesMean = File.ReadLines(seriesPath).Skip(1).Average(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([32.0, seriesMean + 12, 38.0, 35.0], Sample.Sites.Select(s => s.Power.Average.Value), new ToleranceComparer(1e-9));
    }

    [Fact]
    public void Load_SampleFile_ReadsNetworkSnapshot()
    {
        // samples/portfolio.yaml lines 6–9.
        Assert.Equal(60_000, Sample.Network.BtcPrice.Value);
        Assert.Equal(1.2493e14, Sample.Network.Difficulty);
        Assert.Equal(3_000_000, Sample.Network.FeesPerBlock.Satoshis);
        Assert.Equal(953_568, Sample.Network.Height);
    }

    [Fact]
    public void Load_SampleFile_ReadsFleetModelsCountsAndSiteSettings()
    {
        Assert.Equal(
            [
                [("s21-xp", 40_000), ("s19-xp", 25_000)],
                [("s21", 25_000), ("s19j-pro", 6_000)],
                [("s21-pro", 40_000)],
                [("s21-hyd", 20_000)],
            ],
            Sample.Sites.Select(s => s.Fleet.Units.Select(u => (u.Model.Id, u.Count)).ToArray()).ToArray());
        Assert.Equal([0.06, 0.08, 0.05, 0.05], Sample.Sites.Select(s => s.Fleet.OverheadShare));
        Assert.Equal([0.86, 0.95, 0.97, 0.9], Sample.Sites.Select(s => s.Fleet.Uptime));

        // Only the first site sets a pool fee; the others take OfferDefaults.PoolFee (also 0.02, so check the sites that say nothing too).
        Assert.All(Sample.Sites, s => Assert.Equal(0.02, s.Fleet.PoolFee));
    }

    [Fact]
    public void Load_SampleFile_HalfLeasedSiteOverridesLeaseTermsAndInheritsTheRest()
    {
        var site = Sample.Sites[3];
        var deployment = Assert.Single(site.Deployments);
        Assert.Equal("Neocloud tenant (Fluidstack-style lease)", deployment.Name);
        Assert.Equal(125, deployment.GridMw.Value);
        Assert.Null(deployment.Cloud);
        var lease = Assert.IsType<ColocationLease>(deployment.Lease);

        // Set on the deployment (sample lines 86–89).
        Assert.Equal(154, lease.RentPerKwMonth.Value);
        Assert.Equal(0.8, lease.ItShareOfGross);
        Assert.Equal(0.85, lease.NoiMargin);
        Assert.Equal(10, lease.TermYears);

        // Not set on the deployment: inherited from offers.lease (sample lines 12–18), discount rate from the record's default.
        Assert.Equal(0.02, lease.AnnualEscalator);
        Assert.Equal(9_500_000, lease.CapexPerMwIt.Value);
        Assert.Equal(0.10, lease.DiscountRate);

        // The site's own offer is the file's default, untouched by the deployment's override.
        Assert.Equal(150, site.LeaseOffer.RentPerKwMonth.Value);
        Assert.Equal(0.75, site.LeaseOffer.ItShareOfGross);
    }

    [Fact]
    public void Load_OverridesAtEveryLevel_EachLevelInheritsFromTheOneAbove()
    {
        // offers.lease → site lease_offer → ai lease; every value differs from OfferDefaults so inheritance is visible.
        const string Yaml = """
            network:
              btc_price_usd: 60000
              difficulty: 1.2e14
              height: 950000
            offers:
              lease:
                escalator: 0.03
                capex_usd_per_mw_it: 8000000
              gpu_cloud:
                usd_per_gpu_hour: 3.1
            sites:
              - name: A
                market: ERCOT
                interconnection_mw: 100
                power:
                  fixed_usd_per_mwh: 40
                lease_offer:
                  term_years: 15
                  pue: 1.25
                gpu_cloud_offer:
                  utilisation: 0.7
                ai:
                  - name: tenant
                    mw: 20
                    lease:
                      rent_usd_per_kw_month: 170
                  - name: own GPUs
                    mw: 10
                    gpu_cloud:
                      grid_kw_per_gpu: 2.0
            """;
        var site = Assert.Single(new PortfolioLoader().Load(Yaml, PortfolioYaml.FileName, PortfolioYaml.BaseDirectory).Sites);

        Assert.Equal((150.0, 0.8, 0.03, 15, 8_000_000.0), Terms(site.LeaseOffer));          // pue 1.25 ⇒ IT share 1 / 1.25 = 0.8
        Assert.Equal((170.0, 0.8, 0.03, 15, 8_000_000.0), Terms(site.Deployments[0].Lease!));
        Assert.Equal((3.1, 2.2, 0.7), CloudTerms(site.CloudOffer));
        Assert.Equal((3.1, 2.0, 0.7), CloudTerms(site.Deployments[1].Cloud!));
        Assert.Equal(OfferDefaults.Cloud.CapexPerGpu, site.Deployments[1].Cloud!.CapexPerGpu);

        static (double, double, double, int, double) Terms(ColocationLease l) =>
            (l.RentPerKwMonth.Value, l.ItShareOfGross, l.AnnualEscalator, l.TermYears, l.CapexPerMwIt.Value);

        static (double, double, double) CloudTerms(GpuCloud c) => (c.PricePerGpuHour, c.GridKwPerGpu, c.Utilisation);
    }

    [Fact]
    public void Load_NoFleetNoOffers_TakesOfferDefaults()
    {
        var site = Assert.Single(new PortfolioLoader().Load(PortfolioYaml.Minimal, PortfolioYaml.FileName, PortfolioYaml.BaseDirectory).Sites);
        Assert.Empty(site.Fleet.Units);
        Assert.Equal(OfferDefaults.OverheadShare, site.Fleet.OverheadShare);
        Assert.Equal(OfferDefaults.Lease, site.LeaseOffer);
        Assert.Equal(OfferDefaults.Cloud, site.CloudOffer);
    }

    [Fact]
    public void LoadFile_MissingFile_ReportsFileProblemAtLineZero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hashpivot-missing-{Guid.NewGuid():N}.yaml");
        var ex = Assert.Throws<global::HashPivot.Data.Validation.InputException>(() => new PortfolioLoader().LoadFile(path));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal((path, 0, 0, "(file)"), (problem.File, problem.Line, problem.Column, problem.Field));
        Assert.StartsWith("cannot read", problem.Message, StringComparison.Ordinal);
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
