using System.CommandLine;
using System.Globalization;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Valuation;
using HashPivot.Engine.Planning;
using HashPivot.Engine.Valuation;
using HashPivot.Solvers.Planning;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot plan</c>: which sites to convert, to what and when, under a capital budget, a financing limit and a P5 floor (MILP).</summary>
internal static class PlanCommand
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<FileInfo>("PORTFOLIO") { Description = "Portfolio YAML file (see samples/portfolio.yaml)." };
        var budget = new Option<double>("--budget-usd") { Description = "Capital budget for conversion capex (USD, undiscounted).", Required = true };
        var financing = new Option<double?>("--financing-usd") { Description = "Most debt the conversions may draw (USD)." };
        var floor = new Option<double?>("--p5-floor-usd") { Description = "The portfolio's P5 NPV must be at least this (USD): at most 5 % of paths below it." };
        var paths = new Option<int>("--paths") { Description = "Monte-Carlo paths (each becomes a row of the chance constraint).", DefaultValueFactory = _ => 500 };
        var seed = new Option<long>("--seed") { Description = "Seed of the valuation's draws.", DefaultValueFactory = _ => 42 };
        paths.Validators.Add(r =>
        {
            if (Options.TryTypedNumber(r, out var v) && v is < 20 or > 20_000)
            {
                r.AddError("--paths must be between 20 and 20,000.");
            }
        });
        budget.Validators.Add(r =>
        {
            if (Options.TryTypedNumber(r, out var v) && v is < 0 or double.NaN)
            {
                r.AddError("--budget-usd must be zero or more.");
            }
        });
        var command = new Command("plan", "Choose which sites to convert (lease, GPU cloud or hybrid, and the start year) to maximise the expected portfolio NPV "
            + "within a capital budget, a financing limit and a P5 floor, as a MILP (OR-Tools SCIP) over the valuation's paths.\n"
            + "Example: hashpivot plan samples/portfolio.yaml --budget-usd 2e9 --paths 200")
        {
            file, budget, financing, floor, paths, seed,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var path = parsed.GetValue(file)!.ToString();
            using var progress = new StepReporter(context, quiet: false, totalSteps: 3);
            progress.Step("load portfolio");
            var loaded = PortfolioWithSeries.LoadFile(path);
            var request = ValuationInputs.Request(loaded, new ValuationAssumptions(), 10, parsed.GetValue(seed));
            progress.Step($"value {request.Sites.Count} site(s) × {parsed.GetValue(paths):N0} paths");
            var result = ValuationEngine.Run(request, parsed.GetValue(paths));
            progress.Step("solve the plan (MILP)");
            var problem = PlanInputs.Problem(result, parsed.GetValue(budget), parsed.GetValue(financing), parsed.GetValue(floor));
            PlanResult plan;
            using (NativeStdoutGuard.Begin())
            {
                plan = new MilpPlanner().Solve(problem);
            }

            progress.Complete();
            var chosen = plan.Choice is null ? [] : plan.Choice.Select((k, i) => new PlanChoice(problem.Sites[i].Name, problem.Sites[i].Options[k].Label,
                problem.Sites[i].Options[k].CapexUsd, problem.Sites[i].Options[k].MeanNpvUsd)).ToList();
            double? p5 = null;
            if (plan.Choice is { } c)
            {
                var totals = new double[problem.Paths];
                for (var i = 0; i < c.Length; i++)
                {
                    var npv = problem.Sites[i].Options[c[i]].NpvUsd;
                    for (var p = 0; p < totals.Length; p++)
                    {
                        totals[p] += npv[p];
                    }
                }

                Array.Sort(totals);
                p5 = NpvSummary.Percentile(totals, 0.05);
            }

            var document = new PlanDocument(plan.Status, chosen, double.IsFinite(plan.ExpectedNpvUsd) ? plan.ExpectedNpvUsd : null, p5, plan.CapexUsd, plan.DebtUsd,
                parsed.GetValue(budget), parsed.GetValue(financing), parsed.GetValue(floor), double.IsFinite(plan.Gap) ? plan.Gap : null, plan.SolveMs, result.Paths, request.Seed);
            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(document);
                return CliApp.Ok;
            }

            if (plan.Choice is null)
            {
                context.Out.WriteLine($"No plan: {plan.Status} (budget, financing limit or P5 floor cannot all be met).");
                return CliApp.Ok;
            }

            var table = new Table().Title("Plan").AddColumn("Site").AddColumn("Choice").AddColumn(new TableColumn("Capex USD M").RightAligned())
                .AddColumn(new TableColumn("Mean NPV USD M").RightAligned());
            foreach (var x in chosen)
            {
                table.AddRow(Markup.Escape(x.Site), Markup.Escape(x.Choice), M(x.CapexUsd), M(x.MeanNpvUsd));
            }

            context.Console.Write(table);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Expected NPV {M(plan.ExpectedNpvUsd)}M USD (P5 {M(p5 ?? double.NaN)}M), capex {M(plan.CapexUsd)}M of {M(parsed.GetValue(budget))}M; {plan.Status}, gap {plan.Gap:0.##E+0}, {plan.SolveMs:0} ms"));
            return CliApp.Ok;
        }));
        return command;
    }

    private static string M(double usd) => (usd / 1e6).ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>What <c>plan --json</c> prints: status, the chosen option per site, expected and P5 NPV, capex and debt (USD), limits, gap and solve time.</summary>
    private sealed record PlanDocument(string Status, IReadOnlyList<PlanChoice> Chosen, double? ExpectedNpvUsd, double? NpvUsdP5, double CapexUsd, double DebtUsd,
        double BudgetUsd, double? FinancingUsd, double? P5FloorUsd, double? Gap, double SolveMs, int Paths, long Seed);

    /// <summary>One site's choice with its capex and mean NPV (USD).</summary>
    private sealed record PlanChoice(string Site, string Choice, double CapexUsd, double MeanNpvUsd);
}
