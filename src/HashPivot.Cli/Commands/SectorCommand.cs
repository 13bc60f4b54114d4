using System.CommandLine;
using System.Globalization;
using HashPivot.Cli.Charts;
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

            var rows = summary.Companies.Select(r => Row(r, data.Companies.First(c => c.Ticker == r.Ticker))).ToList();
            var total = Row(summary.Total, null);
            var events = data.EventsAsOf(asOf).Select(e => new EventRow(e.Date.Text, e.Company, e.Site, e.Kind, e.Power?.Value, e.Description, e.Source)).ToList();
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(new SectorDocument(
                    asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    summary.Statement.IncludedStatuses.Select(SectorRollup.Name).ToList(),
                    summary.Total.GwTotal,
                    rows,
                    total,
                    summary.ByStatus.Select(g => new GroupRow(g.Key, g.Gw)).ToList(),
                    summary.ByUse.Select(g => new GroupRow(g.Key, g.Gw)).ToList(),
                    summary.ByMarket.Select(g => new GroupRow(g.Key, g.Gw)).ToList(),
                    new StatementRow(summary.Statement.DisclosedGw, summary.Statement.ProspectiveGw, summary.Statement.CompaniesWithMw,
                        summary.Statement.CompaniesCovered, summary.Statement.BernsteinGw, summary.Statement.BernsteinCompanies, summary.Statement.GapGw,
                        summary.Statement.DisclosedAiGw, summary.Statement.DisclosedAiValue.Value, summary.Statement.BernsteinAiGw,
                        summary.Statement.BernsteinAiValue.Value, summary.Statement.Text),
                    events));
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
            var rows = data.Contracts.Select(c => ContractEconomics.Of(c)).Select(e => new ContractRow(
                e.Contract.Company, e.Contract.Counterparty, e.Contract.Site, e.Contract.Kind == ContractKind.GpuCloud ? "gpu_cloud" : "colocation",
                e.Contract.CriticalIt?.Value, e.Contract.TotalValue.Value, e.Contract.TermYears, e.Contract.Announced.Text, e.Contract.InTotals,
                e.Rate?.PerKwMonth.Value, e.Rate?.PerMwYear.Value, e.AnnualRevenue.Value, e.NoiMargin, e.AnnualNoi.Value, e.Contract.Backstop, e.Contract.Source)).ToList();
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

    private static CompanyRow Row(CompanyRollup r, SectorCompany? company)
    {
        var valuation = company is null ? null : SectorValuation.Of(company, r);
        return new CompanyRow(
            r.Ticker, r.Name, r.GwTotal, r.GwEnergized, r.GwUnderConstruction, r.GwApprovedPlanned, r.GwStatusUndisclosed, r.GwProspective,
            r.GwContractedAi, r.GwContractedAi, r.AiBacklog.Value, r.AiRunRatePerYear.Value, r.ContractsWithoutMw, r.SitesWithoutMw,
            company?.MarketCap?.Value, company?.MarketCapAsOf?.Text, company?.NetDebt?.Value, valuation?.EnterpriseValue?.Value,
            valuation?.EvPerMwTotal, valuation?.EvPerMwEnergized, valuation?.EvPerMwContracted, valuation?.MarketCapPerMwTotal,
            valuation?.ImpliedLow.Value, valuation?.ImpliedHigh.Value);
    }

    /// <summary>JSON document of <c>hashpivot sector --json</c>.</summary>
    internal sealed record SectorDocument(
        string AsOf, IReadOnlyList<string> IncludedStatuses, double TotalGw, IReadOnlyList<CompanyRow> Companies, CompanyRow Total,
        IReadOnlyList<GroupRow> ByStatus, IReadOnlyList<GroupRow> ByUse, IReadOnlyList<GroupRow> ByMarket, StatementRow Statement, IReadOnlyList<EventRow> Events);

    /// <summary>One company (or the total) in <c>hashpivot sector --json</c>; null = not disclosed.</summary>
    internal sealed record CompanyRow(
        string Ticker, string Name, double GwTotal, double GwEnergized, double GwUnderConstruction, double GwApprovedPlanned,
        double GwStatusUndisclosed, double GwProspective, double GwContractedAi, double GwAiContracted, double AiBacklogUsd,
        double AiRunRateUsdPerYear, int ContractsWithoutMw, int SitesWithoutMw, double? MarketCapUsd, string? MarketCapAsOf,
        double? NetDebtUsd, double? EnterpriseValueUsd, double? EvPerMwTotal, double? EvPerMwEnergized, double? EvPerMwContracted,
        double? MarketCapPerMwTotal, double? ImpliedValueLowUsd, double? ImpliedValueHighUsd);

    /// <summary>GW of one status, use or market.</summary>
    internal sealed record GroupRow(string Key, double Gw);

    /// <summary>The coverage statement against Bernstein's figures.</summary>
    internal sealed record StatementRow(
        double DisclosedGw, double ProspectiveGw, int CompaniesWithMw, int CompaniesCovered, double BernsteinGw, int BernsteinCompanies,
        double GapGw, double DisclosedAiGw, double DisclosedAiValueUsd, double BernsteinAiGw, double BernsteinAiValueUsd, string Text);

    /// <summary>A dated event up to the as-of date.</summary>
    internal sealed record EventRow(string Date, string Company, string Site, string Event, double? Mw, string Description, string Source);

    /// <summary>One contract in <c>hashpivot contracts --json</c>.</summary>
    internal sealed record ContractRow(
        string Company, string Counterparty, string Site, string Kind, double? MwCriticalIt, double TotalValueUsd, double TermYears,
        string Announced, bool InTotals, double? UsdPerKwMonth, double? UsdPerMwYear, double RevenueUsdPerYear, double NoiMargin,
        double NoiUsdPerYear, string Backstop, string Source);
}
