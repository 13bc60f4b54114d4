namespace HashPivot.Data.Tests.TestSupport;

// The theory twin of RealDataFactAttribute: skipped at discovery, with the reason, when the real data file is absent.
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RealDataTheoryAttribute : TheoryAttribute
{
    public RealDataTheoryAttribute(string fileName)
    {
        FileName = fileName;
        Skip = SharedData.SkipReason(fileName);
    }

    public string FileName { get; }
}
