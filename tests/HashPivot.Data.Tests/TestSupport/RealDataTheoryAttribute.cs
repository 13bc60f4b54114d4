namespace HashPivot.Data.Tests.TestSupport;

// The theory twin of RealDataFactAttribute: skipped at discovery, with the reason, when the real data file is absent.
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RealDataTheoryAttribute : TheoryAttribute
{
    public RealDataTheoryAttribute(string fileName)
    {
        FileName = fileName;
        if (SharedData.PathOf(fileName) is null)
        {
            Skip = $"real data file '{fileName}' not found: set HASHPIVOT_SHARED_DATA or place it in ../shared/data next to the repository";
        }
    }

    public string FileName { get; }
}
