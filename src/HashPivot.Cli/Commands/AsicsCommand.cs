using System.CommandLine;
using HashPivot.Engine.Fleet;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot asics</c>: the built-in ASIC catalog.</summary>
internal static class AsicsCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("asics", "The ASIC catalog: model ids for portfolio files, TH/s, W, J/TH and sources.\nExample: hashpivot asics");
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var rows = AsicCatalog.All.Select(m => new AsicRow(
                m.Id, m.Name, m.Manufacturer, m.Hashrate.Value, m.Power.Value, m.Efficiency.Value, m.Year, m.Source)).ToList();
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new { asics = rows });
                return CliApp.Ok;
            }

            var table = new Table()
                .AddColumn("Id").AddColumn("Model").AddColumn("Maker")
                .AddColumn(new TableColumn("TH/s").RightAligned())
                .AddColumn(new TableColumn("W").RightAligned())
                .AddColumn(new TableColumn("J/TH").RightAligned())
                .AddColumn(new TableColumn("Year").RightAligned())
                .AddColumn("Source");
            foreach (var r in rows)
            {
                table.AddRow(r.Id, r.Name, r.Manufacturer, Format.Number(r.HashrateThS, 0), Format.Number(r.PowerW, 0),
                    Format.Number(r.EfficiencyJPerTh, 1), r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.Source));
            }

            context.Console.Write(table);
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>One catalog row in <c>hashpivot asics --json</c>.</summary>
    internal sealed record AsicRow(
        string Id, string Name, string Manufacturer, double HashrateThS, double PowerW, double EfficiencyJPerTh, int Year, string Source);
}
