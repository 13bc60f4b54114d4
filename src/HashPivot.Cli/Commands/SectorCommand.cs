using System.CommandLine;
using System.Globalization;
using HashPivot.Charts;
using HashPivot.Cli.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Sector;
using HashPivot.Engine.Sector;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot sector</c> and <c>hashpivot contracts</c>: the listed miners' power, AI contracts and valuation from <c>data/sector/</c>.</summary>
internal static class SectorCommand
{
    private static Option<string?> AsOfOption() => new("--as-of") { Description = "Show the portfolio as disclosed on this date (yyyy-MM-dd); default: the latest date in the dataset." };

    private static Option<string?> DataDirOption() => new("--data") { Description = "A folder with companies.csv, sites.csv, contracts.csv and events.csv; default: the dataset built in (data/sector/)." };

    public static Command Build(CliContext context)
    {
        var asOfOption = AsOfOption();
        var dataDir = DataDirOption();
        var chart = ChartFile.Option("Chart GW by company, stacked by status, to this .png or .svg file (prospective GW left out, as in the total).");
        var command = new Command("sector", "Listed miners' power (GW by status), GW contracted to AI, AI backlog and run rate per company, as of a date.\n"
            + "Example: hashpivot sector --as-of 2026-05-26\n"
            + "Example: hashpivot sector --as-of 2026-05-26 --chart sector.svg")
        {
            asOfOption, dataDir, chart,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var data = Load(parsed.GetValue(dataDir));
            var asOf = ParseDate(parsed.GetValue(asOfOption)) ?? data.LatestDate;
            var summary = SectorRollup.Summarize(data, asOf);
            var chartFile = parsed.GetValue(chart);
            if (chartFile is not null)
            {
                SectorGwChart.Save(chartFile.FullName, summary);
            }

            var document = SectorDocument.Build(data, asOf, summary);
            var (rows, total) = (document.Companies, document.Total);
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(document);
                return CliApp.Ok;
            }

            var table = new Table().Title($"Sector as of {asOf:yyyy-MM-dd} (GW as disclosed; AI GW = critical IT)")
                .AddColumn("Ticker")
                .AddColumn(new TableColumn("GW total").RightAligned())
                .AddColumn(new TableColumn("Energized").RightAligned())
                .AddColumn(new TableColumn("Under constr.").RightAligned())
                .AddColumn(new TableColumn("Approved/planned").RightAligned())
                .AddColumn(new TableColumn("Status n/d").RightAligned())
                .AddColumn(new TableColumn("Prospective*").RightAligned())
                .AddColumn(new TableColumn("AI GW").RightAligned())
                .AddColumn(new TableColumn("AI backlog").RightAligned())
                .AddColumn(new TableColumn("AI run rate/yr").RightAligned())
                .AddColumn(new TableColumn("Mcap (date)").RightAligned());
            foreach (var r in rows.Append(total))
            {
                table.AddRow(r.Ticker, Format.Number(r.GwTotal, 2), Format.Number(r.GwEnergized, 2), Format.Number(r.GwUnderConstruction, 2),
                    Format.Number(r.GwApprovedPlanned, 2), Format.Number(r.GwStatusUndisclosed, 2), Format.Number(r.GwProspective, 2),
                    Format.Number(r.GwContractedAi, 2), Billions(r.AiBacklogUsd), Billions(r.AiRunRateUsdPerYear),
                    r.MarketCapUsd is { } cap ? $"{Billions(cap)} ({r.MarketCapAsOf})" : "n/d");
            }

            context.Console.Write(table);
            context.Out.WriteLine("* prospective = exclusivity/evaluation pipeline, not in GW total. n/d = not disclosed in domain.md (left empty, never invented).");
            context.Out.WriteLine(summary.Statement.Text);
            WriteChartPath(context, chartFile);
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command BuildContracts(CliContext context)
    {
        var dataDir = DataDirOption();
        var chart = ChartFile.Option("Chart the AI backlog (USD billions, contracts in the totals) by company to this .png or .svg file.");
        var command = new Command("contracts", "Every AI/HPC contract in the sector dataset with its implied USD/kW-month, USD/MW-year and NOI at the default margin.\n"
            + "Example: hashpivot contracts\n"
            + "Example: hashpivot contracts --chart backlog.png")
        {
            dataDir, chart,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var data = Load(parsed.GetValue(dataDir));
            var rows = ContractRow.All(data);
            var chartFile = parsed.GetValue(chart);
            if (chartFile is not null)
            {
                var counted = rows.Where(r => r.InTotals).Select(r => new AiBacklogChart.Contract(r.Company, r.Kind, r.TotalValueUsd)).ToList();
                AiBacklogChart.Save(chartFile.FullName, counted);
            }

            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new { contracts = rows });
                return CliApp.Ok;
            }

            var table = new Table().AddColumn("Company").AddColumn("Counterparty").AddColumn("Announced")
                .AddColumn(new TableColumn("MW IT").RightAligned()).AddColumn(new TableColumn("Value").RightAligned())
                .AddColumn(new TableColumn("Years").RightAligned()).AddColumn(new TableColumn("USD/kW-mo").RightAligned())
                .AddColumn(new TableColumn("USD/MW-yr").RightAligned()).AddColumn(new TableColumn("NOI/yr").RightAligned()).AddColumn("In totals");
            foreach (var r in rows)
            {
                table.AddRow(r.Company, Markup.Escape(r.Counterparty), r.Announced, r.MwCriticalIt is { } mw ? Format.Number(mw, 0) : "n/d",
                    Billions(r.TotalValueUsd), Format.Number(r.TermYears, 0), r.UsdPerKwMonth is { } k ? Format.Money(k, 0) : "n/d",
                    r.UsdPerMwYear is { } y ? Format.Millions(y) : "n/d", Format.Millions(r.NoiUsdPerYear), r.InTotals ? "yes" : "no (superseded)");
            }

            context.Console.Write(table);
            WriteChartPath(context, chartFile);
            return CliApp.Ok;
        }));
        return command;
    }

    internal static void WriteChartPath(CliContext context, FileInfo? chartFile)
    {
        if (chartFile is not null)
        {
            context.Out.WriteLine($"Chart written to {chartFile.FullName}");
        }
    }

    private static SectorDataset Load(string? directory) =>
        (directory is null ? SectorCsv.ParseEmbedded() : SectorCsv.ParseDirectory(directory)).ValueOrThrow();

    internal static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ArgumentException($"'{text}' is not a date (expected yyyy-MM-dd).");
    }

    private static string Billions(double usd) => "$" + Format.Number(usd / 1e9, 2) + "B";
}
