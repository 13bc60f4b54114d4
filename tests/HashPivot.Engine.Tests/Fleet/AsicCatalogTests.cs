using HashPivot.Engine.Fleet;

namespace HashPivot.Engine.Tests.Fleet;

public sealed class AsicCatalogTests
{
    // Nameplate TH/s and J/TH from domain.md §2.1 (sources per row there); the catalog stores watts, so its
    // efficiency W ÷ TH/s must land on the primer's J/TH within the table's ±5 % nameplate tolerance.
    // S19j Pro: the primer gives 100 TH / 3,050 W but "29.5 J/TH" (30.5 by division), hence ±5 %.
    [Theory]
    [InlineData("s19-pro", 110.0, 29.5)]
    [InlineData("s19j-pro", 100.0, 29.5)]
    [InlineData("a1346", 110.0, 30.0)]
    [InlineData("a1366", 130.0, 25.0)]
    [InlineData("s19-xp", 140.0, 21.5)]
    [InlineData("s19-xp-hyd", 257.0, 20.8)]
    [InlineData("m56s-pp", 230.0, 22.0)]
    [InlineData("s21", 200.0, 17.5)]
    [InlineData("s21-hyd", 335.0, 16.0)]
    [InlineData("t21", 190.0, 19.0)]
    [InlineData("m60s", 186.0, 17.5)]
    [InlineData("s21-plus-hyd", 319.0, 15.0)]
    [InlineData("s21-pro", 234.0, 15.0)]
    [InlineData("s21-xp", 270.0, 13.5)]
    [InlineData("m66s-plus", 314.0, 17.0)]
    [InlineData("s21-xp-plus-hyd", 500.0, 11.0)]
    [InlineData("a16", 282.0, 13.8)]
    [InlineData("a16xp", 300.0, 12.8)]
    [InlineData("s23-hyd", 580.0, 9.5)]
    public void Find_CatalogModel_MatchesPrimerNameplate(string id, double terahash, double primerJPerTh)
    {
        var model = AsicCatalog.Find(id);
        Assert.NotNull(model);
        Assert.Equal(terahash, model.Hashrate.Value);
        Assert.InRange(model.Efficiency.Value / primerJPerTh, 0.95, 1.05);
        Assert.StartsWith("domain.md §2.1", model.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s21", 17.5)] // 3,500 W / 200 TH (domain.md §2.1, viabtc.com)
    [InlineData("s19-xp", 21.5)] // 3,010 W / 140 TH (domain.md §2.1, miningstore.com)
    [InlineData("s21-xp", 13.5)] // 3,645 W / 270 TH (domain.md §2.1, btcminermarketplace.com)
    public void Efficiency_CatalogModel_IsWattsOverTerahash(string id, double expected)
    {
        Assert.Equal(expected, AsicCatalog.Find(id)!.Efficiency.Value, 1e-9);
    }

    [Fact]
    public void All_Ids_AreUniqueIgnoringCase()
    {
        var ids = AsicCatalog.All.Select(m => m.Id.ToUpperInvariant()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void All_Models_HavePositiveNameplate()
    {
        Assert.All(AsicCatalog.All, m =>
        {
            Assert.True(m.Hashrate.Value > 0, m.Id);
            Assert.True(m.Power.Value > 0, m.Id);
            Assert.InRange(m.Efficiency.Value, 5, 40);
        });
    }

    [Theory]
    [InlineData("S21-XP")]
    [InlineData("s21-xp")]
    public void Find_AnyCase_FindsModel(string id)
    {
        Assert.Equal("Antminer S21 XP", AsicCatalog.Find(id)?.Name);
    }

    [Theory]
    [InlineData("s99")]
    [InlineData("")]
    public void Find_UnknownId_ReturnsNull(string id)
    {
        Assert.Null(AsicCatalog.Find(id));
    }
}
