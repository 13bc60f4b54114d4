using System.Xml.Linq;
using HashPivot.Data.Connectors;

namespace HashPivot.Data.Tests.Connectors;

// "Every public type carries a one-line summary", for the connector namespaces.
public class ConnectorDocumentationTests
{
    [Fact]
    public void PublicTypes_InConnectorNamespaces_HaveSummary()
    {
        var assembly = typeof(ConnectorException).Assembly;
        var summaries = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml")).Descendants("member")
            .Where(m => m.Element("summary") is { } s && !string.IsNullOrWhiteSpace(s.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var types = assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith("HashPivot.Data.Connectors", StringComparison.Ordinal) == true).ToList();

        Assert.True(types.Count >= 10, $"only {types.Count} public connector types found");
        Assert.Empty(types.Where(t => !summaries.Contains("T:" + t.FullName)).Select(t => t.FullName));
    }
}
