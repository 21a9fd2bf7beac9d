using System.Diagnostics;
using System.Text;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>The real responder as its own process (the built KoraInfra.Responder.dll), listening on a loopback port given with --urls.</summary>
internal sealed class ResponderProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public ResponderProcess(ResponderDatabase db, Tokens tokens, string alertmanagerUrl)
    {
        Db = db;
        Tokens = tokens;
        AlertmanagerUrl = alertmanagerUrl;
        Port = Tool.FreeLoopbackPort();
    }

    public ResponderDatabase Db { get; }

    public Tokens Tokens { get; }

    public string AlertmanagerUrl { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KoraInfra.Responder.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Url);
        start.Environment["Responder__Connection"] = Db.Responder;
        start.Environment["Responder__WebhookTokenFile"] = Tokens.WebhookFile;
        start.Environment["Responder__ApiTokenFile"] = Tokens.ApiFile;
        start.Environment["Responder__AlertmanagerUrl"] = AlertmanagerUrl;
        start.Environment["Responder__EscalationIntervalSeconds"] = "1";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        await Tool.EventuallyAsync(async () =>
        {
            Assert.False(_process.HasExited, "the responder exited:\n" + Log);
            try
            {
                return (await http.GetAsync(new Uri(Url + "/readyz"))).IsSuccessStatusCode ? "ready" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, "the responder to be ready");
    }

    /// <summary>Kills the process outright (no graceful shutdown): whatever it acknowledged must already be stored.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
