namespace HashPivot.Cli.Tests.Commands;

public sealed class SectorCommandTests
{
    [Fact]
    public void Sector_Json_HasTheDocumentedKeys()
    {
        var run = CliRunner.Run("sector", "--as-of", "2026-05-26", "--json");

        Assert.True(run.Exit == 0, run.Err);
        var json = run.Json();
        Assert.Equal("2026-05-26", json.GetProperty("as_of").GetString());
        var wulf = json.GetProperty("companies").EnumerateArray().Single(c => c.GetProperty("ticker").GetString() == "WULF");
        foreach (var key in new[] { "gw_total", "gw_energized", "gw_contracted_ai", "gw_ai_contracted", "ai_backlog_usd", "ai_run_rate_usd_per_year" })
        {
            Assert.True(wulf.TryGetProperty(key, out _), key);
        }

        // WULF as of 26 May 2026: ~2.8 GW + Muskie 1 GW (domain.md §3.9); CB-3/4/5 360 MW IT for $6.7B over 10 years (§3.4).
        Assert.Equal(3.8, wulf.GetProperty("gw_total").GetDouble(), 9);
        Assert.Equal(0.36, wulf.GetProperty("gw_contracted_ai").GetDouble(), 9);
        Assert.Equal(6.7e9, wulf.GetProperty("ai_backlog_usd").GetDouble(), 0);
        Assert.Equal(0.67e9, wulf.GetProperty("ai_run_rate_usd_per_year").GetDouble(), 0);
        Assert.Equal(18.425, json.GetProperty("total").GetProperty("gw_total").GetDouble(), 9);
        Assert.Equal(18.425, json.GetProperty("total_gw").GetDouble(), 9);
        Assert.Contains("NOT FOUND", json.GetProperty("statement").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sector_DayBeforeMuskie_WulfIs2Point8Gw()
    {
        var json = CliRunner.Run("sector", "--as-of", "2026-05-25", "--json").Json();
        var wulf = json.GetProperty("companies").EnumerateArray().Single(c => c.GetProperty("ticker").GetString() == "WULF");
        Assert.Equal(2.8, wulf.GetProperty("gw_total").GetDouble(), 9);
    }

    [Fact]
    public void Sector_BadDate_ExitsTwo()
    {
        var run = CliRunner.Run("sector", "--as-of", "26/05/2026");
        Assert.Equal(CliApp.BadInput, run.Exit);
        Assert.Contains("not a date", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Sector_BrokenDataFolder_ReportsLocatedProblems()
    {
        var dir = Directory.CreateTempSubdirectory("hashpivot-sector-").FullName;
        foreach (var name in new[] { "companies.csv", "sites.csv", "contracts.csv", "events.csv" })
        {
            File.Copy(Path.Combine(CliRunner.RepoRoot, "data", "sector", name), Path.Combine(dir, name));
        }

        File.AppendAllText(Path.Combine(dir, "sites.csv"), "IREN,Nowhere,,,12,grid,energised,,2026-01-01,src,\n");
        var run = CliRunner.Run("sector", "--data", dir);

        Assert.Equal(CliApp.BadInput, run.Exit);
        Assert.Contains("sites.csv:", run.Err, StringComparison.Ordinal);
        Assert.Contains("status: 'energised' is not one of", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Contracts_Json_TeraWulfCb34Is154PerKwMonth()
    {
        // domain.md §3.4: $3.7B / (200 MW × 10 y) / 12,000 = $154.17/kW-month.
        var json = CliRunner.Run("contracts", "--json").Json();
        var cb34 = json.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("counterparty").GetString() == "Fluidstack (CB-3/4)");
        Assert.Equal(3.7e9 / 2000 / 12_000, cb34.GetProperty("usd_per_kw_month").GetDouble(), 6);
    }

    [Theory]
    [InlineData("sector.png")]
    [InlineData("sector.svg")]
    public void Sector_Chart_WritesGwByCompanyStackedByStatus(string name) =>
        ChartAssert.Writes(name, ["sector", "--as-of", "2026-05-26"], "WULF", "IREN", "Energized", "Under construction", "Approved/planned", "Prospective");

    [Theory]
    [InlineData("backlog.png")]
    [InlineData("backlog.svg")]
    public void Contracts_Chart_WritesBacklogByCompany(string name) =>
        ChartAssert.Writes(name, ["contracts"], "WULF", "APLD", "USD billions", "$6.7B");

    [Fact]
    public void Sector_Chart_WrongExtension_ExitsTwo()
    {
        var run = CliRunner.Run("sector", "--chart", "sector.jpg");
        Assert.Equal(CliApp.BadInput, run.Exit);
        Assert.Contains("--chart must end in .png or .svg", run.Err, StringComparison.Ordinal);
    }
}
