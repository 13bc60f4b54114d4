using System.Data.Common;
using System.Globalization;

namespace HashPivot.Data.Store;

/// <summary>Which part of the store a call sees: the store's own datasets and runs (the CLI's, no workspace) or those of one workspace.</summary>
/// <remarks>
/// Dataset names are unique in the whole store (schema v1), so a workspace's dataset is stored under its name prefixed
/// with the workspace (<c>workspace:7/prices</c>) and shown without it; the <c>workspace_id</c> column is what every
/// query filters on, so one workspace can neither see nor guess its way into another's rows.
/// </remarks>
internal sealed class StoreScope
{
    public static readonly StoreScope Own = new(null);

    private readonly string _prefix;

    public StoreScope(long? workspaceId)
    {
        WorkspaceId = workspaceId;
        _prefix = workspaceId is { } id ? string.Create(CultureInfo.InvariantCulture, $"workspace:{id}/") : "";
    }

    public long? WorkspaceId { get; }

    /// <summary>The SQL condition on a <c>workspace_id</c> column (constant text; the id goes through <c>@ws</c>).</summary>
    public string Filter(string column) => WorkspaceId is null ? $"{column} IS NULL" : $"{column} = @ws";

    /// <summary>Binds <c>@ws</c> when the filter uses it.</summary>
    public void Bind(DbCommand command)
    {
        if (WorkspaceId is { } id)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@ws";
            parameter.Value = id;
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The value for a <c>workspace_id</c> column being written.</summary>
    public object ColumnValue => WorkspaceId is { } id ? id : DBNull.Value;

    public string StoredName(string name) => _prefix + name;

    public string ShownName(string stored) =>
        stored.StartsWith(_prefix, StringComparison.Ordinal) ? stored[_prefix.Length..] : stored;
}
