using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>
/// The responder's real host (Kestrel on a loopback port) in the test process, with a fake clock,
/// and without its background loop: the tests run <see cref="ResponseRound"/> themselves, at the
/// fake times they choose.
/// </summary>
internal sealed class InProcessResponder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessResponder(WebApplication app, FakeTimeProvider clock, Tokens tokens)
    {
        _app = app;
        Clock = clock;
        Tokens = tokens;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)) };
    }

    public FakeTimeProvider Clock { get; }

    public Tokens Tokens { get; }

    public HttpClient Http { get; }

    public static async Task<InProcessResponder> StartAsync(ResponderDatabase db, string alertmanagerUrl, DateTimeOffset start)
    {
        var tokens = new Tokens();
        // Whole seconds: PostgreSQL keeps microseconds, and the edges the tests probe ("exactly 5 min") must survive a round trip.
        var clock = new FakeTimeProvider(new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        var app = ResponderApp.Build(
            [
                "--urls", "http://127.0.0.1:0",
                "--Responder:Connection", db.Responder,
                "--Responder:WebhookTokenFile", tokens.WebhookFile,
                "--Responder:ApiTokenFile", tokens.ApiFile,
                "--Responder:AlertmanagerUrl", alertmanagerUrl,
                "--Logging:LogLevel:Default", "Warning",
            ],
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.RemoveAll<IHostedService>();
            });
        await app.StartAsync();
        return new InProcessResponder(app, clock, tokens);
    }

    public Task RunRoundAsync() => _app.Services.GetRequiredService<ResponseRound>().RunAsync(CancellationToken.None);

    public async Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string? token = "valid", string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ResponderApp.WebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token == "valid" ? Tokens.Webhook : token);
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> ApiAsync(HttpMethod method, string path, string? json = null, bool authenticated = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Api);
        }

        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Tokens.Dispose();
    }
}
