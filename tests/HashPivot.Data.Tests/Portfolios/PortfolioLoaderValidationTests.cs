using HashPivot.Data.Portfolios;
using static HashPivot.Data.Tests.Portfolios.PortfolioYaml;

namespace HashPivot.Data.Tests.Portfolios;

/// <summary>
/// One test per validation rule, each pinning line, column and field path. Inputs are <see cref="PortfolioYaml.Minimal"/>
/// (lines 1–10, see its summary) changed in place or with lines 11+ appended, so the expected positions can be counted by eye.
/// </summary>
public sealed class PortfolioLoaderValidationTests
{
    private static string MinimalWith(params string[] lines) => Minimal + "\n" + string.Join('\n', lines);

    [Fact]
    public void Load_Minimal_ReturnsOneSite()
    {
        // The baseline every other test breaks: it must load, or the failures below would prove nothing.
        var portfolio = new PortfolioLoader().Load(Minimal, FileName, BaseDirectory);
        var site = Assert.Single(portfolio.Sites);
        Assert.Equal(("A", "ERCOT", 100.0, 40.0), (site.Name, site.Market, site.Interconnection.Value, site.Power.Average.Value));
        Assert.Equal(0.025, portfolio.Network.FeesPerBlock.Value); // default fee when fees_btc_per_block is absent
    }

    [Fact]
    public void Load_MisspeltKey_ReportsUnknownKeyWithSuggestionAndTheMissingField()
    {
        var problems = Problems(Minimal.Replace("interconnection_mw:", "interconection_mw:", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
        AssertAt(problems[0], 6, 5, "sites[0].interconnection_mw", "missing required field");
        AssertAt(problems[1], 8, 5, "sites[0].interconection_mw", "unknown key; did you mean 'interconnection_mw'?");
    }

    [Fact]
    public void Load_MisspeltNetworkKey_SuggestsTheKnownKeyOfThatMapping()
    {
        var problems = Problems(Minimal.Replace("difficulty:", "dificulty:", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
        AssertAt(problems[0], 2, 3, "network.difficulty", "missing required field");
        AssertAt(problems[1], 3, 3, "network.dificulty", "did you mean 'difficulty'?");
    }

    [Fact]
    public void Load_UnknownKeyFarFromAnyKnownKey_ReportsWithoutSuggestion()
    {
        var problem = Single(MinimalWith("colour: blue"), 11, 1, "colour", "unknown key");
        Assert.Equal("unknown key", problem.Message);
    }

    [Theory]
    [InlineData("name", 7, 5, "sites[0].name")]                       // "- name" commented out: the item's mapping now starts at market
    [InlineData("market", 6, 5, "sites[0].market")]                   // missing fields are reported where their mapping starts
    [InlineData("interconnection_mw", 6, 5, "sites[0].interconnection_mw")]
    [InlineData("power", 6, 5, "sites[0].power")]
    [InlineData("network", 5, 1, "network")]                          // lines 1–4 commented: the root mapping starts at 'sites'
    [InlineData("sites", 1, 1, "sites")]
    [InlineData("btc_price_usd", 3, 3, "network.btc_price_usd")]      // first key gone: network starts at difficulty
    [InlineData("difficulty", 2, 3, "network.difficulty")]
    [InlineData("height", 2, 3, "network.height")]
    public void Load_RequiredFieldMissing_ReportsAtStartOfItsMapping(string key, int line, int column, string field)
    {
        Single(WithoutKey(Minimal, key), line, column, field, "missing required field");
    }

    [Fact]
    public void Load_RequiredFieldWithoutValue_ReportsMissingValue()
    {
        var problem = Assert.Single(Problems(Minimal.Replace("market: ERCOT", "market:", StringComparison.Ordinal)));
        Assert.Equal((7, "sites[0].market", "missing value"), (problem.Line, problem.Field, problem.Message));
    }

    [Fact]
    public void Load_NegativeInterconnection_ReportsAtTheValue()
    {
        Single(Minimal.Replace("interconnection_mw: 100", "interconnection_mw: -5", StringComparison.Ordinal),
            8, 25, "sites[0].interconnection_mw", "must be at least 0, found -5");
    }

    [Fact]
    public void Load_NegativeAiMegawatts_ReportsAtTheValue()
    {
        // "        mw: " is 12 characters, so the value starts at column 13.
        Single(MinimalWith("    ai:", "      - name: tenant", "        mw: -1", "        lease:", "          rent_usd_per_kw_month: 160"),
            13, 13, "sites[0].ai[0].mw", "must be at least 0, found -1");
    }

    [Theory]
    [InlineData("NaN", "expected a finite number, found 'NaN'")]       // parses as double.NaN, then refused
    [InlineData("Infinity", "expected a finite number, found 'Infinity'")]
    [InlineData("1e309", "expected a finite number, found '1e309'")]   // overflows to +∞
    [InlineData(".nan", "expected a number, found '.nan'")]            // YAML 1.1 spellings are not numbers to .NET
    [InlineData(".inf", "expected a number, found '.inf'")]
    [InlineData("-.inf", "expected a number, found '-.inf'")]
    public void Load_NonFiniteNumber_IsRefused(string value, string message)
    {
        Single(Minimal.Replace("interconnection_mw: 100", $"interconnection_mw: {value}", StringComparison.Ordinal),
            8, 25, "sites[0].interconnection_mw", message);
    }

    [Theory]
    [InlineData("lots", "expected a number, found 'lots'")]
    [InlineData("1,000", "expected a number, found '1,000'")]
    [InlineData("100 MW", "expected a number, found '100 MW'")]
    [InlineData("[100]", "expected a number, found 'a list'")]
    [InlineData("{mw: 100}", "expected a number, found 'a mapping'")]
    public void Load_TextInNumericField_IsRefused(string value, string message)
    {
        Single(Minimal.Replace("interconnection_mw: 100", $"interconnection_mw: {value}", StringComparison.Ordinal),
            8, 25, "sites[0].interconnection_mw", message);
    }

    [Fact]
    public void Load_FractionalHeight_IsRefused()
    {
        // "  height: " is 10 characters.
        Single(Minimal.Replace("height: 950000", "height: 950000.5", StringComparison.Ordinal),
            4, 11, "network.height", "expected a whole number, found 950000.5");
    }

    [Fact]
    public void Load_FractionalMinerCount_IsRefused()
    {
        // "          count: " is 17 characters.
        Single(MinimalWith("    fleet:", "      miners:", "        - model: s21", "          count: 2.5"),
            14, 18, "sites[0].fleet.miners[0].count", "expected a whole number, found 2.5");
    }

    [Fact]
    public void Load_BothFixedPriceAndSeries_ReportsAtThePowerMapping()
    {
        Single(MinimalWith("      series: prices.csv"), 10, 7, "sites[0].power", "give exactly one of 'fixed_usd_per_mwh' or 'series'");
    }

    [Fact]
    public void Load_NeitherFixedPriceNorSeries_ReportsAtThePowerMapping()
    {
        Single(Minimal.Replace("fixed_usd_per_mwh: 40", "column: price", StringComparison.Ordinal),
            10, 7, "sites[0].power", "give exactly one of 'fixed_usd_per_mwh' or 'series'");
    }

    [Fact]
    public void Load_UnknownAsicModel_ReportsAtTheModelAndListsKnownIds()
    {
        // "        - model: " is 17 characters.
        var problem = Single(MinimalWith("    fleet:", "      miners:", "        - model: s99", "          count: 10"),
            13, 18, "sites[0].fleet.miners[0].model", "unknown ASIC model 's99'; known: ");
        Assert.Contains("s21-xp", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AiPlusMiningAboveInterconnection_ReportsAtTheSite()
    {
        // Mining: 20,000 × 3,500 W (s21, domain.md §2.1) × (1 + 0.07 default overhead) = 74.9 MW; + 30 MW AI = 104.9 MW > 100 MW.
        var yaml = MinimalWith(
            "    fleet:", "      miners:", "        - model: s21", "          count: 20000",
            "    ai:", "      - name: tenant", "        mw: 30", "        lease:", "          rent_usd_per_kw_month: 160");
        Single(yaml, 6, 5, "sites[0]", "AI load 30 MW + mining load 74.9 MW (overhead included) exceeds the interconnection of 100 MW");
    }

    [Fact]
    public void Load_AiPlusMiningJustBelowInterconnection_Loads()
    {
        // The same site with 25 MW of AI: 74.9 + 25 = 99.9 MW ≤ 100 MW, 0.1 MW of headroom.
        var yaml = MinimalWith(
            "    fleet:", "      miners:", "        - model: s21", "          count: 20000",
            "    ai:", "      - name: tenant", "        mw: 25", "        lease:", "          rent_usd_per_kw_month: 160");
        var site = Assert.Single(new PortfolioLoader().Load(yaml, FileName, BaseDirectory).Sites);
        Assert.Equal(0.1, site.Headroom.Value, 1e-9);
    }

    [Fact]
    public void Load_AiEntryWithLeaseAndGpuCloud_ReportsAtTheEntry()
    {
        // "      - name" puts the entry's mapping at column 9.
        Single(MinimalWith(
                "    ai:", "      - name: tenant", "        mw: 10",
                "        lease:", "          rent_usd_per_kw_month: 160",
                "        gpu_cloud:", "          usd_per_gpu_hour: 3"),
            12, 9, "sites[0].ai[0]", "give exactly one of 'lease' or 'gpu_cloud' terms");
    }

    [Fact]
    public void Load_AiEntryWithNeitherLeaseNorGpuCloud_ReportsAtTheEntry()
    {
        Single(MinimalWith("    ai:", "      - name: tenant", "        mw: 10"), 12, 9, "sites[0].ai[0]", "give exactly one of 'lease' or 'gpu_cloud' terms");
    }

    [Fact]
    public void Load_ItShareAndPueBoth_ReportsAtPue()
    {
        // "      pue: " is 11 characters.
        Single(MinimalWith("    lease_offer:", "      it_share: 0.8", "      pue: 1.3"),
            13, 12, "sites[0].lease_offer.pue", "give 'it_share' or 'pue', not both");
    }

    [Fact]
    public void Load_DuplicateSiteNameIgnoringCase_ReportsAtTheSecondName()
    {
        // "  - name: " is 10 characters.
        Single(MinimalWith("  - name: a", "    market: PJM", "    interconnection_mw: 50", "    power:", "      fixed_usd_per_mwh: 60"),
            11, 11, "sites[1].name", "another site is already named 'a'");
    }

    [Fact]
    public void Load_EmptySitesList_ReportsAtTheList()
    {
        Single(WithoutKey(Minimal, "sites") + "\nsites: []", 11, 8, "sites", "a portfolio needs at least one site");
    }

    [Fact]
    public void Load_EmptySitesAndAnotherProblem_ReportsBoth()
    {
        // "Every problem at once": an empty site list is reported even when the network block is broken too.
        var yaml = WithoutKey(Minimal, "sites").Replace("btc_price_usd: 60000", "btc_price_usd: -1", StringComparison.Ordinal) + "\nsites: []";
        var problems = Problems(yaml);

        Assert.Contains(problems, p => p.Field == "sites" && p.Message.Contains("at least one site", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "network.btc_price_usd");
    }

    [Fact]
    public void Load_UnclosedQuote_ReportsSyntaxErrorAtTheQuote()
    {
        // "  - name: " is 10 characters: the quote opens at column 11.
        Single(Minimal.Replace("name: A", "name: \"A", StringComparison.Ordinal), 6, 11, "(syntax)", "double-quoted scalar");
    }

    [Fact]
    public void Load_BadIndentation_ReportsSyntaxErrorOnThatLine()
    {
        // One space too many before 'height' makes "950000\n   height" a plain scalar followed by a ':' at column 10.
        Single(Minimal.Replace("  height:", "   height:", StringComparison.Ordinal), 4, 10, "(syntax)", "invalid mapping");
    }

    [Fact]
    public void Load_DuplicateKey_ReportsSyntaxError()
    {
        var problem = Assert.Single(Problems(Minimal.Replace("  height: 950000", "  height: 950000\n  height: 950001", StringComparison.Ordinal)));
        Assert.Equal((5, "(syntax)"), (problem.Line, problem.Field));
        Assert.Contains("Duplicate key", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("- network\n- sites\n")]          // root is a list
    [InlineData("network and sites")]             // root is a scalar
    public void Load_RootNotAMapping_ReportsFileProblem(string yaml)
    {
        Single(yaml, 1, 1, "(file)", "expected a mapping with 'network' and 'sites'");
    }

    [Fact]
    public void Load_DeepFlowNesting_IsRefusedWithoutStackOverflow()
    {
        // The root mapping is level 1, so the 64th '[' (column 9 + 64 = 73) opens level 65.
        Single("network: " + new string('[', 10_000), 1, 73, "(syntax)", "nesting deeper than 64 levels");
    }

    [Fact]
    public void Load_DeepBlockNesting_IsRefusedWithoutStackOverflow()
    {
        // Found by PortfolioLoaderFuzzTests: 100,000 nested "- " overflowed the stack in YamlDotNet's recursive node loader
        // and killed the test host. The k-th "- " opens level k at column 2k − 1: level 65 at column 129.
        Single(string.Concat(Enumerable.Repeat("- ", 100_000)) + "x", 1, 129, "(syntax)", "nesting deeper than 64 levels");
    }

    [Fact]
    public void Load_BracketsInsideQuotesAndComments_AreNotNesting()
    {
        // Only real collections count towards the depth limit: a name or comment full of brackets is fine.
        var brackets = new string('[', 100);
        var yaml = Minimal.Replace("name: A", $"name: \"A{brackets}\"  # {brackets}", StringComparison.Ordinal);
        Assert.Equal("A" + brackets, Assert.Single(new PortfolioLoader().Load(yaml, FileName, BaseDirectory).Sites).Name);
    }

    [Theory]
    [InlineData(": [\n0]")]            // found by PortfolioLoaderFuzzTests (case 3133), minimised
    [InlineData("network: [\n0]")]
    public void Load_FlowSequenceContinuedAtColumnOne_ReportsSyntaxProblemInsteadOfInvalidOperationException(string yaml)
    {
        // YamlDotNet 18.1's scanner throws InvalidOperationException here; the loader must turn it into a located problem.
        // Located where the scanner stopped: the '0' at line 2, column 1.
        Single(yaml, 2, 1, "(syntax)", "malformed flow collection or plain scalar");
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllInLineOrderAndReturnsNothing()
    {
        var yaml = MinimalWith("    fleet:", "      uptim: 0.9", "      miners:", "        - model: s21", "          count: 10");
        yaml = WithoutKey(yaml, "height").Replace("interconnection_mw: 100", "interconnection_mw: -5", StringComparison.Ordinal);

        // Assert.Throws fails if Load returns, so nothing partial can leak out.
        var problems = Problems(yaml);
        Assert.Equal(
            [(2, 3, "network.height"), (8, 25, "sites[0].interconnection_mw"), (12, 7, "sites[0].fleet.uptim")],
            problems.Select(p => (p.Line, p.Column, p.Field)));
        Assert.Equal(["missing required field", "must be at least 0, found -5", "unknown key; did you mean 'uptime'?"], problems.Select(p => p.Message));
    }
}
