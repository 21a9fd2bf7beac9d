using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KoraInfra.TestSupport;

/// <summary>
/// A real Prometheus for the tests (Debian package <c>prometheus</c>): the given OpenMetrics text
/// is turned into TSDB blocks with <c>promtool tsdb create-blocks-from openmetrics</c>, and
/// <c>prometheus</c> serves them on a free loopback port until disposed. A missing tool fails the
/// test naming the package.
/// </summary>
public sealed class ThrowawayPrometheus : IDisposable
{
    private readonly string _directory;
    private readonly Process _server;

    /// <summary>Builds the blocks and starts the server; returns once it answers ready.</summary>
    public ThrowawayPrometheus(string openMetrics)
    {
        ArgumentNullException.ThrowIfNull(openMetrics);
        var promtool = Tool("promtool");
        var prometheus = Tool("prometheus");
        _directory = Directory.CreateTempSubdirectory("kora-prometheus-").FullName;
        var input = Path.Combine(_directory, "series.om");
        var data = Path.Combine(_directory, "data");
        var config = Path.Combine(_directory, "prometheus.yml");
        File.WriteAllText(input, openMetrics);
        File.WriteAllText(config, "global:\n  evaluation_interval: 1m\n");
        var (code, output) = Run(promtool, ["tsdb", "create-blocks-from", "openmetrics", input, data]);
        if (code != 0)
        {
            Directory.Delete(_directory, recursive: true);
            throw new InvalidOperationException($"promtool tsdb create-blocks-from openmetrics failed (exit {code}): {output}");
        }

        Port = FreePort();
        var start = new ProcessStartInfo(prometheus)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--config.file=" + config, "--storage.tsdb.path=" + data, $"--web.listen-address=127.0.0.1:{Port}",

            // The synthetic series lie in the past; the default 15-day retention would delete them.
            "--storage.tsdb.retention.time=100y",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        WaitReady();
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Its base URL.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>A loopback port nothing listens on (for the unreachable cases).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server and deletes its data.</summary>
    public void Dispose()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }

        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void WaitReady()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited {_server.ExitCode} before it was ready (port {Port})");
            }

            try
            {
                if (http.GetAsync(new Uri(Url, "-/ready")).GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(200);
        }

        Dispose();
        throw new TimeoutException("prometheus did not become ready within 60 s");
    }

    private static string Tool(string name)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{name}' is not on PATH: install the Debian package 'prometheus' (apt-get install prometheus, or run scripts/ci/install-monitoring.sh as root)");
        return path!;
    }

    private static (int Code, string Output) Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within 2 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
