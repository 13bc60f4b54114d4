using System.CommandLine;
using HashPivot.Data.Analysis;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Portfolios;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot compare</c>: per site and per MW, mining versus colocation lease versus GPU cloud.</summary>
internal static class CompareCommand
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<FileInfo>("PORTFOLIO") { Description = "Portfolio YAML file (see samples/portfolio.yaml)." };
        var command = new Command("compare", "What each MW of every site earns mining versus hosting AI/HPC, at the portfolio's network snapshot.\n"
            + "Example: hashpivot compare samples/portfolio.yaml")
        {
            file,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var path = parsed.GetValue(file)!.ToString();
            var portfolio = new PortfolioLoader(new GridPriceSeriesReader()).LoadFile(path);
            var document = CompareDocument.Run(portfolio);
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(document);
                return CliApp.Ok;
            }

            Render(context.Console, document);
            return CliApp.Ok;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, CompareDocument doc)
    {
        var n = doc.Network;
        console.MarkupLine($"[bold]Network[/]: BTC {Format.Money(n.BtcPriceUsd, 0)}, difficulty {Format.Number(n.Difficulty / 1e12, 2)}T "
            + $"({Format.Number(n.NetworkHashrateEhS, 0)} EH/s), subsidy {Format.Number(n.SubsidyBtc, 3)} + fees {Format.Number(n.FeesBtcPerBlock, 3)} BTC/block "
            + $"⇒ hashprice [bold]{Format.Money(n.HashpriceUsdPerPhDay, 2)}/PH/day[/]");
        console.WriteLine();

        var sites = new Table().Title("Sites").AddColumn("Site").AddColumn("Market")
            .AddColumn(new TableColumn("Grid MW").RightAligned()).AddColumn(new TableColumn("Mining MW").RightAligned())
            .AddColumn(new TableColumn("AI MW").RightAligned()).AddColumn(new TableColumn("Headroom MW").RightAligned())
            .AddColumn("Power price");
        foreach (var s in doc.Sites)
        {
            sites.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Market), Format.Number(s.InterconnectionMw, 0), Format.Number(s.MiningLoadMw, 1),
                Format.Number(s.AiLoadMw, 1), Format.Number(s.HeadroomMw, 1), Markup.Escape($"{s.PowerPrice.Description} (avg {Format.Money(s.PowerPrice.AverageUsdPerMwh, 2)}/MWh)"));
        }

        console.Write(sites);

        var mining = new Table().Title("Mining, per MW of mining load per year (USD)").AddColumn("Site")
            .AddColumn(new TableColumn("Revenue").RightAligned()).AddColumn(new TableColumn("Power cost").RightAligned())
            .AddColumn(new TableColumn("Margin").RightAligned()).AddColumn(new TableColumn("Strike USD/MWh").RightAligned())
            .AddColumn(new TableColumn("Breakeven USD/PH/day").RightAligned()).AddColumn(new TableColumn("Hours run").RightAligned());
        foreach (var s in doc.Sites)
        {
            var m = s.Mining;
            mining.AddRow(
                Markup.Escape(s.Name),
                Format.Millions(m?.RevenueUsdPerMwYear ?? double.NaN),
                Format.Millions(m?.PowerCostUsdPerMwYear ?? double.NaN),
                Format.Millions(m?.MarginUsdPerMwYear ?? double.NaN),
                Format.Money(m?.StrikePriceUsdPerMwh ?? double.NaN, 2),
                Format.Money(m?.BreakevenHashpriceUsdPerPhDay ?? double.NaN, 2),
                m?.RunShare is { } run ? Format.Percent(run) : "all");
        }

        console.Write(mining);

        var ai = new Table().Title("AI/HPC, per MW of grid connection per year (USD)").AddColumn("Site")
            .AddColumn(new TableColumn("Lease revenue").RightAligned()).AddColumn(new TableColumn("Lease NOI").RightAligned())
            .AddColumn(new TableColumn("Lease net of capital").RightAligned())
            .AddColumn(new TableColumn("GPU revenue").RightAligned()).AddColumn(new TableColumn("GPU EBITDA").RightAligned())
            .AddColumn(new TableColumn("GPU net of capital").RightAligned())
            .AddColumn("Best use").AddColumn(new TableColumn("Ahead by").RightAligned());
        foreach (var s in doc.Sites)
        {
            ai.AddRow(
                Markup.Escape(s.Name),
                Format.Millions(s.Lease.RevenueUsdPerMwYear),
                Format.Millions(s.Lease.MarginUsdPerMwYear),
                Format.Millions(s.Lease.MarginAfterCapitalUsdPerMwYear),
                Format.Millions(s.GpuCloud.RevenueUsdPerMwYear),
                Format.Millions(s.GpuCloud.MarginUsdPerMwYear),
                Format.Millions(s.GpuCloud.MarginAfterCapitalUsdPerMwYear),
                $"[bold]{s.BestUse}[/]",
                Format.Millions(s.AdvantageUsdPerMwYear));
        }

        console.Write(ai);
        console.MarkupLine("Best use ranks mining margin (miners already installed) against AI margins net of the annual capital charge of converting.");
        var capex = new Table().Title("Conversion capex per MW of grid connection").AddColumn("Site")
            .AddColumn(new TableColumn("Lease capex").RightAligned()).AddColumn(new TableColumn("Lease payback (y)").RightAligned())
            .AddColumn(new TableColumn("GPU-cloud capex").RightAligned()).AddColumn(new TableColumn("GPU payback (y)").RightAligned());
        foreach (var s in doc.Sites)
        {
            capex.AddRow(Markup.Escape(s.Name), Format.Millions(s.Lease.CapexUsdPerMw), Format.Number(s.Lease.SimplePaybackYears ?? double.NaN, 1),
                Format.Millions(s.GpuCloud.CapexUsdPerMw), Format.Number(s.GpuCloud.SimplePaybackYears ?? double.NaN, 1));
        }

        console.Write(capex);
    }
}
