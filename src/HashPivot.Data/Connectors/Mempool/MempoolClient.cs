using System.Globalization;
using System.Text.Json;
using HashPivot.Engine.Bitcoin;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Connectors.Mempool;

/// <summary>Client for the mempool.space REST API (no key): hashrate and difficulty history, reward stats, the current epoch, historical BTC price and the tip height.</summary>
/// <remarks>Routes as in mempool's <c>backend/src/api/mining/mining-routes.ts</c> (domain.md §5.1). The base URL is configurable for self-hosted instances and testnet.</remarks>
public sealed class MempoolClient
{
    /// <summary>The public mainnet API.</summary>
    public static readonly Uri DefaultBaseUri = new("https://mempool.space/api/");

    /// <summary>The source name used in <see cref="ConnectorException"/>.</summary>
    public const string SourceName = "mempool.space";

    /// <summary>The intervals <c>/v1/mining/hashrate/:interval</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Intervals = ["24h", "3d", "1w", "1m", "3m", "6m", "1y", "2y", "3y", "4y", "all"];

    private const double HashesPerTerahash = 1e12;
    private readonly ConnectorHttp _http;
    private readonly Uri _base;

    /// <summary>Creates a client over <paramref name="http"/> (whose own timeout should be longer than <see cref="ConnectorOptions.RequestTimeout"/>).</summary>
    public MempoolClient(HttpClient http, Uri? baseUri = null, ConnectorOptions? options = null)
    {
        _http = new ConnectorHttp(http, SourceName, options);
        _base = ConnectorHttp.WithTrailingSlash(baseUri ?? DefaultBaseUri);
    }

    /// <summary>Daily network hashrate (TH/s) and the difficulty retargets over <paramref name="interval"/> (one of <see cref="Intervals"/>).</summary>
    /// <exception cref="ArgumentException">The interval is not one mempool accepts.</exception>
    /// <exception cref="ConnectorException">The request failed or the response was not the documented shape.</exception>
    public Task<NetworkHashrate> GetHashrateAsync(string interval, CancellationToken cancellationToken = default)
    {
        CheckInterval(interval);
        return _http.GetJsonAsync(Url($"v1/mining/hashrate/{interval}"), ParseHashrate, cancellationToken);
    }

    /// <summary>The difficulty retargets over <paramref name="interval"/>, oldest first, from <c>/v1/mining/difficulty-adjustments/:interval</c>.</summary>
    public Task<IReadOnlyList<DifficultyAdjustment>> GetDifficultyAdjustmentsAsync(string interval, CancellationToken cancellationToken = default)
    {
        CheckInterval(interval);
        return _http.GetJsonAsync(Url($"v1/mining/difficulty-adjustments/{interval}"), ParseAdjustmentTuples, cancellationToken);
    }

    /// <summary>Reward, fee and transaction totals over the last <paramref name="blockCount"/> blocks (144 ≈ one day).</summary>
    public Task<RewardStats> GetRewardStatsAsync(int blockCount = 144, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockCount, 1);
        return _http.GetJsonAsync(Url(string.Create(CultureInfo.InvariantCulture, $"v1/mining/reward-stats/{blockCount}")), ParseRewardStats, cancellationToken);
    }

    /// <summary>The current difficulty epoch and the estimated next retarget.</summary>
    public Task<DifficultyEpoch> GetDifficultyAdjustmentAsync(CancellationToken cancellationToken = default) =>
        _http.GetJsonAsync(Url("v1/difficulty-adjustment"), ParseEpoch, cancellationToken);

    /// <summary>The USD price nearest to <paramref name="at"/> that mempool holds.</summary>
    public Task<BtcUsdPrice> GetHistoricalPriceAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var target = at.ToUnixTimeSeconds();
        return _http.GetJsonAsync(
            Url(string.Create(CultureInfo.InvariantCulture, $"v1/historical-price?currency=USD&timestamp={target}")),
            root => ParseHistoricalPrice(root, target),
            cancellationToken);
    }

    /// <summary>The height of the best block.</summary>
    public async Task<long> GetTipHeightAsync(CancellationToken cancellationToken = default)
    {
        var url = Url("blocks/tip/height");
        var text = await _http.GetStringAsync(url, cancellationToken).ConfigureAwait(false);
        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            ? height
            : throw _http.Fail(url, 200, $"tip height is not a whole number: '{(text.Length > 40 ? text[..40] + "…" : text)}'");
    }

    private static NetworkHashrate ParseHashrate(JsonElement root)
    {
        var samples = new SortedDictionary<long, double>();
        foreach (var item in JsonRead.Array(root, "hashrates").EnumerateArray())
        {
            var day = JsonRead.Long(item, "timestamp");
            day -= ((day % 86_400) + 86_400) % 86_400;
            var hs = JsonRead.Double(item, "avgHashrate");
            if (hs < 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"negative hashrate {hs} at {day}"));
            }

            samples[day] = hs / HashesPerTerahash;
        }

        var adjustments = new List<DifficultyAdjustment>();
        foreach (var item in JsonRead.Array(root, "difficulty").EnumerateArray())
        {
            adjustments.Add(new DifficultyAdjustment(
                DateTimeOffset.FromUnixTimeSeconds(JsonRead.Long(item, "time")),
                JsonRead.Long(item, "height"),
                JsonRead.Double(item, "difficulty"),
                JsonRead.Double(item, "adjustment")));
        }

        adjustments.Sort((a, b) => a.Time.CompareTo(b.Time));
        var series = new TimeSeries("hashrate", ChainHistory.HashrateUnit, TimeSpan.FromDays(1), samples.Keys.ToArray(), samples.Values.ToArray());
        return new NetworkHashrate(
            series,
            adjustments,
            JsonRead.Double(root, "currentHashrate") / HashesPerTerahash,
            JsonRead.Double(root, "currentDifficulty"));
    }

    private static IReadOnlyList<DifficultyAdjustment> ParseAdjustmentTuples(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"expected an array of [time, height, difficulty, adjustment], found {root.ValueKind}");
        }

        var list = new List<DifficultyAdjustment>();
        foreach (var tuple in root.EnumerateArray())
        {
            if (tuple.ValueKind != JsonValueKind.Array || tuple.GetArrayLength() < 4)
            {
                throw new FormatException($"expected [time, height, difficulty, adjustment], found {JsonRead.Show(tuple)}");
            }

            list.Add(new DifficultyAdjustment(
                DateTimeOffset.FromUnixTimeSeconds(checked((long)JsonRead.Number(tuple[0], "time"))),
                checked((long)JsonRead.Number(tuple[1], "height")),
                JsonRead.Number(tuple[2], "difficulty"),
                JsonRead.Number(tuple[3], "adjustment")));
        }

        list.Sort((a, b) => a.Time.CompareTo(b.Time));
        return list;
    }

    private static RewardStats ParseRewardStats(JsonElement root) => new(
        JsonRead.Long(root, "startBlock"),
        JsonRead.Long(root, "endBlock"),
        JsonRead.Long(root, "totalReward"),
        JsonRead.Long(root, "totalFee"),
        JsonRead.Long(root, "totalTx"));

    private static DifficultyEpoch ParseEpoch(JsonElement root) => new(
        JsonRead.Double(root, "progressPercent"),
        JsonRead.Double(root, "difficultyChange"),
        FromUnixSecondsOrMilliseconds(JsonRead.Long(root, "estimatedRetargetDate")),
        JsonRead.Long(root, "remainingBlocks"),
        TimeSpan.FromMilliseconds(JsonRead.Double(root, "remainingTime")),
        JsonRead.Double(root, "previousRetarget"),
        root.TryGetProperty("previousTime", out var previous) && previous.ValueKind != JsonValueKind.Null
            ? FromUnixSecondsOrMilliseconds(checked((long)JsonRead.Number(previous, "previousTime")))
            : null,
        JsonRead.Long(root, "nextRetargetHeight"),
        TimeSpan.FromMilliseconds(JsonRead.Double(root, "timeAvg")),
        TimeSpan.FromMilliseconds(JsonRead.Double(root, "adjustedTimeAvg")),
        root.TryGetProperty("expectedBlocks", out var expected) ? JsonRead.NullableNumber(expected, "expectedBlocks") : null);

    private static BtcUsdPrice ParseHistoricalPrice(JsonElement root, long target)
    {
        BtcUsdPrice? best = null;
        var bestDistance = long.MaxValue;
        foreach (var item in JsonRead.Array(root, "prices").EnumerateArray())
        {
            var time = JsonRead.Long(item, "time");
            var usd = JsonRead.Double(item, "USD");
            var distance = Math.Abs(time - target);
            // mempool marks a missing fiat price with a non-positive number.
            if (usd > 0 && distance < bestDistance)
            {
                best = new BtcUsdPrice(DateTimeOffset.FromUnixTimeSeconds(time), usd);
                bestDistance = distance;
            }
        }

        return best ?? throw new FormatException("no USD price in 'prices'");
    }

    /// <summary>mempool sends some instants in seconds and some in milliseconds; values past 10^11 (year 5138 in seconds) are milliseconds.</summary>
    private static DateTimeOffset FromUnixSecondsOrMilliseconds(long value) =>
        value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    private static void CheckInterval(string interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (!Intervals.Contains(interval, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Interval '{interval}' is not one of {string.Join(", ", Intervals)}.", nameof(interval));
        }
    }

    private Uri Url(string relative) => new(_base, relative);
}
