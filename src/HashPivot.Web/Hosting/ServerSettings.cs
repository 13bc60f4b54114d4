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

    /// <summary>Whether to create the demo workspace, admin and samples when the store has no user.</summary>
    public bool Seed { get; set; } = true;
}
