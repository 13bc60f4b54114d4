using HashPivot.Engine.Compute;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Units;

namespace HashPivot.Engine.Sites;

/// <summary>A power site: its grid interconnection (MW), power price, mining fleet, AI deployments and the AI offers it could take.</summary>
/// <param name="Name">Site name.</param>
/// <param name="Market">Grid market or ISO (ERCOT, PJM, hydro-contract…).</param>
/// <param name="Interconnection">Grid connection capacity.</param>
/// <param name="Power">Power price.</param>
/// <param name="Fleet">Installed miners.</param>
/// <param name="Deployments">AI/HPC load already on site.</param>
/// <param name="LeaseOffer">The colocation terms the site could sign for the MW compared.</param>
/// <param name="CloudOffer">The GPU-cloud terms the site could run instead.</param>
public sealed record Site(
    string Name,
    string Market,
    Megawatts Interconnection,
    PowerPrice Power,
    MiningFleet Fleet,
    IReadOnlyList<AiDeployment> Deployments,
    ColocationLease LeaseOffer,
    GpuCloud CloudOffer)
{
    /// <summary>Grid MW already taken by AI deployments.</summary>
    public Megawatts AiLoad => new(Deployments.Sum(d => d.GridMw.Value));

    /// <summary>Interconnection left after AI and mining load.</summary>
    public Megawatts Headroom => Interconnection - AiLoad - Fleet.SitePower;
}
