using System.Net;
using System.Text;
using HashPivot.Data.Connectors;

namespace HashPivot.Data.Tests.Connectors;

/// <summary>A request as the fake handler saw it: method, URI, headers and body, copied before the request is disposed.</summary>
internal sealed record SeenRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>An HttpMessageHandler that answers from a responder function (fixtures, errors, hangs) and records every request; no network.</summary>
internal sealed class FakeHttp : HttpMessageHandler
{
    private readonly Func<SeenRequest, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<SeenRequest> _seen = [];

    public FakeHttp(Func<SeenRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeHttp(Func<SeenRequest, int, HttpResponseMessage> respond)
        : this((r, i, _) => Task.FromResult(respond(r, i)))
    {
    }

    /// <summary>Answers every request with the same fixture.</summary>
    public static FakeHttp Serving(string fixture, string mediaType = "application/json") =>
        new((_, _) => Fixture(fixture, mediaType));

    /// <summary>Answers request i (0-based) with responses[i], repeating the last one.</summary>
    public static FakeHttp Sequence(params Func<HttpResponseMessage>[] responses) =>
        new((_, i) => responses[Math.Min(i, responses.Length - 1)]());

    public IReadOnlyList<SeenRequest> Requests => _seen;

    public HttpClient Client() => new(this) { Timeout = Timeout.InfiniteTimeSpan };

    public static HttpResponseMessage Fixture(string name, string mediaType = "application/json") =>
        Text(HttpStatusCode.OK, Fixtures.Read(name), mediaType);

    public static HttpResponseMessage Text(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Status(HttpStatusCode status) => Text(status, "");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var seen = new SeenRequest(request.Method, request.RequestUri!, headers, body);
        int index;
        lock (_seen)
        {
            index = _seen.Count;
            _seen.Add(seen);
        }

        return await _respond(seen, index, cancellationToken);
    }
}

/// <summary>Reads the recorded response fixtures copied next to the test binaries.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Connectors", "Fixtures", name));
}

/// <summary>Connector options that never sleep: waits are recorded, jitter is fixed at the top of its range (full step).</summary>
internal sealed class RecordedDelays
{
    public List<TimeSpan> Delays { get; } = [];

    public ConnectorOptions Options(int maxRetries = 3, TimeSpan? timeout = null, TimeProvider? time = null) => new()
    {
        MaxRetries = maxRetries,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        Jitter = () => 1.0,
        TimeProvider = time ?? TimeProvider.System,
        Delay = (d, ct) =>
        {
            Delays.Add(d);
            ct.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        },
    };
}

/// <summary>A clock fixed at one instant (timers still run on the system clock).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
