using HashPivot.Cluster.Hosting;
using HashPivot.Engine.Valuation;
using Orleans.Configuration;

namespace HashPivot.Web.Hosting;

/// <summary>Connects the server to an Orleans cluster (<see cref="ServerSettings.Cluster"/>) and makes it the valuation executor of jobs and runs.</summary>
internal static class ClusterClient
{
    public static void Add(WebApplicationBuilder builder, ServerSettings settings)
    {
        var gateway = ClusterConnection.ParseAsync(settings.Cluster!).GetAwaiter().GetResult();
        builder.UseOrleansClient(c =>
        {
            c.UseStaticClustering(gateway);
            c.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = "hashpivot";
            });
        });
        builder.Services.AddSingleton<IValuationExecutor>(sp => new ClusterValuationExecutor(
            sp.GetRequiredService<IClusterClient>(), new ClusterRunOptions { SlicePaths = settings.ClusterSlicePaths }, $"cluster {settings.Cluster}"));
    }
}
