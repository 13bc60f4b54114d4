using System.Net.Http.Headers;
using HashPivot.Data.Store;
using HashPivot.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HashPivot.Web.Tests;

/// <summary>The real server in memory over its own store: a fresh SQLite file, or a fresh schema of the PostgreSQL server in HASHPIVOT_TEST_POSTGRES; seeded with the demo workspace.</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "correct horse battery staple";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hashpivot-web-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresAdmin;
    private readonly string? _schema;
    private bool _cleaned;

    public ServerFactory()
        : this(postgres: false)
    {
    }

    internal ServerFactory(bool postgres)
    {
        if (postgres)
        {
            _postgresAdmin = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException("HASHPIVOT_TEST_POSTGRES is not set");
            _schema = "hp_web_" + Guid.NewGuid().ToString("N");
            Execute(_postgresAdmin, $"CREATE SCHEMA {_schema}");
            Db = new NpgsqlConnectionStringBuilder(_postgresAdmin) { SearchPath = _schema }.ConnectionString;
        }
        else
        {
            Directory.CreateDirectory(_directory);
            Db = Path.Combine(_directory, "web.db");
        }
    }

    public string Db { get; }

    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>More configuration (e.g. <c>HashPivot:MaxConcurrentJobs</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Replaces services after the server's own registrations (e.g. a gated valuation executor).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public SqlStore Store => Services.GetRequiredService<SqlStore>();

    /// <summary>A client of the seeded demo admin (workspace "demo"), authenticated by an API token.</summary>
    public async Task<HttpClient> DemoAdminAsync()
    {
        var user = (await Store.FindUserAsync("admin@hashpivot.local"))!;
        var membership = (await Store.GetMembershipsAsync(user.Id)).Single();
        return await TokenClientAsync(user.Id, membership.Workspace.Id);
    }

    /// <summary>A new workspace with one member of the given role, and a client authenticated as them by an API token.</summary>
    public async Task<(HttpClient Client, Workspace Workspace)> MemberAsync(string workspace, WorkspaceRole role)
    {
        _ = Server; // start the host (seeding included)
        var w = await Store.CreateWorkspaceAsync(workspace);
        var user = await Store.CreateUserAsync($"{role.ToString().ToLowerInvariant()}@{workspace}.test", Passwords.Hash("pw-" + workspace));
        await Store.SetMembershipAsync(w.Id, user.Id, role);
        return (await TokenClientAsync(user.Id, w.Id), w);
    }

    public async Task<HttpClient> TokenClientAsync(long userId, long workspaceId)
    {
        var secret = ApiTokenHandler.NewSecret();
        await Store.CreateApiTokenAsync(userId, workspaceId, "test", ApiTokenHandler.Hash(secret));
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("HashPivot:Db", Db);
        builder.UseSetting("HashPivot:AdminPassword", AdminPassword);
        builder.UseSetting("HashPivot:MaxRequestBytes", MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_cleaned)
        {
            _cleaned = true;
            if (_schema is not null && _postgresAdmin is not null)
            {
                Execute(_postgresAdmin, $"DROP SCHEMA {_schema} CASCADE");
            }

            if (Directory.Exists(_directory))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(_directory, recursive: true);
            }
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that runs only when .ci/run (or the developer) provided a PostgreSQL server in HASHPIVOT_TEST_POSTGRES.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (ConnectionString is null)
        {
            Skip = "HASHPIVOT_TEST_POSTGRES is not set: the PostgreSQL server tests need a server (.ci/run starts one on 127.0.0.1).";
        }
    }

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable("HASHPIVOT_TEST_POSTGRES") is { Length: > 0 } value ? value : null;
}
