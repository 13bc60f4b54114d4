using System.CommandLine;
using HashPivot.Data.Store;
using HashPivot.Web;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot serve</c>: the HashPivot server (API, dashboard, OpenAPI reference) on the embedded SQLite store or PostgreSQL, seeded with the samples on first start.</summary>
internal static class ServeCommand
{
    public static Command Build(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (loopback by default).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (Host=...;Username=...;Database=...) instead of the SQLite file of --db." };
        var cluster = new Option<string?>("--cluster") { Description = "Run valuations on the Orleans cluster behind this gateway (HOST:PORT, see hashpivot silo) instead of in the server's process." };
        var command = new Command("serve", "Start the HashPivot server: /api/v1 (OpenAPI at /openapi/v1.json, reference at /scalar/v1), the dashboard and /health. "
            + "On first start it creates workspace 'demo' with admin@hashpivot.local (password from HASHPIVOT_ADMIN_PASSWORD, or printed once) and the samples.")
        {
            urls, postgres, cluster,
        };
        command.Validators.Add(r =>
        {
            if (r.GetResult(postgres) is not null && r.GetResult(StoreOption.Db) is not null)
            {
                r.AddError("Give --db PATH or --postgres CONNSTR, not both.");
            }
        });
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var db = parsed.GetValue(postgres) ?? parsed.GetValue(StoreOption.Db) ?? StorePaths.DefaultSqlitePath();
            context.Error.WriteLine($"HashPivot server on {parsed.GetValue(urls)}; store {(StoreFactory.IsPostgresConnectionString(db) ? "PostgreSQL" : db)}. Ctrl+C stops it.");
            string[] args = ["--urls", parsed.GetValue(urls)!, "--HashPivot:Db=" + db];
            if (parsed.GetValue(cluster) is { } gateway)
            {
                context.Error.WriteLine($"Valuations run on the cluster at {gateway}.");
                args = [.. args, "--HashPivot:Cluster=" + gateway];
            }

            HashPivotServer.Build(args).Run();
            return CliApp.Ok;
        }));
        return command;
    }
}
