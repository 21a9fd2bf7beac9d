using System.Text;
using KoraInfra.Platform.Response;

namespace KoraInfra.Platform.Tests.Response;

/// <summary>Alerts and webhook bodies as Alertmanager sends them.</summary>
internal static class Alerts
{
    public static readonly Guid TenantA = Guid.Parse("0b3f1a52-6c1e-4c55-9d1a-5a8c00000001");

    public static ReceivedAlert Firing(string name, string severity, Guid? tenant = null, string fingerprint = "a1b2c3d4e5f60708", params (string Key, string Value)[] extra)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = name, ["severity"] = severity };
        if (tenant is { } t)
        {
            labels["tenant_id"] = t.ToString();
        }

        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return new ReceivedAlert(fingerprint, true, name, labels, new Dictionary<string, string>(), new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero), null);
    }

    public static byte[] Webhook(string status = "firing", string fingerprint = "a1b2c3d4e5f60708", string alertname = "ReplayBacklogHigh", string severity = "critical") =>
        Encoding.UTF8.GetBytes($$"""
        {"receiver":"kora-responder","status":"{{status}}","alerts":[{"status":"{{status}}","labels":{"alertname":"{{alertname}}","severity":"{{severity}}","tenant_id":"{{TenantA}}"},
        "annotations":{"summary":"replay_backlog is high"},"startsAt":"2026-02-10T12:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus/graph","fingerprint":"{{fingerprint}}"}],
        "groupLabels":{"alertname":"{{alertname}}"},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://alertmanager:9093","version":"4","groupKey":"{}:{alertname=\"{{alertname}}\"}","truncatedAlerts":0}
        """);
}
