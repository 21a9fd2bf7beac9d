using System.Net;
using System.Text;
using KoraInfra.Responder.Tests.Support;
using KoraInfra.TestSupport;

namespace KoraInfra.Responder.Tests;

/// <summary>The webhook receiver against the real PostgreSQL: one incident per alert, and bad input refused with nothing changed.</summary>
[Collection(UsesPostgres.Name)]
public sealed class WebhookTests(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 2, 10, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task A_firing_alert_opens_one_incident_and_its_repeats_are_the_same_incident()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);

        Assert.Equal(HttpStatusCode.OK, (await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A))).StatusCode);
        // Alertmanager's repeat after its interval: the identical body, past the replay window.
        responder.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A))).StatusCode);
        // The same alert in another group's notification.
        Assert.Equal(HttpStatusCode.OK, (await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A, groupKey: "g2"))).StatusCode);

        Assert.Equal(1, db.Count("SELECT count(*) FROM responder.incidents"));
        Assert.Equal(1, db.Count("SELECT count(*) FROM responder.transitions"));
    }

    [Fact]
    public async Task The_same_alert_firing_again_later_is_a_new_incident()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);

        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A, startsAt: "2026-02-10T14:00:00Z"));

        Assert.Equal(2, db.Count("SELECT count(*) FROM responder.incidents"));
    }

    public static TheoryData<string, string?, string, HttpStatusCode, string> BadRequests => new()
    {
        { "no token", null, "application/json", HttpStatusCode.Unauthorized, "missing or wrong bearer token" },
        { "wrong token", "not-the-token-0123456789", "application/json", HttpStatusCode.Unauthorized, "missing or wrong bearer token" },
        { "not json content", "valid", "text/plain", HttpStatusCode.UnsupportedMediaType, "expected application/json" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Unauthenticated_or_mistyped_webhooks_are_refused_and_change_nothing(string what, string? token, string contentType, HttpStatusCode expected, string message)
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        var before = db.Snapshot();

        var response = await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A), token, contentType);

        Assert.True(expected == response.StatusCode, what);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public async Task An_oversized_webhook_is_refused_with_413_and_changes_nothing()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        var before = db.Snapshot();
        var body = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");

        var response = await responder.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 1048576", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public async Task A_malformed_webhook_is_refused_with_400_naming_each_problem_and_changes_nothing()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        var before = db.Snapshot();
        // One good alert and one broken one: the whole payload is refused, the good one too.
        var body = Encoding.UTF8.GetString(Payloads.Firing(TenantRows.A)).Replace(
            "\"alerts\":[", "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"severity\":\"critical\"},\"startsAt\":\"soon\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\"zz\"},", StringComparison.Ordinal);

        var response = await responder.PostWebhookAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("$.alerts[0].labels.alertname: missing", text, StringComparison.Ordinal);
        Assert.Contains("$.alerts[0].startsAt: 'soon'", text, StringComparison.Ordinal);
        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public async Task A_replayed_webhook_is_refused_with_409_and_changes_nothing()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));
        var before = db.Snapshot();
        responder.Clock.Advance(TimeSpan.FromSeconds(20));

        var response = await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("replayed webhook", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, db.Snapshot());
    }
}
