using System.Globalization;
using System.Text.Json;
using HashPivot.Data.Store;

namespace HashPivot.Web.Api;

/// <summary>The signed-in member: user, workspace and role (viewer, editor or admin).</summary>
public sealed record MeView(long UserId, string Email, long WorkspaceId, string Workspace, string Role);

/// <summary>Body of <c>POST /api/v1/tokens</c>: a label for the token.</summary>
public sealed class TokenRequest
{
    /// <summary>What the token is for, e.g. "nightly export".</summary>
    public string? Name { get; set; }

    /// <summary>The workspace the token acts in (one of yours, see GET /api/v1/workspaces); default: the one this request acts in.</summary>
    public long? WorkspaceId { get; set; }
}

/// <summary>A new API token: send <c>Authorization: Bearer TOKEN</c>; shown once, stored only as its SHA-256.</summary>
public sealed record TokenView(string Name, string Token, string Workspace, string Role);

/// <summary>Body of portfolio create/replace: a name and the portfolio (a YAML string, or a JSON object with the same keys).</summary>
public sealed class PortfolioBody
{
    /// <summary>Unique in the workspace.</summary>
    public string? Name { get; set; }

    /// <summary>The portfolio: YAML text or a JSON object (keys as in samples/portfolio.yaml; series names a workspace dataset).</summary>
    public JsonElement Document { get; set; }
}

/// <summary>A stored portfolio as the API shows it.</summary>
public sealed record PortfolioView(long Id, string Name, string Document, string CreatedUtc, string UpdatedUtc)
{
    /// <summary>The view of a record.</summary>
    public static PortfolioView From(PortfolioRecord p) =>
        new(p.Id, p.Name, p.Document, Iso(p.CreatedUtc), Iso(p.UpdatedUtc));

    internal static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One site of a portfolio: connection, mining load and AI load in MW.</summary>
public sealed record SiteView(string Name, string Market, double InterconnectionMw, double MiningLoadMw, double AiLoadMw);

/// <summary>A run with its inputs and results as stored (JSON), its input hash (SHA-256) and seed.</summary>
public sealed record RunView(string Id, string Kind, DateTimeOffset CreatedUtc, string InputHash, long? Seed, JsonElement Inputs, JsonElement Results);

/// <summary>A dataset in the listing: name, kind, source, import time (UTC), series and points.</summary>
public sealed record DatasetView(string Name, string Kind, string Source, string ImportedAtUtc, int SeriesCount, long PointCount)
{
    /// <summary>The view of a listing line.</summary>
    public static DatasetView From(DatasetSummary d) => new(d.Info.Name, d.Info.Kind.ToString().ToLowerInvariant(), d.Info.Source,
        PortfolioView.Iso(d.Info.ImportedAtUtc), d.SeriesCount, d.PointCount);
}

/// <summary>A dataset and its series (unit, interval in seconds, points, first and last start UTC).</summary>
public sealed record DatasetDetail(string Name, string Kind, string Source, string ImportedAtUtc, IReadOnlyList<SeriesInfoView> Series)
{
    /// <summary>The view of a stored dataset.</summary>
    public static DatasetDetail From(StoredDataset d) => new(d.Info.Name, d.Info.Kind.ToString().ToLowerInvariant(), d.Info.Source, PortfolioView.Iso(d.Info.ImportedAtUtc),
        d.Series.Select(s => new SeriesInfoView(s.Name, s.Unit, (long)s.Interval.TotalSeconds, s.Count,
            s.FirstStartUtc is { } f ? PortfolioView.Iso(f) : null, s.LastStartUtc is { } l ? PortfolioView.Iso(l) : null)).ToList());
}

/// <summary>One stored series' description.</summary>
public sealed record SeriesInfoView(string Name, string Unit, long IntervalSeconds, int Count, string? FirstStartUtc, string? LastStartUtc);

/// <summary>One series' points: <c>t</c> an ISO-8601 UTC interval start, <c>value</c> in the series' unit.</summary>
public sealed record SeriesView(string Name, string Unit, long IntervalSeconds, int Count, IReadOnlyList<PointView> Points);

/// <summary>One point of a series.</summary>
public sealed record PointView(string T, double? Value);
