using Xunit.Abstractions;
using Xunit.Sdk;

namespace HashPivot.Data.Tests.Store;

// The contract tests are written once and inherited by one class per backend, so whether a test can run depends
// on the concrete class, which a plain [Fact] cannot see. This Fact's discoverer looks at the class: when it is
// marked [RequiresPostgres] and HASHPIVOT_TEST_POSTGRES is not set, every test is reported skipped with the reason.
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("HashPivot.Data.Tests.Store.StoreFactDiscoverer", "HashPivot.Data.Tests")]
internal sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a contract test class that needs the PostgreSQL server named by HASHPIVOT_TEST_POSTGRES.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresPostgresAttribute : Attribute
{
    public const string Variable = "HASHPIVOT_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string SkipReason =>
        $"PostgreSQL store tests skipped: {Variable} is not set (.ci/run starts a server and sets it, "
        + "e.g. Host=127.0.0.1;Port=55432;Username=hashpivot;Database=postgres)";
}

/// <summary>Discovers [StoreFact] tests, skipping them when their class needs PostgreSQL and none is configured.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName).Any();
        if (needsPostgres && RequiresPostgresAttribute.ConnectionString is null)
        {
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, RequiresPostgresAttribute.SkipReason);
            yield break;
        }

        yield return new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
