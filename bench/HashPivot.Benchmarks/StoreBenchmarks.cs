using BenchmarkDotNet.Attributes;
using HashPivot.Data.Csv.Grid;
using HashPivot.Data.Store;
using HashPivot.Engine.Series;

namespace HashPivot.Benchmarks;

/// <summary>Cost of importing a year of ERCOT real-time 15-minute prices for 7 hubs (35,136 × 7 points): parse, store into a fresh SQLite file, read back.</summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private const string DataFile = "ercot_rt_lmp_15min_hubs_2024.csv";
    private string _csvPath = null!;
    private string _folder = null!;
    private IReadOnlyList<TimeSeries> _series = null!;
    private SqliteStore _readStore = null!;
    private int _fileNumber;

    [GlobalSetup]
    public void Setup()
    {
        _csvPath = LocateData() ?? throw Skip();
        _series = GridPriceCsv.ParseFile(_csvPath).ValueOrThrow().Series;
        _folder = Directory.CreateTempSubdirectory("hashpivot-store-bench-").FullName;
        _readStore = SqliteStore.Open(Path.Combine(_folder, "read.db"));
        _readStore.SaveDatasetAsync(Info(), _series).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _readStore?.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Parse only, for reference.</summary>
    [Benchmark]
    public int ParseCsv() => GridPriceCsv.ParseFile(_csvPath).ValueOrThrow().Series.Count;

    /// <summary>Open (create and migrate) a fresh SQLite file and save the 7 parsed hubs in one transaction.</summary>
    [Benchmark(Baseline = true)]
    public async Task StoreSevenHubsFreshSqlite()
    {
        using var store = SqliteStore.Open(NextPath());
        await store.SaveDatasetAsync(Info(), _series);
    }

    /// <summary>The whole import as the CLI will do it: parse the file, then store into a fresh SQLite file.</summary>
    [Benchmark]
    public async Task ParseAndStoreFreshSqlite()
    {
        var series = GridPriceCsv.ParseFile(_csvPath).ValueOrThrow().Series;
        using var store = SqliteStore.Open(NextPath());
        await store.SaveDatasetAsync(Info(), series);
    }

    /// <summary>Read all 7 hubs back in full.</summary>
    [Benchmark]
    public async Task<int> ReadSevenHubs()
    {
        var points = 0;
        foreach (var s in _series)
        {
            points += (await _readStore.GetSeriesAsync("ercot-rt-2024", s.Name))!.Count;
        }

        return points;
    }

    private string NextPath() => Path.Combine(_folder, $"bench-{Interlocked.Increment(ref _fileNumber)}.db");

    private static DatasetInfo Info() => new("ercot-rt-2024", DatasetKind.Grid, DataFile, DateTimeOffset.UnixEpoch);

    private static InvalidOperationException Skip()
    {
        var message = $"StoreBenchmarks skipped: {DataFile} not found. Set HASHPIVOT_SHARED_DATA to the shared data folder "
            + "or place it in ../shared/data next to the repository root.";
        Console.Error.WriteLine(message);
        return new InvalidOperationException(message);
    }

    // HASHPIVOT_SHARED_DATA, else ../shared/data next to the folder holding HashPivot.slnx (searched upwards from the
    // binaries and from the working directory, since BenchmarkDotNet runs from a generated project below bin/).
    private static string? LocateData()
    {
        var fromEnv = Environment.GetEnvironmentVariable("HASHPIVOT_SHARED_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            var path = Path.Combine(fromEnv, DataFile);
            return File.Exists(path) ? path : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HashPivot.slnx")))
                {
                    var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", DataFile));
                    return File.Exists(path) ? path : null;
                }
            }
        }

        return null;
    }
}
