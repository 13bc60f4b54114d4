using System.Globalization;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Csv;

/// <summary>Writes a series as <c>timestamp,value</c> CSV (ISO-8601 UTC instants), the generic layout the grid parser reads back.</summary>
public static class TimestampValueCsvWriter
{
    /// <summary>Writes the file atomically: a temporary file renamed over the target, so a failed write leaves nothing half-written.</summary>
    public static void Write(TimeSeries series, string path)
    {
        ArgumentNullException.ThrowIfNull(series);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine("timestamp,value");
            var values = series.Values;
            for (var i = 0; i < series.Count; i++)
            {
                writer.Write(series[i].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(values[i].ToString("0.##", CultureInfo.InvariantCulture));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
