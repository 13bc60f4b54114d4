using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HashPivot.Benchmarks.ComparisonBenchmarks).Assembly).Run(args);
