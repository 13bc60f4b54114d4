using System.Globalization;
using System.Text.Json;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Connectors.Yahoo;

/// <summary>One trading day: open, high, low, close, adjusted close (split- and dividend-adjusted) and volume; parts Yahoo left null are null.</summary>
public sealed record DailyBar(DateOnly Date, double? Open, double? High, double? Low, double Close, double? AdjustedClose, long? Volume);

/// <summary>Daily bars of one symbol from Yahoo's chart API, oldest first, with the currency Yahoo reports.</summary>
public sealed record DailyBars(string Symbol, string Currency, IReadOnlyList<DailyBar> Bars)
{
    /// <summary>Adjusted close (else close) at 00:00 UTC of each trading date, named by the symbol, in <see cref="Currency"/> — the same shape as an equity CSV series.</summary>
    public TimeSeries ToSeries() => TimeSeries.FromInstants(
        Symbol,
        Currency,
        TimeSpan.FromDays(1),
        [.. Bars.Select(b => new DateTimeOffset(b.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))],
        Bars.Select(b => b.AdjustedClose ?? b.Close).ToArray());
}

/// <summary>Client for Yahoo Finance's unofficial chart API (<c>/v8/finance/chart/{symbol}</c>): daily OHLC, adjusted close and volume for tickers such as IREN or ^GSPC.</summary>
/// <remarks>Unofficial and terms-sensitive; it needs a browser-like User-Agent, which is the default here. Days whose close is null (halts, partial data) are skipped.</remarks>
public sealed class YahooChartClient
{
    /// <summary>The source name used in <see cref="ConnectorException"/>.</summary>
    public const string SourceName = "Yahoo Finance";

    /// <summary>The public chart host.</summary>
    public static readonly Uri DefaultBaseUri = new("https://query1.finance.yahoo.com/");

    /// <summary>The browser-like User-Agent Yahoo expects.</summary>
    public const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

    private readonly ConnectorHttp _http;
    private readonly Uri _base;

    /// <summary>Creates a client; when <paramref name="options"/> keeps the default User-Agent it is replaced by <see cref="BrowserUserAgent"/>.</summary>
    public YahooChartClient(HttpClient http, Uri? baseUri = null, ConnectorOptions? options = null)
    {
        options ??= new ConnectorOptions();
        if (options.UserAgent == ConnectorOptions.DefaultUserAgent)
        {
            options = options with { UserAgent = BrowserUserAgent };
        }

        _http = new ConnectorHttp(http, SourceName, options);
        _base = ConnectorHttp.WithTrailingSlash(baseUri ?? DefaultBaseUri);
    }

    /// <summary>Daily bars for trading dates <paramref name="from"/>…<paramref name="to"/> (inclusive).</summary>
    /// <exception cref="ConnectorException">The request failed, Yahoo reported an error (e.g. unknown symbol), or the response was not the documented shape.</exception>
    public Task<DailyBars> GetDailyAsync(string symbol, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (to < from)
        {
            throw new ArgumentException($"The last date {to:yyyy-MM-dd} is before the first {from:yyyy-MM-dd}.", nameof(to));
        }

        var period1 = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var period2 = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var url = new Uri(_base, string.Create(CultureInfo.InvariantCulture,
            $"v8/finance/chart/{Uri.EscapeDataString(symbol)}?period1={period1}&period2={period2}&interval=1d&includeAdjustedClose=true"));
        return _http.GetJsonAsync(url, root => Parse(root, symbol, from, to), cancellationToken);
    }

    private static DailyBars Parse(JsonElement root, string symbol, DateOnly from, DateOnly to)
    {
        var chart = JsonRead.Property(root, "chart");
        if (chart.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var description = error.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : JsonRead.Show(error);
            throw new FormatException($"Yahoo reports an error for {symbol}: {description}");
        }

        var results = JsonRead.Array(chart, "result");
        if (results.GetArrayLength() == 0)
        {
            throw new FormatException($"no result for {symbol}");
        }

        var result = results[0];
        var meta = JsonRead.Property(result, "meta");
        var currency = meta.TryGetProperty("currency", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "USD";
        var offset = meta.TryGetProperty("gmtoffset", out _) ? JsonRead.Long(meta, "gmtoffset") : 0;
        if (!result.TryGetProperty("timestamp", out var timestamps) || timestamps.ValueKind != JsonValueKind.Array)
        {
            // Yahoo omits timestamp and the arrays when the window holds no trading day.
            return new DailyBars(symbol, currency, []);
        }

        var indicators = JsonRead.Property(result, "indicators");
        var quote = JsonRead.Array(indicators, "quote")[0];
        var open = JsonRead.Array(quote, "open");
        var high = JsonRead.Array(quote, "high");
        var low = JsonRead.Array(quote, "low");
        var close = JsonRead.Array(quote, "close");
        var volume = JsonRead.Array(quote, "volume");
        JsonElement? adjclose = indicators.TryGetProperty("adjclose", out var adj) && adj.ValueKind == JsonValueKind.Array && adj.GetArrayLength() > 0
            ? JsonRead.Array(adj[0], "adjclose")
            : null;
        var n = timestamps.GetArrayLength();
        foreach (var (name, array) in new[] { ("open", open), ("high", high), ("low", low), ("close", close), ("volume", volume) })
        {
            if (array.GetArrayLength() != n)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{name}' has {array.GetArrayLength()} values for {n} timestamps"));
            }
        }

        if (adjclose is { } a && a.GetArrayLength() != n)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'adjclose' has {a.GetArrayLength()} values for {n} timestamps"));
        }

        var bars = new SortedDictionary<DateOnly, DailyBar>();
        for (var i = 0; i < n; i++)
        {
            if (JsonRead.NullableNumber(close[i], "close") is not { } closeValue)
            {
                continue;
            }

            // Timestamps are the session open in UTC; the exchange's offset gives the trading date.
            var local = checked((long)JsonRead.Number(timestamps[i], "timestamp") + offset);
            var date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(local).UtcDateTime);
            if (date < from || date > to)
            {
                continue;
            }

            var volumeValue = JsonRead.NullableNumber(volume[i], "volume");
            bars[date] = new DailyBar(
                date,
                JsonRead.NullableNumber(open[i], "open"),
                JsonRead.NullableNumber(high[i], "high"),
                JsonRead.NullableNumber(low[i], "low"),
                closeValue,
                adjclose is { } adjValues ? JsonRead.NullableNumber(adjValues[i], "adjclose") : null,
                volumeValue is { } v ? checked((long)v) : null);
        }

        return new DailyBars(symbol, currency, [.. bars.Values]);
    }
}
