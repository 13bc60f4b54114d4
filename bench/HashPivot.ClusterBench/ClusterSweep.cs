using System.Diagnostics;
using System.Globalization;
using HashPivot.Benchmarks;
using HashPivot.Cluster.Hosting;
using HashPivot.Cluster.Wire;
using HashPivot.Engine.Valuation;

namespace HashPivot.ClusterBench;

/// <summary>
/// `cluster-sweep GATEWAY SETS SITES PATHS SLICE_PATHS[,…]`: the same sweep (SETS assumption sets × SITES sites × PATHS paths) in this
/// process and on the cluster behind GATEWAY, once per slice size; prints the wall times, the distribution overhead, the single-thread
/// cost of a path-site and of a merge, and checks every cluster result equals the in-process one bit for bit.
/// </summary>
internal static class ClusterSweep
{
    public static async Task RunAsync(string gateway, int sets, int sites, int paths, int[] slicePaths)
    {
        var baseRequest = ScaleRequests.Make(sites);
        var requests = Enumerable.Range(0, sets).Select(i => baseRequest with { Price = new LogPriceModel(0, 0.4 + (0.4 * i / Math.Max(1, sets - 1))) }).ToList();

        // Warm both sides up (JIT, the silos' caches are per request so they do not help the timed runs).
        ValuationEngine.Run(requests[0], 256);
        var clock = Stopwatch.StartNew();
        var cpu0 = Cpu();
        var local = requests.Select(r => ValuationEngine.Run(r, paths)).ToList();
        var inProcess = clock.Elapsed.TotalSeconds;
        var inProcessCpu = Cpu() - cpu0;

        clock.Restart();
        var block = ValuationEngine.RunBlock(requests[0], 0, 500);
        var perPathSite = clock.Elapsed.TotalSeconds / (500.0 * sites);
        var blocks = Enumerable.Range(0, paths / 500).Select(b => ValuationEngine.RunBlock(requests[0], b * 500, 500)).ToList();
        clock.Restart();
        ValuationResult.Merge(requests[0], blocks);
        var merge = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var encodedBlocks = blocks.Select(ValuationWire.EncodeBlock).ToList();
        var encodeBlocks = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var decodedBlocks = encodedBlocks.Select(ValuationWire.DecodeBlock).ToList();
        var decodeBlocks = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var encodedResult = ValuationWire.EncodeResult(local[0]);
        var encodeResult = clock.Elapsed.TotalSeconds;
        clock.Restart();
        ValuationWire.DecodeResult(requests[0], encodedResult);
        var decodeResult = clock.Elapsed.TotalSeconds;
        Console.WriteLine(Inv($"wire, one set: blocks {encodedBlocks.Sum(b => b.Length) / 1e6:0} MB encode {encodeBlocks * 1e3:0} ms decode {decodeBlocks * 1e3:0} ms; result {encodedResult.Length / 1e6:0} MB encode {encodeResult * 1e3:0} ms decode {decodeResult * 1e3:0} ms ({decodedBlocks.Count} blocks)"));
        Console.WriteLine(Inv($"sweep: {sets} assumption sets × {sites} sites × {paths:N0} paths × {baseRequest.Months} months; machine cores {Environment.ProcessorCount}"));
        Console.WriteLine(Inv($"in-process: {inProcess:0.00} s wall, {inProcessCpu:0.00} s CPU; one path-site on one core {perPathSite * 1e6:0.0} µs; merge of one set {merge * 1e3:0} ms ({block.PathCount}-path block check {block.NpvUsd.Length} NPVs)"));
        var silos = SiloPids();
        Console.WriteLine(Inv($"silo processes measured for CPU: {(silos.Length == 0 ? "none (set HASHPIVOT_SILO_PIDS)" : string.Join(", ", silos))}"));
        Console.WriteLine("| slice paths | slices | cluster wall | wall overhead | cluster CPU (client + silos) | CPU overhead | identical |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|");
        await using var connection = await ClusterConnection.ConnectAsync(gateway);
        // One untimed sweep of the same size first: the silos' code reaches its optimised tier (a short warm-up left the first timed
        // size 30–100 % slower than the same size timed again).
        await new ClusterValuationExecutor(connection.Client).SweepAsync(requests, paths, null, CancellationToken.None);
        var points = new Dictionary<int, (int Slices, double Cpu)>(); // the last measurement of each slice size (a size listed twice: the warm one)
        foreach (var size in slicePaths)
        {
            var executor = new ClusterValuationExecutor(connection.Client, new ClusterRunOptions { SlicePaths = size });
            clock.Restart();
            var clientBefore = Cpu();
            var silosBefore = silos.Sum(SiloCpu);
            var remote = await executor.SweepAsync(requests, paths, null, CancellationToken.None);
            var wall = clock.Elapsed.TotalSeconds;
            var clientCpu = Cpu() - clientBefore;
            var used = clientCpu + silos.Sum(SiloCpu) - silosBefore;
            var identical = remote.Zip(local).All(x => x.First.PortfolioNpvUsd.SequenceEqual(x.Second.PortfolioNpvUsd)
                && x.First.NpvBySiteStrategy.Zip(x.Second.NpvBySiteStrategy).All(y => y.First.SequenceEqual(y.Second)));
            var slices = sets * ((paths + size - 1) / size);
            points[size] = (slices, used);
            Console.WriteLine(Inv($"| {size:N0} | {slices:N0} | {wall:0.00} s | {((wall / inProcess) - 1) * 100:+0.0;-0.0} % | {used:0.00} s ({clientCpu:0.00} s client) | {((used / inProcessCpu) - 1) * 100:+0.0;-0.0} % | {(identical ? "yes" : "NO")} |"));
        }

        if (points.Count >= 2 && silos.Length > 0)
        {
            Project([.. points.Values], inProcessCpu, sets * sites * (double)paths, perPathSite, sets * ((paths + 499) / 500));
        }
    }

    // Cluster CPU = in-process work + fixed gather cost G (moving and merging every per-path NPV) + slices × per-slice cost s: a least-squares
    // line through (slices, CPU) gives s as its slope and G as its intercept less the in-process CPU. On N machines of C cores the work and
    // the slices spread, the gather (one coordinator, one client) does not: T(N) ≈ (W + slices·s) / (N·C) + G.
    private static void Project(List<(int Slices, double Cpu)> points, double inProcessCpu, double pathSites, double perPathSite, int slicesAt500)
    {
        var n = points.Count;
        var mx = points.Average(p => p.Slices);
        var my = points.Average(p => p.Cpu);
        var slope = points.Sum(p => (p.Slices - mx) * (p.Cpu - my)) / points.Sum(p => (p.Slices - mx) * (p.Slices - mx));
        var gather = Math.Max(0, my - (slope * mx) - inProcessCpu);
        var work = inProcessCpu;
        Console.WriteLine(Inv($"fit over {n} slice sizes: per-slice cost {slope * 1e3:0.0} ms CPU; fixed gather cost {gather:0.00} s CPU for {pathSites:N0} path-sites"));
        var fivePercent = slope / (0.05 * perPathSite);
        Console.WriteLine(Inv($"slice size keeping the per-slice cost under 5 % of its work: ≥ {fivePercent:N0} path-sites a slice (paths × sites per slice)"));
        Console.WriteLine("| machines × 2 cores | projected wall (500-path slices) | speed-up vs one 2-core process |");
        Console.WriteLine("|---:|---:|---:|");
        foreach (var machines in new[] { 1, 2, 4, 8, 16 })
        {
            var t = ((work + (slicesAt500 * slope)) / (machines * 2)) + gather;
            Console.WriteLine(Inv($"| {machines} | {t:0.00} s | {work / 2 / t:0.0}× |"));
        }
    }

    // CPU seconds, not wall: on a shared 2-core machine the wall clock measures the neighbours too, CPU time measures the work done.
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static int[] SiloPids() =>
        Environment.GetEnvironmentVariable("HASHPIVOT_SILO_PIDS") is { Length: > 0 } pids ? [.. pids.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture))] : [];

    private static double SiloCpu(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
