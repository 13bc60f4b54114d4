using System.Security.Cryptography;
using HashPivot.Data.Analysis;
using HashPivot.Data.Store;
using HashPivot.Web.Accounts;

namespace HashPivot.Web.Hosting;

/// <summary>On the first start (a store without users): a demo workspace, its admin, the sample portfolio and the synthetic grid and equity datasets.</summary>
/// <remarks>The admin password comes from settings or HASHPIVOT_ADMIN_PASSWORD; otherwise one is generated and written once to standard output, never to the log.</remarks>
internal sealed class SeedOnStart(SqlStore store, ServerSettings settings) : IHostedService
{
    public const string Workspace = "demo";
    public const string AdminEmail = "admin@hashpivot.local";
    public const string PasswordVariable = "HASHPIVOT_ADMIN_PASSWORD";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Seed || await store.HasUsersAsync(cancellationToken))
        {
            return;
        }

        var given = settings.AdminPassword ?? Environment.GetEnvironmentVariable(PasswordVariable);
        var password = string.IsNullOrEmpty(given) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)) : given;
        var workspace = await store.CreateWorkspaceAsync(Workspace, cancellationToken);
        var admin = await store.CreateUserAsync(AdminEmail, Passwords.Hash(password), cancellationToken);
        await store.SetMembershipAsync(workspace.Id, admin.Id, WorkspaceRole.Admin, cancellationToken);
        await SeedWorkspaceAsync(store.ForWorkspace(workspace.Id), cancellationToken);
        if (string.IsNullOrEmpty(given))
        {
            // Deliberately stdout, not ILogger: shown once to whoever started the server, never kept in a log.
            Console.Out.WriteLine($"HashPivot: created workspace '{Workspace}' with admin {AdminEmail}, password {password} (shown once; set {PasswordVariable} to choose it)");
        }
        else
        {
            Console.Out.WriteLine($"HashPivot: created workspace '{Workspace}' with admin {AdminEmail} (password from {PasswordVariable})");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The sample datasets and portfolio in one workspace.</summary>
    public static async Task SeedWorkspaceAsync(WorkspaceStore workspace, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await workspace.SaveDatasetAsync(new DatasetInfo(Samples.GridDataset, DatasetKind.Synthetic, "samples/synthetic/grid_prices_hourly_2024_synthetic.csv (SYNTHETIC)", now),
            DatasetCsv.Parse(Samples.Text("grid_prices_hourly_2024_synthetic.csv"), "grid_prices_hourly_2024_synthetic.csv", DatasetKind.Synthetic), replace: true, cancellationToken);
        await workspace.SaveDatasetAsync(new DatasetInfo(Samples.EquityDataset, DatasetKind.Equity, "samples/synthetic/equities_daily_2025_2026_synthetic.csv (SYNTHETIC)", now),
            DatasetCsv.Parse(Samples.Text("equities_daily_2025_2026_synthetic.csv"), "equities_daily_2025_2026_synthetic.csv", DatasetKind.Equity), replace: true, cancellationToken);
        await workspace.CreatePortfolioAsync(Samples.PortfolioName, Samples.Portfolio(), cancellationToken);
    }
}
