using System.Collections.Concurrent;
using System.Text.Json;
using HashPivot.Data.Analysis;
using HashPivot.Data.Sector;
using HashPivot.Engine.Sector;

namespace HashPivot.Web.Api;

/// <summary>The sector dataset embedded in the build, parsed once per process, and its sector document per "as of" date with the document's API JSON.</summary>
/// <remarks>
/// The embedded files cannot change while the process runs, so parsing them and rolling them up on every request (as the server did)
/// only burned CPU: under 64 concurrent clients that was most of a sector request's cost. At most <see cref="MaxDates"/> dates are
/// kept, so arbitrary <c>as_of</c> queries cannot grow the cache without bound; past that a document is built per request.
/// </remarks>
internal static class EmbeddedSector
{
    /// <summary>How many "as of" dates keep their document.</summary>
    public const int MaxDates = 64;

    private static readonly Lazy<SectorDataset> Parsed = new(() => SectorCsv.ParseEmbedded().ValueOrThrow());
    private static readonly ConcurrentDictionary<DateOnly, SectorView> Views = new();

    /// <summary>The embedded dataset.</summary>
    public static SectorDataset Data => Parsed.Value;

    /// <summary>The view as of <paramref name="asOf"/>, or as of the dataset's latest fact when null.</summary>
    public static SectorView View(DateOnly? asOf)
    {
        var date = asOf ?? Data.LatestDate;
        if (Views.TryGetValue(date, out var cached))
        {
            return cached;
        }

        var summary = SectorRollup.Summarize(Data, date);
        var document = SectorDocument.Build(Data, date, summary);
        var view = new SectorView(summary, document, JsonSerializer.SerializeToUtf8Bytes(document, ApiJson.Options));
        return Views.Count < MaxDates ? Views.GetOrAdd(date, view) : view;
    }
}

/// <summary>The sector as of one date: the roll-up, the document the API and exports show, and that document as the API's UTF-8 JSON.</summary>
/// <param name="Summary">The roll-up by company, status, use and market.</param>
/// <param name="Document">The document of <c>GET /api/v1/sector</c> and of <c>hashpivot sector --json</c>.</param>
/// <param name="Json">The document serialised with the API's options, shared by every request for this date.</param>
internal sealed record SectorView(SectorSummary Summary, SectorDocument Document, ReadOnlyMemory<byte> Json);
