using System.Text;
using KoraInfra.Platform.Response;

namespace KoraInfra.Platform.Tests.Response;

public sealed class AlertmanagerWebhookTests
{
    [Fact]
    public void A_real_v4_payload_reads_with_a_firing_alert_and_no_end()
    {
        var payload = AlertmanagerWebhook.Parse(Alerts.Webhook());

        Assert.True(payload.IsValid, string.Join("; ", payload.Problems));
        var alert = Assert.Single(payload.Alerts);
        Assert.Equal(("a1b2c3d4e5f60708", true, "ReplayBacklogHigh", (DateTimeOffset?)null), (alert.Fingerprint, alert.Firing, alert.AlertName, alert.EndsAt));
        Assert.Equal(Alerts.TenantA.ToString(), alert.Labels["tenant_id"]);
    }

    [Theory]
    [InlineData("not json", "the body is not JSON")]
    [InlineData("[]", "$: a JSON array; expected an object")]
    [InlineData("""{"version":"3","receiver":"r","status":"firing","alerts":[]}""", "$.version: '3'; expected \"4\"")]
    [InlineData("""{"version":"4","receiver":"r","status":"firing","alerts":[]}""", "$.alerts: 0 alerts; expected 1 to 500")]
    [InlineData("""{"version":"4","receiver":"r","status":"burning","alerts":[{}]}""", "$.status: 'burning'; expected \"firing\" or \"resolved\"")]
    [InlineData("""{"version":"4","receiver":"r","status":"firing","alerts":[{"status":"firing","labels":{"severity":"critical"},"startsAt":"2026-02-10T12:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"a1b2c3d4e5f60708"}]}""", "$.alerts[0].labels.alertname: missing")]
    [InlineData("""{"version":"4","receiver":"r","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X"},"startsAt":"yesterday","endsAt":"0001-01-01T00:00:00Z","fingerprint":"a1b2c3d4e5f60708"}]}""", "$.alerts[0].startsAt: 'yesterday'; expected an RFC 3339 time")]
    [InlineData("""{"version":"4","receiver":"r","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X"},"startsAt":"2026-02-10T12:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"../../etc"}]}""", "$.alerts[0].fingerprint: '../../etc'; expected Alertmanager's fingerprint")]
    [InlineData("""{"version":"4","receiver":"r","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"X","n":1},"startsAt":"2026-02-10T12:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"a1b2c3d4e5f60708"}]}""", "$.alerts[0].labels.n: a JSON number; expected a string")]
    public void A_malformed_payload_is_refused_whole_naming_where_and_what_would_be_right(string body, string expected)
    {
        var payload = AlertmanagerWebhook.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(payload.IsValid);
        Assert.Empty(payload.Alerts);
        Assert.Contains(payload.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }
}
