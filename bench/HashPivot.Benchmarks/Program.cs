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

BenchmarkSwitcher.FromAssembly(typeof(ComparisonBenchmarks).Assembly).Run(args);
