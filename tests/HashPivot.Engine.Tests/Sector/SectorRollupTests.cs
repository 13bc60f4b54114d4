using HashPivot.Engine.Sector;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Tests.Sector;

public sealed class SectorRollupTests
{
    private static FactDate D(string text) => FactDate.TryParse(text)!;

    private static SectorSite Site(string company, string name, double? mw, SiteStatus status, string asOf, SiteUse use = SiteUse.Undisclosed, string market = "") =>
        new(company, name, "", market, mw is { } m ? new Megawatts(m) : null, MwBasis.Grid, status, use, D(asOf), "test", "");

    private static AiContract Contract(string company, double? mw, double value, double years, string announced, bool inTotals = true, ContractKind kind = ContractKind.Colocation) =>
        new(company, "Tenant", "", kind, mw is { } m ? new Megawatts(m) : null, new Usd(value), years, null, "", D(announced), inTotals, "test", "");

    private static SectorCompany Company(string ticker, double? marketCap = null, double? netDebt = null) =>
        new(ticker, ticker, null, null, netDebt is { } d ? new Usd(d) : null, null, marketCap is { } c ? new Usd(c) : null, null, null, null, null, null, "test", "");

    private static SectorDataset Data() => new(
        [Company("AAA", marketCap: 10e9, netDebt: 1e9), Company("BBB")],
        [
            Site("AAA", "One", 750, SiteStatus.Energized, "2026-01-10", SiteUse.Mining, "ERCOT"),
            Site("AAA", "Two", 1400, SiteStatus.UnderConstruction, "2026-02-05", market: "ERCOT"),
            Site("AAA", "Two", 1400, SiteStatus.Energized, "2026-05-01", market: "ERCOT"),
            Site("BBB", "Big", 1000, SiteStatus.ApprovedPlanned, "2026-05-26"),
            Site("BBB", "Maybe", 6800, SiteStatus.Prospective, "2025-08"),
        ],
        [
            Contract("AAA", 200, 3.7e9, 10, "2025-08-14", inTotals: false),
            Contract("AAA", 360, 6.7e9, 10, "2025-08"),
            Contract("BBB", null, 3.4e9, 5, "2026-05-07", kind: ContractKind.GpuCloud),
        ],
        []);

    [Fact]
    public void Summarize_BeforeAndAfterAcquisition_AddsItsGwOnItsDate()
    {
        // 25 May: AAA 750 + 1,400 (Two energized 1 May) = 2.15 GW; BBB's 1 GW site is disclosed 26 May ⇒ total 2.15 → 3.15 GW.
        var before = SectorRollup.Summarize(Data(), new DateOnly(2026, 5, 25));
        var after = SectorRollup.Summarize(Data(), new DateOnly(2026, 5, 26));

        Assert.Equal(2.15, before.Total.GwTotal, 9);
        Assert.Equal(3.15, after.Total.GwTotal, 9);
        Assert.Equal(2.15, after.Companies[0].GwEnergized, 9);
        Assert.Equal(6.8, after.Total.GwProspective, 9);
    }

    [Fact]
    public void Summarize_StatusChange_UsesLatestDisclosureOnOrBeforeDate()
    {
        // Site Two: under construction from 5 Feb, energized from 1 May.
        var march = SectorRollup.Summarize(Data(), new DateOnly(2026, 3, 1)).Companies[0];

        Assert.Equal(1.4, march.GwUnderConstruction, 9);
        Assert.Equal(0.75, march.GwEnergized, 9);
    }

    [Fact]
    public void Summarize_SupersededContract_IsNotDoubleCounted()
    {
        // AAA: only the 360 MW / $6.7B total counts (the $3.7B row is superseded) ⇒ 0.36 GW, backlog 6.7B, run rate 6.7B/10 = 0.67B/yr.
        // BBB: $3.4B / 5 y = 0.68B/yr with no MW ⇒ 0 GW and one contract without MW.
        var s = SectorRollup.Summarize(Data(), new DateOnly(2026, 6, 1));

        Assert.Equal(0.36, s.Companies[0].GwContractedAi, 9);
        Assert.Equal(6.7e9, s.Companies[0].AiBacklog.Value, 0);
        Assert.Equal(0.67e9, s.Companies[0].AiRunRatePerYear.Value, 0);
        Assert.Equal(1, s.Companies[1].ContractsWithoutMw);
        Assert.Equal(10.1e9, s.Total.AiBacklog.Value, 0);
        Assert.Equal(1.35e9, s.Total.AiRunRatePerYear.Value, 0);
    }

    [Fact]
    public void Summarize_Statement_StatesIncludedStatusesAndGapToBernstein()
    {
        // Disclosed 3.15 GW vs Bernstein >27 GW (domain.md §0) ⇒ gap 23.85 GW; prospective 6.8 GW shown apart.
        var s = SectorRollup.Summarize(Data(), new DateOnly(2026, 6, 1)).Statement;

        Assert.Equal(SectorRollup.DefaultStatuses, s.IncludedStatuses);
        Assert.DoesNotContain(SiteStatus.Prospective, s.IncludedStatuses);
        Assert.Equal(23.85, s.GapGw, 9);
        Assert.Contains("NOT FOUND", s.Text, StringComparison.Ordinal);
        Assert.Contains("3.15 GW", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_ByStatusUseMarket_SumToTotal()
    {
        var s = SectorRollup.Summarize(Data(), new DateOnly(2026, 6, 1));

        Assert.Equal(s.Total.GwTotal, s.ByStatus.Sum(g => g.Gw), 9);
        Assert.Equal(s.Total.GwTotal, s.ByUse.Sum(g => g.Gw), 9);
        Assert.Equal(2.15, s.ByMarket.Single(g => g.Key == "ERCOT").Gw, 9);
    }

    [Fact]
    public void Valuation_KnownCapAndDebt_GivesEvPerMwAndImpliedRange()
    {
        // AAA on 1 Jun: 2,150 MW total, 2,150 energized, 360 MW IT colocation. EV = 10B + 1B = 11B ⇒ 11e9/2,150 = 5.116M/MW total,
        // 11e9/360 = 30.56M per contracted MW. Implied (domain.md §6): 360 × 8M + (2,150 − 360) × 0.40M = 2.88B + 0.716B = 3.596B;
        // high 360 × 17M + 1,790 × 0.55M = 6.12B + 0.9845B = 7.1045B.
        var data = Data();
        var rollup = SectorRollup.Summarize(data, new DateOnly(2026, 6, 1)).Companies[0];
        var v = SectorValuation.Of(data.Companies[0], rollup);

        Assert.Equal(11e9, v.EnterpriseValue!.Value.Value, 0);
        Assert.Equal(11e9 / 2150, v.EvPerMwTotal!.Value, 3);
        Assert.Equal(11e9 / 360, v.EvPerMwContracted!.Value, 3);
        Assert.Equal(3.596e9, v.ImpliedLow.Value, 0);
        Assert.Equal(7.1045e9, v.ImpliedHigh.Value, 0);
    }

    [Fact]
    public void Valuation_NoNetDebt_LeavesEvUnknown()
    {
        var data = Data();
        var rollup = SectorRollup.Summarize(data, new DateOnly(2026, 6, 1)).Companies[1];
        var v = SectorValuation.Of(data.Companies[1], rollup);

        Assert.Null(v.EnterpriseValue);
        Assert.Null(v.EvPerMwTotal);
    }

    [Fact]
    public void RollMarketCap_PriceRatio_ScalesCap()
    {
        // IREN $14.76B on 5 Feb 2026 (domain.md §6) carried by a price ratio 1.25 ⇒ 18.45B (constant share count assumed).
        Assert.Equal(18.45e9, SectorValuation.RollMarketCap(new Usd(14.76e9), 40, 50).Value, 0);
        Assert.Equal(5e9, SectorValuation.MarketCap(25, 200e6).Value, 0);
    }

    [Theory]
    [InlineData("2026-05-26", 2026, 5, 26)]
    [InlineData("2026-02", 2026, 2, 28)]
    [InlineData("2026", 2026, 12, 31)]
    public void FactDate_Precision_IsKnownByEndOfPeriod(string text, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), FactDate.TryParse(text)!.KnownBy);
    }
}
