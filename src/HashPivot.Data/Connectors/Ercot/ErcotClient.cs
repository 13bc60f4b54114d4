using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using HashPivot.Data.Csv.Grid;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Connectors.Ercot;

/// <summary>Client for ERCOT's Public API settlement point prices: real-time 15-minute SPP (NP6-905-CD) and day-ahead hourly SPP (NP4-190-CD), paged and converted from Central Prevailing Time to UTC series in USD/MWh.</summary>
/// <remarks>
/// Authenticates with an Azure B2C ROPC ID token (cached until shortly before expiry, renewed once on HTTP 401) and
/// the subscription key header. Responses are <c>{_meta, fields, data}</c> envelopes with positional rows, mapped by
/// the names in <c>fields</c>. Local labels become UTC with the same rules as ERCOT CSV files (fall-back HE02 twice,
/// told apart by DSTFlag). Rows may come in any order; duplicates with equal prices are merged, conflicting ones fail.
/// </remarks>
public sealed class ErcotClient
{
    /// <summary>The source name used in <see cref="ConnectorException"/>.</summary>
    public const string SourceName = "ERCOT";

    /// <summary>Real-time settlement point prices, 15-minute, hubs, zones and resource nodes.</summary>
    public const string RealTimeReport = "np6-905-cd/spp_node_zone_hub";

    /// <summary>Day-ahead settlement point prices, hourly.</summary>
    public const string DayAheadReport = "np4-190-cd/dam_stlmnt_pnt_prices";

    private const int MaxRowErrorsListed = 5;
    private readonly ConnectorHttp _http;
    private readonly ErcotCredentials _credentials;
    private readonly ErcotOptions _options;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenRenewAt;

    /// <summary>Creates a client; nothing is sent until the first request.</summary>
    public ErcotClient(HttpClient http, ErcotCredentials credentials, ErcotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _options = options ?? new ErcotOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.PageSize, 1, nameof(options));
        _http = new ConnectorHttp(http, SourceName, _options.Connector);
        _credentials = credentials;
        _http.AddSecret(credentials.Password);
        _http.AddSecret(credentials.SubscriptionKey);
    }

    /// <summary>Real-time 15-minute settlement point prices for delivery dates <paramref name="from"/>…<paramref name="to"/> (inclusive, ERCOT local dates), one series per settlement point.</summary>
    /// <param name="from">First delivery date.</param>
    /// <param name="to">Last delivery date.</param>
    /// <param name="settlementPoints">Points to fetch (one query each), e.g. <c>HB_NORTH</c>; null or empty fetches every point the report holds.</param>
    /// <param name="cancellationToken">Cancels the whole fetch.</param>
    /// <exception cref="ConnectorException">Authentication, a request, or a row failed.</exception>
    public Task<GridPrices> GetRealTimePricesAsync(DateOnly from, DateOnly to, IReadOnlyCollection<string>? settlementPoints = null, CancellationToken cancellationToken = default) =>
        GetPricesAsync(RealTimeReport, fifteenMinute: true, from, to, settlementPoints, cancellationToken);

    /// <summary>Day-ahead hourly settlement point prices for delivery dates <paramref name="from"/>…<paramref name="to"/> (inclusive), one series per settlement point.</summary>
    /// <param name="from">First delivery date.</param>
    /// <param name="to">Last delivery date.</param>
    /// <param name="settlementPoints">Points to fetch (one query each); null or empty fetches every point.</param>
    /// <param name="cancellationToken">Cancels the whole fetch.</param>
    /// <exception cref="ConnectorException">Authentication, a request, or a row failed.</exception>
    public Task<GridPrices> GetDayAheadPricesAsync(DateOnly from, DateOnly to, IReadOnlyCollection<string>? settlementPoints = null, CancellationToken cancellationToken = default) =>
        GetPricesAsync(DayAheadReport, fifteenMinute: false, from, to, settlementPoints, cancellationToken);

    private async Task<GridPrices> GetPricesAsync(
        string report, bool fifteenMinute, DateOnly from, DateOnly to, IReadOnlyCollection<string>? settlementPoints, CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new ArgumentException($"The last delivery date {to:yyyy-MM-dd} is before the first {from:yyyy-MM-dd}.", nameof(to));
        }

        var points = new Dictionary<string, List<(long Start, double Price)>>(StringComparer.Ordinal);
        var order = new List<string>();
        var queries = new List<string?>();
        if (settlementPoints is { Count: > 0 })
        {
            queries.AddRange(settlementPoints.Distinct(StringComparer.Ordinal));
        }
        else
        {
            queries.Add(null);
        }

        Uri? lastUrl = null;
        foreach (var point in queries)
        {
            var totalPages = 1;
            for (var page = 1; page <= totalPages; page++)
            {
                var url = PageUrl(report, from, to, point, page);
                lastUrl = url;
                var body = await GetAuthorizedAsync(url, cancellationToken).ConfigureAwait(false);
                var pages = _http.ParseJson(url, 200, body, root => ReadPage(root, fifteenMinute, page, points, order));
                totalPages = page == 1 ? pages : totalPages;
            }
        }

        var series = new List<TimeSeries>(order.Count);
        foreach (var name in order)
        {
            series.Add(ToSeries(name, points[name], fifteenMinute, lastUrl!));
        }

        return new GridPrices(fifteenMinute ? GridPriceLayout.ErcotLongFifteenMinute : GridPriceLayout.ErcotLongHourly, series);
    }

    private Uri PageUrl(string report, DateOnly from, DateOnly to, string? point, int page)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"deliveryDateFrom={from:yyyy-MM-dd}&deliveryDateTo={to:yyyy-MM-dd}&page={page}&size={_options.PageSize}");
        if (point is not null)
        {
            query += "&settlementPoint=" + Uri.EscapeDataString(point);
        }

        return new Uri(ConnectorHttp.WithTrailingSlash(_options.BaseUri), report + "?" + query);
    }

    /// <summary>GETs with the bearer token and key; on 401 the token is renewed once and the request repeated.</summary>
    private async Task<string> GetAuthorizedAsync(Uri url, CancellationToken cancellationToken)
    {
        for (var renewed = false; ; renewed = true)
        {
            var token = await GetTokenAsync(forceRenew: renewed, cancellationToken).ConfigureAwait(false);
            try
            {
                return await _http.GetStringAsync(url, cancellationToken, request =>
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    request.Headers.TryAddWithoutValidation("Ocp-Apim-Subscription-Key", _credentials.SubscriptionKey);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                }).ConfigureAwait(false);
            }
            catch (ConnectorException e) when (e.StatusCode == 401 && !renewed)
            {
                // The token expired early or was revoked: get a new one and try once more.
            }
        }
    }

    private async Task<string> GetTokenAsync(bool forceRenew, CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _options.Connector.TimeProvider.GetUtcNow();
            if (!forceRenew && _token is not null && now < _tokenRenewAt)
            {
                return _token;
            }

            var form = new Dictionary<string, string>
            {
                ["username"] = _credentials.Username,
                ["password"] = _credentials.Password,
                ["grant_type"] = "password",
                ["scope"] = _options.Scope ?? $"openid {_options.ClientId} offline_access",
                ["client_id"] = _options.ClientId,
                ["response_type"] = "id_token",
            };
            var body = await _http.SendAsync(
                () => new HttpRequestMessage(HttpMethod.Post, _options.TokenUri) { Content = new FormUrlEncodedContent(form) },
                cancellationToken).ConfigureAwait(false);
            var (token, lifetime) = _http.ParseJson(_options.TokenUri, 200, body, ReadToken);
            _http.AddSecret(token);
            _token = token;
            _tokenRenewAt = now + lifetime - _options.TokenRefreshMargin;
            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private static (string Token, TimeSpan Lifetime) ReadToken(JsonElement root)
    {
        // ERCOT's guide says to send the ID token; fall back to the access token if only that came back.
        var token = root.TryGetProperty("id_token", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()
            : root.TryGetProperty("access_token", out var access) && access.ValueKind == JsonValueKind.String ? access.GetString()
            : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new FormatException("the token response holds neither id_token nor access_token");
        }

        var seconds = root.TryGetProperty("expires_in", out _) ? JsonRead.Long(root, "expires_in") : 3600;
        return (token, TimeSpan.FromSeconds(Math.Max(seconds, 0)));
    }

    /// <summary>Adds one page's rows to <paramref name="points"/> and returns the total page count from <c>_meta</c>.</summary>
    private static int ReadPage(JsonElement root, bool fifteenMinute, int page, Dictionary<string, List<(long, double)>> points, List<string> order)
    {
        var meta = JsonRead.Property(root, "_meta");
        var totalPages = meta.TryGetProperty("totalPages", out _) ? JsonRead.Int(meta, "totalPages") : 1;
        var fields = JsonRead.Array(root, "fields").EnumerateArray().Select(f => JsonRead.String(f, "name")).ToList();
        var dateCol = Find(fields, "deliveryDate");
        var hourCol = Find(fields, fifteenMinute ? "deliveryHour" : "hourEnding", "hourEnding", "deliveryHour");
        var quarterCol = fifteenMinute ? Find(fields, "deliveryInterval") : -1;
        var flagCol = FindOptional(fields, "DSTFlag");
        var pointCol = Find(fields, "settlementPoint", "settlementPointName");
        var priceCol = Find(fields, "settlementPointPrice");

        var errors = new List<string>();
        var errorCount = 0;
        var rowNumber = 0;
        foreach (var row in JsonRead.Array(root, "data").EnumerateArray())
        {
            rowNumber++;
            var error = ReadRow(row, fields, dateCol, hourCol, quarterCol, flagCol, pointCol, priceCol, out var name, out var start, out var price);
            if (error is not null)
            {
                errorCount++;
                if (errors.Count < MaxRowErrorsListed)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"page {page} row {rowNumber}: {error}"));
                }

                continue;
            }

            if (name is null)
            {
                continue;
            }

            if (!points.TryGetValue(name, out var list))
            {
                list = [];
                points.Add(name, list);
                order.Add(name);
            }

            list.Add((start, price));
        }

        if (errorCount > 0)
        {
            var more = errorCount > errors.Count ? string.Create(CultureInfo.InvariantCulture, $"; … and {errorCount - errors.Count} more") : "";
            throw new FormatException(string.Join("; ", errors) + more);
        }

        return totalPages;
    }

    /// <summary>One row to (point, UTC start, price); null error and null <paramref name="name"/> mean "skip" (no price); a message means a bad row.</summary>
    private static string? ReadRow(
        JsonElement row, List<string> fields, int dateCol, int hourCol, int quarterCol, int flagCol, int pointCol, int priceCol,
        out string? name, out long start, out double price)
    {
        name = null;
        start = 0;
        price = 0;
        if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() < fields.Count)
        {
            return $"expected {fields.Count} values, found {JsonRead.Show(row)}";
        }

        var dateText = Text(row[dateCol]);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && !DateOnly.TryParseExact(dateText, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return $"deliveryDate '{dateText}' is not yyyy-MM-dd";
        }

        if (!ErcotClock.TryParseHourEnding(Text(row[hourCol]), out var hour, out var error))
        {
            return error;
        }

        var quarter = 1;
        if (quarterCol >= 0 && !ErcotClock.TryParseQuarter(Text(row[quarterCol]), out quarter, out error))
        {
            return error;
        }

        var repeated = false;
        if (flagCol >= 0 && row[flagCol].ValueKind != JsonValueKind.Null && !ErcotClock.TryParseFlag(Text(row[flagCol]), out repeated, out error))
        {
            return "DSTFlag: " + error;
        }

        var point = Text(row[pointCol]).Trim();
        if (point.Length == 0)
        {
            return "settlement point is empty";
        }

        if (row[priceCol].ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            price = JsonRead.Number(row[priceCol], "settlementPointPrice");
        }
        catch (FormatException e)
        {
            return e.Message;
        }

        if (!ErcotClock.TryToUtc(date, hour, (quarter - 1) * 15, repeated, out start, out error, out _))
        {
            return error;
        }

        name = point;
        return null;
    }

    private TimeSeries ToSeries(string name, List<(long Start, double Price)> rows, bool fifteenMinute, Uri url)
    {
        rows.Sort((a, b) => a.Start.CompareTo(b.Start));
        var starts = new List<long>(rows.Count);
        var values = new List<double>(rows.Count);
        foreach (var (start, price) in rows)
        {
            if (starts.Count > 0 && starts[^1] == start)
            {
                // The same interval on two pages (data shifting while paging) is harmless when the prices agree.
                if (values[^1] != price)
                {
                    throw _http.Fail(url, 200, string.Create(CultureInfo.InvariantCulture,
                        $"conflicting prices for {name} at {DateTimeOffset.FromUnixTimeSeconds(start):yyyy-MM-dd'T'HH:mm'Z'}: {values[^1]} and {price}"));
                }

                continue;
            }

            starts.Add(start);
            values.Add(price);
        }

        return new TimeSeries(name, GridPrices.Unit, fifteenMinute ? TimeSpan.FromMinutes(15) : TimeSpan.FromHours(1), starts.ToArray(), values.ToArray());
    }

    private static string Text(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.String => cell.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "",
        _ => cell.GetRawText(),
    };

    private static int Find(List<string> fields, params string[] names)
    {
        var at = FindOptional(fields, names);
        return at >= 0 ? at : throw new FormatException($"field '{names[0]}' is not in 'fields' ({string.Join(", ", fields)})");
    }

    private static int FindOptional(List<string> fields, params string[] names)
    {
        foreach (var name in names)
        {
            var at = fields.FindIndex(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                return at;
            }
        }

        return -1;
    }
}
