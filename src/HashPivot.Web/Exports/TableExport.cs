using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace HashPivot.Web.Exports;

/// <summary>Writes an <see cref="ExportTable"/> as a CSV (invariant culture, round-trip numbers, RFC 4180 quoting) or an XLSX (MiniExcel) download.</summary>
internal static class TableExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult Csv(ExportTable table, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(CsvText(table)), "text/csv; charset=utf-8", fileName);

    public static IResult Xlsx(ExportTable table, string fileName, string sheet) =>
        Results.File(XlsxBytes(table, sheet), XlsxType, fileName);

    public static string CsvText(ExportTable table)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', table.Columns.Select(Quote))).Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append(string.Join(',', row.Select(Cell))).Append('\n');
        }

        return text.ToString();
    }

    public static byte[] XlsxBytes(ExportTable table, string sheet)
    {
        // Rows as ordered dictionaries: MiniExcel writes one column per key, in key order, with the keys as the header row.
        var rows = table.Rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                cells[table.Columns[i]] = row[i];
            }

            return cells;
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, sheetName: sheet);
        return stream.ToArray();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => double.IsFinite(d) ? (d == 0 ? 0 : d).ToString("R", CultureInfo.InvariantCulture) : "",
        string s => Quote(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
