using HashPivot.Engine.Series;

namespace HashPivot.Engine.Tests.Series;

public class InstantAuditTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Audit_ContinuousSequence_Clean() =>
        Assert.True(InstantAudit.Audit([0L, 3600, 7200], Hour).IsClean);

    [Fact]
    public void Audit_ThreeHoursMissing_OneGapWithRangeAndCount()
    {
        var r = InstantAudit.Audit([0L, 3600, 18000], Hour);

        var gap = Assert.Single(r.Gaps);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(7200), gap.From);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(18000), gap.To);
        Assert.Equal(3, gap.MissingCount);
        Assert.Empty(r.Duplicates);
    }

    [Fact]
    public void Audit_RepeatedInstantAnywhere_DuplicateWithBothIndices()
    {
        var r = InstantAudit.Audit([0L, 3600, 7200, 3600], Hour);

        var dup = Assert.Single(r.Duplicates);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(3600), dup.Instant);
        Assert.Equal((1, 3), (dup.FirstIndex, dup.Index));
        Assert.Empty(r.OutOfOrder);
        Assert.Empty(r.Gaps);
    }

    [Fact]
    public void Audit_EarlierInstantAfterLater_OutOfOrder()
    {
        var r = InstantAudit.Audit([0L, 7200, 3600, 10800], Hour);

        var o = Assert.Single(r.OutOfOrder);
        Assert.Equal(2, o.Index);
        // 3600 arrives late but is present, so it fills the hole: no gap is reported.
        Assert.Empty(r.Gaps);
    }

    [Fact]
    public void Audit_MisalignedInstant_CountsWholeMissingIntervals()
    {
        var r = InstantAudit.Audit([0L, 5400], Hour);
        Assert.Equal(1, Assert.Single(r.Gaps).MissingCount);
    }
}
