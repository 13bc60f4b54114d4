using System.Xml.Linq;
using HashPivot.Cluster.Hosting;

namespace HashPivot.Cluster.Tests;

// The rule "every public type carries a one-line summary saying what it is", over the Cluster assembly's own namespaces
// (Orleans' generated serializers and proxies live in OrleansCodeGen.* and are not ours to document).
public class DocumentationTests
{
    [Fact]
    public void PublicTypes_All_HaveSummary()
    {
        var assembly = typeof(ClusterSettings).Assembly;
        var summaries = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml")).Descendants("member")
            .Where(m => m.Element("summary") is { } s && !string.IsNullOrWhiteSpace(s.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var types = assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("HashPivot.Cluster", StringComparison.Ordinal) == true).ToList();

        Assert.True(types.Count >= 10, $"expected the cluster's public types, found {types.Count}");
        var missing = types.Where(t => !summaries.Contains("T:" + t.FullName)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "Public types without an XML <summary>:\n" + string.Join('\n', missing));
    }
}
