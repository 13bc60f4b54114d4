using System.CommandLine;
using HashPivot.Cluster.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot silo</c>: an Orleans silo hosting HashPivot's valuation grains, joined by development (localhost) or ADO.NET (PostgreSQL) clustering.</summary>
internal static class SiloCommand
{
    public static Command Build(CliContext context)
    {
        var clusterId = new Option<string>("--cluster-id") { Description = "The cluster's id; silos and clients with the same id form one cluster.", DefaultValueFactory = _ => "hashpivot" };
        var port = new Option<int>("--port") { Description = "Silo-to-silo port.", DefaultValueFactory = _ => ClusterSettings.DefaultSiloPort };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port clients connect to (value --cluster 127.0.0.1:PORT).", DefaultValueFactory = _ => ClusterSettings.DefaultGatewayPort };
        var primary = new Option<string?>("--primary") { Description = "Development clustering: the primary silo's HOST:PORT (silo-to-silo port); omit on the primary itself." };
        var postgres = new Option<string?>("--postgres") { Description = "ADO.NET clustering on PostgreSQL (Npgsql connection string) instead of development clustering; the Orleans membership tables must exist." };
        var command = new Command("silo", "Start an Orleans silo that runs valuation slices for hashpivot value --cluster and the server. Ctrl+C stops it.\n"
            + "Two silos on one machine: hashpivot silo --port 11111 --gateway-port 30000, then hashpivot silo --port 11112 --gateway-port 30001 --primary 127.0.0.1:11111")
        {
            clusterId, port, gatewayPort, primary, postgres,
        };
        foreach (var p in new[] { port, gatewayPort })
        {
            p.Validators.Add(r =>
            {
                if (Options.TryTypedNumber(r, out var v) && v is < 1 or > 65535)
                {
                    r.AddError($"{r.Option.Name} must be a port between 1 and 65535.");
                }
            });
        }

        command.Validators.Add(r =>
        {
            if (r.GetResult(postgres) is not null && r.GetResult(primary) is not null)
            {
                r.AddError("Give --primary (development clustering) or --postgres (ADO.NET clustering), not both.");
            }
        });
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var settings = new ClusterSettings
            {
                ClusterId = parsed.GetValue(clusterId)!,
                SiloPort = parsed.GetValue(port),
                GatewayPort = parsed.GetValue(gatewayPort),
                PrimarySilo = parsed.GetValue(primary) is { } p ? ClusterConnection.ParseAsync(p).GetAwaiter().GetResult() : null,
                PostgresConnectionString = parsed.GetValue(postgres),
            };
            if (settings.PostgresConnectionString is { } connection
                && PostgresMembership.MissingTablesAsync(connection).GetAwaiter().GetResult() is { Count: > 0 } missing)
            {
                context.Error.WriteLine($"error: --postgres: the database has no Orleans membership table(s) {string.Join(", ", missing)}. Create them once with Orleans' "
                    + "PostgreSQL-Main.sql and PostgreSQL-Clustering.sql (dotnet/orleans, src/AdoNet, tag v10.4.2; not shipped in the NuGet package) — see the README.");
                return 2;
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleans(silo => silo.UseHashPivot(settings));
            using var host = builder.Build();
            host.Start();
            var membership = settings.PostgresConnectionString is null ? $"development clustering, primary {settings.PrimarySilo?.ToString() ?? "this silo"}" : "ADO.NET clustering on PostgreSQL";
            context.Error.WriteLine($"silo up: cluster '{settings.ClusterId}', silo port {settings.SiloPort}, gateway 127.0.0.1:{settings.GatewayPort} ({membership}). Ctrl+C stops it.");
            host.WaitForShutdown();
            return CliApp.Ok;
        }));
        return command;
    }
}
