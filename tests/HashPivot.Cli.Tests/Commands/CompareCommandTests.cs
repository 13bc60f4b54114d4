namespace HashPivot.Cli.Tests.Commands;

public class CompareCommandTests
{
    [Fact]
    public void Compare_SamplePortfolio_MatchesHandCalculationForPermianSite()
    {
        var run = CliRunner.Run("compare", CliRunner.Sample("portfolio.yaml"), "--json");

        Assert.Equal(0, run.Exit);
        var json = run.Json();

        // Hashprice at the sample's snapshot (domain.md §1.3 June 2026: D = 124.93T, P = $60,000, S + F = 3.155):
        // 1e15·86,400 / (1.2493e14 · 2^32) · 3.155 · 60,000 = 30.48 USD/PH/day ("high-$20s"–$30.5 in the primer's check).
        Assert.Equal(30.48, json.GetProperty("network").GetProperty("hashprice_usd_per_ph_day").GetDouble(), 2);

        var permian = json.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Permian PPA");
        var mining = permian.GetProperty("mining");

        // Fleet by hand (domain.md §2.1): 40,000 × S21 XP (270 TH/s, 3,645 W) + 25,000 × S19 XP (140 TH/s, 3,010 W)
        // = 14,300,000 TH/s = 14,300 PH/s; ASIC power 145.8 + 75.25 = 221.05 MW; × 1.06 overhead = 234.313 MW.
        Assert.Equal(14_300, mining.GetProperty("hashrate_ph_s").GetDouble(), 6);
        Assert.Equal(234.313, permian.GetProperty("mining_load_mw").GetDouble(), 3);

        // Revenue/day = 14,300 PH/s × 30.4807 × 0.86 uptime × 0.98 after pool fee = 367,353 USD.
        var hashprice = 1e15 * 86_400 / (1.2493e14 * 4_294_967_296d) * 3.155 * 60_000;
        var revenue = 14_300 * hashprice * 0.86 * 0.98;
        Assert.Equal(revenue, mining.GetProperty("revenue_usd_per_day").GetDouble(), 3);

        // Power/day = 234.313 MW × 24 h × 0.86 × $32/MWh = 154,768 USD.
        Assert.Equal(234.313 * 24 * 0.86 * 32, mining.GetProperty("power_cost_usd_per_day").GetDouble(), 3);

        // Strike = revenue per MWh while hashing = 14,300 × HP × 0.98 / (234.313 × 24) ≈ 75.96 USD/MWh.
        Assert.Equal(14_300 * hashprice * 0.98 / (234.313 * 24), mining.GetProperty("strike_price_usd_per_mwh").GetDouble(), 6);
    }

    [Fact]
    public void Compare_SamplePortfolio_LeaseEconomicsFollowDocumentedTerms()
    {
        var json = CliRunner.Run("compare", CliRunner.Sample("portfolio.yaml"), "--json").Json();
        var site = json.GetProperty("sites")[0];
        var lease = site.GetProperty("lease");

        // $150/kW-month × 1,000 kW × 12 × 0.75 MW IT per grid MW = $1.35M per grid MW-year; NOI 85 % = $1.1475M;
        // capex $9.5M × 0.75 = $7.125M ⇒ payback 7.125 / 1.1475 = 6.21 years (domain.md §3.4: "~6–7-yr unlevered payback").
        Assert.Equal(1_350_000, lease.GetProperty("revenue_usd_per_mw_year").GetDouble(), 6);
        Assert.Equal(1_147_500, lease.GetProperty("margin_usd_per_mw_year").GetDouble(), 6);
        Assert.Equal(6.209, lease.GetProperty("simple_payback_years").GetDouble(), 3);
    }

    [Fact]
    public void Compare_GridExposedSite_CurtailsHoursAboveItsStrike()
    {
        var json = CliRunner.Run("compare", CliRunner.Sample("portfolio.yaml"), "--json").Json();
        var site = json.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "North Hub merchant");
        var mining = site.GetProperty("mining");

        // Independent of the parser: read the sample CSV by hand and add the site's 12 USD/MWh adder.
        var prices = File.ReadLines(CliRunner.Sample("synthetic/grid_prices_hourly_2024_synthetic.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) + 12).ToArray();
        Assert.Equal(prices.Average(), site.GetProperty("power_price").GetProperty("average_usd_per_mwh").GetDouble(), 9);

        // Strike by hand: 25,000 × S21 (200 TH/s, 3,500 W) + 6,000 × S19j Pro (100 TH/s, 3,050 W) = 5,600 PH/s and
        // (87.5 + 18.3) MW × 1.08 = 114.264 MW; strike = 5,600 × HP × 0.98 / (114.264 × 24).
        var hashprice = json.GetProperty("network").GetProperty("hashprice_usd_per_ph_day").GetDouble();
        var strike = 5_600 * hashprice * 0.98 / (114.264 * 24);
        Assert.Equal(strike, mining.GetProperty("strike_price_usd_per_mwh").GetDouble(), 6);
        var run = prices.Where(p => p <= strike).ToArray();
        Assert.Equal((double)run.Length / prices.Length, mining.GetProperty("run_share").GetDouble(), 12);
        Assert.True(run.Length < prices.Length, "a grid-exposed site must curtail some hours");

        // Power per day = MW × 24 × uptime 0.95 × run share × mean price when running.
        var cost = 114.264 * 24 * 0.95 * ((double)run.Length / prices.Length) * run.Average();
        Assert.Equal(cost, mining.GetProperty("power_cost_usd_per_day").GetDouble(), 6);
    }

    [Fact]
    public void Compare_HalfLeasedSite_ReportsAiDeploymentAndHeadroom()
    {
        var json = CliRunner.Run("compare", CliRunner.Sample("portfolio.yaml"), "--json").Json();
        var site = json.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Plains half-leased");

        Assert.Equal(125, site.GetProperty("ai_load_mw").GetDouble());
        // 20,000 × 5,360 W = 107.2 MW × 1.05 = 112.56 MW mining; 250 − 125 − 112.56 = 12.44 MW headroom.
        Assert.Equal(12.44, site.GetProperty("headroom_mw").GetDouble(), 6);
        var deployment = site.GetProperty("ai_deployments")[0];
        // $154 × 1,000 × 12 × 0.8 IT share × 125 MW = $184.8M/year rent.
        Assert.Equal(184_800_000, deployment.GetProperty("revenue_usd_per_year").GetDouble(), 3);
    }

    [Fact]
    public void Compare_PortfolioWithThreeProblems_ExitsTwoWithOneLocatedMessageEach()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hashpivot-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            network:
              btc_price_usd: 60000
              difficulty: 1.2493e14
              height: 953568
            sites:
              - name: Broken
                market: ERCOT
                interconnection_mw: -50
                power:
                  fixed_usd_per_mwh: 30
              - market: ERCOT
                interconection_mw: 10
                power:
                  fixed_usd_per_mwh: 30
            """);
        try
        {
            var run = CliRunner.Run("compare", path);

            Assert.Equal(2, run.Exit);
            Assert.Equal("", run.Out);
            var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.Contains($"{path}:8:", StringComparison.Ordinal) && l.Contains("sites[0].interconnection_mw", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains($"{path}:11:", StringComparison.Ordinal) && l.Contains("sites[1].name", StringComparison.Ordinal) && l.Contains("missing", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains($"{path}:12:", StringComparison.Ordinal) && l.Contains("sites[1].interconection_mw", StringComparison.Ordinal) && l.Contains("did you mean 'interconnection_mw'", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Compare_MissingFile_ExitsTwoNamingTheFile()
    {
        var run = CliRunner.Run("compare", "/nonexistent/portfolio.yaml");

        Assert.Equal(2, run.Exit);
        Assert.Contains("/nonexistent/portfolio.yaml", run.Err, StringComparison.Ordinal);
    }
}
