using KoraInfra.Responder.Tests.Support;
using KoraInfra.TestSupport;
using Npgsql;

namespace KoraInfra.Responder.Tests;

/// <summary>
/// The chain and safe mode with a fake clock, through the real Alertmanager: no ACK on a P0 ->
/// after more than 5 min an escalation that Alertmanager routes to DevOps only, after 5 more to
/// management only; at 15 min on a critical alert, safe mode in the tenant database (the app role
/// can no longer start a flow execution for that tenant, other tenants can) and a redundant
/// notification to everyone. An ACK stops all of it.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class EscalationTests(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task No_ack_escalates_devops_then_management_then_engages_safe_mode_for_that_tenant_only()
    {
        var db = new ResponderDatabase(postgres);
        await using var capture = await CaptureServer.StartAsync();
        using var tokens = new Tokens();
        using var alertmanager = await RealAlertmanager.StartAsync(capture.Url, "http://127.0.0.1:9", tokens.WebhookFile);
        await using var responder = await InProcessResponder.StartAsync(db, alertmanager.Url, DateTimeOffset.UtcNow);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));

        // 5 min exactly is not "> 5 min": nothing goes out.
        responder.Clock.Advance(TimeSpan.FromMinutes(5));
        await responder.RunRoundAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(capture.Escalations());

        responder.Clock.Advance(TimeSpan.FromSeconds(1));
        await responder.RunRoundAsync();
        await Tool.EventuallyAsync(() => Task.FromResult(capture.Escalations().Count >= 2 ? "sent" : null), "the devops escalation to be delivered:\n" + alertmanager.Log());
        Assert.Equal([("devops-oncall", "devops"), ("devops-pager", "devops")], capture.Escalations().Order().ToArray());

        // The next step is due only more than 5 min after the previous one.
        responder.Clock.Advance(TimeSpan.FromMinutes(4));
        await responder.RunRoundAsync();
        responder.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await responder.RunRoundAsync();
        await Tool.EventuallyAsync(() => Task.FromResult(capture.Escalations().Any(e => e.Step == "management") ? "sent" : null), "the management escalation to be delivered");
        Assert.Equal([("management", "management")], capture.Escalations().Where(e => e.Step == "management").ToArray());
        Assert.DoesNotContain(capture.Escalations(), e => e.Step == "management" && e.Receiver != "management");

        // Before 15 min the tenant is not in safe mode.
        db.StartFlowExecutionAsApp(TenantRows.A, TenantRows.ContactA, TenantRows.FlowA);

        responder.Clock.Advance(TimeSpan.FromMinutes(5));
        await responder.RunRoundAsync();
        var refused = Assert.Throws<PostgresException>(() => db.StartFlowExecutionAsApp(TenantRows.A, TenantRows.ContactA, TenantRows.FlowA));
        Assert.Equal("KS001", refused.SqlState);
        db.StartFlowExecutionAsApp(TenantRows.B, TenantRows.ContactB, TenantRows.FlowB);
        await Tool.EventuallyAsync(() => Task.FromResult(capture.Escalations().Count(e => e.Step == "all") >= 4 ? "sent" : null), "the redundant notification to reach every receiver");
        Assert.Equal(1, db.Count("SELECT count(*) FROM responder.incidents WHERE critical_ticket"));

        // Another round changes nothing: every action is taken once.
        responder.Clock.Advance(TimeSpan.FromMinutes(1));
        await responder.RunRoundAsync();
        Assert.Equal(1, db.Count("SELECT count(*) FROM kora.tenant_controls WHERE control = 'safe_mode'"));
        Assert.Equal(3, db.Count("SELECT count(*) FROM responder.actions"));
        Assert.Equal(5, db.Count("SELECT count(*) FROM responder.action_log"));
    }

    [Fact]
    public async Task An_ack_stops_escalation_and_safe_mode_and_only_a_person_clears_safe_mode()
    {
        var db = new ResponderDatabase(postgres);
        await using var capture = await CaptureServer.StartAsync();
        using var tokens = new Tokens();
        using var alertmanager = await RealAlertmanager.StartAsync(capture.Url, "http://127.0.0.1:9", tokens.WebhookFile);
        await using var responder = await InProcessResponder.StartAsync(db, alertmanager.Url, DateTimeOffset.UtcNow);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.B, fingerprint: "b1b2c3d4e5f60708"));
        var acked = db.Count($"SELECT id FROM responder.incidents WHERE tenant = '{TenantRows.A}'");

        responder.Clock.Advance(TimeSpan.FromMinutes(4));
        await responder.ApiAsync(HttpMethod.Post, $"/api/v1/incidents/{acked}/ack", """{"who":"ana"}""");
        for (var i = 0; i < 8; i++)
        {
            responder.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
            await responder.RunRoundAsync();
        }

        // Tenant A (acknowledged) keeps running; tenant B (never acknowledged) is in safe mode.
        db.StartFlowExecutionAsApp(TenantRows.A, TenantRows.ContactA, TenantRows.FlowA);
        Assert.Throws<PostgresException>(() => db.StartFlowExecutionAsApp(TenantRows.B, TenantRows.ContactB, TenantRows.FlowB));
        Assert.Equal(0, db.Count($"SELECT count(*) FROM responder.action_log WHERE (entry->>'incident')::bigint = {acked}"));

        // Resolving the incident does not lift safe mode: only a person's clear, with why, does.
        var other = db.Count($"SELECT id FROM responder.incidents WHERE tenant = '{TenantRows.B}'");
        await responder.ApiAsync(HttpMethod.Post, $"/api/v1/incidents/{other}/resolve", """{"who":"bruno","why":"replay worker restarted"}""");
        Assert.Throws<PostgresException>(() => db.StartFlowExecutionAsApp(TenantRows.B, TenantRows.ContactB, TenantRows.FlowB));
        var noWhy = await responder.ApiAsync(HttpMethod.Post, $"/api/v1/tenants/{TenantRows.B}/safe-mode/clear", """{"who":"bruno"}""");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noWhy.StatusCode);
        var clear = await responder.ApiAsync(HttpMethod.Post, $"/api/v1/tenants/{TenantRows.B}/safe-mode/clear", """{"who":"bruno","why":"backlog drained, smoke green"}""");
        Assert.Equal(System.Net.HttpStatusCode.OK, clear.StatusCode);
        db.StartFlowExecutionAsApp(TenantRows.B, TenantRows.ContactB, TenantRows.FlowB);
        Assert.Equal(1, db.Count("SELECT count(*) FROM responder.action_log WHERE entry->>'action' = 'clear_safe_mode' AND entry->>'who' = 'bruno'"));
    }
}
