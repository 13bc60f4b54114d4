using System.Globalization;

namespace HashPivot.Data.Connectors;

/// <summary>Thrown when a live data source fails: names the source, the URL (secrets removed), the HTTP status if any, and what went wrong.</summary>
/// <remarks>The message never contains credentials, tokens or keys: query parameters that look secret are masked and every known secret value is scrubbed before the message is built.</remarks>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception; <paramref name="url"/> must already be redacted.</summary>
    public ConnectorException(string sourceName, string url, int? statusCode, string reason, Exception? innerException = null)
        : base(Describe(sourceName, url, statusCode, reason), innerException)
    {
        SourceName = sourceName;
        Url = url;
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The data source, for example <c>mempool.space</c> or <c>ERCOT</c>.</summary>
    public string SourceName { get; }

    /// <summary>The request URL with secret-looking query parameters masked.</summary>
    public string Url { get; }

    /// <summary>The HTTP status of the last response, or null when none arrived (timeout, network error).</summary>
    public int? StatusCode { get; }

    /// <summary>What went wrong, without the source and URL.</summary>
    public string Reason { get; }

    private static string Describe(string sourceName, string url, int? statusCode, string reason) => statusCode is { } status
        ? string.Create(CultureInfo.InvariantCulture, $"{sourceName}: {reason} (HTTP {status}, {url})")
        : $"{sourceName}: {reason} ({url})";
}
