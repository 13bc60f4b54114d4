namespace HashPivot.Engine.Fleet;

/// <summary>A number of identical machines of one model in a fleet; one tier of a site's mining load.</summary>
/// <param name="Model">The ASIC model.</param>
/// <param name="Count">Machines installed.</param>
public sealed record FleetUnit(AsicModel Model, int Count);
