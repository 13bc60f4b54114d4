using HashPivot.Cluster.Grains;
using HashPivot.Cluster.Hosting;
using HashPivot.Engine.Valuation;
using Xunit.Abstractions;

namespace HashPivot.Cluster.Tests;

public class FaultToleranceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task KillingAWorkerSiloMidRun_StillGivesTheIdenticalResult()
    {
        await TestClusters.WithAsync(3, async cluster =>
        {
            const int Paths = 3000;
            var request = Requests.Make(sites: 5);
            string? runId = null;
            var executor = new ClusterValuationExecutor(cluster.Client, new ClusterRunOptions { SlicePaths = 25, MaxInFlight = 6 })
            {
                RunStarted = id => runId = id,
            };
            var done = 0;
            Task? kill = null;
            long pathsWhenKilled = -1;
            var pathsAfterKill = -1;
            var progress = new SyncProgress(n =>
            {
                // Once a tenth of the run is done, kill (no graceful shutdown) a silo that is neither the primary (it holds the development
                // membership table) nor the coordinator's: its running slices are lost and must be re-run on the others.
                if (Interlocked.Add(ref done, n) >= Paths / 10 && kill is null)
                {
                    kill = Task.Run(async () =>
                    {
                        var coordinator = await cluster.Client.GetGrain<IValuationRunGrain>(runId!).GetSiloAsync();
                        var victim = cluster.SecondarySilos.First(s => !coordinator.Contains(s.SiloAddress.Endpoint.ToString(), StringComparison.Ordinal));
                        pathsWhenKilled = (await cluster.Client.GetGrain<IValuationRunGrain>(runId!).GetStatusAsync()).PathsDone;
                        await cluster.KillSiloAsync(victim);
                        pathsAfterKill = Volatile.Read(ref done);
                    });
                }
            });

            var executionsBefore = ValuationSliceGrain.Executions;
            var result = await executor.RunAsync(request, Paths, progress, CancellationToken.None);
            await kill!;
            var executions = ValuationSliceGrain.Executions - executionsBefore;

            Requests.AssertIdentical(ValuationEngine.Run(request, Paths), result);
            Assert.InRange(pathsWhenKilled, 0, Paths - 1); // the kill began while the run was going
            // The kill itself usually completes mid-run (at ~60 % of the paths here) but can take longer than the run on a busy machine; the
            // output says which, the assertions above hold either way.
            output.WriteLine($"killed at {pathsWhenKilled} of {Paths} paths (dead at {pathsAfterKill}); {executions} slice executions for {Paths / 25} slices");

            // Finished slices are never re-run: at most the slices in flight on the dead silo (≤ MaxInFlight) run twice.
            Assert.InRange(executions, Paths / 25, (Paths / 25) + 6);
            Assert.Equal(2, cluster.GetActiveSilos().Count());
        });
    }

    [Fact]
    public async Task KillingTheCoordinatorsSiloMidRun_StillGivesTheIdenticalResult()
    {
        await TestClusters.WithAsync(3, async cluster =>
        {
            const int Paths = 3000;
            var request = Requests.Make(sites: 5);
            for (var attempt = 0; ; attempt++)
            {
                // The coordinator lands where placement puts it; the primary silo holds the development membership table and cannot be
                // killed, so a run whose coordinator is on the primary is cancelled and tried again under a new id.
                using var retry = new CancellationTokenSource();
                string? coordinator = null;
                Task? kill = null;
                var done = 0;
                var killedAt = -1;
                var executor = new ClusterValuationExecutor(cluster.Client, new ClusterRunOptions { SlicePaths = 25, MaxInFlight = 3 })
                {
                    RunStarted = id => coordinator = id,
                };
                var progress = new SyncProgress(n =>
                {
                    if (Interlocked.Add(ref done, n) >= Paths / 10 && kill is null)
                    {
                        kill = Task.Run(async () =>
                        {
                            var silo = await cluster.Client.GetGrain<IValuationRunGrain>(coordinator!).GetSiloAsync();
                            var victim = cluster.SecondarySilos.FirstOrDefault(s => silo.Contains(s.SiloAddress.Endpoint.ToString(), StringComparison.Ordinal));
                            if (victim is null)
                            {
                                await retry.CancelAsync();
                                return;
                            }

                            killedAt = Volatile.Read(ref done);
                            await cluster.KillSiloAsync(victim);
                            output.WriteLine($"killed the coordinator's silo {silo} at {killedAt} paths");
                        });
                    }
                });

                try
                {
                    var result = await executor.RunAsync(request, Paths, progress, retry.Token);
                    await kill!;
                    if (retry.IsCancellationRequested && attempt < 20)
                    {
                        continue; // the run finished before its cancellation (coordinator on the primary) was seen
                    }

                    Assert.InRange(killedAt, 0, Paths - 1); // the coordinator's silo was killed while the run was going
                    Requests.AssertIdentical(ValuationEngine.Run(request, Paths), result);
                    Assert.Equal(2, cluster.GetActiveSilos().Count());
                    return;
                }
                catch (OperationCanceledException) when (retry.IsCancellationRequested && attempt < 20)
                {
                    output.WriteLine("coordinator on the primary silo; trying another run");
                }
            }
        });
    }
}
