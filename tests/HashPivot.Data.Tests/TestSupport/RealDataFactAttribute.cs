namespace HashPivot.Data.Tests.TestSupport;

// xunit 2.9 cannot skip at run time, so the attribute decides at discovery: when the real data file is
// absent (a fresh clone without ../shared/data) the test is reported as skipped with the reason, not passed.
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute(string fileName)
    {
        FileName = fileName;
        Skip = SharedData.SkipReason(fileName);
    }

    public string FileName { get; }
}
