using System.CommandLine;
using System.Globalization;
using HashPivot.Data.Analysis;
using HashPivot.Data.Files;
using HashPivot.Web.Reports;

namespace HashPivot.Cli.Commands;

/// <summary><c>hashpivot analyze</c>: compare, dispatch, valuation and the sector view of a portfolio, written as one self-contained HTML report plus its CSV/JSON tables.</summary>
internal static class AnalyzeCommand
{
    public static Command Build(CliContext context)
    {
        var file = new Argument<FileInfo>("PORTFOLIO") { Description = "Portfolio YAML file (see samples/portfolio.yaml)." };
        var outDir = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for report.html, compare.json and one schedule CSV per series-priced site (created if missing).",
            DefaultValueFactory = _ => new DirectoryInfo("hashpivot-report"),
        };
        var paths = new Option<int>("--paths") { Description = "Monte-Carlo paths of the valuation.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the valuation's draws.", DefaultValueFactory = _ => 42 };
        paths.Validators.Add(r =>
        {
            if (Options.TryTypedNumber(r, out var v) && v is < 1 or > 200_000)
            {
                r.AddError("--paths must be between 1 and 200,000.");
            }
        });
        var command = new Command("analyze", "Run compare, the hour-by-hour dispatch of every series-priced site, the Monte-Carlo valuation and the sector view for a portfolio, "
            + "and write a self-contained HTML report (inline charts, no script, opens offline) with the tables behind it.\n"
            + "Example: hashpivot analyze samples/portfolio.yaml --out report")
        {
            file, outDir, paths, seed,
        };
        command.SetAction(CliApp.Guard(context, parsed =>
        {
            var json = parsed.GetValue(CliApp.Json);
            var dir = parsed.GetValue(outDir)!;
            using var progress = new StepReporter(context, quiet: false, totalSteps: 6);
            var analysis = PortfolioAnalysis.Run(parsed.GetValue(file)!.ToString(), parsed.GetValue(paths), parsed.GetValue(seed), progress.Step);
            progress.Step("write the report");
            Directory.CreateDirectory(dir.FullName);
            var written = new List<string>();
            var report = Path.Combine(dir.FullName, "report.html");
            AtomicFile.Write(report, tmp => File.WriteAllText(tmp, AnalysisReport.Render(analysis, DateTimeOffset.UtcNow)));
            written.Add(report);
            var compare = Path.Combine(dir.FullName, "compare.json");
            AtomicFile.Write(compare, tmp => File.WriteAllText(tmp, CliContext.ToJson(analysis.Compare)));
            written.Add(compare);
            var value = Path.Combine(dir.FullName, "value.json");
            AtomicFile.Write(value, tmp => File.WriteAllText(tmp, CliContext.ToJson(analysis.Valuation)));
            written.Add(value);
            var dispatches = new List<AnalyzeDispatch>();
            foreach (var d in analysis.Dispatches)
            {
                var csv = Path.Combine(dir.FullName, $"schedule-{Slug(d.Site)}.csv");
                ScheduleCsv.Write(csv, d.Prices, d.Problem, d.Schedule);
                written.Add(csv);
                dispatches.Add(new AnalyzeDispatch(d.Site, d.Document.MarginUsd, d.Document.RuleMarginUsd, d.Document.MinedMwh, d.Document.MinedBtc, csv));
            }

            progress.Complete();
            var document = new AnalyzeDocument(report, written, analysis.Compare.Sites.Count, dispatches, analysis.Sector.Statement.DisclosedGw);
            if (json)
            {
                context.WriteJson(document);
                return CliApp.Ok;
            }

            context.Out.WriteLine($"Report: {report}");
            foreach (var d in dispatches)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {d.Site}: optimal margin {d.MarginUsd:N0} USD vs strike-price rule {d.RuleMarginUsd:N0} USD; schedule {d.ScheduleCsv}"));
            }

            context.Out.WriteLine($"Also written: {string.Join(", ", written.Skip(1).Select(Path.GetFileName))}");
            return CliApp.Ok;
        }));
        return command;
    }

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>What <c>analyze --json</c> prints: the report path, every file written, and each dispatch's margin (USD) beside the strike-price rule's.</summary>
    private sealed record AnalyzeDocument(string ReportHtml, IReadOnlyList<string> Files, int Sites, IReadOnlyList<AnalyzeDispatch> Dispatches, double DisclosedSectorGw);

    /// <summary>One dispatched site in <c>analyze --json</c>: margins (USD), mined MWh and BTC, and its schedule CSV.</summary>
    private sealed record AnalyzeDispatch(string Site, double MarginUsd, double? RuleMarginUsd, double MinedMwh, double? MinedBtc, string ScheduleCsv);
}
