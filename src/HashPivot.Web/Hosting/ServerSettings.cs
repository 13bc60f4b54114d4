namespace HashPivot.Web.Hosting;

/// <summary>The server's settings, read from configuration section <c>HashPivot</c> (e.g. <c>--HashPivot:Db=PATH</c> or <c>HashPivot__Db</c>).</summary>
public sealed class ServerSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "HashPivot";

    /// <summary>A SQLite file path or a PostgreSQL connection string; default: the CLI's default SQLite file.</summary>
    public string? Db { get; set; }

    /// <summary>The demo admin's password for the first start; otherwise HASHPIVOT_ADMIN_PASSWORD, otherwise one is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>The largest request body accepted, in bytes (dataset uploads included); larger ones get 413 with a problem detail.</summary>
    public long MaxRequestBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Synchronous valuations (POST .../value, the page) that run at once; more wait their turn. Default: the processor count (bench/RESULTS.md).</summary>
    public int MaxConcurrentValuations { get; set; } = Environment.ProcessorCount;

    /// <summary>Valuation jobs that run at once; default: the processor count. More wait in the queue.</summary>
    public int MaxConcurrentJobs { get; set; } = Environment.ProcessorCount;

    /// <summary>Valuation jobs that may wait for a slot; a start beyond this is refused with 503 and a problem detail.</summary>
    public int MaxQueuedJobs { get; set; } = 64;

    /// <summary>Finished jobs kept in memory for GET /api/v1/jobs (oldest forgotten first; their runs stay in the store).</summary>
    public int JobHistory { get; set; } = 500;

    /// <summary>An Orleans cluster's gateway (HOST:PORT, see <c>hashpivot silo</c>) to run valuations on; unset: in this process.</summary>
    public string? Cluster { get; set; }

    /// <summary>The cluster's id (as given to <c>hashpivot silo --cluster-id</c>).</summary>
    public string ClusterId { get; set; } = "hashpivot";

    /// <summary>Paths per cluster slice (0: about 25,000 path-sites a slice, at least four slices a run).</summary>
    public int ClusterSlicePaths { get; set; } = HashPivot.Cluster.Hosting.ClusterRunOptions.DefaultSlicePaths;

    /// <summary>Whether to create the demo workspace, admin and samples when the store has no user.</summary>
    public bool Seed { get; set; } = true;
}
