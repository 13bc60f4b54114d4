using System.Reflection;
using System.Xml.Linq;
using HashPivot.Engine.Bitcoin;

namespace HashPivot.Engine.Tests;

/// <summary>Rules that hold across every public type of the engine (style.md: NodaTime-style "consistency" test).</summary>
public sealed class ConsistencyTests
{
    private static readonly Assembly Engine = typeof(Subsidy).Assembly;

    [Fact]
    public void PublicTypes_All_HaveXmlSummary()
    {
        // The compiler writes HashPivot.Engine.xml next to the assembly (GenerateDocumentationFile in
        // Directory.Build.props); every exported type must have a non-empty <summary> there.
        var xmlPath = Path.ChangeExtension(Engine.Location, ".xml");
        Assert.True(File.Exists(xmlPath), $"Documentation file not found: {xmlPath}");
        var summaries = XDocument.Load(xmlPath)
            .Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var missing = Engine.GetExportedTypes()
            .Select(t => t.FullName!.Replace('+', '.'))
            .Where(name => !summaries.Contains("T:" + name))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, "Public types without an XML <summary>:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void PublicTypes_All_AreSealedStaticEnumOrValueType()
    {
        // Inputs and results are sealed records, units are readonly structs, helpers are static classes (style.md §3).
        var open = Engine.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, "Unsealed public classes:\n" + string.Join('\n', open));
    }

    [Fact]
    public void PublicValueTypes_All_AreReadOnly()
    {
        var mutable = Engine.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute), false))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(mutable.Count == 0, "Mutable public structs:\n" + string.Join('\n', mutable));
    }
}
