namespace HashPivot.Data.Connectors.Ercot;

/// <summary>Where the ERCOT Public API and its Azure B2C token endpoint live, the page size, and the shared HTTP behaviour.</summary>
/// <remarks>The token URL, client id and scope are ERCOT's published public settings (developer.ercot.com registration guide), not user secrets.</remarks>
public sealed record ErcotOptions
{
    /// <summary>The public-reports base URL.</summary>
    public Uri BaseUri { get; init; } = new("https://api.ercot.com/api/public-reports/");

    /// <summary>The Azure B2C ROPC token endpoint.</summary>
    public Uri TokenUri { get; init; } = new("https://ercotb2c.b2clogin.com/ercotb2c.onmicrosoft.com/B2C_1_PUBAPI-ROPC-FLOW/oauth2/v2.0/token");

    /// <summary>ERCOT's public B2C application id.</summary>
    public string ClientId { get; init; } = "fec253ea-0d06-4272-a5e6-b478baeecd70";

    /// <summary>The token scope; null means <c>openid {ClientId} offline_access</c>.</summary>
    public string? Scope { get; init; }

    /// <summary>Rows requested per page.</summary>
    public int PageSize { get; init; } = 50_000;

    /// <summary>How long before its stated expiry a token is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Timeout, retries and back-off.</summary>
    public ConnectorOptions Connector { get; init; } = new();
}
