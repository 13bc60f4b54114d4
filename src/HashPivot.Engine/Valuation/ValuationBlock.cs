namespace HashPivot.Engine.Valuation;

/// <summary>
/// The raw result of a block of paths: NPV (USD) per site, strategy and path, each path's monthly hashprice (USD/PH/day), and the sum over
/// the block's paths of each site's monthly mining cash flow per MW (USD). Plain arrays, so a block can cross process boundaries.
/// </summary>
/// <param name="FirstPath">Index of the block's first path.</param>
/// <param name="PathCount">Paths in the block.</param>
/// <param name="Sites">Sites valued.</param>
/// <param name="Strategies">Strategies per site (<see cref="Strategy.Count"/>).</param>
/// <param name="Months">Months per path.</param>
/// <param name="NpvUsd">NPV, laid out [site][strategy][path].</param>
/// <param name="HashpriceUsdPerPhDay">Hashprice, laid out [path][month].</param>
/// <param name="MiningCashUsdPerMwSum">Σ over paths of mining cash flow per available MW, laid out [site][month].</param>
public sealed record ValuationBlock(
    int FirstPath, int PathCount, int Sites, int Strategies, int Months, double[] NpvUsd, double[] HashpriceUsdPerPhDay, double[] MiningCashUsdPerMwSum)
{
    /// <summary>NPV of one site, strategy and path of this block (path counted within the block).</summary>
    public double Npv(int site, int strategy, int path) => NpvUsd[(((site * Strategies) + strategy) * PathCount) + path];
}
