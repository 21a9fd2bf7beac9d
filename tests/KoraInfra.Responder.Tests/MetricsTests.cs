using KoraInfra.Responder.Tests.Support;
using KoraInfra.TestSupport;

namespace KoraInfra.Responder.Tests;

/// <summary>The metrics of the contract, from the stored incidents, against the seed's SLAs.</summary>
[Collection(UsesPostgres.Name)]
public sealed class MetricsTests(ThrowawayPostgres postgres)
{
    private static readonly DateTimeOffset Start = new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Unacked_age_time_to_ack_and_sla_breaches_are_exported_per_priority()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.B, severity: "high", fingerprint: "b1b2c3d4e5f60708"));
        var p0 = db.Count($"SELECT id FROM responder.incidents WHERE tenant = '{TenantRows.A}'");
        var p1 = db.Count($"SELECT id FROM responder.incidents WHERE tenant = '{TenantRows.B}'");

        responder.Clock.Advance(TimeSpan.FromMinutes(7));
        await responder.ApiAsync(HttpMethod.Post, $"/api/v1/incidents/{p1}/ack", """{"who":"ana"}""");
        var text = await (await responder.Http.GetAsync(new Uri("/metrics", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.Contains($"kora_incident_unacked_age_seconds{{tenant_id=\"{TenantRows.A}\",priority=\"P0\",incident=\"{p0}\"}} 420\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"incident=\"{p1}\"", text, StringComparison.Ordinal);
        Assert.Contains($"kora_critical_alert_unacked_age_seconds{{tenant_id=\"{TenantRows.A}\"}} 420\n", text, StringComparison.Ordinal);
        // P0's ACK is overdue at 7 min (<= 5 min); P1 acknowledged at 7 min is within its 15 min.
        Assert.Contains("kora_incident_sla_breaches_total{priority=\"P0\",sla=\"ack\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("kora_incident_sla_breaches_total{priority=\"P1\",sla=\"ack\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("kora_incident_time_to_ack_seconds_bucket{priority=\"P1\",le=\"300\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("kora_incident_time_to_ack_seconds_bucket{priority=\"P1\",le=\"900\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("kora_incident_time_to_ack_seconds_sum{priority=\"P1\"} 420\n", text, StringComparison.Ordinal);
        Assert.Contains("kora_incidents_opened_total{priority=\"P0\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exposition_is_accepted_by_promtool()
    {
        var db = new ResponderDatabase(postgres);
        await using var responder = await InProcessResponder.StartAsync(db, "http://127.0.0.1:9", Start);
        await responder.PostWebhookAsync(Payloads.Firing(TenantRows.A));
        var text = await (await responder.Http.GetAsync(new Uri("/metrics", UriKind.Relative))).Content.ReadAsStringAsync();

        var start = new System.Diagnostics.ProcessStartInfo(Tool.Find("promtool", "prometheus")) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("metrics");
        using var promtool = System.Diagnostics.Process.Start(start)!;
        await promtool.StandardInput.WriteAsync(text);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();

        Assert.True(promtool.ExitCode == 0, output);
    }
}
