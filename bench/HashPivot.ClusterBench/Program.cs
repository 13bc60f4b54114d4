using System.Globalization;
using HashPivot.ClusterBench;

// cluster-sweep GATEWAY SETS SITES PATHS SLICE_PATHS[,…]: see ClusterSweep.
if (args is not [var gateway, var sets, var sites, var paths, var sizes])
{
    Console.Error.WriteLine("usage: HashPivot.ClusterBench GATEWAY SETS SITES PATHS SLICE_PATHS[,SLICE_PATHS...]   e.g. 127.0.0.1:30000 4 10 4000 100,250,500,1000");
    return 2;
}

await ClusterSweep.RunAsync(
    gateway,
    int.Parse(sets, CultureInfo.InvariantCulture),
    int.Parse(sites, CultureInfo.InvariantCulture),
    int.Parse(paths, CultureInfo.InvariantCulture),
    [.. sizes.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))]);
return 0;
