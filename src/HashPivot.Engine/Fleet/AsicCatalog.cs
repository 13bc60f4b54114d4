using HashPivot.Engine.Units;

namespace HashPivot.Engine.Fleet;

/// <summary>The built-in catalog of real SHA-256 ASIC models at nameplate (domain.md §2.1; figures ±3–5 %).</summary>
public static class AsicCatalog
{
    private const string Domain = "domain.md §2.1";

    /// <summary>Every model in the catalog, oldest first. Rows whose watts the primer marks unconfirmed are left out.</summary>
    public static IReadOnlyList<AsicModel> All { get; } =
    [
        Model("s19-pro", "Antminer S19 Pro", "Bitmain", 110, 3_250, 2020, "miningstore.com S19 guide"),
        Model("s19j-pro", "Antminer S19j Pro", "Bitmain", 100, 3_050, 2021, "miningstore.com (100 TH bin)"),
        Model("a1346", "Avalon A1346", "Canaan", 110, 3_300, 2022, "blog.zeusmining.co (30 J/TH; watts derived)"),
        Model("a1366", "Avalon A1366", "Canaan", 130, 3_250, 2022, "blog.zeusmining.co (25 J/TH; watts derived)"),
        Model("s19-xp", "Antminer S19 XP", "Bitmain", 140, 3_010, 2022, "miningstore.com (S19 XP article)"),
        Model("s19-xp-hyd", "Antminer S19 XP Hyd", "Bitmain", 257, 5_345, 2023, "binance square (Jihan Wu thread)"),
        Model("m56s-pp", "Whatsminer M56S++", "MicroBT", 230, 5_060, 2023, "business-line.com (Decrypt)"),
        Model("s21", "Antminer S21", "Bitmain", 200, 3_500, 2023, "viabtc.com/blog/en/268"),
        Model("s21-hyd", "Antminer S21 Hyd", "Bitmain", 335, 5_360, 2023, "viabtc.com/blog/en/268"),
        Model("t21", "Antminer T21", "Bitmain", 190, 3_610, 2023, "tech4u.app"),
        Model("m60s", "Whatsminer M60S", "MicroBT", 186, 3_255, 2023, "tech4u.app (17.5 J/TH)"),
        Model("s21-plus-hyd", "Antminer S21+ Hydro", "Bitmain", 319, 4_785, 2024, "top-crypto-mining-asics.com"),
        Model("s21-pro", "Antminer S21 Pro", "Bitmain", 234, 3_510, 2024, "widely cited Bitmain spec (UNCONFIRMED in domain.md)"),
        Model("s21-xp", "Antminer S21 XP", "Bitmain", 270, 3_645, 2024, "btcminermarketplace.com (ROI article)"),
        Model("m66s-plus", "Whatsminer M66S+", "MicroBT", 314, 5_338, 2024, "top-crypto-mining-asics.com"),
        Model("s21-xp-plus-hyd", "Antminer S21 XP+ Hydro", "Bitmain", 500, 5_500, 2025, "bitcoin.com via fi.salmoncrypto.com"),
        Model("a16", "Avalon A16", "Canaan", 282, 3_900, 2025, "hashrateindex.com hardware review (Oct 2025)"),
        Model("a16xp", "Avalon A16XP", "Canaan", 300, 3_850, 2025, "hashrateindex.com hardware review (Oct 2025)"),
        Model("s23-hyd", "Antminer S23 Hydro", "Bitmain", 580, 5_510, 2026, "bitcoin.com via salmoncrypto (580 TH, 9.5 J/TH)"),
    ];

    /// <summary>The model with this id (case-insensitive), or null.</summary>
    public static AsicModel? Find(string id) =>
        All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));

    private static AsicModel Model(string id, string name, string maker, double terahash, double watts, int year, string source) =>
        new(id, name, maker, new TerahashPerSecond(terahash), new Watts(watts), year, $"{Domain}: {source}");
}
