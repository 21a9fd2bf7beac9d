using System.Net;
using System.Text.Json;
using KoraInfra.Responder.Tests.Support;
using KoraInfra.TestSupport;

namespace KoraInfra.Responder.Tests;

/// <summary>The operators' API: authenticated, and every transition by a named person.</summary>
[Collection(UsesPostgres.Name)]
public sealed class ApiTests(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 2, 10, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public async Task List_ack_and_resolve_record_who_and_when()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));
        var id = db.Count("SELECT id FROM responder.incidents");

        responder.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await responder.ApiAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/ack", """{"who":"ana"}""")).StatusCode);
        var again = await responder.ApiAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/ack", """{"who":"bruno"}""");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already acknowledged by ana", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noWhy = await responder.ApiAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/resolve", """{"who":"ana"}""");
        Assert.Equal(HttpStatusCode.Conflict, noWhy.StatusCode);
        Assert.Contains("--why TEXT", await noWhy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await responder.ApiAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/resolve", """{"who":"ana","why":"backlog drained"}""")).StatusCode);

        using var list = JsonDocument.Parse(await (await responder.ApiAsync(HttpMethod.Get, "/api/v1/incidents")).Content.ReadAsStringAsync());
        var incident = list.RootElement.EnumerateArray().Single();
        Assert.Equal("resolved", incident.GetProperty("state").GetString());
        Assert.Equal("P0", incident.GetProperty("priority").GetString());
        Assert.Equal("ana", incident.GetProperty("ackedBy").GetString());
        Assert.Equal(Start.AddMinutes(2), incident.GetProperty("ackedAt").GetDateTimeOffset());
        Assert.Equal(["responder", "ana", "ana"], incident.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("who").GetString()!).ToArray());
    }

    [Theory]
    [InlineData("GET", "/api/v1/incidents")]
    [InlineData("POST", "/api/v1/incidents/1/ack")]
    [InlineData("POST", "/api/v1/incidents/1/resolve")]
    [InlineData("POST", "/api/v1/tenants/aaaaaaaa-0000-4000-8000-000000000001/safe-mode/clear")]
    public async Task Every_api_call_needs_the_operators_token(string method, string path)
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));
        var before = db.Snapshot();

        var response = await responder.ApiAsync(new HttpMethod(method), path, """{"who":"mallory","why":"x"}""", authenticated: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, db.Snapshot());
    }

    [Fact]
    public async Task The_webhook_token_does_not_open_the_api()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/incidents");
        request.Headers.Authorization = new("Bearer", responder.Tokens.Webhook);

        Assert.Equal(HttpStatusCode.Unauthorized, (await responder.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_incident_is_404_naming_it()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);

        var response = await responder.ApiAsync(HttpMethod.Post, "/api/v1/incidents/999/ack", """{"who":"ana"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no incident 999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_settings_are_all_reported_before_anything_starts()
    {
        var ex = Assert.Throws<ResponderSettingsException>(() => ResponderApp.Build(["--urls", "http://127.0.0.1:0"]));

        Assert.Contains(ex.Problems, p => p.StartsWith("Responder:Connection (environment Responder__Connection) is not set", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Responder:WebhookTokenFile", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("Responder:AlertmanagerUrl", StringComparison.Ordinal));
    }
}
