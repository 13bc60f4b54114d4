using HashPivot.Engine.Bitcoin;

namespace HashPivot.Engine.Tests;

/// <summary>Which assemblies the pure engine may depend on (style.md: architecture rules are tests).</summary>
public sealed class ArchitectureTests
{
    private static readonly string[] References =
        typeof(Subsidy).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Engine_References_NoOtherHashPivotAssembly()
    {
        // The engine is the bottom layer: Data, Cli and the rest depend on it, never the reverse.
        var forbidden = References.Where(n => n.StartsWith("HashPivot", StringComparison.Ordinal)).ToList();
        Assert.True(forbidden.Count == 0, "Engine references: " + string.Join(", ", forbidden));
    }

    [Theory]
    [InlineData("System.Net.Http")]
    [InlineData("Microsoft.Data")]
    [InlineData("YamlDotNet")]
    [InlineData("Npgsql")]
    public void Engine_References_NoIoLibrary(string prefix)
    {
        // No I/O in the engine (HashPivot.Engine.csproj: "The pure domain: every calculation, no I/O").
        var forbidden = References.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(forbidden.Count == 0, "Engine references: " + string.Join(", ", forbidden));
    }

    [Fact]
    public void Engine_References_AreFrameworkOnly()
    {
        // Today the engine needs nothing beyond the base class library.
        var nonFramework = References
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .ToList();
        Assert.True(nonFramework.Count == 0, "Engine references: " + string.Join(", ", nonFramework));
    }
}
