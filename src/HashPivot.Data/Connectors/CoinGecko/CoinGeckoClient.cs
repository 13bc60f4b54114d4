using System.Globalization;
using System.Text.Json;
using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Connectors.CoinGecko;

/// <summary>Client for CoinGecko's market-chart API: daily BTC/USD prices as a one-day series at 00:00 UTC.</summary>
/// <remarks>
/// <c>/api/v3/coins/bitcoin/market_chart?vs_currency=usd&amp;days=N&amp;interval=daily</c> returns <c>{prices:[[ms, price]], …}</c>
/// with one point per day at 00:00 UTC plus, last, the current price; the latter is dropped when its day already
/// has a midnight point. An optional API key goes in <c>x-cg-demo-api-key</c> (or <c>x-cg-pro-api-key</c> on the pro host) and never into messages.
/// </remarks>
public sealed class CoinGeckoClient
{
    /// <summary>The source name used in <see cref="ConnectorException"/>.</summary>
    public const string SourceName = "CoinGecko";

    /// <summary>The public API base.</summary>
    public static readonly Uri DefaultBaseUri = new("https://api.coingecko.com/api/v3/");

    private readonly ConnectorHttp _http;
    private readonly Uri _base;
    private readonly string? _apiKey;

    /// <summary>Creates a client; <paramref name="apiKey"/> is optional on the public host.</summary>
    public CoinGeckoClient(HttpClient http, Uri? baseUri = null, string? apiKey = null, ConnectorOptions? options = null)
    {
        _http = new ConnectorHttp(http, SourceName, options);
        _base = ConnectorHttp.WithTrailingSlash(baseUri ?? DefaultBaseUri);
        _apiKey = string.IsNullOrWhiteSpace(apiKey) ? null : apiKey;
        _http.AddSecret(_apiKey);
    }

    /// <summary>Daily BTC prices in USD for the last <paramref name="days"/> days, named <c>BTC</c>, unit <see cref="ChainHistory.PriceUnit"/>.</summary>
    /// <exception cref="ConnectorException">The request failed or the response was not the documented shape.</exception>
    public Task<TimeSeries> GetBitcoinDailyUsdAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var url = new Uri(_base, string.Create(CultureInfo.InvariantCulture, $"coins/bitcoin/market_chart?vs_currency=usd&days={days}&interval=daily"));
        var header = _base.Host.StartsWith("pro-api.", StringComparison.OrdinalIgnoreCase) ? "x-cg-pro-api-key" : "x-cg-demo-api-key";
        return _http.GetJsonAsync(url, Parse, cancellationToken, request =>
        {
            if (_apiKey is not null)
            {
                request.Headers.TryAddWithoutValidation(header, _apiKey);
            }
        });
    }

    private static TimeSeries Parse(JsonElement root)
    {
        var byDay = new SortedDictionary<long, (long Ms, double Price)>();
        foreach (var point in JsonRead.Array(root, "prices").EnumerateArray())
        {
            if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() < 2)
            {
                throw new FormatException($"expected [ms, price], found {JsonRead.Show(point)}");
            }

            var ms = checked((long)JsonRead.Number(point[0], "time"));
            if (JsonRead.NullableNumber(point[1], "price") is not { } price)
            {
                continue;
            }

            var day = Math.DivRem(ms, 86_400_000L, out var intoDay) * 86_400L;
            // Keep the point nearest midnight for each day (the daily close), not the intraday "now" point.
            if (!byDay.TryGetValue(day, out var kept) || intoDay < kept.Ms - (day * 1000))
            {
                byDay[day] = (ms, price);
            }
        }

        return new TimeSeries("BTC", ChainHistory.PriceUnit, TimeSpan.FromDays(1), byDay.Keys.ToArray(), byDay.Values.Select(v => v.Price).ToArray());
    }
}
