using System.Xml.Linq;
using HashPivot.Data.Validation;

namespace HashPivot.Data.Tests;

// The rule "every public type carries a one-line summary saying what it is" checked by reflection over the
// XML documentation, for the namespaces of the series and parser work (others are checked by their owners).
public class DocumentationTests
{
    [Theory]
    [InlineData(typeof(ParseResult<>), "HashPivot.Data.Validation")]
    [InlineData(typeof(ParseResult<>), "HashPivot.Data.Csv")]
    [InlineData(typeof(ParseResult<>), "HashPivot.Data.Store")]
    public void PublicTypes_InNamespace_HaveSummary(Type anyTypeInAssembly, string namespacePrefix)
    {
        var assembly = anyTypeInAssembly.Assembly;
        var xmlPath = Path.ChangeExtension(assembly.Location, ".xml");
        var summaries = XDocument.Load(xmlPath).Descendants("member")
            .Where(m => m.Element("summary") is { } s && !string.IsNullOrWhiteSpace(s.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var types = assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith(namespacePrefix, StringComparison.Ordinal) == true).ToList();

        Assert.NotEmpty(types);
        var missing = types.Where(t => !summaries.Contains("T:" + t.FullName)).Select(t => t.FullName).ToList();
        Assert.Empty(missing);
    }
}
