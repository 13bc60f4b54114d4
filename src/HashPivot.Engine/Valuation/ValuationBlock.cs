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
/// <param name="MiningCashFixedSum">Σ over paths of mining cash flow per available MW in units of 2⁻²⁴ USD, laid out [site][month].</param>
/// <remarks>
/// The mining-cash sum is kept in fixed point: each path's value is rounded to 2⁻²⁴ USD (6·10⁻⁸) and added as an integer, so the sum is
/// the same whatever the split into blocks and whatever order they merge in (a floating-point sum would differ in its last bits).
/// </remarks>
public sealed record ValuationBlock(
    int FirstPath, int PathCount, int Sites, int Strategies, int Months, double[] NpvUsd, double[] HashpriceUsdPerPhDay, Int128[] MiningCashFixedSum)
{
    /// <summary>Fixed-point units per USD of <see cref="MiningCashFixedSum"/>.</summary>
    public const double FixedUnitsPerUsd = 16_777_216; // 2^24: a path's cash of up to 10^12 USD still leaves 2^88 of headroom in the sum

    /// <summary>A USD amount in fixed-point units (rounded to nearest).</summary>
    public static Int128 ToFixed(double usd) => (Int128)Math.Round(usd * FixedUnitsPerUsd);

    /// <summary>A fixed-point sum back in USD.</summary>
    public static double FromFixed(Int128 units) => (double)units / FixedUnitsPerUsd;

    /// <summary>NPV of one site, strategy and path of this block (path counted within the block).</summary>
    public double Npv(int site, int strategy, int path) => NpvUsd[(((site * Strategies) + strategy) * PathCount) + path];
}
