using System.Globalization;
using System.Text;
using HashPivot.Data.Files;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Analysis;

/// <summary>Writes a dispatch schedule as CSV, one row per interval: start (UTC), price, MW per tier, mining (presets), AI, reserve, MW shed in reserve deployments, grid import (after shedding), energy resold and battery.</summary>
/// <remarks>The layout is the wide one the grid price parser reads (<c>interval_start_utc</c> plus numeric columns), so a schedule can be read back as series.</remarks>
public static class ScheduleCsv
{
    /// <summary>The column names, tier columns as <c>tier_NAME_mw</c> with NAME reduced to lower-case letters, digits and underscores.</summary>
    public static IReadOnlyList<string> Header(DispatchProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var columns = new List<string> { "interval_start_utc", "price_usd_per_mwh" };
        foreach (var tier in problem.Tiers)
        {
            var name = $"tier_{Slug(tier.Name)}_mw";
            var unique = name;
            for (var k = 2; columns.Contains(unique); k++)
            {
                unique = $"tier_{Slug(tier.Name)}_{k}_mw";
            }

            columns.Add(unique);
        }

        columns.AddRange(["mining_mw", "ai_mw", "reserve_mw", "shed_mw", "grid_import_mw", "resold_mwh", "battery_charge_mw", "battery_discharge_mw", "battery_soc_mwh"]);
        return columns;
    }

    /// <summary>The schedule as columns: the header, the interval starts (ISO-8601 UTC) and one array per numeric column in header order.</summary>
    public static ScheduleTable Table(TimeSeries prices, DispatchProblem problem, DispatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(schedule);
        var header = Header(problem);
        var starts = new string[schedule.Count];
        var columns = new List<double[]> { new double[schedule.Count] };
        for (var i = 0; i < schedule.TierCount; i++)
        {
            columns.Add(new double[schedule.Count]);
        }

        var fixedColumns = 9;
        for (var k = 0; k < fixedColumns; k++)
        {
            columns.Add(new double[schedule.Count]);
        }

        for (var t = 0; t < schedule.Count; t++)
        {
            starts[t] = prices[t].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var c = 0;
            columns[c++][t] = prices.Values[t];
            for (var i = 0; i < schedule.TierCount; i++)
            {
                columns[c++][t] = schedule.TierMw(i)[t];
            }

            columns[c++][t] = schedule.MiningMw(t);
            columns[c++][t] = schedule.AiServedMw[t];
            columns[c++][t] = schedule.ReserveMw[t];
            columns[c++][t] = schedule.ShedMw[t];
            columns[c++][t] = schedule.ImportMw[t];
            columns[c++][t] = schedule.ResoldMwh[t];
            columns[c++][t] = schedule.ChargeMw[t];
            columns[c++][t] = schedule.DischargeMw[t];
            columns[c][t] = schedule.SocMwh[t];
        }

        return new ScheduleTable(header, starts, columns);
    }

    /// <summary>Writes the schedule atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, TimeSeries prices, DispatchProblem problem, DispatchSchedule schedule)
    {
        var table = Table(prices, problem, schedule);
        AtomicFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false));
            Write(writer, table);
        });
    }

    /// <summary>Writes a schedule table as CSV, one row per interval, values in round-trip format.</summary>
    public static void Write(TextWriter writer, ScheduleTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.NewLine = "\n";
        writer.WriteLine(string.Join(',', table.Header));
        var line = new StringBuilder();
        for (var t = 0; t < table.StartsUtc.Count; t++)
        {
            line.Clear();
            line.Append(table.StartsUtc[t]);
            foreach (var column in table.Columns)
            {
                Append(line, column[t]);
            }

            writer.WriteLine(line);
        }
    }

    // Round-trip format: the file reproduces the schedule's doubles exactly.
    private static void Append(StringBuilder line, double value) =>
        line.Append(',').Append((value == 0 ? 0 : value).ToString("R", CultureInfo.InvariantCulture));

    private static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return slug.ToString().Trim('_') is { Length: > 0 } s ? s : "tier";
    }
}

/// <summary>A dispatch schedule as columns: header (units in the names), interval starts (ISO-8601 UTC) and one array per numeric column (MW, MWh or USD/MWh as named).</summary>
/// <param name="Header">Column names, <c>interval_start_utc</c> first.</param>
/// <param name="StartsUtc">Interval starts.</param>
/// <param name="Columns">One array per header entry after the first.</param>
public sealed record ScheduleTable(IReadOnlyList<string> Header, IReadOnlyList<string> StartsUtc, IReadOnlyList<double[]> Columns);
