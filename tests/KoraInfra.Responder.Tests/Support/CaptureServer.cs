using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>Stands in for the humans' webhook receivers (chat, pager): records what Alertmanager delivers to each, in order.</summary>
internal sealed class CaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CaptureServer(WebApplication app)
    {
        _app = app;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>Each delivery: the receiver, and the labels of every alert in it.</summary>
    public ConcurrentQueue<(string Receiver, IReadOnlyList<IReadOnlyDictionary<string, string>> Alerts)> Deliveries { get; } = new();

    public string Url { get; }

    public static async Task<CaptureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning"]);
        var app = builder.Build();
        CaptureServer? server = null;
        app.MapPost("/{receiver}", async (string receiver, HttpRequest request) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body);
            var alerts = doc.RootElement.GetProperty("alerts").EnumerateArray()
                .Select(a => (IReadOnlyDictionary<string, string>)a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))
                .ToList();
            server!.Deliveries.Enqueue((receiver, alerts));
            return Results.Ok();
        });
        await app.StartAsync();
        server = new CaptureServer(app);
        return server;
    }

    /// <summary>The escalation steps each receiver was sent, in delivery order.</summary>
    public IReadOnlyList<(string Receiver, string Step)> Escalations() =>
        Deliveries.SelectMany(d => d.Alerts.Where(a => a.TryGetValue("alertname", out var n) && n == "KoraIncidentEscalation").Select(a => (d.Receiver, a["escalation"]))).Distinct().ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
