using System.CommandLine;
using System.Globalization;
using HashPivot.Engine.Bitcoin;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot halvings</c>: halving heights, subsidies and estimated dates from a current height.</summary>
internal static class HalvingsCommand
{
    public static Command Build(CliContext context)
    {
        var height = new Option<long>("--height") { Description = "Current block height.", Required = true };
        height.Validators.Add(r => { if (Options.TryTypedNumber(r, out var v) && v < 0) { r.AddError("--height must not be negative."); } });
        var asOf = new Option<DateTimeOffset?>("--as-of") { Description = "UTC time of that height (default: now)." };
        var minutes = Options.PositiveNumber("--block-minutes", "Average minutes per block assumed ahead (default 10).", defaultValue: 10);
        var count = new Option<int>("--count") { Description = "Halvings to list (default 8).", DefaultValueFactory = _ => 8 };
        count.Validators.Add(r => { if (Options.TryTypedNumber(r, out var v) && v is < 1 or > 64) { r.AddError("--count must be between 1 and 64."); } });
        var command = new Command("halvings", "Halving heights, subsidy after each and estimated dates.\n"
            + "Example: hashpivot halvings --height 925000 --as-of 2025-11-24T00:00:00Z")
        {
            height, asOf, minutes, count,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            // The CLI is an adapter: it may read the clock; the engine takes the time as an argument.
            var now = parsed.GetValue(asOf) ?? DateTimeOffset.UtcNow;
            var halvings = HalvingCalendar.Build(parsed.GetValue(height), now, TimeSpan.FromMinutes(parsed.GetValue(minutes)), parsed.GetValue(count));
            var rows = halvings.Select(h => new HalvingRow(h.Number, h.Height, h.SubsidyAfter.Value, h.DateUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new { halvings = rows });
                return CliApp.Ok;
            }

            var table = new Table().AddColumn("#").AddColumn(new TableColumn("Height").RightAligned())
                .AddColumn(new TableColumn("Subsidy after (BTC)").RightAligned()).AddColumn("Estimated date (UTC)");
            foreach (var r in rows)
            {
                table.AddRow(r.Number.ToString(CultureInfo.InvariantCulture), Format.Number(r.Height, 0), Format.Number(r.SubsidyBtc, 8), r.EstimatedDateUtc ?? "past");
            }

            context.Console.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>One row of <c>hashpivot halvings --json</c>.</summary>
    internal sealed record HalvingRow(int Number, long Height, double SubsidyBtc, string? EstimatedDateUtc);
}
