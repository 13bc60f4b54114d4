using HashPivot.Engine.Valuation;

namespace HashPivot.Cluster.Grains;

/// <summary>One slice's place in a sweep: assumption set, paths [FirstPath, FirstPath + PathCount), sites [FirstSite, FirstSite + SiteCount).</summary>
public readonly record struct SliceRange(int Set, int FirstPath, int PathCount, int FirstSite, int SiteCount);

/// <summary>How a sweep is cut into slices (assumption set × path block × site group) and how finished slices are put back together.</summary>
public static class SlicePlan
{
    /// <summary>The slices of a sweep, in assumption-set, path, site order.</summary>
    public static IReadOnlyList<SliceRange> Cut(IReadOnlyList<int> sitesPerSet, int paths, int slicePaths, int sitesPerSlice)
    {
        ArgumentNullException.ThrowIfNull(sitesPerSet);
        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slicePaths, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(sitesPerSlice);
        var slices = new List<SliceRange>();
        for (var set = 0; set < sitesPerSet.Count; set++)
        {
            var sites = sitesPerSet[set];
            var group = sitesPerSlice == 0 ? sites : Math.Min(sitesPerSlice, sites);
            for (var first = 0; first < paths; first += slicePaths)
            {
                for (var site = 0; site < sites; site += group)
                {
                    slices.Add(new SliceRange(set, first, Math.Min(slicePaths, paths - first), site, Math.Min(group, sites - site)));
                }
            }
        }

        return slices;
    }

    /// <summary>
    /// One assumption set's blocks with all sites: the site groups of each path block laid side by side ([site][strategy][path] and
    /// [site][month] are site-major, so a group's arrays follow the previous group's). The hashprice paths do not depend on the sites.
    /// </summary>
    public static IReadOnlyList<ValuationBlock> Assemble(IEnumerable<(SliceRange Range, ValuationBlock Block)> slices)
    {
        ArgumentNullException.ThrowIfNull(slices);
        var blocks = new List<ValuationBlock>();
        foreach (var byPath in slices.GroupBy(s => s.Range.FirstPath).OrderBy(g => g.Key))
        {
            var groups = byPath.OrderBy(s => s.Range.FirstSite).Select(s => s.Block).ToList();
            if (groups.Count == 1)
            {
                blocks.Add(groups[0]);
                continue;
            }

            var first = groups[0];
            blocks.Add(new ValuationBlock(
                first.FirstPath,
                first.PathCount,
                groups.Sum(g => g.Sites),
                first.Strategies,
                first.Months,
                [.. groups.SelectMany(g => g.NpvUsd)],
                first.HashpriceUsdPerPhDay,
                [.. groups.SelectMany(g => g.MiningCashFixedSum)]));
        }

        return blocks;
    }
}
