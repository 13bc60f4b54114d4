using System.Data.Common;
using System.Globalization;
using HashPivot.Data.Store;
using HashPivot.Engine.Series;

namespace HashPivot.Data.Tests.Store;

// The contract every backend honours, written once: SqliteStoreTests and PostgresStoreTests run it unchanged.
public abstract partial class StoreContractTests : IDisposable
{
    private static readonly DateTimeOffset Imported = new DateTimeOffset(2026, 3, 1, 12, 34, 56, TimeSpan.Zero).AddTicks(1_234_567);
    private static readonly long Year2024 = new DateTimeOffset(2024, 1, 1, 6, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private readonly List<IHashPivotStore> _opened = [];
    private SqlStore? _store;

    /// <summary>Opens the one database this test instance owns (same file or schema every call) with the given migrations.</summary>
    private protected abstract SqlStore OpenBackend(IReadOnlyList<Migration> migrations);

    private protected SqlStore Store => _store ??= Open(Migrations.All);

    private protected SqlStore Open(IReadOnlyList<Migration> migrations)
    {
        var store = OpenBackend(migrations);
        _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        DisposeBackend();
        GC.SuppressFinalize(this);
    }

    protected virtual void DisposeBackend()
    {
    }

    // ---------- round trip ----------

    [StoreFact]
    public async Task GetSeries_AfterSave_ReturnsBitwiseIdenticalInstantsAndValues()
    {
        // Negative prices, the 5,000 USD/MWh cap, a tiny normal, negative zero, a subnormal, extremes, infinities
        // and a NaN with a payload: none may change by one bit.
        double[] values =
        [
            -251.37, 5000, 1e-300, -0.0, 0.0, double.Epsilon, double.MaxValue, -double.MaxValue, 0.1 + 0.2,
            double.PositiveInfinity, double.NegativeInfinity, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0123), -9999.999,
        ];
        var starts = values.Select((_, i) => Year2024 + (i * 900L) + (i > 5 ? 3600 : 0)).ToArray(); // a missing hour after index 5
        var original = new TimeSeries("HB_NORTH", "USD/MWh", TimeSpan.FromMinutes(15), starts, values);

        await Store.SaveDatasetAsync(Info("ercot-rt"), [original]);
        var loaded = await Store.GetSeriesAsync("ercot-rt", "HB_NORTH");

        AssertIdentical(original, loaded);
    }

    [StoreFact]
    public async Task GetSeries_SeriesSpanningSeveralChunks_ReturnsEveryPointInOrder()
    {
        var original = FifteenMinuteYear("HB_WEST", seed: 1);

        await Store.SaveDatasetAsync(Info("year"), [original, FifteenMinuteYear("HB_HOUSTON", seed: 2)]);

        AssertIdentical(original, await Store.GetSeriesAsync("year", "HB_WEST"));
    }

    [StoreFact]
    public async Task GetSeries_EmptySeries_RoundTripsAsEmpty()
    {
        var empty = new TimeSeries("none", "USD/MWh", TimeSpan.FromHours(1), [], []);

        await Store.SaveDatasetAsync(Info("empty"), [empty]);
        var loaded = await Store.GetSeriesAsync("empty", "none");

        Assert.NotNull(loaded);
        Assert.Equal(0, loaded.Count);
        Assert.Equal(TimeSpan.FromHours(1), loaded.Interval);
        var info = Assert.Single((await Store.GetDatasetAsync("empty"))!.Series);
        Assert.Null(info.FirstStartUtc);
    }

    // ---------- filtering ----------

    [StoreFact]
    public async Task GetSeries_FromTo_ReturnsStartsInHalfOpenRangeAcrossChunkBoundary()
    {
        var original = FifteenMinuteYear("HB_SOUTH", seed: 3);
        await Store.SaveDatasetAsync(Info("range"), [original]);

        // Indices 8,000 .. 8,499 straddle the first chunk boundary (8,192 points).
        var loaded = await Store.GetSeriesAsync("range", "HB_SOUTH", original[8_000], original[8_500]);

        AssertIdentical(Slice(original, 8_000, 500), loaded);
    }

    [StoreFact]
    public async Task GetSeries_OnlyFromOrOnlyTo_ReturnsOpenEndedRange()
    {
        var original = FifteenMinuteYear("HB_PAN", seed: 4);
        await Store.SaveDatasetAsync(Info("open"), [original]);

        AssertIdentical(Slice(original, 30_000, original.Count - 30_000), await Store.GetSeriesAsync("open", "HB_PAN", from: original[30_000]));
        AssertIdentical(Slice(original, 0, 100), await Store.GetSeriesAsync("open", "HB_PAN", to: original[100]));
    }

    [StoreFact]
    public async Task GetSeries_BoundsBetweenWholeSeconds_IncludeStartsAtOrAfterFromAndBeforeTo()
    {
        var original = FifteenMinuteYear("HB_BUSAVG", seed: 5);
        await Store.SaveDatasetAsync(Info("fraction"), [original]);

        // from half a second before start 10 includes 10; to half a second after start 20 includes 20.
        var loaded = await Store.GetSeriesAsync("fraction", "HB_BUSAVG", original[10].AddMilliseconds(-500), original[20].AddMilliseconds(500));

        AssertIdentical(Slice(original, 10, 11), loaded);
    }

    [StoreFact]
    public async Task GetSeries_ToNotAfterFrom_ReturnsEmptySeriesWithMetadata()
    {
        var original = FifteenMinuteYear("HB_HUBAVG", seed: 6);
        await Store.SaveDatasetAsync(Info("inverted"), [original]);

        var loaded = await Store.GetSeriesAsync("inverted", "HB_HUBAVG", original[50], original[50]);

        Assert.NotNull(loaded);
        Assert.Equal(0, loaded.Count);
        Assert.Equal("USD/MWh", loaded.Unit);
    }

    // ---------- metadata and listing ----------

    [StoreFact]
    public async Task GetDataset_AfterSave_ReturnsInfoAndSeriesInSaveOrder()
    {
        var info = new DatasetInfo("chain-daily", DatasetKind.Chain, "../shared/data/btc_network_daily_2016_2026.csv", Imported);
        var difficulty = Daily("difficulty", "1", [1e14, 1.1e14, 1.2e14]);
        var price = Daily("price_usd", "USD", [60_000, 61_000.5]);

        await Store.SaveDatasetAsync(info, [difficulty, price]);
        var stored = await Store.GetDatasetAsync("chain-daily");

        Assert.NotNull(stored);
        Assert.Equal(info, stored.Info);
        Assert.Equal(["difficulty", "price_usd"], stored.SeriesNames);
        Assert.Equal(new StoredSeriesInfo("difficulty", "1", TimeSpan.FromDays(1), 3, difficulty.Start, difficulty[2]), stored.Series[0]);
        Assert.Equal(new StoredSeriesInfo("price_usd", "USD", TimeSpan.FromDays(1), 2, price.Start, price[1]), stored.Series[1]);
    }

    [StoreFact]
    public async Task GetDatasetAndGetSeries_UnknownNames_ReturnNull()
    {
        await Store.SaveDatasetAsync(Info("known"), [Daily("a", "USD", [1])]);

        Assert.Null(await Store.GetDatasetAsync("unknown"));
        Assert.Null(await Store.GetSeriesAsync("unknown", "a"));
        Assert.Null(await Store.GetSeriesAsync("known", "b"));
        Assert.NotNull(await Store.GetSeriesAsync("known", "a"));
    }

    [StoreFact]
    public async Task ListDatasets_SeveralSaved_ListsAllByNameWithCounts()
    {
        await Store.SaveDatasetAsync(Info("b-grid"), [Daily("x", "USD/MWh", [1, 2, 3]), Daily("y", "USD/MWh", [4])]);
        await Store.SaveDatasetAsync(Info("a-synth", DatasetKind.Synthetic), [Daily("z", "USD/MWh", [5, 6])]);
        await Store.SaveDatasetAsync(Info("c-equity", DatasetKind.Equity), []);

        var list = await Store.ListDatasetsAsync();

        Assert.Equal(["a-synth", "b-grid", "c-equity"], list.Select(d => d.Info.Name));
        Assert.Equal([DatasetKind.Synthetic, DatasetKind.Grid, DatasetKind.Equity], list.Select(d => d.Info.Kind));
        Assert.Equal([1, 2, 0], list.Select(d => d.SeriesCount));
        Assert.Equal([2L, 4L, 0L], list.Select(d => d.PointCount));
    }

    // ---------- replace semantics ----------

    [StoreFact]
    public async Task SaveDataset_NameTakenWithoutReplace_ThrowsAndKeepsOriginal()
    {
        var original = Daily("old", "USD/MWh", [10, 20]);
        await Store.SaveDatasetAsync(Info("prices"), [original]);

        var error = await Assert.ThrowsAsync<DatasetExistsException>(() => Store.SaveDatasetAsync(Info("prices"), [Daily("new", "USD/MWh", [30])]));

        Assert.Contains("'prices' already exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("replace", error.Message, StringComparison.Ordinal);
        Assert.Equal(["old"], (await Store.GetDatasetAsync("prices"))!.SeriesNames);
        AssertIdentical(original, await Store.GetSeriesAsync("prices", "old"));
    }

    [StoreFact]
    public async Task SaveDataset_NameTakenWithReplace_SwapsMetadataAndSeries()
    {
        await Store.SaveDatasetAsync(Info("prices"), [Daily("old", "USD/MWh", [10, 20])]);
        var replacement = Daily("new", "USD/MWh", [30, -40, 50]);
        var newInfo = new DatasetInfo("prices", DatasetKind.Synthetic, "generator seed 7", Imported.AddDays(1));

        await Store.SaveDatasetAsync(newInfo, [replacement], replace: true);

        var stored = await Store.GetDatasetAsync("prices");
        Assert.Equal(newInfo, stored!.Info);
        Assert.Equal(["new"], stored.SeriesNames);
        Assert.Null(await Store.GetSeriesAsync("prices", "old"));
        AssertIdentical(replacement, await Store.GetSeriesAsync("prices", "new"));
        Assert.Single(await Store.ListDatasetsAsync());
    }

    [StoreFact]
    public async Task SaveDataset_ReplaceOfUnknownName_SavesIt()
    {
        await Store.SaveDatasetAsync(Info("fresh"), [Daily("a", "USD", [1])], replace: true);

        Assert.NotNull(await Store.GetDatasetAsync("fresh"));
    }

    // ---------- transactions ----------

    [StoreFact]
    public async Task SaveDataset_FailureAfterSomeSeries_LeavesNoDataset()
    {
        var series = new[] { FifteenMinuteYear("A", 7), FifteenMinuteYear("B", 8), FifteenMinuteYear("C", 9) };
        var failing = new InterruptingList(series, at: 2, () => throw new InvalidOperationException("injected failure"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SaveDatasetAsync(Info("half"), failing));

        Assert.Equal("injected failure", error.Message);
        Assert.Equal(2, failing.Reached); // two whole series (70,000 points) were written before the failure
        Assert.Null(await Store.GetDatasetAsync("half"));
        Assert.Empty(await Store.ListDatasetsAsync());
        Assert.Null(await Store.GetSeriesAsync("half", "A"));
        // Nothing is left locked or half-written: the same name saves cleanly afterwards.
        await Store.SaveDatasetAsync(Info("half"), series);
        Assert.Equal(["A", "B", "C"], (await Store.GetDatasetAsync("half"))!.SeriesNames);
    }

    [StoreFact]
    public async Task SaveDataset_ReplaceFailingMidway_KeepsPreviousVersionIntact()
    {
        var previous = FifteenMinuteYear("HB_NORTH", 10);
        var previousInfo = Info("grid");
        await Store.SaveDatasetAsync(previousInfo, [previous]);
        var failing = new InterruptingList([FifteenMinuteYear("HB_NORTH", 11), Daily("HB_WEST", "USD/MWh", [1])], at: 1,
            () => throw new IOException("disk went away"));

        await Assert.ThrowsAsync<IOException>(() => Store.SaveDatasetAsync(Info("grid", DatasetKind.Synthetic), failing, replace: true));

        var stored = await Store.GetDatasetAsync("grid");
        Assert.Equal(previousInfo, stored!.Info);
        Assert.Equal(["HB_NORTH"], stored.SeriesNames);
        AssertIdentical(previous, await Store.GetSeriesAsync("grid", "HB_NORTH"));
    }

    [StoreFact]
    public async Task SaveDataset_CancelledMidWrite_ThrowsAndKeepsPreviousVersion()
    {
        var previous = Daily("HB_NORTH", "USD/MWh", [1, 2, 3]);
        await Store.SaveDatasetAsync(Info("grid"), [previous]);
        using var cancel = new CancellationTokenSource();
        var cancelling = new InterruptingList([FifteenMinuteYear("HB_NORTH", 12), FifteenMinuteYear("HB_WEST", 13), FifteenMinuteYear("HB_SOUTH", 14)],
            at: 1, cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SaveDatasetAsync(Info("grid"), cancelling, replace: true, cancel.Token));

        Assert.Equal(1, cancelling.Reached); // it stopped at the cancellation instead of writing the rest
        AssertIdentical(previous, await Store.GetSeriesAsync("grid", "HB_NORTH"));
        Assert.Null(await Store.GetSeriesAsync("grid", "HB_WEST"));
    }

    [StoreFact]
    public async Task SaveDataset_CancelledNewDataset_LeavesNothing()
    {
        using var cancel = new CancellationTokenSource();
        var cancelling = new InterruptingList([FifteenMinuteYear("A", 15), FifteenMinuteYear("B", 16)], at: 1, cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SaveDatasetAsync(Info("new"), cancelling, cancellationToken: cancel.Token));

        Assert.Empty(await Store.ListDatasetsAsync());
    }

    [StoreFact]
    public async Task SaveDataset_DuplicateSeriesNames_ThrowsAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.SaveDatasetAsync(Info("dupes"), [Daily("HB_NORTH", "USD/MWh", [1]), Daily("HB_NORTH", "USD/MWh", [2])]));

        Assert.Contains("'HB_NORTH' appears twice", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetDatasetAsync("dupes"));
    }

    [StoreFact]
    public async Task DeleteDataset_Existing_RemovesItAndItsSeries()
    {
        await Store.SaveDatasetAsync(Info("gone"), [Daily("a", "USD", [1]), Daily("b", "USD", [2])]);
        await Store.SaveDatasetAsync(Info("kept"), [Daily("a", "USD", [3])]);

        Assert.True(await Store.DeleteDatasetAsync("gone"));
        Assert.False(await Store.DeleteDatasetAsync("gone"));

        Assert.Null(await Store.GetSeriesAsync("gone", "a"));
        Assert.Equal(["kept"], (await Store.ListDatasetsAsync()).Select(d => d.Info.Name));
        // The series and chunk rows went with it (cascade), not only the dataset row.
        Assert.Equal(1L, Convert.ToInt64(await Store.ExecuteScalarForTestsAsync("SELECT COUNT(*) FROM series"), CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(await Store.ExecuteScalarForTestsAsync("SELECT COUNT(*) FROM series_chunks"), CultureInfo.InvariantCulture));
    }

    // ---------- migrations ----------

    [StoreFact]
    public async Task Open_Reopened_AppliesEachMigrationOnceAndKeepsData()
    {
        await Store.SaveDatasetAsync(Info("persist"), [Daily("a", "USD", [1])]);

        var again = Open(Migrations.All);
        var third = Open(Migrations.All);

        Assert.Equal((long)Migrations.All.Count, await ScalarAsync(third, "SELECT COUNT(*) FROM schema_version"));
        Assert.Equal((long)SqlStore.SchemaVersion, await ScalarAsync(third, "SELECT MAX(version) FROM schema_version"));
        Assert.NotNull(await again.GetDatasetAsync("persist"));
    }

    [StoreFact]
    public async Task Open_DatabaseAtOlderVersion_AppliesPendingStepsKeepingData()
    {
        var old = Open([Migrations.All[0]]);
        // Rows as version-1 code wrote them (today's code writes columns that version 1 does not have).
        await old.ExecuteScalarForTestsAsync("INSERT INTO datasets (name, kind, source, imported_at_utc) VALUES ('from-v1', 'grid', 'test', '2026-03-01T00:00:00.0000000Z')");
        await old.ExecuteScalarForTestsAsync("INSERT INTO series (dataset_id, ordinal, name, unit, interval_seconds, point_count) "
            + "SELECT id, 0, 'a', 'USD', 86400, 0 FROM datasets WHERE name = 'from-v1'");
        Assert.Equal(1L, await ScalarAsync(old, "SELECT MAX(version) FROM schema_version"));
        await Assert.ThrowsAnyAsync<DbException>(() => old.SaveRunAsync(Run("compare", 0))); // no runs table yet at version 1

        var upgraded = Open(Migrations.All);

        Assert.Equal((long)SqlStore.SchemaVersion, await ScalarAsync(upgraded, "SELECT MAX(version) FROM schema_version"));
        Assert.Equal(["a"], (await upgraded.GetDatasetAsync("from-v1"))!.SeriesNames);
        Assert.Equal(0, (await upgraded.GetSeriesAsync("from-v1", "a"))!.Count);
        await upgraded.SaveRunAsync(Run("compare", 0));
        Assert.Single(await upgraded.ListRunsAsync());
    }

    [StoreFact]
    public async Task Open_DatabaseFromNewerVersion_ThrowsClearSchemaVersionError()
    {
        await Store.ExecuteScalarForTestsAsync("INSERT INTO schema_version (version, description, applied_at_utc) VALUES (999, 'from the future', '2030-01-01T00:00:00.0000000Z')");

        var error = Assert.Throws<SchemaVersionException>(() => Open(Migrations.All));

        Assert.Equal(999, error.DatabaseVersion);
        Assert.Equal(SqlStore.SchemaVersion, error.SupportedVersion);
        Assert.Contains("schema version 999, newer than this HashPivot understands", error.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade HashPivot", error.Message, StringComparison.Ordinal);
    }

    // ---------- runs ----------

    [StoreFact]
    public async Task GetRun_AfterSave_ReturnsIdenticalRecordWithInputHash()
    {
        const string inputs = """{ "sites": [ { "name": "a", "mw": 100 } ], "btc_price_usd": 60000.0 }""";
        var run = RunRecord.Create("compare", Imported, inputs, """{"best_use":"lease","margin_usd":-1.5e6}""", seed: 42);

        await Store.SaveRunAsync(run);
        var loaded = await Store.GetRunAsync(run.Id);

        Assert.Equal(run, loaded);
        Assert.Equal(RunInputs.Hash("""{"btc_price_usd":60000.0,"sites":[{"mw":100,"name":"a"}]}"""), loaded!.InputHash);
        Assert.Equal(Imported.UtcTicks, loaded.CreatedUtc.UtcTicks);
    }

    [StoreFact]
    public async Task GetRun_WithoutSeed_RoundTripsNullSeedAndUnknownIdIsNull()
    {
        var run = RunRecord.Create("value", Imported, "{}", "[]");

        await Store.SaveRunAsync(run);

        Assert.Null((await Store.GetRunAsync(run.Id))!.Seed);
        Assert.Null(await Store.GetRunAsync("no-such-run"));
    }

    [StoreFact]
    public async Task SaveRun_ManyAtOnce_AllLand_AndARefusedWriteDoesNotHoldUpTheNext()
    {
        // A server saves runs from many requests at once: every one is stored whole, and a write that fails (a duplicate id) gives
        // up its turn, so the writes after it still go through (a leaked turn would hang them).
        var runs = Enumerable.Range(0, 32).Select(i => Run("value", 100 + i)).ToArray();
        var store = Store; // opened once, before the concurrent saves
        await Task.WhenAll(runs.Select(r => Task.Run(() => store.SaveRunAsync(r))));
        await Assert.ThrowsAsync<StoreException>(() => Store.SaveRunAsync(runs[0]));
        var after = Run("value", 200);
        await Store.SaveRunAsync(after);

        var stored = await Store.ListRunsAsync("value");
        Assert.Equal(runs.Select(r => r.Id).Append(after.Id).Order(), stored.Select(r => r.Id).Order());
        foreach (var run in runs)
        {
            Assert.Equal(run, await Store.GetRunAsync(run.Id));
        }
    }

    [StoreFact]
    public async Task ListRuns_ByKind_ReturnsOnlyThatKindNewestFirst()
    {
        var runs = new[] { Run("compare", 1), Run("dispatch", 2), Run("compare", 3), Run("compare", 2) };
        foreach (var run in runs)
        {
            await Store.SaveRunAsync(run);
        }

        var compares = await Store.ListRunsAsync("compare");
        var all = await Store.ListRunsAsync();

        Assert.Equal([runs[2].Id, runs[3].Id, runs[0].Id], compares.Select(r => r.Id));
        Assert.Equal(4, all.Count);
        Assert.Equal(runs[1].InputHash, all.Single(r => r.Kind == "dispatch").InputHash);
    }

    [StoreFact]
    public async Task SaveRun_ExistingIdOrWrongHash_Throws()
    {
        var run = Run("compare", 1);
        await Store.SaveRunAsync(run);

        var duplicate = await Assert.ThrowsAsync<StoreException>(() => Store.SaveRunAsync(run with { ResultsJson = "{}" }));
        var tampered = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveRunAsync(Run("compare", 2) with { InputsJson = """{"x":2}""" }));

        Assert.Contains("already exists", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("not the SHA-256", tampered.Message, StringComparison.Ordinal);
        Assert.Equal("{\"ok\":true}", (await Store.GetRunAsync(run.Id))!.ResultsJson);
    }

    // ---------- helpers ----------

    private static async Task<long> ScalarAsync(SqlStore store, string sql) =>
        Convert.ToInt64(await store.ExecuteScalarForTestsAsync(sql), CultureInfo.InvariantCulture);

    private static DatasetInfo Info(string name, DatasetKind kind = DatasetKind.Grid) => new(name, kind, "test", Imported);

    private static RunRecord Run(string kind, int minutes) =>
        RunRecord.Create(kind, Imported.AddMinutes(minutes), $$"""{"minutes":{{minutes}}}""", """{"ok":true}""", seed: minutes);

    private static TimeSeries Daily(string name, string unit, double[] values) =>
        new(name, unit, TimeSpan.FromDays(1), values.Select((_, i) => Year2024 + (i * 86_400L)).ToArray(), values);

    // A leap year of 15-minute prices (35,136 points, over four chunks) with a few gaps, negative prices and the cap.
    private static TimeSeries FifteenMinuteYear(string name, int seed)
    {
        var random = new Random(seed);
        var starts = new long[35_136];
        var values = new double[starts.Length];
        var t = Year2024;
        for (var i = 0; i < starts.Length; i++)
        {
            t += i == 0 ? 0 : random.NextDouble() < 0.001 ? 1_800 : 900;
            starts[i] = t;
            values[i] = random.NextDouble() < 0.01 ? 5_000 : (random.NextDouble() * 120) - 20;
        }

        return new TimeSeries(name, "USD/MWh", TimeSpan.FromMinutes(15), starts, values);
    }

    private static TimeSeries Slice(TimeSeries series, int offset, int length) =>
        new(series.Name, series.Unit, series.Interval, series.StartsUnixSeconds.Slice(offset, length), series.Values.Slice(offset, length));

    private static void AssertIdentical(TimeSeries expected, TimeSeries? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Unit, actual.Unit);
        Assert.Equal(expected.Interval, actual.Interval);
        Assert.Equal(expected.StartsUnixSeconds.ToArray(), actual.StartsUnixSeconds.ToArray());
        var expectedBits = expected.Values.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();
        var actualBits = actual.Values.ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();
        Assert.Equal(expectedBits, actualBits);
    }
}
