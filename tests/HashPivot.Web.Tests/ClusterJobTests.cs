using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using HashPivot.Cluster.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HashPivot.Web.Tests;

/// <summary>One real Orleans silo on loopback ports (development clustering), as <c>hashpivot silo</c> starts it.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private IHost? _silo;

    public string Gateway { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var gateway = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(s => s.UseHashPivot(new ClusterSettings { ClusterId = "web-test", SiloPort = FreePort(), GatewayPort = gateway }));
        _silo = builder.Build();
        await _silo.StartAsync();
        Gateway = $"127.0.0.1:{gateway}";
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

// With HashPivot:Cluster set the server's valuation jobs run on the cluster, and give what the in-process server gives.
public sealed class ClusterJobTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    [Fact]
    public async Task JobOnTheCluster_StoresExactlyTheInProcessResult()
    {
        await using var clustered = new ServerFactory
        {
            Settings = new Dictionary<string, string> { ["HashPivot:Cluster"] = silo.Gateway, ["HashPivot:ClusterId"] = "web-test", ["HashPivot:ClusterSlicePaths"] = "100" },
        };
        await using var local = new ServerFactory();
        var admin = await clustered.DemoAdminAsync();
        var id = await JobApiTests.SamplePortfolioAsync(admin);

        var started = await admin.PostAsJsonAsync($"/api/v1/portfolios/{id}/valuations", new { paths = 450, seed = 5 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var (job, seen) = await JobApiTests.WaitAsync(admin, started.Headers.Location!.OriginalString);
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal(450, job.GetProperty("paths_done").GetInt32());
        Assert.Equal($"cluster {silo.Gateway}", job.GetProperty("executor").GetString());

        // Progress came from the cluster's slices: four of 100 paths and one of 50, finishing in any order, so every count is a multiple
        // of 50 (the in-process engine reports 256-path blocks: 256, then 450).
        Assert.All(seen, p => Assert.True(p % 50 == 0, $"progress {p} is not a sum of the 100- and 50-path slices"));
        var run = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/runs/{job.GetProperty("run_id").GetString()}");

        var localAdmin = await local.DemoAdminAsync();
        var localId = await JobApiTests.SamplePortfolioAsync(localAdmin);
        var sync = await localAdmin.PostAsJsonAsync($"/api/v1/portfolios/{localId}/value", new { paths = 450, seed = 5 });
        var expected = (await sync.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.GetRawText()), JsonNode.Parse(run.GetProperty("results").GetRawText())),
            "the cluster job's stored result differs from the in-process valuation with the same seed");
    }
}
