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

    public static async Task<ServerProcess> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hashpivot-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
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
