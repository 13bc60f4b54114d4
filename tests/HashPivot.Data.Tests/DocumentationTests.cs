using System.Xml.Linq;
using HashPivot.Data.Validation;

namespace HashPivot.Data.Tests;

// The rule "every public type carries a one-line summary saying what it is", checked by reflection over the XML
// documentation of the whole Data assembly (the engine's ConsistencyTests does the same for HashPivot.Engine).
public class DocumentationTests
{
    [Fact]
    public void PublicTypes_All_HaveSummary()
    {
        var assembly = typeof(ParseResult<>).Assembly;
        var xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        var summaries = XDocument.Load(xmlPath).Descendants("member")
            .Where(m => m.Element("summary") is { } s && !string.IsNullOrWhiteSpace(s.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var types = assembly.GetExportedTypes();

        Assert.NotEmpty(types);
        var missing = types.Where(t => !summaries.Contains("T:" + t.FullName)).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "Public types without an XML <summary>:\n" + string.Join('\n', missing));
    }
}
