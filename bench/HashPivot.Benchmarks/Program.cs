using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using HashPivot.Benchmarks;
using HashPivot.Engine.Valuation;

// `valuation-scale PATHS [SITES]` runs one whole valuation outside BenchmarkDotNet, for /usr/bin/time -v (peak memory of the process).
if (args is ["valuation-scale", var pathsText, ..])
{
    var sites = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
    var request = ValuationBenchmarks.Scale(sites);
    var clock = Stopwatch.StartNew();
    var result = ValuationEngine.Run(request, int.Parse(pathsText, CultureInfo.InvariantCulture));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{sites} sites × {result.Paths:N0} paths × {request.Months} months: {clock.Elapsed.TotalSeconds:0.00} s, portfolio mean NPV {result.PortfolioNpvUsd.Average() / 1e9:0.000} B USD"));
    return;
}

// `valuation-request SITES PATHS` splits one server-sized valuation's CPU time into its phases: the paths (one block, one thread),
// the merge (per-strategy arrays, means, the portfolio, hashprice bands by selection; strategy percentiles are computed when read)
// and the whole run on the thread pool.
if (args is ["valuation-request", var requestSites, var requestPaths])
{
    var request = ValuationBenchmarks.Scale(int.Parse(requestSites, CultureInfo.InvariantCulture));
    var paths = int.Parse(requestPaths, CultureInfo.InvariantCulture);
    var process = Process.GetCurrentProcess();
    double CpuMs()
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    const int Repeats = 30;
    ValuationEngine.Run(request, paths); // JIT
    var start = CpuMs();
    ValuationBlock block = null!;
    for (var i = 0; i < Repeats; i++)
    {
        block = ValuationEngine.RunBlock(request with { Seed = i }, 0, paths);
    }

    var blockMs = (CpuMs() - start) / Repeats;
    start = CpuMs();
    for (var i = 0; i < Repeats; i++)
    {
        ValuationResult.Merge(request, [block]);
    }

    var mergeMs = (CpuMs() - start) / Repeats;
    start = CpuMs();
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < Repeats; i++)
    {
        ValuationEngine.Run(request with { Seed = i }, paths);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{request.Sites.Count} sites × {paths:N0} paths, CPU per valuation: paths {blockMs:0.0} ms, merge {mergeMs:0.0} ms; whole run on {Environment.ProcessorCount} cores {(CpuMs() - start) / Repeats:0.0} ms CPU, {wall.Elapsed.TotalMilliseconds / Repeats:0.0} ms wall"));
    return;
}

// `plan-scale PATHS SITES BUDGET_FRACTION` values SITES sites and solves the plan MILP with and without a P5 floor.
if (args is ["plan-scale", var planPaths, var planSites, var fraction])
{
    var request = ValuationBenchmarks.Scale(int.Parse(planSites, CultureInfo.InvariantCulture));
    var result = ValuationEngine.Run(request, int.Parse(planPaths, CultureInfo.InvariantCulture));
    var unconstrained = HashPivot.Data.Valuation.PlanInputs.Problem(result, 1e15, null, null);
    var maxCapex = unconstrained.Sites.Sum(s => s.Options.Max(o => o.CapexUsd));
    var budget = maxCapex * double.Parse(fraction, CultureInfo.InvariantCulture);
    var free = new HashPivot.Solvers.Planning.MilpPlanner().Solve(HashPivot.Data.Valuation.PlanInputs.Problem(result, budget, null, null));
    // A floor 5 % above the unconstrained plan's own P5: it binds, so the chance constraint has work to do.
    var freeProblem = HashPivot.Data.Valuation.PlanInputs.Problem(result, budget, null, null);
    var totals = new double[freeProblem.Paths];
    for (var i = 0; i < free.Choice!.Length; i++)
    {
        var npv = freeProblem.Sites[i].Options[free.Choice[i]].NpvUsd;
        for (var p = 0; p < totals.Length; p++)
        {
            totals[p] += npv[p];
        }
    }

    Array.Sort(totals);
    var floor = NpvSummary.Percentile(totals, 0.05) * 1.05;
    var risky = new HashPivot.Solvers.Planning.MilpPlanner().Solve(HashPivot.Data.Valuation.PlanInputs.Problem(result, budget, null, floor));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{request.Sites.Count} sites × 31 options × {result.Paths} paths, budget {budget / 1e9:0.0} B: no floor {free.Status} gap {free.Gap:0.##E+0} {free.SolveMs:0} ms; "
        + $"P5 floor {floor / 1e9:0.00} B {risky.Status} gap {risky.Gap:0.##E+0} {risky.SolveMs:0} ms"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ComparisonBenchmarks).Assembly).Run(args);
