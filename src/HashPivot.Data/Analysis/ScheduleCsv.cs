using System.Globalization;
using System.Text;
using HashPivot.Data.Files;
using HashPivot.Engine.Dispatch;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Analysis;

/// <summary>Writes a dispatch schedule as CSV, one row per interval: start (UTC), price, MW per tier, mining, AI, reserve, grid import, energy resold and battery.</summary>
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

        columns.AddRange(["mining_mw", "ai_mw", "reserve_mw", "grid_import_mw", "resold_mwh", "battery_charge_mw", "battery_discharge_mw", "battery_soc_mwh"]);
        return columns;
    }

    /// <summary>Writes the schedule atomically to <paramref name="path"/>.</summary>
    public static void Write(string path, TimeSeries prices, DispatchProblem problem, DispatchSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(schedule);
        var header = string.Join(',', Header(problem));
        AtomicFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false));
            writer.NewLine = "\n";
            writer.WriteLine(header);
            var line = new StringBuilder();
            for (var t = 0; t < schedule.Count; t++)
            {
                line.Clear();
                line.Append(prices[t].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                Append(line, prices.Values[t]);
                for (var i = 0; i < schedule.TierCount; i++)
                {
                    Append(line, schedule.TierMw(i)[t]);
                }

                Append(line, schedule.MiningMw(t));
                Append(line, schedule.AiServedMw[t]);
                Append(line, schedule.ReserveMw[t]);
                Append(line, schedule.ImportMw[t]);
                Append(line, schedule.ResoldMwh[t]);
                Append(line, schedule.ChargeMw[t]);
                Append(line, schedule.DischargeMw[t]);
                Append(line, schedule.SocMwh[t]);
                writer.WriteLine(line);
            }
        });
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
