using System.Net;
using System.Net.Sockets;
using System.Text;
using KoraInfra.Cli.Tests.Support;

namespace KoraInfra.Cli.Tests.Output;

/// <summary><c>kora incident list</c> against a stand-in responder that answers as the real API does.</summary>
public sealed class IncidentListTests : IDisposable
{
    private const string Incidents = """
        [{"id":7,"priority":"P0","state":"open","alertName":"KoraApiDown","tenantId":null,"fingerprint":"f1","openedAt":"2026-11-29T11:50:00+00:00",
          "unackedSeconds":600,"escalationLevel":"devops","criticalTicket":true,"alertFiring":true,"ackedAt":null,"ackedBy":null,
          "resolvedAt":null,"containedAt":null,"transitions":[]}]
        """;

    private readonly HttpListener _listener = new();
    private readonly string _tokenFile = Path.GetTempFileName();
    private readonly string _url;

    public IncidentListTests()
    {
        File.WriteAllText(_tokenFile, Guid.NewGuid().ToString("N"));
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(_url);
        _listener.Start();
        _ = Task.Run(Serve);
    }

    public void Dispose()
    {
        _listener.Close();
        File.Delete(_tokenFile);
    }

    [Fact]
    public void Json_keeps_the_api_shape()
    {
        var run = Kora.Run("incident", "list", "--json", "--url", _url, "--token-file", _tokenFile);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.All);
        var incident = JsonDocumentOf.Parse(run)[0];
        Assert.Equal(7, incident.GetProperty("id").GetInt64());
        Assert.Equal("P0", incident.GetProperty("priority").GetString());
        Assert.Equal(600, incident.GetProperty("unackedSeconds").GetDouble());
        Assert.True(incident.GetProperty("criticalTicket").GetBoolean());
    }

    [Fact]
    public void Piped_it_is_the_plain_table_and_on_a_terminal_a_drawn_one()
    {
        var piped = Kora.Run("incident", "list", "--url", _url, "--token-file", _tokenFile);
        var terminal = Kora.OnTerminal("incident", "list", "--url", _url, "--token-file", _tokenFile);

        Assert.StartsWith("ID     PRIO STATE", piped.Output, StringComparison.Ordinal);
        Assert.Contains("7      P0   open         10m", piped.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, terminal.ExitCode);
        Assert.Contains("╭", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("KoraApiDown", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("10m", terminal.Output, StringComparison.Ordinal);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(Incidents);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
