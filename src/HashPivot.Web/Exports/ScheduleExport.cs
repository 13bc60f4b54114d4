using HashPivot.Web.Api;

namespace HashPivot.Web.Exports;

/// <summary>A stored dispatch schedule as an export table: one row per interval, the columns of <c>hashpivot dispatch --out</c>.</summary>
internal static class ScheduleExport
{
    public static ExportTable Table(StoredSchedule schedule)
    {
        var rows = new List<object?[]>(schedule.StartsUtc.Count);
        for (var t = 0; t < schedule.StartsUtc.Count; t++)
        {
            var row = new object?[schedule.Columns.Count];
            row[0] = schedule.StartsUtc[t];
            for (var c = 0; c < schedule.Values.Count; c++)
            {
                row[c + 1] = schedule.Values[c][t];
            }

            rows.Add(row);
        }

        return new ExportTable(schedule.Columns, rows);
    }
}
