using System.Text.Json;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Engine.Sites;

namespace HashPivot.Web.Api;

/// <summary>Reads stored and submitted portfolio documents (YAML, or JSON which YAML reads too) against the workspace's datasets.</summary>
internal static class Portfolios
{
    public const int MaxNameLength = 200;

    /// <summary>The portfolio in <paramref name="document"/>; every problem at once as an <see cref="InputException"/> located in the document.</summary>
    public static Portfolio Load(IHashPivotStore store, string document, string file) =>
        new PortfolioLoader(new WorkspaceSeriesReader(store)).Load(document, file, "");

    /// <summary>The portfolio of a record.</summary>
    public static Portfolio Load(IHashPivotStore store, PortfolioRecord record) => Load(store, record.Document, $"portfolio {record.Id}");

    /// <summary>The portfolio of a record with its sites' price series and their timestamps, for the valuation.</summary>
    /// <remarks><paramref name="datasetRead"/> hears the name of every dataset read (for callers that cache the result).</remarks>
    public static PortfolioWithSeries LoadWithSeries(IHashPivotStore store, PortfolioRecord record, Action<string>? datasetRead = null) =>
        PortfolioWithSeries.Load(record.Document, $"portfolio {record.Id}", new RecordingSeriesReader(
            (name, column) =>
            {
                datasetRead?.Invoke(name);
                return Data.Analysis.DispatchInputs.ReadStoredPrices(store, name, column, "series", "column");
            },
            new WorkspaceSeriesReader(store)));

    /// <summary>The document text of a request body: a YAML string as is, an object as its JSON text.</summary>
    public static string DocumentText(JsonElement document) => document.ValueKind switch
    {
        JsonValueKind.String => document.GetString() ?? "",
        JsonValueKind.Object => document.GetRawText(),
        _ => throw new InputException(new InputProblem("request body", 0, 0, "document", "give the portfolio as a YAML string or a JSON object")),
    };

    /// <summary>Checks a name: 1 to 200 characters, no control characters, no surrounding spaces.</summary>
    public static string CheckName(string? name, string field = "name")
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl) || name.Trim() != name)
        {
            throw new InputException(new InputProblem("request body", 0, 0, field, $"must be 1 to {MaxNameLength} characters without control characters or surrounding spaces"));
        }

        return name;
    }
}
