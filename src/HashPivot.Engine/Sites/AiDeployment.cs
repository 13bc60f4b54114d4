using HashPivot.Engine.Compute;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sites;

/// <summary>AI/HPC load already contracted or built at a site: MW of grid connection given to it and the terms it earns under.</summary>
/// <param name="Name">Tenant or project name.</param>
/// <param name="GridMw">MW of the site's interconnection the deployment takes (gross, not IT).</param>
/// <param name="Lease">Lease terms, when the deployment is a colocation lease.</param>
/// <param name="Cloud">GPU-cloud terms, when the site runs GPUs itself.</param>
public sealed record AiDeployment(string Name, Megawatts GridMw, ColocationLease? Lease, GpuCloud? Cloud)
{
    /// <summary>Annual economics of this deployment per grid MW at the site's average power price; null when it has no terms.</summary>
    public ComputeEconomics? PerGridMw(UsdPerMwh powerPrice) => Lease?.PerGridMw() ?? Cloud?.PerGridMw(powerPrice);
}
