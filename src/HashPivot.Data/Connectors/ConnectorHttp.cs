using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HashPivot.Data.Connectors;

/// <summary>The HTTP loop every connector shares: per-attempt timeout, retries with exponential back-off and jitter on transient failures, 429/503 Retry-After, and failures as <see cref="ConnectorException"/> with secrets scrubbed.</summary>
/// <remarks>
/// Retries create a fresh request each attempt (so a POST body is re-sent intact). Cancellation by the caller is never
/// retried: it propagates as <see cref="OperationCanceledException"/>, also while waiting between attempts. A timeout
/// of one attempt is told apart from the caller's cancellation by which token fired.
/// </remarks>
internal sealed class ConnectorHttp
{
    private const int SnippetLength = 300;
    private static readonly string[] SecretQueryNames = ["key", "token", "password", "secret", "sig", "auth", "code", "credential"];

    private readonly HttpClient _http;
    private readonly ConnectorOptions _options;
    private readonly List<string> _secrets = [];
    private readonly Lock _secretsLock = new();

    public ConnectorHttp(HttpClient http, string sourceName, ConnectorOptions? options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        _http = http;
        SourceName = sourceName;
        _options = options ?? new ConnectorOptions();
        _options.Validate();
    }

    public string SourceName { get; }

    public ConnectorOptions Options => _options;

    /// <summary>Registers a value that must never appear in an exception message (password, key, token).</summary>
    public void AddSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (_secretsLock)
        {
            if (!_secrets.Contains(secret))
            {
                _secrets.Add(secret);
            }
        }
    }

    /// <summary>GETs <paramref name="uri"/> and maps the JSON body; malformed JSON or an unexpected shape becomes a <see cref="ConnectorException"/>.</summary>
    public async Task<T> GetJsonAsync<T>(Uri uri, Func<JsonElement, T> map, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null)
    {
        var body = await SendAsync(() => Get(uri, configure), cancellationToken).ConfigureAwait(false);
        return ParseJson(uri, null, body, map);
    }

    /// <summary>GETs <paramref name="uri"/> and returns the body as text.</summary>
    public Task<string> GetStringAsync(Uri uri, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(() => Get(uri, configure), cancellationToken);

    /// <summary>Parses <paramref name="body"/> as JSON and maps it, turning any parse or shape error into a <see cref="ConnectorException"/>.</summary>
    public T ParseJson<T>(Uri uri, int? statusCode, string body, Func<JsonElement, T> map)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return map(document.RootElement);
        }
        catch (JsonException e)
        {
            throw Fail(uri, statusCode, $"malformed JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or OverflowException)
        {
            throw Fail(uri, statusCode, $"unexpected response shape: {e.Message}", e);
        }
    }

    /// <summary>Sends the request <paramref name="createRequest"/> builds (once per attempt) and returns the body of the first successful response.</summary>
    /// <param name="createRequest">Builds a new request; called again for every retry.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation propagates and is never retried.</param>
    /// <param name="includeBodyInErrors">False for endpoints whose error body may echo credentials (the body is then left out of messages).</param>
    public async Task<string> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken, bool includeBodyInErrors = true)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = createRequest();
            var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(createRequest));
            if (!request.Headers.UserAgent.Any())
            {
                request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            }

            string failure;
            int? status = null;
            TimeSpan? retryAfter = null;
            Exception? inner = null;
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
                }

                failure = await DescribeFailureAsync(response, includeBodyInErrors, linked.Token).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode))
                {
                    throw Fail(uri, status, failure);
                }

                retryAfter = RetryAfter(response);
                if (retryAfter > _options.MaxRetryAfter)
                {
                    throw Fail(uri, status, string.Create(CultureInfo.InvariantCulture,
                        $"{failure}; the server asks to retry after {retryAfter.Value.TotalSeconds:0} s, more than the {_options.MaxRetryAfter.TotalSeconds:0} s limit"));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException e)
            {
                // The caller's token did not fire, so this attempt's timeout (or HttpClient.Timeout) did.
                failure = string.Create(CultureInfo.InvariantCulture, $"timed out after {_options.RequestTimeout.TotalSeconds:0.###} s");
                inner = e;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                failure = "network error: " + e.Message;
                inner = e;
            }

            if (attempt >= _options.MaxRetries)
            {
                throw Fail(uri, status, string.Create(CultureInfo.InvariantCulture, $"{failure}; gave up after {attempt + 1} attempt(s)"), inner);
            }

            await WaitAsync(retryAfter ?? Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A <see cref="ConnectorException"/> for <paramref name="uri"/> with the URL redacted and every registered secret scrubbed from the reason.</summary>
    public ConnectorException Fail(Uri uri, int? statusCode, string reason, Exception? inner = null) =>
        new(SourceName, Redact(uri), statusCode, Scrub(reason), inner);

    /// <summary>Replaces every registered secret in <paramref name="text"/> with <c>***</c>.</summary>
    public string Scrub(string text)
    {
        lock (_secretsLock)
        {
            // Longest first, so a secret containing another is masked whole.
            foreach (var secret in _secrets.OrderByDescending(s => s.Length))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
                // Also as it would appear in a URL or a form body.
                foreach (var encoded in new[] { Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) })
                {
                    if (encoded != secret)
                    {
                        text = text.Replace(encoded, "***", StringComparison.Ordinal);
                    }
                }
            }
        }

        return text;
    }

    /// <summary>The URL without user info, with the values of secret-looking query parameters masked.</summary>
    public static string Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return uri.ToString();
        }

        var builder = new StringBuilder();
        builder.Append(uri.Scheme).Append("://").Append(uri.Host);
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            var parts = query.Split('&');
            for (var i = 0; i < parts.Length; i++)
            {
                var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
                var name = eq >= 0 ? parts[i][..eq] : parts[i];
                if (eq >= 0 && SecretQueryNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)))
                {
                    parts[i] = name + "=***";
                }
            }

            builder.Append('?').Append(string.Join('&', parts));
        }

        return builder.ToString();
    }

    /// <summary>The base URI with a trailing slash, so relative paths append to it instead of replacing its last segment.</summary>
    public static Uri WithTrailingSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>The wait a response asks for with Retry-After (seconds or an HTTP date), or null when it asks none.</summary>
    internal TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Exponential back-off for retry <paramref name="attempt"/> (0-based), capped, with "equal jitter": 50–100% of the step.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var step = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        var jitter = Math.Clamp(_options.Jitter?.Invoke() ?? Random.Shared.NextDouble(), 0, 1);
        return TimeSpan.FromMilliseconds(step * (0.5 + (0.5 * jitter)));
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        _options.Delay is { } delayFunc
            ? delayFunc(delay, cancellationToken)
            : Task.Delay(delay, _options.TimeProvider, cancellationToken);

    private async Task<string> DescribeFailureAsync(HttpResponseMessage response, bool includeBody, CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(response.ReasonPhrase)
            ? response.StatusCode.ToString()
            : response.ReasonPhrase;
        if (!includeBody)
        {
            return text;
        }

        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return text;
        }

        var snippet = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (snippet.Length == 0)
        {
            return text;
        }

        // Scrub before clipping, so a secret cut in half by the clip cannot survive.
        snippet = Scrub(snippet);
        return snippet.Length > SnippetLength ? $"{text}: {snippet[..SnippetLength]}…" : $"{text}: {snippet}";
    }

    private HttpRequestMessage Get(Uri uri, Action<HttpRequestMessage>? configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        configure?.Invoke(request);
        return request;
    }
}
