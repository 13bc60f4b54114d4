using HashPivot.Cluster.Grains;
using HashPivot.Cluster.Hosting;
using HashPivot.Engine.Valuation;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace HashPivot.Cluster.Tests;

/// <summary>Configures each test silo with HashPivot's grains (the test cluster brings its own development clustering).</summary>
public sealed class HashPivotSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddHashPivotGrains();

        // Declare a killed silo dead within seconds (production keeps Orleans' defaults), so its pending slices fail over promptly.
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
    }
}

/// <summary>Starts an in-process test cluster of <c>silos</c> silos.</summary>
internal static class TestClusters
{
    public static async Task<TestCluster> StartAsync(short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.AddSiloBuilderConfigurator<HashPivotSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Runs <paramref name="test"/> on a fresh cluster of <paramref name="silos"/> silos and always tears it down.</summary>
    public static async Task WithAsync(short silos, Func<TestCluster, Task> test)
    {
        var cluster = await StartAsync(silos);
        try
        {
            await test(cluster);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}

public class ClusterTests
{
    [Theory]
    [InlineData(2, 1000, 128, 0)]
    [InlineData(3, 777, 100, 2)]
    public async Task Cluster_GivesExactlyTheInProcessResult(short silos, int paths, int slicePaths, int sitesPerSlice)
    {
        var cluster = await TestClusters.StartAsync(silos);
        try
        {
            var request = Requests.Make(sites: 5);
            var executor = new ClusterValuationExecutor(cluster.Client, new ClusterRunOptions { SlicePaths = slicePaths, SitesPerSlice = sitesPerSlice });
            var heard = 0;
            var result = await executor.RunAsync(request, paths, new SyncProgress(n => Interlocked.Add(ref heard, n)), CancellationToken.None);

            Requests.AssertIdentical(ValuationEngine.Run(request, paths), result);
            Assert.Equal(paths, heard);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sweep_OfAssumptionSets_EqualsEachSetRunAlone()
    {
        await TestClusters.WithAsync(3, async cluster =>
        {
            var sets = new[] { Requests.Make(volatility: 0.3), Requests.Make(volatility: 0.55), Requests.Make(volatility: 0.8, seed: 7) };
            var executor = new ClusterValuationExecutor(cluster.Client, new ClusterRunOptions { SlicePaths = 90, SitesPerSlice = 1 });
            var results = await executor.SweepAsync(sets, 400, null, CancellationToken.None);

            for (var i = 0; i < sets.Length; i++)
            {
                Requests.AssertIdentical(ValuationEngine.Run(sets[i], 400), results[i]);
            }

            Assert.NotEqual(results[0].PortfolioNpvUsd, results[2].PortfolioNpvUsd);
        });
    }

    [Fact]
    public async Task Slices_RunOnEverySilo()
    {
        await TestClusters.WithAsync(3, async cluster =>
        {
            var silos = new HashSet<string>();
            for (var i = 0; i < 30; i++)
            {
                var slice = cluster.Client.GetGrain<IValuationSliceGrain>($"spread/{i}/0");
                silos.Add(await slice.GetSiloAsync());
            }

            Assert.Equal(3, silos.Count);
        });
    }

    [Fact]
    public async Task Cancel_EndsTheRun_Cancelled()
    {
        await TestClusters.WithAsync(2, async cluster =>
        {
            var executor = new ClusterValuationExecutor(cluster.Client, new ClusterRunOptions { SlicePaths = 20, MaxInFlight = 1 });
            using var cancel = new CancellationTokenSource();
            var run = executor.RunAsync(Requests.Make(sites: 5), 20_000, new SyncProgress(_ => cancel.Cancel()), cancel.Token);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        });
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; posts to the pool, too late for assertions).</summary>
internal sealed class SyncProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
