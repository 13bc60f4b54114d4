using System.Net;
using HashPivot.Cluster.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace HashPivot.Cluster.Hosting;

/// <summary>Configures an Orleans silo to host HashPivot's grains with the membership provider of <see cref="ClusterSettings"/>.</summary>
public static class SiloConfiguration
{
    /// <summary>Adds the grains' services and the clustering to <paramref name="silo"/>.</summary>
    public static ISiloBuilder UseHashPivot(this ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        silo.AddHashPivotGrains();
        if (settings.PostgresConnectionString is { } connection)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connection;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, settings.SiloPort, settings.GatewayPort);
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, settings.PrimarySilo, settings.ServiceId, settings.ClusterId);
        }

        return silo;
    }

    /// <summary>The services HashPivot's grains need (without clustering, for a test cluster that brings its own).</summary>
    public static ISiloBuilder AddHashPivotGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<SiloRequestCache>();

        // Slices can carry tens of MB of per-path NPVs (sites × strategies × paths doubles); Orleans' default body limit is 100 MB.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
        return silo;
    }
}
