using HashPivot.Data.Sector;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Data.Validation;
using HashPivot.Engine.Sector;

namespace HashPivot.Data.Tests.Sector;

public sealed class SectorCsvTests
{
    private const string Companies = "ticker,name,shares_outstanding,shares_as_of,net_debt_usd,net_debt_as_of,market_cap_usd,market_cap_as_of,hashrate_eh_s,hashrate_as_of,fleet_j_per_th,fleet_as_of,as_of,source,note\n"
        + "AAA,Alpha,,,,,1e9,2026-01-16,,,,,2026-01-16,src,\n";

    private const string SitesHeader = "company,site,location,market,mw,mw_basis,status,use,as_of,source,note\n";
    private const string ContractsHeader = "company,counterparty,site,kind,mw_critical_it,total_value_usd,term_years,start,backstop,announced,in_totals,as_of,source,note\n";
    private const string EventsHeader = "date,company,site,event,mw,description,source\n";

    private static ParseResult<SectorDataset> Parse(string sites, string contracts = "", string events = "", string companies = Companies) =>
        SectorCsv.Parse(("companies.csv", companies), ("sites.csv", SitesHeader + sites), ("contracts.csv", ContractsHeader + contracts), ("events.csv", EventsHeader + events));

    [Fact]
    public void ParseEmbedded_CommittedDataset_ParsesWithEveryCompanyOfTheIssue()
    {
        var data = SectorCsv.ParseEmbedded();

        Assert.True(data.Success, string.Join("\n", data.Problems));
        foreach (var ticker in new[] { "IREN", "RIOT", "WULF", "HUT", "CIFR", "CORZ", "GLXY", "CLSK", "APLD", "MARA", "BITF", "BTDR" })
        {
            Assert.Contains(data.Value.Companies, c => c.Ticker == ticker);
        }
    }

    [Fact]
    public void ParseDirectory_RepositoryFolder_EqualsEmbedded()
    {
        var dir = Repo.Path("data", "sector");
        var fromDisk = SectorCsv.ParseDirectory(dir);

        Assert.True(fromDisk.Success, string.Join("\n", fromDisk.Problems));
        Assert.Equal(SectorCsv.ParseEmbedded().Value.Sites.Count, fromDisk.Value.Sites.Count);
    }

    [Fact]
    public void Summarize_Committed_IrenIs4Point51GwAsOfQ2Fy26()
    {
        // domain.md §3.9: IREN ">4.5 GW" = Childress 750 + Sweetwater 2,000 (1,400 + 600) + BC 160 + Oklahoma 1,600 = 4,510 MW (stocktitan.net, Feb 2026).
        var s = SectorRollup.Summarize(SectorCsv.ParseEmbedded().Value, new DateOnly(2026, 2, 5));
        Assert.Equal(4.51, s.Companies.Single(c => c.Ticker == "IREN").GwTotal, 9);
    }

    [Fact]
    public void Summarize_Committed_MuskieAddsOneGwToTeraWulfOn26May2026()
    {
        // domain.md §0/§3.9: TeraWulf ~2.8 GW (Feb 2026) + Muskie >1 GW announced Tue 26 May 2026 (1,000 MW lower bound).
        var data = SectorCsv.ParseEmbedded().Value;
        double Wulf(DateOnly d) => SectorRollup.Summarize(data, d).Companies.Single(c => c.Ticker == "WULF").GwTotal;

        Assert.Equal(2.8, Wulf(new DateOnly(2026, 5, 25)), 9);
        Assert.Equal(3.8, Wulf(new DateOnly(2026, 5, 26)), 9);
    }

    [Fact]
    public void Summarize_Committed_DisclosedSumOn26May2026FallsShortOf27Gw()
    {
        // Hand sum of sites.csv as of 2026-05-26 (non-prospective): IREN 4,510 + RIOT 1,700 + WULF 3,800 + HUT 2,500 + CIFR 2,500
        // + CORZ 1,300 + GLXY 800 + CLSK 285 + APLD 1,030 = 18,425 MW; MARA, BITF, BTDR have no MW (domain.md §3.9 "not found").
        // Bernstein's >27 GW (domain.md §0) ⇒ gap 8.575 GW. Prospective: HUT 1,250 + 6,800 + GLXY 2,700 = 10,750 MW.
        var s = SectorRollup.Summarize(SectorCsv.ParseEmbedded().Value, new DateOnly(2026, 5, 26));

        Assert.Equal(18.425, s.Total.GwTotal, 9);
        Assert.Equal(8.575, s.Statement.GapGw, 9);
        Assert.Equal(10.75, s.Total.GwProspective, 9);
        Assert.Equal(9, s.Statement.CompaniesWithMw);
        Assert.All(new[] { "MARA", "BITF", "BTDR" }, t => Assert.Equal(0, s.Companies.Single(c => c.Ticker == t).GwTotal));
    }

    [Fact]
    public void Summarize_Committed_AiContractsSumTo76BillionOn2Point96Gw()
    {
        // In-totals contracts (contracts.csv) announced by 26 May 2026, value: CORZ 8.7 + WULF 6.7 + CIFR 3.0 + 0.83 + 5.5 + HUT 7.0
        // + APLD 11 + 5 + GLXY 15 + RIOT 0.311 + IREN 9.7 + 3.4 = $76.141B; MW IT: 500 + 360 + 168 + 39 + 300 + 245 + 400 + 200 + 526
        // + 25 + 200 = 2,963 MW (IREN–Nvidia MW undisclosed). Bernstein: >$90B covering 3.7 GW (domain.md §0).
        var s = SectorRollup.Summarize(SectorCsv.ParseEmbedded().Value, new DateOnly(2026, 5, 26));

        Assert.Equal(76.141e9, s.Total.AiBacklog.Value, 0);
        Assert.Equal(2.963, s.Total.GwContractedAi, 9);
        Assert.Equal(1, s.Total.ContractsWithoutMw);
    }

    [Fact]
    public void ContractEconomics_EveryCommittedContract_MatchesPrimerKwMonth()
    {
        // domain.md §3.4 "Implied $/MW-yr → $/kW-mo (derived)" (±1 for the table's rounding) and §3.5 IREN–Microsoft 9.7M/MW-yr = 808.3.
        var primer = new Dictionary<(string, string, double), double>
        {
            [("CORZ", "CoreWeave", 200)] = 122,
            [("CORZ", "CoreWeave", 500)] = 121,
            [("WULF", "Fluidstack (CB-3/4)", 200)] = 154,
            [("WULF", "Fluidstack (CB-3/4/5)", 360)] = 155,
            [("CIFR", "Fluidstack", 168)] = 149,
            [("CIFR", "Fluidstack (expansion)", 39)] = 177,
            [("CIFR", "AWS", 300)] = 102,
            [("HUT", "Fluidstack/Anthropic", 245)] = 159,
            [("APLD", "CoreWeave", 400)] = 153,
            [("APLD", "Investment-grade hyperscaler", 200)] = 139,
            [("GLXY", "CoreWeave", 526)] = 158,
            [("RIOT", "AMD", 25)] = 104,
            [("IREN", "Microsoft", 200)] = 808.3,
        };
        var contracts = SectorCsv.ParseEmbedded().Value.Contracts.Where(c => c.CriticalIt is not null).ToList();

        Assert.Equal(primer.Count, contracts.Count);
        foreach (var c in contracts)
        {
            var rate = ContractEconomics.Of(c).Rate!;
            var expected = primer[(c.Company, c.Counterparty, c.CriticalIt!.Value.Value)];
            Assert.InRange(rate.PerKwMonth.Value, expected - 1, expected + 1);
        }
    }

    [Fact]
    public void Parse_UnknownStatus_IsLocated()
    {
        var result = Parse("AAA,One,,,100,grid,energised,,2026-01-01,src,\n");
        ProblemAssert.Single(result, "sites.csv", 2, "status", "'energised' is not one of energized");
    }

    [Fact]
    public void Parse_FigureWithoutAsOf_IsLocated()
    {
        var result = Parse("AAA,One,,,100,grid,energized,,,src,\n");
        ProblemAssert.Single(result, "sites.csv", 2, "as_of", "every figure needs the date");
    }

    [Fact]
    public void Parse_EmptyMwWithoutNote_IsLocated()
    {
        var result = Parse("AAA,One,,,,grid,,,,src,\n");
        ProblemAssert.Single(result, "sites.csv", 2, "note", "without MW must say why");
    }

    [Fact]
    public void Parse_UnknownCompanyAndSiteInContract_AreLocated()
    {
        var result = Parse("AAA,One,,,100,grid,energized,,2026-01-01,src,\n", "ZZZ,T,,colocation,10,1e9,10,,,2026-01-01,yes,2026-01-01,src,\nAAA,T,Two,colocation,10,1e9,10,,,2026-01-01,yes,2026-01-01,src,\n");
        ProblemAssert.Contains(result, "contracts.csv", 2, "company", "'ZZZ' is not a ticker");
        ProblemAssert.Contains(result, "contracts.csv", 3, "site", "no site 'Two' of AAA");
    }

    [Fact]
    public void Parse_NegativeMwAndBadDate_AreLocated()
    {
        var result = Parse("AAA,One,,,-5,grid,energized,,2026-13-01,src,\n");
        ProblemAssert.Contains(result, "sites.csv", 2, "mw", "must be positive");
        ProblemAssert.Contains(result, "sites.csv", 2, "as_of", "is not a date");
    }

    [Fact]
    public void Parse_UnknownColumn_IsLocatedOnHeader()
    {
        var result = SectorCsv.Parse(("companies.csv", Companies), ("sites.csv", SitesHeader.TrimEnd('\n') + ",mww\n"), ("contracts.csv", ContractsHeader), ("events.csv", EventsHeader));
        ProblemAssert.Single(result, "sites.csv", 1, "mww", "unknown column");
    }

    [Fact]
    public void Parse_MarketCapWithoutDate_IsLocated()
    {
        var companies = Companies.Replace("1e9,2026-01-16", "1e9,", StringComparison.Ordinal);
        var result = Parse("", companies: companies);
        ProblemAssert.Single(result, "companies.csv", 2, "market_cap_as_of", "required date is empty");
    }
}
