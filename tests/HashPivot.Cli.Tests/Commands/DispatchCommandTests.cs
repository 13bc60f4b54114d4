using HashPivot.Data.Csv.Grid;

namespace HashPivot.Cli.Tests.Commands;

public sealed class DispatchCommandTests : IDisposable
{
    private const string SyntheticPrices = "synthetic/grid_prices_hourly_2024_synthetic.csv";

    private readonly string _dir = Directory.CreateTempSubdirectory("hashpivot-dispatch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Four hours: cheap, mid, negative, at the ERCOT offer cap (domain.md §4.4: $5,000/MWh).
    private string FourHourPrices() => Write("prices.csv",
        "timestamp,value\n2024-01-01T00:00:00Z,20\n2024-01-01T01:00:00Z,80\n2024-01-01T02:00:00Z,-10\n2024-01-01T03:00:00Z,5000\n");

    [Fact]
    public void PricesNeitherFileNorDataset_WithoutAStoreYet_Exits2_AndCreatesNoStore()
    {
        // A separate process with its own XDG_DATA_HOME: the default store must stay absent after a failed look-up (it used to be
        // created empty just to find nothing in it).
        var data = Path.Combine(Path.GetTempPath(), "hashpivot-lookup-" + Guid.NewGuid().ToString("N"));
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "hashpivot.dll"), "dispatch", "--prices", "/nonexistent/prices.csv", "--hashprice", "45", "--fleet-mw", "100", "--fleet-jth", "17.5" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["XDG_DATA_HOME"] = data;
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("/nonexistent/prices.csv", error, StringComparison.Ordinal);
        Assert.Contains("--prices", error, StringComparison.Ordinal);
        Assert.Contains("no store at " + Path.Combine(data, "hashpivot", "hashpivot.db"), error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data), "the failed look-up created the default store");
    }

    [Fact]
    public void Dispatch_QuickFormFourHours_MatchesHandCalculation()
    {
        var run = CliRunner.Run("dispatch", "--prices", FourHourPrices(), "--hashprice", "40", "--fleet-mw", "10", "--fleet-jth", "20",
            "--btc-price", "50000", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();

        // Fleet: 10 MW × 1000 / 20 J/TH = 500 PH/s; at $40/PH/day it earns 40 × 500 / 24 = $833.33 per hour at full
        // power, i.e. 40 × 500 / (10 × 24) = $83.33 per MWh. It runs at 20, 80 and −10 and curtails the $5,000 hour.
        Assert.Equal(4, json.GetProperty("intervals").GetInt32());
        Assert.Equal(30, json.GetProperty("mined_mwh").GetDouble(), 9);
        Assert.Equal(3 * 40 * 500 / 24.0, json.GetProperty("mining_revenue_usd").GetDouble(), 9);   // $2,500
        Assert.Equal(10 * (20 + 80 - 10), json.GetProperty("energy_cost_usd").GetDouble(), 9);       // $900
        Assert.Equal(2_500 - 900, json.GetProperty("margin_usd").GetDouble(), 9);                    // $1,600
        Assert.Equal(2_500 / 50_000.0, json.GetProperty("mined_btc").GetDouble(), 12);               // 0.05 BTC
        Assert.Equal(1, json.GetProperty("curtailed_hours").GetProperty("fleet").GetDouble(), 9);
        Assert.Equal(0, json.GetProperty("power_credits_usd").GetDouble(), 9);
        Assert.Equal(0, json.GetProperty("reserve_revenue_usd").GetDouble(), 9);

        // The break-even strike ($83.33) makes the same choice here, so the rule earns the optimum.
        Assert.Equal(1_600, json.GetProperty("rule_margin_usd").GetDouble(), 9);
        Assert.Equal("fast-dp", json.GetProperty("solver").GetString());
        Assert.Equal("optimal", json.GetProperty("status").GetString());
        Assert.Equal(0, json.GetProperty("gap").GetDouble());
        Assert.True(json.GetProperty("solve_ms").GetDouble() >= 0);
    }

    [Fact]
    public void Dispatch_QuickFormWithPpa_ResellsCurtailedHourAsCredits()
    {
        var run = CliRunner.Run("dispatch", "--prices", FourHourPrices(), "--hashprice", "40", "--fleet-mw", "10", "--fleet-jth", "20",
            "--ppa-mw", "10", "--ppa-usd-per-mwh", "30", "--adder-usd-per-mwh", "5", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();

        // The 10 MW block is paid every hour whatever is used: 4 × 10 × $30 = $1,200. Hours 1–3 use it all (nothing
        // bought above it, so the $5 adder never applies); the curtailed $5,000 hour resells 10 MWh × $5,000 = $50,000.
        Assert.Equal(1_200, json.GetProperty("energy_cost_usd").GetDouble(), 9);
        Assert.Equal(50_000, json.GetProperty("power_credits_usd").GetDouble(), 9);
        Assert.Equal(10, json.GetProperty("resold_mwh").GetDouble(), 9);
        Assert.Equal(2_500, json.GetProperty("mining_revenue_usd").GetDouble(), 9);
        Assert.Equal(2_500 + 50_000 - 1_200, json.GetProperty("margin_usd").GetDouble(), 9);         // $51,300
        Assert.Equal(1, json.GetProperty("curtailed_hours").GetProperty("fleet").GetDouble(), 9);
        Assert.True(json.GetProperty("mined_btc").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public void Dispatch_QuickFormCapBelowAiPlusFleet_MiningYieldsToFirmAi()
    {
        var run = CliRunner.Run("dispatch", "--prices", FourHourPrices(), "--hashprice", "40", "--fleet-mw", "10", "--fleet-jth", "20",
            "--ai-mw", "5", "--ai-usd-per-mwh", "100", "--cap-mw", "12", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();

        // 12 MW − 5 MW AI leaves 7 MW, below the fleet's only running preset (10 MW): mining never runs.
        // AI: 4 h × 5 MW × $100 = $2,000 revenue; its energy at market 5 × (20 + 80 − 10 + 5,000) = $25,450.
        Assert.Equal(0, json.GetProperty("mined_mwh").GetDouble(), 9);
        Assert.Equal(4, json.GetProperty("curtailed_hours").GetProperty("fleet").GetDouble(), 9);
        Assert.Equal(2_000, json.GetProperty("ai_revenue_usd").GetDouble(), 9);
        Assert.Equal(25_450, json.GetProperty("energy_cost_usd").GetDouble(), 9);
        Assert.Equal(2_000 - 25_450, json.GetProperty("margin_usd").GetDouble(), 9);
        Assert.Equal(0, json.GetProperty("sla_penalty_usd").GetDouble(), 9);
    }

    [Fact]
    public void Dispatch_HashpriceSeries_HeldUntilNextTimestamp()
    {
        // $40 from 00:00, $20 from 02:00 (a 2-hour series): revenue per MWh 83.33, 83.33, 41.67, 41.67.
        var hashprice = Write("hashprice.csv", "timestamp,value\n2024-01-01T00:00:00Z,40\n2024-01-01T02:00:00Z,20\n");
        var run = CliRunner.Run("dispatch", "--prices", FourHourPrices(), "--hashprice", hashprice, "--fleet-mw", "10", "--fleet-jth", "20", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();

        // Runs at 20 (≤ 83.33), 80 (≤ 83.33) and −10 (≤ 41.67); curtails 5,000. Revenue 10 × (83.33 + 83.33 + 41.67).
        var revenue = 10 * ((2 * RevenuePerMwh(40)) + RevenuePerMwh(20));
        Assert.Equal(revenue, json.GetProperty("mining_revenue_usd").GetDouble(), 9);
        Assert.Equal(revenue - 900, json.GetProperty("margin_usd").GetDouble(), 9);
    }

    [Theory]
    [InlineData("scip", "or-tools/SCIP")]
    [InlineData("cbc", "or-tools/CBC")]
    [InlineData("highs", "or-tools/HIGHS")]
    public void Dispatch_OrToolsSolver_AgreesWithHandCalculation(string solver, string name)
    {
        var run = CliRunner.Run("dispatch", "--prices", FourHourPrices(), "--hashprice", "40", "--fleet-mw", "10", "--fleet-jth", "20",
            "--ppa-mw", "10", "--ppa-usd-per-mwh", "30", "--solver", solver, "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();
        Assert.Equal(name, json.GetProperty("solver").GetString());
        Assert.Equal("optimal", json.GetProperty("status").GetString());
        Assert.Equal(51_300, json.GetProperty("margin_usd").GetDouble(), 6);
    }

    [Fact]
    public void Dispatch_SampleSiteOnSyntheticYear_BeatsRuleAndTotalsAddUp()
    {
        var run = CliRunner.Run("dispatch", CliRunner.Sample("dispatch-site.yaml"), "--prices", CliRunner.Sample(SyntheticPrices),
            "--hashprice", "30.5", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();
        double D(string key) => json.GetProperty(key).GetDouble();

        Assert.Equal(8_784, json.GetProperty("intervals").GetInt32()); // 2024 is a leap year
        Assert.Equal(60, D("interval_minutes"));

        // The margin is the documented sum of its parts.
        var parts = D("mining_revenue_usd") + D("ai_revenue_usd") + D("power_credits_usd") + D("reserve_revenue_usd") + D("deployment_payment_usd")
            - D("energy_cost_usd") - D("four_cp_charge_usd") - D("sla_penalty_usd");
        Assert.Equal(parts, D("margin_usd"), 3);

        // Optimisation never earns less than the strike-price rule on the same inputs.
        Assert.True(D("margin_usd") >= D("rule_margin_usd") - 1e-6, $"{D("margin_usd")} < rule {D("rule_margin_usd")}");

        // AI is firm and the 250 MW cap carries its 60 MW: 60 MW × 8,784 h served, no shortfall, $154/MWh.
        Assert.Equal(60 * 8_784, D("ai_served_mwh"), 6);
        Assert.Equal(60 * 8_784 * 154, D("ai_revenue_usd"), 3);
        Assert.Equal(0, D("sla_penalty_usd"), 9);

        // BTC mined = mining revenue ÷ the site's $60,000 BTC price.
        Assert.Equal(D("mining_revenue_usd") / 60_000, D("mined_btc"), 6);
        var curtailed = json.GetProperty("curtailed_hours");
        Assert.True(curtailed.GetProperty("s21-xp").GetDouble() >= 0);
        Assert.True(curtailed.GetProperty("s19-xp").GetDouble() > 0);

        // The battery's 1 MWh state-of-charge steps are part of the model (step_mwh), so the fast DP is exact for it.
        Assert.Equal("optimal", json.GetProperty("status").GetString());
        Assert.Equal(0, D("gap"));
    }

    [Fact]
    public void Dispatch_SiteWithThreeProblems_ExitsTwoWithOneLocatedMessageEach()
    {
        var site = Write("bad-site.yaml", """
            cap_mw: 100
            ai:
              profile_mw: 20
              revenue_usd_per_mwh: lots
            tiers:
              - name: main
                model: s21
                steps_mw: [0, 40, 30]
            battery:
              power_mw: 10
              energy_mwh: 20
              round_trip_efficiency: 1.5
            """);

        var run = CliRunner.Run("dispatch", site, "--prices", FourHourPrices(), "--hashprice", "40");

        Assert.Equal(2, run.Exit);
        Assert.Equal("", run.Out);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"error: {site}:4:24: ai.revenue_usd_per_mwh: expected a number", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"error: {site}:8:15: tiers[0].steps_mw: presets must be strictly increasing", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"error: {site}:12:26: battery.round_trip_efficiency: must be between 0.01 and 1", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_FourCpInstantOutsidePrices_ExitsTwoAtTheInstant()
    {
        var site = Write("cp-site.yaml", """
            cap_mw: 20
            tiers:
              - name: main
                efficiency_j_per_th: 20
                steps_mw: [0, 10]
            four_cp:
              rate_usd_per_kw_year: 100
              intervals: [2024-01-01T01:15:00Z, 2024-07-01T21:30:00Z]
            """);

        var run = CliRunner.Run("dispatch", site, "--prices", FourHourPrices(), "--hashprice", "40");

        Assert.Equal(2, run.Exit);
        Assert.StartsWith($"error: {site}:8:37: four_cp.intervals[1]: 2024-07-01T21:30:00Z is not inside any interval", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_FourCpPeakInsideHour_BillsImportAtThatHour()
    {
        var site = Write("cp-site.yaml", """
            cap_mw: 20
            tiers:
              - name: main
                efficiency_j_per_th: 20
                steps_mw: [0, 10]
            four_cp:
              rate_usd_per_kw_year: 100
              intervals: [2024-01-01T01:15:00Z]
            """);

        var json = CliRunner.Run("dispatch", site, "--prices", FourHourPrices(), "--hashprice", "40", "--json").Json();

        // The 01:15 peak falls in the $80 hour. Running there earns 10 × (83.33 − 80) = $33.33 but would cost
        // 10 MW × $100/kW-yr × 1000 / 4 = $250,000 of 4CP: the optimum curtails it, the rule (price only) does not.
        Assert.Equal(0, json.GetProperty("four_cp_charge_usd").GetDouble(), 9);
        Assert.Equal(2, json.GetProperty("curtailed_hours").GetProperty("main").GetDouble(), 9);
        var optimum = (2 * 10 * RevenuePerMwh(40)) - (10 * (20 - 10));
        Assert.Equal(optimum, json.GetProperty("margin_usd").GetDouble(), 9);
        Assert.Equal(optimum + (10 * (RevenuePerMwh(40) - 80)) - 250_000, json.GetProperty("rule_margin_usd").GetDouble(), 6);
    }

    [Fact]
    public void Dispatch_Out_WritesScheduleThatReadsBackAsSeries()
    {
        var schedule = Path.Combine(_dir, "schedule.csv");
        var prices = CliRunner.Sample(SyntheticPrices);
        var run = CliRunner.Run("dispatch", "--prices", prices, "--hashprice", "45", "--fleet-mw", "100", "--fleet-jth", "17.5",
            "--ppa-mw", "100", "--ppa-usd-per-mwh", "30", "--out", schedule, "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();
        Assert.Equal(schedule, json.GetProperty("schedule_path").GetString());
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp*")); // written atomically: no temporary left behind

        // The schedule is a wide CSV: the grid price parser reads every column back as a series.
        var back = GridPriceCsv.ParseFile(schedule).ValueOrThrow();
        var input = GridPriceCsv.ParseFile(prices).ValueOrThrow().Series[0];
        var price = back.Find("price_usd_per_mwh")!;
        Assert.Equal(input.Count, price.Count);
        Assert.Equal(input.StartsUnixSeconds.ToArray(), price.StartsUnixSeconds.ToArray());
        Assert.Equal(input.Values.ToArray(), price.Values.ToArray());

        double Sum(string column) => back.Find(column)!.Values.ToArray().Sum();
        Assert.Equal(json.GetProperty("mined_mwh").GetDouble(), Sum("mining_mw"), 6);       // hourly: MW × 1 h
        Assert.Equal(json.GetProperty("mined_mwh").GetDouble(), Sum("tier_fleet_mw"), 6);
        Assert.Equal(json.GetProperty("resold_mwh").GetDouble(), Sum("resold_mwh"), 6);
        Assert.Equal(json.GetProperty("import_mwh").GetDouble(), Sum("grid_import_mw"), 6);
        Assert.All(back.Find("mining_mw")!.Values.ToArray(), mw => Assert.True(mw is 0 or 100, $"{mw} is not a preset"));
        var header = File.ReadLines(schedule).First();
        Assert.Equal("interval_start_utc,price_usd_per_mwh,tier_fleet_mw,mining_mw,ai_mw,reserve_mw,shed_mw,grid_import_mw,resold_mwh,"
            + "battery_charge_mw,battery_discharge_mw,battery_soc_mwh", header);
    }

    [Theory]
    [InlineData("week.png")]
    [InlineData("week.svg")]
    public void Dispatch_Chart_WritesNonEmptyImage(string name) =>
        ChartAssert.Writes(name, ["dispatch", "--prices", CliRunner.Sample(SyntheticPrices), "--hashprice", "45", "--fleet-mw", "100",
            "--fleet-jth", "17.5", "--ai-mw", "40", "--week-start", "2024-08-19"], "Mining MW");

    [Theory]
    [InlineData("--fleet-mw", "10")]                                             // quick form half given
    [InlineData("--fleet-mw", "10", "--fleet-jth", "20", "--ppa-mw", "5")]      // block without its price
    [InlineData("--fleet-mw", "-1", "--fleet-jth", "20")]                       // negative MW
    [InlineData("--fleet-mw", "10", "--fleet-jth", "20", "--solver", "gurobi")] // unknown solver
    [InlineData("--fleet-mw", "10", "--fleet-jth", "20", "--chart", "week.jpg")]
    [InlineData("--fleet-mw", "10", "--fleet-jth", "20", "--week-start", "2024-08-19")]       // week without chart
    [InlineData("--fleet-mw", "10", "--fleet-jth", "20", "--chart", "w.png", "--week-start", "2030-01-01")]
    [InlineData("--fleet-mw", "10", "--fleet-jth", "20", "--column", "HB_WEST")]
    public void Dispatch_BadQuickForm_ExitsTwo(params string[] extra)
    {
        var args = new List<string> { "dispatch", "--prices", FourHourPrices(), "--hashprice", "40" };
        args.AddRange(extra.Select(a => a.EndsWith(".png", StringComparison.Ordinal) ? Path.Combine(_dir, a) : a));

        var run = CliRunner.Run([.. args]);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("error: ", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("NaN")]
    public void Dispatch_BadHashprice_ExitsTwo(string hashprice)
    {
        var run = CliRunner.Run("dispatch", "--prices", FourHourPrices(), "--hashprice", hashprice, "--fleet-mw", "10", "--fleet-jth", "20");

        Assert.Equal(2, run.Exit);
        Assert.Contains("--hashprice", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_SiteAndQuickFormTogether_ExitsTwo()
    {
        var run = CliRunner.Run("dispatch", CliRunner.Sample("dispatch-site.yaml"), "--prices", FourHourPrices(), "--hashprice", "40",
            "--fleet-mw", "10");

        Assert.Equal(2, run.Exit);
        Assert.Contains("not both", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_PricesWithGap_WarnsAndSolves()
    {
        var prices = Write("gap.csv", "timestamp,value\n2024-01-01T00:00:00Z,20\n2024-01-01T01:00:00Z,80\n2024-01-01T03:00:00Z,5000\n");

        var run = CliRunner.Run("dispatch", "--prices", prices, "--hashprice", "40", "--fleet-mw", "10", "--fleet-jth", "20", "--json");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("1 gap(s)", run.Err, StringComparison.Ordinal);
        Assert.Equal(3, run.Json().GetProperty("intervals").GetInt32());
    }

    [Fact]
    public void Dispatch_TableOutput_ShowsMarginAndRule()
    {
        var run = CliRunner.Run("dispatch", "--prices", FourHourPrices(), "--hashprice", "40", "--fleet-mw", "10", "--fleet-jth", "20",
            "--ppa-mw", "10", "--ppa-usd-per-mwh", "30");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("$51,300", run.Out, StringComparison.Ordinal);
        Assert.Contains("Strike-price rule margin", run.Out, StringComparison.Ordinal);
        Assert.Contains("Curtailed hours, fleet", run.Out, StringComparison.Ordinal);
    }

    // Revenue per MWh of the 20 J/TH fleet: 1 MW hashes 1000 / 20 = 50 PH/s, earning hashprice × 50 a day over 24 MWh.
    private static double RevenuePerMwh(double hashprice) => hashprice * 1000 / (20 * 24.0);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal), System.Text.Encoding.UTF8);
        return path;
    }
}
