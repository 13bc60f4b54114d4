using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HashPivot.Browser;

/// <summary>The real HashPivot server as a child process on a free 127.0.0.1 port over a fresh SQLite file, seeded with a known admin password.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Email = "admin@hashpivot.local";
    public const string Password = "browser-test-password";
    private readonly Process _process;
    private readonly string _directory;

    private ServerProcess(Process process, string directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The folder holding the server's SQLite file; pass it to <see cref="StartAsync(string?)"/> to restart on the same store.</summary>
    public string Directory => _directory;

    public static async Task<ServerProcess> StartAsync(string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "hashpivot-browser", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "HashPivot.Web.dll"), "--urls", address.ToString().TrimEnd('/'), "--HashPivot:Db=" + Path.Combine(directory, "web.db") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        start.Environment["HASHPIVOT_ADMIN_PASSWORD"] = Password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, directory, address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(address, "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new TimeoutException("the server did not answer /health within 60 s");
    }

    /// <summary>SIGKILL: the process ends at once, with no shutdown, mid-write if it was writing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>An HTTP client with an API token of the seeded admin, made by signing in through the form.</summary>
    public async Task<HttpClient> AdminClientAsync()
    {
        using var handler = new HttpClientHandler { UseCookies = true };
        using var session = new HttpClient(handler, disposeHandler: false) { BaseAddress = Address };
        var form = await session.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = Email, ["password"] = Password, ["__RequestVerificationToken"] = antiforgery });
        using var signIn = await session.PostAsync(new Uri("/signin", UriKind.Relative), content);
        var created = await session.PostAsync(new Uri("/api/v1/tokens", UriKind.Relative),
            new StringContent("{\"name\":\"tests\"}", System.Text.Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var token = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Kills the process (when running) and keeps the folder: the store outlives the process.</summary>
    public async Task StopKeepingStoreAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
