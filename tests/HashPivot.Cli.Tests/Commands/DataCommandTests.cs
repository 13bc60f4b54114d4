using System.Globalization;
using System.Net;
using Npgsql;

namespace HashPivot.Cli.Tests.Commands;

public sealed class DataCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hashpivot-data-").FullName;

    private string Db => Path.Combine(_dir, "store.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ImportThenShow_Sqlite_ReturnsTheSameValues() => AssertRoundTrip(Db);

    [PostgresFact]
    public void ImportThenShow_Postgres_ReturnsTheSameValues()
    {
        var server = Environment.GetEnvironmentVariable("HASHPIVOT_TEST_POSTGRES")!;
        var schema = $"cli_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            create.ExecuteNonQuery();
        }

        try
        {
            AssertRoundTrip($"{server};Search Path={schema}");
        }
        finally
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    private void AssertRoundTrip(string db)
    {
        // An ERCOT long-layout file with a negative price, the $5,000 cap and the fall-back repeated hour.
        var csv = Write("dam.csv", """
            Delivery Date,Hour Ending,Repeated Hour Flag,Settlement Point,Settlement Point Price
            11/03/2024,01:00,N,HB_WEST,-12.25
            11/03/2024,02:00,N,HB_WEST,20.10
            11/03/2024,02:00,Y,HB_WEST,5000
            11/03/2024,03:00,N,HB_WEST,31.5
            """);

        var import = CliRunner.Run("data", "import", csv, "--kind", "grid", "--name", "dam", "--db", db, "--json");
        Assert.True(import.Exit == 0, import.Err);
        Assert.Equal(4, import.Json().GetProperty("point_count").GetInt64());

        var show = CliRunner.Run("data", "show", "dam", "--db", db, "--json");
        Assert.True(show.Exit == 0, show.Err);
        var json = show.Json();
        Assert.Equal(4, json.GetProperty("count").GetInt32());
        var points = json.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("t").GetString(), p.GetProperty("value").GetDouble())).ToList();

        // America/Chicago on 3 Nov 2024: HE01 = 00:00–01:00 CDT = 05:00Z; HE02 N = 01:00 CDT = 06:00Z;
        // HE02 Y = 01:00 CST = 07:00Z; HE03 = 02:00 CST = 08:00Z.
        Assert.Equal(
            [("2024-11-03T05:00:00Z", -12.25), ("2024-11-03T06:00:00Z", 20.10), ("2024-11-03T07:00:00Z", 5000), ("2024-11-03T08:00:00Z", 31.5)],
            points);

        var window = CliRunner.Run("data", "show", "dam", "--db", db, "--from", "2024-11-03T06:00Z", "--to", "2024-11-03T08:00Z", "--json");
        Assert.Equal(2, window.Json().GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("truncated", "timestamp,value\n2024-01-01T00:00:00Z,10\n2024-01-01T01:00:00Z\n", 3, "value")]
    [InlineData("text price", "timestamp,value\n2024-01-01T00:00:00Z,10\n2024-01-01T01:00:00Z,ten\n", 3, "value")]
    [InlineData("duplicate hour", "timestamp,value\n2024-01-01T00:00:00Z,10\n2024-01-01T01:00:00Z,11\n2024-01-01T01:00:00Z,12\n", 4, "timestamp")]
    [InlineData("wrong header", "when,price_in_dollars\n2024-01-01T00:00:00Z,10\n", 1, "")]
    public void Import_MalformedFile_ExitsTwoNamingFileLineAndColumnAndStoresNothing(string what, string content, int line, string column)
    {
        var csv = Write($"{what.Replace(' ', '-')}.csv", content);

        var run = CliRunner.Run("data", "import", csv, "--kind", "grid", "--name", "bad", "--db", Db);

        Assert.Equal(2, run.Exit);
        var location = column.Length > 0 ? $"{csv}:{line.ToString(CultureInfo.InvariantCulture)}: {column}: " : $"{csv}:{line.ToString(CultureInfo.InvariantCulture)}: ";
        Assert.Contains(location, run.Err, StringComparison.Ordinal);
        var list = CliRunner.Run("data", "list", "--db", Db, "--json");
        Assert.Equal(0, list.Json().GetProperty("datasets").GetArrayLength());
    }

    [Fact]
    public void Import_ExistingName_ExitsTwoAndKeepsTheOldDataset()
    {
        var first = Write("a.csv", "timestamp,value\n2024-01-01T00:00:00Z,10\n2024-01-01T01:00:00Z,11\n");
        var second = Write("b.csv", "timestamp,value\n2024-01-01T00:00:00Z,99\n2024-01-01T01:00:00Z,98\n2024-01-01T02:00:00Z,97\n");
        Assert.Equal(0, CliRunner.Run("data", "import", first, "--kind", "grid", "--name", "p", "--db", Db).Exit);

        var clash = CliRunner.Run("data", "import", second, "--kind", "grid", "--name", "p", "--db", Db);
        Assert.Equal(2, clash.Exit);
        Assert.Contains("--replace", clash.Err, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("data", "show", "p", "--db", Db, "--json").Json().GetProperty("count").GetInt32());

        Assert.Equal(0, CliRunner.Run("data", "import", second, "--kind", "grid", "--name", "p", "--replace", "--db", Db).Exit);
        Assert.Equal(3, CliRunner.Run("data", "show", "p", "--db", Db, "--json").Json().GetProperty("count").GetInt32());
    }

    [Fact]
    public void Dispatch_PricesFromStoredDataset_SameResultAsFromTheFile()
    {
        var csv = CliRunner.Sample("synthetic/grid_prices_hourly_2024_synthetic.csv");
        Assert.Equal(0, CliRunner.Run("data", "import", csv, "--kind", "grid", "--name", "syn", "--db", Db).Exit);
        string[] quick = ["--hashprice", "45", "--fleet-mw", "100", "--fleet-jth", "17.5", "--ppa-mw", "100", "--ppa-usd-per-mwh", "30", "--json"];

        var fromFile = CliRunner.Run(["dispatch", "--prices", csv, .. quick]);
        var fromStore = CliRunner.Run(["dispatch", "--prices", "syn", "--db", Db, .. quick]);

        Assert.True(fromStore.Exit == 0, fromStore.Err);
        Assert.Equal(fromFile.Json().GetProperty("margin_usd").GetDouble(), fromStore.Json().GetProperty("margin_usd").GetDouble());
        var missing = CliRunner.Run(["dispatch", "--prices", "no-such-dataset", "--db", Db, .. quick]);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("neither a file nor a dataset", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void MarketsEvent_PricesFromStoredEquityDataset_SameResultAsFromTheFile()
    {
        var csv = CliRunner.Sample("synthetic/equities_daily_2025_2026_synthetic.csv");
        Assert.Equal(0, CliRunner.Run("data", "import", csv, "--kind", "equity", "--name", "eq", "--db", Db).Exit);
        string[] args = ["markets", "event", "--tickers", "SYNA", "--date", "2026-05-26", "--benchmark", "SYNMKT", "--json"];

        var fromFile = CliRunner.Run([.. args, "--prices", csv]);
        var fromStore = CliRunner.Run([.. args, "--prices", "eq", "--db", Db]);

        Assert.True(fromStore.Exit == 0, fromStore.Err);
        Assert.Equal(fromFile.Out, fromStore.Out);

        // Without --prices, the stored equity datasets are used.
        var fromAllStored = CliRunner.Run([.. args, "--db", Db]);
        Assert.True(fromAllStored.Exit == 0, fromAllStored.Err);
        Assert.Equal(fromFile.Out, fromAllStored.Out);
    }

    [Fact]
    public void Show_UnknownDataset_ExitsTwo()
    {
        var run = CliRunner.Run("data", "show", "nope", "--db", Db);

        Assert.Equal(2, run.Exit);
        Assert.Contains("no dataset named 'nope'", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void SynthGrid_WithName_StoresSyntheticDatasetLabelled()
    {
        var run = CliRunner.Run("data", "synth", "grid", "--year", "2023", "--seed", "3", "--name", "syn", "--db", Db, "--json");
        Assert.True(run.Exit == 0, run.Err);

        var list = CliRunner.Run("data", "list", "--db", Db, "--json").Json().GetProperty("datasets")[0];
        Assert.Equal("synthetic", list.GetProperty("kind").GetString());
        Assert.Contains("SYNTHETIC", list.GetProperty("source").GetString(), StringComparison.Ordinal);
        // 2023 is not a leap year: 365 × 24 = 8,760 hours.
        Assert.Equal(8_760, list.GetProperty("point_count").GetInt64());
    }

    [Fact]
    public void FetchMempool_RecordedResponsesOnLoopback_StoresHashrateAndDifficulty()
    {
        // A loopback server replaying the recorded mempool.space fixture: no test touches the network.
        var fixture = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "tests", "HashPivot.Data.Tests", "Connectors", "Fixtures", "mempool_hashrate.json"));
        using var server = new LoopbackServer(fixture);

        var run = CliRunner.Run("data", "fetch", "mempool", "--interval", "3m", "--base-url", server.BaseUrl, "--name", "net", "--db", Db, "--json");

        Assert.True(run.Exit == 0, run.Err);
        Assert.Equal("/v1/mining/hashrate/3m", server.LastPath);
        var series = run.Json().GetProperty("series").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("hashrate", series);
        Assert.Contains("difficulty", series);
    }

    [WithoutErcotCredentialsFact]
    public void FetchErcot_NoCredentials_ExitsTwoNamingTheVariables()
    {
        var run = CliRunner.Run("data", "fetch", "ercot", "--from", "2024-01-01", "--to", "2024-01-02", "--db", Db);

        Assert.Equal(2, run.Exit);
        Assert.Contains("ERCOT_API_USERNAME", run.Err, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    /// <summary>An HttpListener on a free 127.0.0.1 port that answers every GET with one recorded body.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        public LoopbackServer(string body)
        {
            var port = FreePort();
            BaseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
            _listener.Prefixes.Add(BaseUrl);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync().ConfigureAwait(false);
                    }
                    catch (HttpListenerException)
                    {
                        return;
                    }
                    catch (ObjectDisposedException)
                    {
                        return;
                    }

                    LastPath = context.Request.Url?.AbsolutePath;
                    var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                    context.Response.Close();
                }
            });
        }

        public string BaseUrl { get; }

        public string? LastPath { get; private set; }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
