using HashPivot.Engine.Units;

namespace HashPivot.Engine.Fleet;

/// <summary>An ASIC miner model at nameplate: hashrate (TH/s), wall power (W), launch year and the source of the figures.</summary>
/// <param name="Id">Short identifier used in portfolio files, e.g. <c>s21-xp</c>.</param>
/// <param name="Name">Marketing name.</param>
/// <param name="Manufacturer">Bitmain, MicroBT, Canaan…</param>
/// <param name="Hashrate">Nameplate hashrate.</param>
/// <param name="Power">Nameplate power at the wall.</param>
/// <param name="Year">Year of launch or first shipment.</param>
/// <param name="Source">Where the figures come from (domain.md §2.1 row and its source).</param>
public sealed record AsicModel(
    string Id,
    string Name,
    string Manufacturer,
    TerahashPerSecond Hashrate,
    Watts Power,
    int Year,
    string Source)
{
    /// <summary>Efficiency at nameplate: W ÷ TH/s = J/TH.</summary>
    public JoulesPerTerahash Efficiency => Power / Hashrate;
}
