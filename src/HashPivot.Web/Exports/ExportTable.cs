namespace HashPivot.Web.Exports;

/// <summary>A table to export: column names (units in the names) and rows of text or numbers (null = not disclosed / not applicable).</summary>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">One array per row, one cell per column: string, double or null.</param>
internal sealed record ExportTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
