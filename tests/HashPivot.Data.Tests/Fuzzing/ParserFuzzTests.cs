using System.Diagnostics;
using System.Globalization;
using HashPivot.Data.Csv.Chain;
using HashPivot.Data.Csv.Equities;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Portfolios;
using HashPivot.Data.Tests.TestSupport;
using HashPivot.Data.Validation;

namespace HashPivot.Data.Tests.Fuzzing;

/// <summary>
/// Feeds generated malformed inputs (mutated real files and the sample portfolio) to every parser: each must answer
/// with a value or located problems, never an unhandled exception or a hang. 100,000 inputs per run by default;
/// set HASHPIVOT_FUZZ_ITERATIONS (e.g. 1000000) and HASHPIVOT_FUZZ_SEED for longer or different campaigns.
/// </summary>
public sealed class ParserFuzzTests
{
    private const string Name = "fuzz-input";

    // Real files, cut to their first lines so one mutation still touches the header and the rows.
    private static readonly string[] RealCsvFiles =
    [
        "ercot_dam_spp_hourly_2021_2024.csv", "ercot_rt_lmp_15min_hubs_2024.csv", "caiso_rt_lmp_hourly_zones_2023_2024.csv",
        "btc_network_daily_2016_2026.csv", "btc_usd_daily_ohlcv_2014_2026.csv", "equities_daily_adjclose_2016_2026.csv",
        "equities_daily_ohlcv_2016_2024.csv", "index_gspc_daily_ohlcv_2016_2026.csv",
    ];

    [Fact]
    public async Task AllParsers_MutatedInputs_OnlyLocatedProblemsNeverCrashOrHang()
    {
        var iterations = EnvInt("HASHPIVOT_FUZZ_ITERATIONS", 100_000);
        var seed = EnvInt("HASHPIVOT_FUZZ_SEED", 20261124);
        var csvSeeds = CsvSeeds();
        var yamlSeed = File.ReadAllText(Repo.Path("samples", "portfolio.yaml"));
        var loader = new PortfolioLoader();
        var mutator = new Mutator(seed);
        var slowest = TimeSpan.Zero;
        var slowestInput = "";
        var failures = new List<string>();

        var campaign = Task.Run(() =>
        {
            for (var i = 0; i < iterations && failures.Count < 5; i++)
            {
                var yaml = i % 4 == 0;
                var input = mutator.Mutate(yaml ? yamlSeed : csvSeeds[i % csvSeeds.Count]);
                var watch = Stopwatch.StartNew();
                try
                {
                    if (yaml)
                    {
                        CheckYaml(loader, input);
                    }
                    else
                    {
                        CheckCsv(GridPriceCsv.Parse(input, Name).Problems);
                        CheckCsv(ChainHistoryCsv.Parse(input, Name).Problems);
                        CheckCsv(EquityPriceCsv.Parse(input, Name).Problems);
                    }
                }
#pragma warning disable CA1031 // The point of the test: record any exception type with the input that caused it.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"#{i} {(yaml ? "yaml" : "csv")} {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace?.Split('\n').FirstOrDefault()}\n--- input (first 300 chars) ---\n{Head(input)}"));
                }

                if (watch.Elapsed > slowest)
                {
                    slowest = watch.Elapsed;
                    slowestInput = Head(input);
                }
            }
        });

        var limit = Task.Delay(TimeSpan.FromMinutes(iterations > 100_000 ? 60 : 5));
        Assert.True(await Task.WhenAny(campaign, limit) == campaign, "fuzz campaign hung");
        await campaign;
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"slowest input took {slowest.TotalMilliseconds:0} ms: {slowestInput}");
    }

    private static void CheckCsv(IReadOnlyList<InputProblem> problems)
    {
        foreach (var p in problems)
        {
            if (p.File != Name || p.Line < 0 || string.IsNullOrWhiteSpace(p.Message))
            {
                throw new InvalidOperationException($"unlocated problem: {p}");
            }
        }
    }

    private static void CheckYaml(PortfolioLoader loader, string input)
    {
        try
        {
            loader.Load(input, Name, ".");
        }
        catch (InputException ex)
        {
            if (ex.Problems.Count == 0 || ex.Problems.Any(p => p.File != Name || p.Line < 0 || p.Field.Length == 0 || p.Message.Length == 0))
            {
                throw new InvalidOperationException($"unlocated problem in: {ex.Message}");
            }
        }
    }

    private static List<string> CsvSeeds()
    {
        var seeds = RealCsvFiles
            .Select(SharedData.PathOf)
            .OfType<string>()
            .Select(path => string.Join('\n', File.ReadLines(path).Take(40)))
            .ToList();

        // Without the real data, fuzz the bundled synthetic series and small hand-written files in each layout.
        seeds.Add(string.Join('\n', File.ReadLines(Repo.Path("samples", "synthetic", "grid_prices_hourly_2024_synthetic.csv")).Take(40)));
        seeds.Add("""
            Delivery Date,Hour Ending,Repeated Hour Flag,Settlement Point,Settlement Point Price
            11/03/2024,01:00,N,HB_NORTH,21.50
            11/03/2024,02:00,N,HB_NORTH,20.10
            11/03/2024,02:00,Y,HB_NORTH,19.80
            11/03/2024,03:00,N,HB_NORTH,-3.25
            11/03/2024,04:00,N,HB_NORTH,5000
            """);
        seeds.Add("""
            date,price_usd,block_count,hashrate_ths,difficulty_mean_derived,issuance_btc,fees_btc
            2024-04-19,63821.47,150,610000000,8.61e13,937.5,42.1
            2024-04-20,64994.44,155,620000000,8.61e13,484.375,112.7
            """);
        seeds.Add("""
            date,ticker,open,high,low,close,adj_close,volume
            2024-03-07,RIOT,13.1,13.5,12.8,13.2,13.2,31000000
            2024-03-08,RIOT,13.2,13.4,12.2,12.35,12.35,40000000
            """);
        return seeds;
    }

    private static string Head(string s) => s.Length <= 300 ? s : s[..300];

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}
