namespace HashPivot.Data.Tests.TestSupport;

// xunit 2.9 cannot skip at run time, so the attribute decides at discovery: when the real data file is
// absent (a fresh clone without ../shared/data) the test is reported as skipped with the reason, not passed.
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute(string fileName)
    {
        FileName = fileName;
        if (SharedData.PathOf(fileName) is null)
        {
            Skip = $"real data file '{fileName}' not found: set HASHPIVOT_SHARED_DATA or place it in ../shared/data next to the repository";
        }
    }

    public string FileName { get; }
}
