using System.Text;

namespace KoraInfra.Responder.Tests.Support;

/// <summary>Webhook bodies shaped exactly like Alertmanager's (version 4).</summary>
internal static class Payloads
{
    public static byte[] Firing(Guid tenant, string alertname = "ReplayBacklogHigh", string severity = "critical", string fingerprint = "a1b2c3d4e5f60708", string groupKey = "g1", string startsAt = "2026-02-10T12:00:00Z") =>
        Encoding.UTF8.GetBytes($$"""
        {"receiver":"kora-responder","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"{{alertname}}","severity":"{{severity}}","tenant_id":"{{tenant}}"},
        "annotations":{"summary":"replay_backlog is high"},"startsAt":"{{startsAt}}","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus/graph","fingerprint":"{{fingerprint}}"}],
        "groupLabels":{"alertname":"{{alertname}}"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager:9093","version":"4","groupKey":"{{groupKey}}","truncatedAlerts":0}
        """);
}
