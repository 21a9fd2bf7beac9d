using System.Diagnostics;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>
/// Debian's real Alertmanager on a loopback port, configured with the routes Platform renders
/// (AlertRouting), its receivers pointed at this machine: the humans' at a <see cref="CaptureServer"/>,
/// the responder's at the responder under test with its bearer token file. Only what a loopback
/// test must change is changed: addresses, the token path, and the waits shortened to a second.
/// </summary>
internal sealed class RealAlertmanager : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    public static IReadOnlyList<AlertReceiverSettings> Receivers { get; } =
    [
        new("superadmin-oncall", EscalationLevel.Superadmin, ReceiverChannel.Webhook, null, "superadmin-oncall"),
        new("devops-oncall", EscalationLevel.Devops, ReceiverChannel.Webhook, null, "devops-oncall"),
        new("devops-pager", EscalationLevel.Devops, ReceiverChannel.Webhook, null, "devops-pager"),
        new("management", EscalationLevel.Management, ReceiverChannel.Webhook, null, "management"),
    ];

    private RealAlertmanager(Process process, string directory, string url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public string Url { get; }

    public static async Task<RealAlertmanager> StartAsync(string captureUrl, string responderUrl, string webhookTokenFile, int? listenPort = null)
    {
        var binary = Tool.Find("prometheus-alertmanager", "prometheus-alertmanager");
        var directory = Directory.CreateTempSubdirectory("kora-alertmanager-").FullName;
        var config = YamlRendering.Render(AlertRouting.For(Receivers, MonitoringSettings.Defaults), "test");
        foreach (var receiver in Receivers)
        {
            config = config.Replace($"url_file: {ReceiverSecrets.FileFor(receiver.UrlSecretName!)}", $"url: {captureUrl.TrimEnd('/')}/{receiver.Name}", StringComparison.Ordinal);
        }

        config = config
            .Replace($"url: {ResponderEndpoint.WebhookUrl}", $"url: {responderUrl.TrimEnd('/')}{ResponderEndpoint.WebhookPath}", StringComparison.Ordinal)
            .Replace($"credentials_file: {ReceiverSecrets.FileFor(ResponderEndpoint.WebhookTokenSecretName)}", $"credentials_file: {webhookTokenFile}", StringComparison.Ordinal);
        config = System.Text.RegularExpressions.Regex.Replace(config, "group_(wait|interval): \\d+[sm]", "group_$1: 1s");
        var file = Path.Combine(directory, "alertmanager.yml");
        await File.WriteAllTextAsync(file, config);

        var port = listenPort ?? Tool.FreeLoopbackPort();
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"--config.file={file}", $"--storage.path={directory}/data", $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { File.AppendAllText(Path.Combine(directory, "alertmanager.log"), e.Data + "\n"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = $"http://127.0.0.1:{port}";
        var alertmanager = new RealAlertmanager(process, directory, url);
        using var http = new HttpClient();
        try
        {
            await Tool.EventuallyAsync(async () =>
            {
                Assert.False(process.HasExited, "Alertmanager exited: " + alertmanager.Log());
                try
                {
                    return (await http.GetAsync(new Uri(url + "/-/ready"))).IsSuccessStatusCode ? "ready" : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            }, "Alertmanager to be ready");
        }
        catch
        {
            alertmanager.Dispose();
            throw;
        }

        return alertmanager;
    }

    public string Log() => File.Exists(Path.Combine(_directory, "alertmanager.log")) ? File.ReadAllText(Path.Combine(_directory, "alertmanager.log")) : string.Empty;

    /// <summary>Raises an alert the way an operator would: <c>amtool alert add</c>.</summary>
    public void AmtoolAlertAdd(params string[] labels)
    {
        var start = new ProcessStartInfo(Tool.Find("amtool", "prometheus-alertmanager")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "alert", "add", $"--alertmanager.url={Url}", "--annotation=summary=raised by the end-to-end test" }.Concat(labels))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "amtool alert add did not finish");
        Assert.True(process.ExitCode == 0, $"amtool alert add failed: {error}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
