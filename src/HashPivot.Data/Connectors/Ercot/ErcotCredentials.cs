namespace HashPivot.Data.Connectors.Ercot;

/// <summary>An ERCOT Public API account: username and password for the Azure B2C token, and the API subscription key; <see cref="ToString"/> never shows the secrets.</summary>
public sealed class ErcotCredentials
{
    /// <summary>Environment variable holding the API Explorer username (e-mail).</summary>
    public const string UsernameVariable = "ERCOT_API_USERNAME";

    /// <summary>Environment variable holding the API Explorer password.</summary>
    public const string PasswordVariable = "ERCOT_API_PASSWORD";

    /// <summary>Environment variable holding the Public API subscription (primary) key.</summary>
    public const string SubscriptionKeyVariable = "ERCOT_API_SUBSCRIPTION_KEY";

    /// <summary>Creates credentials; every part must be non-blank.</summary>
    public ErcotCredentials(string username, string password, string subscriptionKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionKey);
        Username = username;
        Password = password;
        SubscriptionKey = subscriptionKey;
    }

    /// <summary>The API Explorer username.</summary>
    public string Username { get; }

    /// <summary>The API Explorer password (secret).</summary>
    public string Password { get; }

    /// <summary>The subscription key sent as <c>Ocp-Apim-Subscription-Key</c> (secret).</summary>
    public string SubscriptionKey { get; }

    /// <summary>Reads the three environment variables; null when any is missing or blank.</summary>
    public static ErcotCredentials? FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable, out _);

    /// <summary>Reads the three variables through <paramref name="getVariable"/>; null with <paramref name="problem"/> naming the missing ones (never their values) when any is absent.</summary>
    public static ErcotCredentials? FromEnvironment(Func<string, string?> getVariable, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var username = getVariable(UsernameVariable);
        var password = getVariable(PasswordVariable);
        var key = getVariable(SubscriptionKeyVariable);
        var missing = new[] { (UsernameVariable, username), (PasswordVariable, password), (SubscriptionKeyVariable, key) }
            .Where(v => string.IsNullOrWhiteSpace(v.Item2))
            .Select(v => v.Item1)
            .ToList();
        if (missing.Count > 0)
        {
            problem = $"ERCOT API credentials are not set: define {string.Join(", ", missing)} " +
                      "(register at https://apiexplorer.ercot.com, subscribe to the Public API product and use its primary key).";
            return null;
        }

        problem = null;
        return new ErcotCredentials(username!, password!, key!);
    }

    /// <summary>The username only; password and key are masked.</summary>
    public override string ToString() => $"ERCOT API account {Username} (password ***, subscription key ***)";
}
