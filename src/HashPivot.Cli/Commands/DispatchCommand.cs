using System.CommandLine;
using HashPivot.Charts;
using HashPivot.Data.Analysis;
using HashPivot.Data.Dispatch;
using HashPivot.Data.Store;
using HashPivot.Data.Validation;
using HashPivot.Engine.Dispatch;
using HashPivot.Solvers.Dispatch;
using Spectre.Console;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot dispatch</c>: the margin-maximising hour-by-hour schedule of a hybrid site over a price series, against the strike-price rule.</summary>
internal static class DispatchCommand
{
    public static Command Build(CliContext context)
    {
        var site = new Argument<FileInfo?>("SITE")
        {
            Description = "Dispatch site YAML (see samples/dispatch-site.yaml); omit it for the quick form (--fleet-mw, --fleet-jth ...).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var prices = new Option<string>("--prices")
        {
            Description = "SERIES of interval prices in USD/MWh: a CSV file in any layout the grid parser reads (timestamp,value; wide; ERCOT long). "
                + "or the name of a dataset in the store (--db; see 'hashpivot data list').",
            Required = true,
        };
        var column = new Option<string?>("--column") { Description = "Settlement point (price column) to use from a file with several." };
        var hashprice = new Option<string>("--hashprice")
        {
            Description = "Hashprice in USD/PH/day: a number, or a timestamp,value CSV file (each value holds until the next timestamp).",
            Required = true,
        };
        var solver = new Option<string>("--solver")
        {
            Description = "fast (exact structure-aware DP, default) or an OR-Tools MILP backend: scip, cbc, highs (slower; for checking).",
            DefaultValueFactory = _ => "fast",
        };
        solver.AcceptOnlyFromAmong([.. DispatchSolvers.Names]);
        var output = new Option<FileInfo?>("--out") { Description = "Write the per-interval schedule CSV here (written atomically)." };
        var chart = new Option<FileInfo?>("--chart") { Description = "Chart one week (price, mining MW, AI MW) to this .png or .svg file." };
        chart.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<FileInfo?>() is { } f && !DispatchWeekChart.IsSupported(f.Name))
            {
                r.AddError($"--chart must end in .png or .svg, got '{f.Name}'.");
            }
        });
        var weekStart = new Option<string?>("--week-start") { Description = "First day (UTC) of the charted week, e.g. 2024-08-19 (default: the first interval)." };
        weekStart.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && DispatchInputs.ParseInstant(text) is null)
            {
                r.AddError($"--week-start must be a date such as 2024-08-19 or a UTC instant, got '{text}'.");
            }
        });

        var fleetMw = Options.OptionalNumber("--fleet-mw", "Quick form: the fleet's power in MW (one tier, presets [0, fleet]).");
        var fleetJth = Options.OptionalNumber("--fleet-jth", "Quick form: the fleet's efficiency in J/TH (PH/s = MW × 1000 / J/TH).", allowZero: false);
        var capMw = Options.OptionalNumber("--cap-mw", "Quick form: grid connection in MW (default AI + fleet).");
        var aiMw = Options.OptionalNumber("--ai-mw", "Quick form: constant firm AI load in MW (default 0).");
        var aiRevenue = Options.OptionalNumber("--ai-usd-per-mwh", "Quick form: AI revenue per MWh served (default 0).");
        var ppaMw = Options.OptionalNumber("--ppa-mw", "Quick form: fixed-price block in MW, paid whether used or not; unused energy is resold at the interval price.");
        var ppaPrice = Options.OptionalNumber("--ppa-usd-per-mwh", "Quick form: price of the block in USD/MWh.");
        var adder = Options.OptionalNumber("--adder-usd-per-mwh", "Quick form: USD/MWh added to market purchases above the block (default 0).");
        var btcPrice = Options.OptionalNumber("--btc-price", "Quick form: BTC price in USD, to report BTC mined.", allowZero: false);
        Option[] quick = [fleetMw, fleetJth, capMw, aiMw, aiRevenue, ppaMw, ppaPrice, adder, btcPrice];

        var systemLoad = new Option<string?>("--system-load")
        {
            Description = "4CP rule: SERIES of actual system load in MW (CSV or dataset); the peaks billed are its highest interval in each of June–September "
                + "(Central time). Without it the site file's four_cp intervals are billed.",
        };
        var systemLoadForecast = new Option<string?>("--system-load-forecast")
        {
            Description = "4CP rule: SERIES of forecast system load in MW (default: --system-load, a perfect forecast).",
        };
        var fourCpThreshold = Options.OptionalNumber("--4cp-threshold-mw",
            "4CP rule: curtail mining wherever the system-load forecast is above this many MW; the schedule is solved without knowing the peaks and billed at the actual ones.");
        var fourCpCurtailTo = Options.OptionalNumber("--4cp-curtail-to-mw", "4CP rule: mining MW allowed in curtailed intervals (default 0).");
        var fourCpRate = Options.OptionalNumber("--4cp-rate-usd-per-kw-year", "4CP rule: transmission rate in USD/kW-year (default: the site file's four_cp rate).");
        Option[] fourCpOptions = [systemLoad, systemLoadForecast, fourCpCurtailTo, fourCpRate];

        var command = new Command("dispatch", "The margin-maximising schedule of a hybrid site (mining tiers, firm AI load, PPA with power credits, "
            + "reserve, 4CP, battery) over a price series, and what the simple strike-price rule would have earned on the same inputs.\n"
            + "In the quick form mining revenue is exactly hashprice × the fleet's PH/s (no pool fee, overhead or downtime).\n"
            + "Example: hashpivot dispatch samples/dispatch-site.yaml --prices samples/synthetic/grid_prices_hourly_2024_synthetic.csv --hashprice 30.5\n"
            + "Example: hashpivot dispatch --prices samples/synthetic/grid_prices_hourly_2024_synthetic.csv --hashprice 45 --fleet-mw 100 --fleet-jth 17.5 --ppa-mw 100 --ppa-usd-per-mwh 30 --json\n"
            + "Example: hashpivot dispatch --prices samples/synthetic/grid_prices_hourly_2024_synthetic.csv --hashprice 45 --fleet-mw 100 --fleet-jth 17.5 "
            + "--system-load samples/synthetic/system_load_2024_summer_synthetic.csv --4cp-threshold-mw 85000 --4cp-rate-usd-per-kw-year 100")
        {
            site, prices, column, hashprice, solver, output, chart, weekStart,
        };
        foreach (var option in quick.Concat(fourCpOptions).Append(fourCpThreshold))
        {
            command.Options.Add(option);
        }

        command.Validators.Add(r =>
        {
            var quickGiven = quick.Where(o => r.GetResult(o) is not null).Select(o => o.Name).ToList();
            if (r.GetResult(site) is { Tokens.Count: > 0 })
            {
                if (quickGiven.Count > 0)
                {
                    r.AddError($"Give a SITE file or the quick-form options, not both ({string.Join(", ", quickGiven)} given with a site file).");
                }
            }
            else if (r.GetResult(fleetMw) is null || r.GetResult(fleetJth) is null)
            {
                r.AddError("Give a SITE file, or the quick form with at least --fleet-mw and --fleet-jth.");
            }

            if (r.GetResult(ppaMw) is not null && r.GetResult(ppaPrice) is null)
            {
                r.AddError("--ppa-mw needs --ppa-usd-per-mwh.");
            }

            if (r.GetResult(weekStart) is not null && r.GetResult(chart) is null)
            {
                r.AddError("--week-start needs --chart.");
            }

            if (r.GetResult(fourCpThreshold) is null && fourCpOptions.Where(o => r.GetResult(o) is not null).Select(o => o.Name).ToList() is { Count: > 0 } orphans)
            {
                r.AddError($"{string.Join(", ", orphans)} belong to the 4CP rule: give --4cp-threshold-mw too.");
            }

            if (r.GetResult(fourCpThreshold) is not null && r.GetResult(systemLoad) is null && r.GetResult(systemLoadForecast) is null)
            {
                r.AddError("--4cp-threshold-mw needs a forecast: give --system-load-forecast or --system-load.");
            }
        });

        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var pricesPath = parsed.GetValue(prices)!;
            var series = DispatchInputs.ReadPrices(pricesPath, parsed.GetValue(column), () => StoreOption.OpenForLookup(parsed)
                ?? throw new InputException(new InputProblem(pricesPath, 0, 0, "--prices",
                    $"neither a file nor a dataset: there is no store at {StorePaths.DefaultSqlitePath()} yet (see 'hashpivot data import')")));
            if (DispatchInputs.CountGaps(series) is > 0 and var gaps)
            {
                // Dwell, ramp and battery treat consecutive rows as consecutive intervals; say so rather than refuse a real file.
                context.Error.WriteLine($"warning: {pricesPath}: {gaps} gap(s) between price intervals; the schedule treats the rows as consecutive");
            }

            var (constant, hashpriceSeries, hashpriceText) = DispatchInputs.ReadHashprice(parsed.GetValue(hashprice)!, series);
            var sitePath = parsed.GetValue(site)?.ToString();
            var dispatchSite = sitePath is not null
                ? DispatchSiteLoader.LoadFile(sitePath)
                : DispatchInputs.QuickSite(
                    parsed.GetValue(fleetMw)!.Value, parsed.GetValue(fleetJth)!.Value, parsed.GetValue(capMw), parsed.GetValue(aiMw) ?? 0,
                    parsed.GetValue(aiRevenue) ?? 0, parsed.GetValue(ppaMw) ?? 0, parsed.GetValue(ppaPrice) ?? 0, parsed.GetValue(adder) ?? 0,
                    parsed.GetValue(btcPrice));
            var problem = dispatchSite.ToProblem(series, constant, hashpriceSeries);

            // Check the chart window before spending time on the solve.
            var chartFile = parsed.GetValue(chart);
            var window = (First: 0, End: 0);
            if (chartFile is not null)
            {
                var start = parsed.GetValue(weekStart) is { } text ? DispatchInputs.ParseInstant(text)!.Value : series.Start;
                window = DispatchWeekChart.Window(series, start);
                if (window.End <= window.First)
                {
                    throw new InputException(new InputProblem(pricesPath, 0, 0, "--week-start",
                        $"no price interval in the week from {start:yyyy-MM-dd'T'HH:mm'Z'}; the prices run {series.Start:yyyy-MM-dd'T'HH:mm'Z'} .. {series.End:yyyy-MM-dd'T'HH:mm'Z'}"));
                }
            }

            // The 4CP rule: forecast and actual loads aligned to the price intervals, peaks from the actual load or the site.
            FourCpForecastRule? fourCpRule = null;
            string? peaksFrom = null;
            if (parsed.GetValue(fourCpThreshold) is { } threshold)
            {
                var actualPath = parsed.GetValue(systemLoad);
                var actual = actualPath is null ? [] : DispatchInputs.ReadSystemLoad(actualPath, "--system-load", series, () => StoreOption.Open(parsed));
                var forecastPath = parsed.GetValue(systemLoadForecast);
                var forecast = forecastPath is null ? actual : DispatchInputs.ReadSystemLoad(forecastPath, "--system-load-forecast", series, () => StoreOption.Open(parsed));
                (problem, fourCpRule, peaksFrom) = DispatchInputs.FourCpRuleInputs(
                    problem, series, forecast, actual, threshold, parsed.GetValue(fourCpCurtailTo) ?? 0, parsed.GetValue(fourCpRate));
            }

            DispatchResult result;
            FourCpRuleResult? fourCpRun = null;
            using (NativeStdoutGuard.Begin())
            {
                var dispatchSolver = DispatchSolvers.ByName(parsed.GetValue(solver)!);
                if (fourCpRule is not null)
                {
                    fourCpRun = FourCpRule.Run(dispatchSolver, problem, fourCpRule);
                    result = fourCpRun.Result;
                    problem = problem with { MiningLimitMw = fourCpRun.MiningLimitMw };
                }
                else
                {
                    result = dispatchSolver.Solve(problem);
                }
            }

            if (result.Status == DispatchStatus.Infeasible)
            {
                throw new InputException(new InputProblem(dispatchSite.Source, 0, 0, "",
                    fourCpRule is null
                        ? "no feasible schedule: a ramp or dwell limit cannot yield to the firm AI load under the grid cap"
                        : "no feasible schedule: a ramp or dwell limit cannot yield to the firm AI load under the grid cap or to the 4CP rule's curtailment"));
            }

            if (result.Totals is not { } totals || result.Schedule is not { } schedule)
            {
                context.Error.WriteLine($"internal error: solver {result.Solver} ended {DispatchDocument.StatusName(result.Status)} without a schedule");
                return CliApp.InternalError;
            }

            var outFile = parsed.GetValue(output)?.FullName;
            if (outFile is not null)
            {
                ScheduleCsv.Write(outFile, series, problem, schedule);
            }

            if (chartFile is not null)
            {
                var title = $"{Path.GetFileName(sitePath ?? "quick form")}: week from {series[window.First]:yyyy-MM-dd} ({result.Solver})";
                DispatchWeekChart.Save(chartFile.FullName, title, series, schedule, window.First, window.End);
            }

            var document = DispatchDocument.From(sitePath ?? DispatchInputs.CommandLine, pricesPath, hashpriceText, series, problem, result, totals,
                outFile, chartFile?.FullName);
            if (fourCpRun is not null)
            {
                document = document with { FourCpRule = DispatchDocument.FourCp(series, fourCpRule!, fourCpRun, peaksFrom!) };
            }

            if (parsed.GetValue(CliApp.Json))
            {
                context.WriteJson(document);
            }
            else
            {
                Render(context.Console, document);
            }

            return CliApp.Ok;
        }));
        return command;
    }

    private static void Render(IAnsiConsole console, DispatchDocument d)
    {
        console.MarkupLine(Markup.Escape($"Dispatch of {d.Site} over {d.Intervals:N0} intervals of {d.IntervalMinutes:0.##} min, {d.StartUtc} .. {d.EndUtc}"));
        console.MarkupLine(Markup.Escape($"Prices {d.Prices}; hashprice {d.Hashprice}"));
        console.MarkupLine(Markup.Escape($"Solver {d.Solver}: {d.Status}, gap {(d.Gap is { } g ? Format.Number(g, 9) : "unknown")}, {Format.Number(d.SolveMs, 1)} ms"));
        var money = new Table().Title("Margin (USD)").AddColumn("Item").AddColumn(new TableColumn("USD").RightAligned());
        money.AddRow("Mining revenue", Format.Money(d.MiningRevenueUsd, 0));
        money.AddRow("AI revenue", Format.Money(d.AiRevenueUsd, 0));
        money.AddRow("Power credits (energy resold)", Format.Money(d.PowerCreditsUsd, 0));
        money.AddRow("Reserve revenue", Format.Money(d.ReserveRevenueUsd, 0));
        if (d.DeployedMwh > 0)
        {
            money.AddRow("Deployment energy payments", Format.Money(d.DeploymentPaymentUsd, 0));
        }

        money.AddRow("less energy cost", Format.Money(d.EnergyCostUsd, 0));
        money.AddRow("less 4CP charge", Format.Money(d.FourCpChargeUsd, 0));
        money.AddRow("less SLA penalty", Format.Money(d.SlaPenaltyUsd, 0));
        money.AddRow("[bold]Margin[/]", $"[bold]{Format.Money(d.MarginUsd, 0)}[/]");
        money.AddRow("Strike-price rule margin", Format.Money(d.RuleMarginUsd ?? double.NaN, 0));
        money.AddRow("Optimisation adds", Format.Money(d.GainOverRuleUsd ?? double.NaN, 0));
        console.Write(money);

        var energy = new Table().Title("Energy").AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
        energy.AddRow("Mined (MWh)", Format.Number(d.MinedMwh, 1));
        energy.AddRow("BTC mined", d.MinedBtc is { } btc ? Format.Number(btc, 4) : "– (no BTC price)");
        energy.AddRow("AI served (MWh)", Format.Number(d.AiServedMwh, 1));
        energy.AddRow("AI shortfall (MWh)", Format.Number(d.AiShortfallMwh, 1));
        energy.AddRow("Net grid import (MWh)", Format.Number(d.ImportMwh, 1));
        energy.AddRow("Resold (MWh)", Format.Number(d.ResoldMwh, 1));
        energy.AddRow("Reserve offered (MW-h)", Format.Number(d.ReserveMwh, 1));
        if (d.DeployedMwh > 0)
        {
            energy.AddRow("Shed in deployments (MWh)", Format.Number(d.DeployedMwh, 1));
        }

        foreach (var (tier, hours) in d.CurtailedHours)
        {
            energy.AddRow(Markup.Escape($"Curtailed hours, {tier}"), Format.Number(hours, 2));
        }

        console.Write(energy);
        if (d.FourCpRule is { } rule)
        {
            var cp = new Table().Title("4CP forecast rule").AddColumn("Item").AddColumn(new TableColumn("Value").RightAligned());
            cp.AddRow("Curtail where forecast above (MW)", Format.Number(rule.ThresholdMw, 0));
            cp.AddRow("Mining allowed there (MW)", Format.Number(rule.CurtailToMw, 1));
            cp.AddRow("Intervals curtailed", Format.Number(rule.CurtailedIntervals, 0));
            cp.AddRow(Markup.Escape($"Actual peaks billed ({rule.PeaksFrom.Replace('_', ' ')})"), Markup.Escape(string.Join(", ", rule.PeaksUtc)));
            cp.AddRow("4CP charge at the actual peaks", Format.Money(rule.FourCpChargeUsd, 0));
            cp.AddRow("Margin under the rule", Format.Money(rule.MarginUsd, 0));
            cp.AddRow("Margin with perfect foresight", Format.Money(rule.PerfectForesightMarginUsd, 0));
            cp.AddRow("Left to perfect foresight", Format.Money(rule.MarginVsPerfectForesightUsd, 0));
            console.Write(cp);
        }

        if (d.SchedulePath is not null)
        {
            console.MarkupLine(Markup.Escape($"Schedule written to {d.SchedulePath}"));
        }

        if (d.ChartPath is not null)
        {
            console.MarkupLine(Markup.Escape($"Chart written to {d.ChartPath}"));
        }
    }
}
