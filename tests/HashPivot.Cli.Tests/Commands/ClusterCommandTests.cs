using System.Net;
using System.Net.Sockets;
using HashPivot.Cluster.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HashPivot.Cli.Tests.Commands;

public class ClusterCommandTests
{
    [Fact]
    public async Task ValueOnATwoSiloCluster_PrintsExactlyTheLocalJson()
    {
        // Two real silos (development clustering over loopback TCP, as `hashpivot silo` starts them) in this process.
        var primaryPort = FreePort();
        using var primary = await StartSiloAsync(new ClusterSettings { ClusterId = "cli-test", SiloPort = primaryPort, GatewayPort = FreePort() });
        var secondaryGateway = FreePort();
        using var secondary = await StartSiloAsync(new ClusterSettings
        {
            ClusterId = "cli-test",
            SiloPort = FreePort(),
            GatewayPort = secondaryGateway,
            PrimarySilo = new IPEndPoint(IPAddress.Loopback, primaryPort),
        });
        try
        {
            var sample = CliRunner.Sample("portfolio.yaml");
            var local = CliRunner.Run("value", sample, "--paths", "700", "--seed", "11", "--json");
            var remote = CliRunner.Run("value", sample, "--paths", "700", "--seed", "11", "--json", "--cluster", $"127.0.0.1:{secondaryGateway}", "--cluster-id", "cli-test", "--slice-paths", "90");

            Assert.Equal(0, local.Exit);
            Assert.True(remote.Exit == 0, remote.Err);
            Assert.Equal(local.Out, remote.Out);
            Assert.Equal(4, remote.Json().GetProperty("sites").GetArrayLength());
        }
        finally
        {
            await secondary.StopAsync();
            await primary.StopAsync();
        }
    }

    [Theory]
    [InlineData("--cluster", "no-port-here", "HOST:PORT")]
    [InlineData("--slice-paths", "-1", "--slice-paths")]
    public void Value_BadClusterOptions_AreRefusedWithTheirName(string option, string value, string expected)
    {
        var run = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "10", option, value);

        Assert.Equal(2, run.Exit);
        Assert.Contains(expected, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_OnAGatewayNobodyListensOn_SaysSoAndExits2()
    {
        var run = CliRunner.Run("value", CliRunner.Sample("portfolio.yaml"), "--paths", "10", "--cluster", $"127.0.0.1:{FreePort()}");

        Assert.Equal(2, run.Exit);
        Assert.Contains("no silo gateway answers", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_BadPortOrTwoMembershipProviders_AreRefused()
    {
        var port = CliRunner.Run("silo", "--port", "70000");
        var both = CliRunner.Run("silo", "--primary", "127.0.0.1:11111", "--postgres", "Host=127.0.0.1");

        Assert.Equal(2, port.Exit);
        Assert.Contains("--port", port.Err, StringComparison.Ordinal);
        Assert.Equal(2, both.Exit);
        Assert.Contains("not both", both.Err, StringComparison.Ordinal);
    }

    private static async Task<IHost> StartSiloAsync(ClusterSettings settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseHashPivot(settings));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public class SiloPostgresTests
{
    [PostgresFact]
    public void Silo_OnAPostgresWithoutOrleansTables_SaysWhichTablesAndWhereToGetThem()
    {
        // CI's PostgreSQL holds HashPivot's store, not Orleans' membership schema (its scripts are not in the NuGet package), so the
        // silo must refuse with the missing tables named rather than start and fail to join.
        var run = CliRunner.Run("silo", "--postgres", Environment.GetEnvironmentVariable("HASHPIVOT_TEST_POSTGRES")!);

        Assert.Equal(2, run.Exit);
        Assert.Contains("orleansmembershiptable", run.Err, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL-Clustering.sql", run.Err, StringComparison.Ordinal);
    }
}
