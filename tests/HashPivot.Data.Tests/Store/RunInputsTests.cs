using HashPivot.Data.Store;

namespace HashPivot.Data.Tests.Store;

public class RunInputsTests
{
    [Fact]
    public void Canonicalize_ReorderedAndSpacedObjects_GiveTheSameText()
    {
        var a = RunInputs.Canonicalize("""{ "b": 1, "a": { "d": [3, 1], "c": "x" } }""");
        var b = RunInputs.Canonicalize("""{"a":{"c":"x","d":[3,1]},"b":1}""");

        Assert.Equal("""{"a":{"c":"x","d":[3,1]},"b":1}""", a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Hash_EmptyObject_IsSha256OfTwoBraces()
    {
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", RunInputs.Hash(" { } "));
    }

    [Fact]
    public void Hash_ArrayOrderOrValueChanged_Differs()
    {
        var baseline = RunInputs.Hash("""{"x":[1,2]}""");

        Assert.NotEqual(baseline, RunInputs.Hash("""{"x":[2,1]}"""));
        Assert.NotEqual(baseline, RunInputs.Hash("""{"x":[1,3]}"""));
        Assert.Matches("^[0-9a-f]{64}$", baseline);
    }

    [Fact]
    public void Canonicalize_RepeatedKeyOrInvalidJson_ThrowsArgumentException()
    {
        var repeated = Assert.Throws<ArgumentException>(() => RunInputs.Canonicalize("""{"a":{"k":1,"k":2}}"""));
        var invalid = Assert.Throws<ArgumentException>(() => RunInputs.Canonicalize("{not json"));

        Assert.Contains("'k' at $.a", repeated.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Inputs_ComputesHashAndTimeOrderedId()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var first = RunRecord.Create("compare", at, """{"a":1}""", "{}");
        var later = RunRecord.Create("compare", at.AddSeconds(1), """{ "a" : 1 }""", "{}");

        Assert.Equal(first.InputHash, later.InputHash);
        Assert.True(string.CompareOrdinal(first.Id, later.Id) < 0, "version-7 ids sort by creation time");
    }
}
