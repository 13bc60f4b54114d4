namespace HashPivot.Cli.Tests;

/// <summary>A fact that runs only when .ci/run (or the developer) provided a PostgreSQL server in HASHPIVOT_TEST_POSTGRES.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("HASHPIVOT_TEST_POSTGRES")))
        {
            Skip = "HASHPIVOT_TEST_POSTGRES is not set: the PostgreSQL round trip needs a server (.ci/run starts one on 127.0.0.1).";
        }
    }
}

/// <summary>A fact that needs ERCOT API credentials to be absent (it tests the message that says they are missing).</summary>
internal sealed class WithoutErcotCredentialsFactAttribute : FactAttribute
{
    public WithoutErcotCredentialsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ERCOT_API_USERNAME") is not null)
        {
            Skip = "ERCOT credentials are set in this environment; the missing-credentials path cannot be exercised.";
        }
    }
}
