using System.Net.Http.Headers;
using System.Text.Json;
using KoraInfra.Responder.Tests.Support;
using KoraInfra.TestSupport;

namespace KoraInfra.Responder.Tests;

/// <summary>
/// Real parts only: Debian's Alertmanager with Platform's routes delivers a real webhook, with the
/// bearer token from its credentials_file, to the real responder process over loopback, which
/// stores it in the real PostgreSQL. An alert raised with <c>amtool alert add</c> is exactly one
/// incident, the humans are notified directly too, the incident survives a killed responder, and
/// Alertmanager's repeat of it does not duplicate it.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class EndToEndTests(ThrowawayPostgres postgres)
{
    [Fact]
    public async Task An_amtool_alert_becomes_exactly_one_incident_that_survives_a_restart_and_is_not_duplicated_by_a_repeat()
    {
        var db = new ResponderDatabase(postgres);
        using var tokens = new Tokens();
        await using var capture = await CaptureServer.StartAsync();
        var alertmanagerPort = Tool.FreeLoopbackPort();
        using var responder = new ResponderProcess(db, tokens, $"http://127.0.0.1:{alertmanagerPort}");
        await responder.StartAsync();
        using var alertmanager = await RealAlertmanager.StartAsync(capture.Url, responder.Url, tokens.WebhookFile, alertmanagerPort);
        var tenant = TenantRows.A.ToString();

        alertmanager.AmtoolAlertAdd("alertname=ReplayBacklogHigh", "severity=critical", $"tenant_id={tenant}", "instance=worker-1");

        var first = await Tool.EventuallyAsync(async () => (await Incidents(responder)).Count == 1 ? await Incidents(responder) : null,
            "the alert to become an incident\nalertmanager:\n" + alertmanager.Log() + "\nresponder:\n" + responder.Log);
        var incident = first.Single();
        Assert.Equal(("ReplayBacklogHigh", "P0", "open", tenant), (incident.GetProperty("alertName").GetString(), incident.GetProperty("priority").GetString(), incident.GetProperty("state").GetString(), incident.GetProperty("tenantId").GetString()));
        await Tool.EventuallyAsync(() => Task.FromResult(capture.Deliveries.Any(d => d.Receiver == "superadmin-oncall") && capture.Deliveries.Any(d => d.Receiver == "devops-pager") ? "notified" : null),
            "the humans to be notified directly");

        // A killed responder loses nothing.
        responder.Kill();
        await responder.StartAsync();
        var afterRestart = await Incidents(responder);
        Assert.Equal(incident.GetProperty("id").GetInt64(), afterRestart.Single().GetProperty("id").GetInt64());

        // The same alert raised again, and another alert in its group: Alertmanager's next
        // notification repeats the first, which stays one incident.
        alertmanager.AmtoolAlertAdd("alertname=ReplayBacklogHigh", "severity=critical", $"tenant_id={tenant}", "instance=worker-1");
        alertmanager.AmtoolAlertAdd("alertname=ReplayBacklogHigh", "severity=critical", $"tenant_id={tenant}", "instance=worker-2");
        await Tool.EventuallyAsync(async () => (await Incidents(responder)).Count == 2 ? "two" : null, "the second alert to become an incident\n" + responder.Log);
        Assert.Equal(1, db.Count($"SELECT count(*) FROM responder.incidents WHERE fingerprint = '{incident.GetProperty("fingerprint").GetString()}'"));
        Assert.True(db.Count("SELECT sum(times) FROM responder.webhook_receipts") >= 2, "Alertmanager delivered the repeat");
    }

    private static async Task<List<JsonElement>> Incidents(ResponderProcess responder)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(responder.Url + "/api/v1/incidents"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", responder.Tokens.Api);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
