using System.Net;

namespace HashPivot.Cluster.Hosting;

/// <summary>
/// How a silo joins its cluster: ids, ports, and the membership provider — development (localhost) clustering with a primary silo's
/// endpoint, or ADO.NET clustering on PostgreSQL when <see cref="PostgresConnectionString"/> is set.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>Default silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>Default client gateway port.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The cluster's id: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; init; } = "hashpivot";

    /// <summary>The service's id (stable across deployments of the same service).</summary>
    public string ServiceId { get; init; } = "hashpivot";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; init; } = DefaultSiloPort;

    /// <summary>Port clients connect to (<c>--cluster HOST:PORT</c>).</summary>
    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>Development clustering: the primary silo's silo-to-silo endpoint (null: this silo is the primary).</summary>
    public IPEndPoint? PrimarySilo { get; init; }

    /// <summary>ADO.NET clustering on PostgreSQL (Npgsql connection string); null for development clustering.</summary>
    public string? PostgresConnectionString { get; init; }
}
