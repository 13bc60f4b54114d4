using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace HashPivot.Cluster.Hosting;

/// <summary>A connected Orleans client (to one gateway, <c>HOST:PORT</c>) and its host; dispose to disconnect.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, string gateway)
    {
        _host = host;
        Gateway = gateway;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>Tries at connecting to the gateway, a second apart, before giving up.</summary>
    public const int ConnectAttempts = 10;

    /// <summary>The gateway connected to, as given.</summary>
    public string Gateway { get; }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects to the silo gateway at <paramref name="hostPort"/> (e.g. 127.0.0.1:30000) of cluster <paramref name="clusterId"/>.</summary>
    /// <exception cref="ArgumentException">The endpoint is not HOST:PORT.</exception>
    public static async Task<ClusterConnection> ConnectAsync(string hostPort, string clusterId = "hashpivot", string serviceId = "hashpivot", CancellationToken cancellationToken = default)
    {
        var endpoint = await ParseAsync(hostPort, cancellationToken).ConfigureAwait(false);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        var attempts = 0;
        builder.UseOrleansClient(c =>
        {
            c.UseStaticClustering(endpoint);

            // Orleans retries the first connection for minutes by default; a gateway that does not answer in ~10 s is a wrong address.
            c.UseConnectionRetryFilter(async (_, token) =>
            {
                if (++attempts >= ConnectAttempts)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                return true;
            });
            c.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ClusterConnection(host, hostPort);
    }

    /// <summary>HOST:PORT as an IP endpoint (a host name resolves to its first IPv4 address).</summary>
    public static async Task<IPEndPoint> ParseAsync(string hostPort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hostPort);
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"'{hostPort}' is not HOST:PORT (e.g. 127.0.0.1:30000)", nameof(hostPort));
        }

        var host = hostPort[..colon];
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var v4 = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"host '{host}' does not resolve", nameof(hostPort));
        return new IPEndPoint(v4, port);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
