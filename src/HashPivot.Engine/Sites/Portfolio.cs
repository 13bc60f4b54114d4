using HashPivot.Engine.Bitcoin;

namespace HashPivot.Engine.Sites;

/// <summary>A set of sites valued against one network snapshot (BTC price, difficulty, fees, height).</summary>
/// <param name="Network">The network the hashprice comes from.</param>
/// <param name="Sites">The sites.</param>
public sealed record Portfolio(NetworkSnapshot Network, IReadOnlyList<Site> Sites);
