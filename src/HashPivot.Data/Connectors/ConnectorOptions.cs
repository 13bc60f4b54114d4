namespace HashPivot.Data.Connectors;

/// <summary>HTTP behaviour shared by every connector: per-request timeout, retry budget, back-off, User-Agent, and injectable time so tests never sleep.</summary>
public sealed record ConnectorOptions
{
    /// <summary>The User-Agent sent by default.</summary>
    public const string DefaultUserAgent = "HashPivot/0.1 (+https://github.com/hashpivot/hashpivot; data connectors)";

    /// <summary>How long one attempt (request and reading the body) may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on transient failures (5xx, 408, 429, timeouts, network errors).</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The back-off before the first retry; it doubles per retry up to <see cref="MaxDelay"/>, then jitter keeps 50–100% of it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest exponential back-off.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After the connector will wait; a server asking for more fails at once rather than hang.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>The clock for timeouts, token expiry and HTTP-date Retry-After values.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Waits before a retry; null waits on <see cref="TimeProvider"/>. Tests pass a delegate that records the delay and returns at once.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>A random number in [0, 1) for back-off jitter; null uses <see cref="Random.Shared"/>.</summary>
    public Func<double>? Jitter { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentException.ThrowIfNullOrWhiteSpace(UserAgent, nameof(UserAgent));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
