using System.CommandLine;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Portfolios;
using HashPivot.Engine.Compute;
using HashPivot.Engine.Fleet;
using HashPivot.Engine.Sites;
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
            var hashprice = portfolio.Network.Hashprice;
            var comparisons = portfolio.Sites.Select(s => SiteComparison.For(s, hashprice)).ToList();
            var document = CompareDocument.From(portfolio, comparisons);
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

    /// <summary>JSON document of <c>hashpivot compare --json</c>; key names are documented in the README.</summary>
    internal sealed record CompareDocument(NetworkDoc Network, IReadOnlyList<SiteDoc> Sites, TotalsDoc Totals)
    {
        public static CompareDocument From(Portfolio portfolio, IReadOnlyList<SiteComparison> comparisons)
        {
            var net = portfolio.Network;
            var network = new NetworkDoc(net.BtcPrice.Value, net.Difficulty, net.FeesPerBlock.Value, net.Height, net.Subsidy.Value,
                net.NetworkHashrate.Value, net.Hashprice.Value, net.MinerRevenuePerDay.Value);
            var sites = comparisons.Select(SiteDoc.From).ToList();
            var totals = new TotalsDoc(
                sites.Sum(s => s.InterconnectionMw),
                sites.Sum(s => s.MiningLoadMw),
                sites.Sum(s => s.AiLoadMw),
                sites.Sum(s => (s.Mining?.MarginUsdPerDay ?? 0) * 365),
                sites.Sum(s => s.AiDeployments.Sum(d => d.MarginUsdPerYear ?? 0)));
            return new CompareDocument(network, sites, totals);
        }
    }

    internal sealed record NetworkDoc(
        double BtcPriceUsd, double Difficulty, double FeesBtcPerBlock, long Height, double SubsidyBtc,
        double NetworkHashrateEhS, double HashpriceUsdPerPhDay, double MinerRevenueUsdPerDay);

    internal sealed record PowerPriceDoc(string Description, double AverageUsdPerMwh);

    internal sealed record MiningDoc(
        double HashratePhS, double SiteEfficiencyJPerTh, double RevenueUsdPerDay, double PowerCostUsdPerDay, double MarginUsdPerDay,
        double RevenueUsdPerMwYear, double PowerCostUsdPerMwYear, double MarginUsdPerMwYear,
        double? StrikePriceUsdPerMwh, double? BreakevenHashpriceUsdPerPhDay, double? RunShare);

    internal sealed record ComputeDoc(
        double ItMwPerGridMw, double RevenueUsdPerMwYear, double AverageRevenueUsdPerMwYear, double MarginUsdPerMwYear,
        double CapexUsdPerMw, double? SimplePaybackYears, double DepreciationUsdPerMwYear,
        double CapitalChargeUsdPerMwYear, double MarginAfterCapitalUsdPerMwYear)
    {
        public static ComputeDoc From(ComputeEconomics e) => new(
            e.ItMegawatts.Value, e.RevenuePerYear.Value, e.AverageRevenuePerYear.Value, e.MarginPerYear.Value,
            e.CapexPerGridMw.Value, Format.Finite(e.SimplePaybackYears), e.DepreciationPerYear.Value,
            e.CapitalChargePerYear.Value, e.MarginAfterCapitalPerYear.Value);
    }

    internal sealed record DeploymentDoc(string Name, double GridMw, string Use, double? RevenueUsdPerYear, double? MarginUsdPerYear);

    internal sealed record SiteDoc(
        string Name, string Market, double InterconnectionMw, double MiningLoadMw, double AiLoadMw, double HeadroomMw,
        PowerPriceDoc PowerPrice, MiningDoc? Mining, ComputeDoc Lease, ComputeDoc GpuCloud, IReadOnlyList<DeploymentDoc> AiDeployments,
        string BestUse, double BestMarginUsdPerMwYear, double AdvantageUsdPerMwYear)
    {
        public static SiteDoc From(SiteComparison c)
        {
            var site = c.Site;
            return new SiteDoc(
                site.Name, site.Market, site.Interconnection.Value, site.Fleet.SitePower.Value, site.AiLoad.Value, site.Headroom.Value,
                new PowerPriceDoc(site.Power.Description, site.Power.Average.Value),
                c.Mining is null ? null : MiningFrom(c.Mining, site.Fleet, c.Curtailment),
                ComputeDoc.From(c.Lease), ComputeDoc.From(c.Cloud),
                site.Deployments.Select(d =>
                {
                    var e = d.PerGridMw(site.Power.Average);
                    return new DeploymentDoc(d.Name, d.GridMw.Value, d.Lease is not null ? SiteComparison.LeaseUse : SiteComparison.CloudUse,
                        e is null ? null : e.RevenuePerYear.Value * d.GridMw.Value, e is null ? null : e.MarginPerYear.Value * d.GridMw.Value);
                }).ToList(),
                c.BestUse, c.BestMarginPerMwYear.Value, c.AdvantagePerMwYear.Value);
        }

        private static MiningDoc MiningFrom(MiningEconomics m, MiningFleet fleet, CurtailmentSummary? curtailment) => new(
            m.Hashrate.Value, fleet.SiteEfficiency.Value, m.RevenuePerDay.Value, m.PowerCostPerDay.Value, m.MarginPerDay.Value,
            m.RevenuePerMwYear.Value, m.PowerCostPerMwYear.Value, m.MarginPerMwYear.Value,
            Format.Finite(m.StrikePrice.Value), Format.Finite(m.BreakevenHashprice.Value), curtailment?.RunShare);
    }

    internal sealed record TotalsDoc(
        double InterconnectionMw, double MiningLoadMw, double AiLoadMw, double MiningMarginUsdPerYear, double AiMarginUsdPerYear);
}
