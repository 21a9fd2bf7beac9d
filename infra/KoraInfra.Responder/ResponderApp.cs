using KoraInfra.Platform.Response;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;

namespace KoraInfra.Responder;

/// <summary>The responder's host: settings checked first, then the endpoints and the escalation loop.</summary>
public static class ResponderApp
{
    /// <summary>The webhook path Alertmanager posts to.</summary>
    public const string WebhookPath = "/api/v1/alertmanager/webhook";

    /// <summary>Builds the app; <paramref name="services"/> lets tests replace the clock.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var options = builder.Configuration.GetSection(ResponderOptions.Section).Get<ResponderOptions>() ?? new ResponderOptions();
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ResponderSettingsException(problems);
        }

        var webhookToken = new BearerToken(options.WebhookTokenFile, "webhook");
        var apiToken = new BearerToken(options.ApiTokenFile, "API");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(options.Connection));
        builder.Services.AddSingleton<IncidentStore>();
        builder.Services.AddSingleton<ResponseRound>();
        builder.Services.AddHttpClient<AlertmanagerClient>(http =>
        {
            http.BaseAddress = new Uri(options.AlertmanagerUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddHostedService<EscalationLoop>();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        var api = app.MapGroup("/api/v1");
        app.MapPost(WebhookPath, (HttpContext http, IncidentStore store, CancellationToken cancel) =>
            webhookToken.Admits(http.Request.Headers.Authorization) ? ReceiveAsync(http, store, options, cancel) : Task.FromResult(Unauthorized()));

        api.MapGet("/incidents", async (HttpContext http, IncidentStore store, TimeProvider time, bool? open, CancellationToken cancel) =>
            !apiToken.Admits(http.Request.Headers.Authorization) ? Unauthorized()
                : Results.Ok((await store.ListAsync(open ?? false, cancel)).Select(i => IncidentView.Of(i, time.GetUtcNow()))));
        api.MapPost("/incidents/{id:long}/ack", (HttpContext http, long id, IncidentStore store, TimeProvider time, CancellationToken cancel) =>
            !apiToken.Admits(http.Request.Headers.Authorization) ? Task.FromResult(Unauthorized())
                : TransitionAsync(http, id, store, time, (incident, body, now) => IncidentLifecycle.Acknowledge(incident, body.Who!, now), cancel));
        api.MapPost("/incidents/{id:long}/resolve", (HttpContext http, long id, IncidentStore store, TimeProvider time, CancellationToken cancel) =>
            !apiToken.Admits(http.Request.Headers.Authorization) ? Task.FromResult(Unauthorized())
                : TransitionAsync(http, id, store, time, (incident, body, now) => IncidentLifecycle.Resolve(incident, body.Who!, body.Why!, now), cancel));
        api.MapPost("/tenants/{tenant:guid}/safe-mode/clear", (HttpContext http, Guid tenant, IncidentStore store, CancellationToken cancel) =>
            !apiToken.Admits(http.Request.Headers.Authorization) ? Task.FromResult(Unauthorized()) : ClearAsync(http, tenant, store, cancel));

        app.MapGet("/metrics", async (IncidentStore store, TimeProvider time, CancellationToken cancel) =>
            Results.Text(ResponseMetrics.Render(await store.ListAsync(false, cancel), await store.ActiveControlsAsync(cancel), time.GetUtcNow()), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", async (IncidentStore store, CancellationToken cancel) =>
            await store.PingAsync(cancel) ? Results.Text("ready\n") : Results.Problem("the kora database is unreachable or not migrated (db/responder)", statusCode: 503));
        return app;
    }

    private static IResult Unauthorized() =>
        Results.Json(new { error = "missing or wrong bearer token; send Authorization: Bearer <token from the token file>" }, statusCode: 401);

    private static IResult Refused(int status, string error, IReadOnlyList<string>? problems = null) =>
        Results.Json(new { error, problems = problems ?? [] }, statusCode: status);

    private static async Task<IResult> ReceiveAsync(HttpContext http, IncidentStore store, ResponderOptions options, CancellationToken cancel)
    {
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(415, $"content type '{http.Request.ContentType}'; expected application/json (Alertmanager's webhook)");
        }

        if (http.Request.ContentLength > options.MaxWebhookBytes)
        {
            return Refused(413, $"the body has {http.Request.ContentLength} bytes; the limit is {options.MaxWebhookBytes}");
        }

        var body = await ReadLimitedAsync(http, options.MaxWebhookBytes, cancel);
        if (body is null)
        {
            return Refused(413, $"the body is larger than the limit of {options.MaxWebhookBytes} bytes");
        }

        var payload = AlertmanagerWebhook.Parse(body);
        if (!payload.IsValid)
        {
            return Refused(400, "the webhook payload is not valid; nothing was applied", payload.Problems);
        }

        var outcome = await store.ApplyWebhookAsync(body, payload, TimeSpan.FromSeconds(options.ReplayWindowSeconds), cancel);
        return outcome.IsReplay
            ? Refused(409, $"replayed webhook: an identical body was received at {outcome.FirstSeenAt:O}, less than {options.ReplayWindowSeconds} s ago; nothing was applied")
            : Results.Ok(new { opened = outcome.Opened, known = outcome.Known });
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpContext http, long limit, CancellationToken cancel)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, cancel)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static async Task<IResult> TransitionAsync(HttpContext http, long id, IncidentStore store, TimeProvider time, Func<Incident, PersonRequest, DateTimeOffset, Incident> transition, CancellationToken cancel)
    {
        var body = await PersonRequest.ReadAsync(http, cancel);
        if (body is null)
        {
            return Refused(400, "the body is not JSON; expected {\"who\": NAME, \"why\": TEXT}");
        }

        try
        {
            var result = await store.TransitionAsync(id, (incident, now) => transition(incident, body, now), cancel);
            return result is null ? Refused(404, $"no incident {id}; 'kora incident list' shows the incidents") : Results.Ok(IncidentView.Of(result, time.GetUtcNow()));
        }
        catch (IncidentTransitionException ex)
        {
            return Refused(409, ex.Message);
        }
    }

    private static async Task<IResult> ClearAsync(HttpContext http, Guid tenant, IncidentStore store, CancellationToken cancel)
    {
        var body = await PersonRequest.ReadAsync(http, cancel);
        if (body is null)
        {
            return Refused(400, "the body is not JSON; expected {\"who\": NAME, \"why\": TEXT}");
        }

        try
        {
            IncidentLifecycle.RequireText(body.Who, "who", "the person clearing safe mode (--who NAME)");
            IncidentLifecycle.RequireText(body.Why, "why", "why it is safe to leave safe mode (--why TEXT)");
        }
        catch (IncidentTransitionException ex)
        {
            return Refused(400, ex.Message);
        }

        var cleared = await store.ClearSafeModeAsync(tenant, body.Who!, body.Why!, cancel);
        return cleared == 0 ? Refused(404, $"tenant {tenant} is not in safe mode; nothing was cleared") : Results.Ok(new { tenant, cleared });
    }
}

/// <summary>The responder's settings are wrong: every problem, before anything starts.</summary>
public sealed class ResponderSettingsException(IReadOnlyList<string> problems)
    : Exception("the responder's settings are invalid:\n  " + string.Join("\n  ", problems))
{
    /// <summary>Each problem.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
