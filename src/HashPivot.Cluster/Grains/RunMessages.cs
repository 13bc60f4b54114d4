namespace HashPivot.Cluster.Grains;

/// <summary>A sweep to run: encoded valuation requests (one per assumption set), the paths per set and how to slice them.</summary>
[GenerateSerializer]
public sealed class SweepOrder
{
    /// <summary>Encoded requests (<see cref="Wire.ValuationWire.EncodeRequest"/>), one per assumption set.</summary>
    [Id(0)]
    public required byte[][] Requests { get; init; }

    /// <summary>Monte-Carlo paths per assumption set.</summary>
    [Id(1)]
    public required int Paths { get; init; }

    /// <summary>Paths per slice.</summary>
    [Id(2)]
    public required int SlicePaths { get; init; }

    /// <summary>Sites per slice (0 = all of a request's sites in one slice).</summary>
    [Id(3)]
    public int SitesPerSlice { get; init; }

    /// <summary>Slices in flight at once (0 = all).</summary>
    [Id(4)]
    public int MaxInFlight { get; init; }
}

/// <summary>One slice of a sweep: an assumption set, a range of paths and a range of sites.</summary>
[GenerateSerializer]
public sealed class SliceOrder
{
    /// <summary>The run (coordinator grain key) the slice belongs to; the slice fetches its request from there.</summary>
    [Id(0)]
    public required string RunId { get; init; }

    /// <summary>Content key of the encoded request (<see cref="Wire.ValuationWire.Key"/>), for the silo's cache.</summary>
    [Id(1)]
    public required string RequestKey { get; init; }

    /// <summary>Assumption set (index into the sweep's requests).</summary>
    [Id(2)]
    public required int Set { get; init; }

    /// <summary>First path of the slice.</summary>
    [Id(3)]
    public required int FirstPath { get; init; }

    /// <summary>Paths in the slice.</summary>
    [Id(4)]
    public required int PathCount { get; init; }

    /// <summary>First site of the slice.</summary>
    [Id(5)]
    public required int FirstSite { get; init; }

    /// <summary>Sites in the slice.</summary>
    [Id(6)]
    public required int SiteCount { get; init; }
}

/// <summary>Where a run stands: paths and slices done, slices re-run after a failure, and the outcome once finished.</summary>
[GenerateSerializer]
public sealed class RunStatus
{
    /// <summary>Path-site units done ÷ sites, summed over assumption sets (so it reaches Paths × sets).</summary>
    [Id(0)]
    public long PathsDone { get; init; }

    /// <summary>Paths × assumption sets.</summary>
    [Id(1)]
    public long PathsTotal { get; init; }

    /// <summary>Slices finished.</summary>
    [Id(2)]
    public int SlicesDone { get; init; }

    /// <summary>Slices in the run.</summary>
    [Id(3)]
    public int SlicesTotal { get; init; }

    /// <summary>Slice attempts that failed (a silo died, a timeout) and were run again.</summary>
    [Id(4)]
    public int SlicesRetried { get; init; }

    /// <summary>"idle", "running", "succeeded", "failed" or "cancelled".</summary>
    [Id(5)]
    public required string State { get; init; }

    /// <summary>The failure, when <see cref="State"/> is "failed".</summary>
    [Id(6)]
    public string? Error { get; init; }
}
