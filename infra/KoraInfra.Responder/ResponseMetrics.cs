using System.Globalization;
using System.Text;
using KoraInfra.Platform.Response;

namespace KoraInfra.Responder;

/// <summary>
/// The metrics of the contract (docs/monitoring/metrics-contract.md), in Prometheus' text
/// exposition format, computed from the stored incidents at each scrape so a restart loses nothing.
/// </summary>
public static class ResponseMetrics
{
    /// <summary>Histogram buckets (seconds): every SLA of the seed is a bucket boundary.</summary>
    public static IReadOnlyList<double> Buckets { get; } = [60, 300, 900, 1800, 3600, 14400, 86400];

    /// <summary>The exposition text.</summary>
    public static string Render(IReadOnlyList<StoredIncident> incidents, IReadOnlyList<(Guid Tenant, string Control, string Component)> controls, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(controls);
        var text = new StringBuilder();
        var all = incidents.Select(s => s.Incident).ToList();

        Header(text, "kora_incident_unacked_age_seconds", "gauge", "Age of each open incident without internal ACK; series disappear once acknowledged.");
        foreach (var incident in all.Where(i => i.State == IncidentState.Open))
        {
            Line(text, "kora_incident_unacked_age_seconds", Labels(incident, ("incident", incident.Id.ToString(CultureInfo.InvariantCulture))), incident.UnackedAge(now).TotalSeconds);
        }

        Header(text, "kora_critical_alert_unacked_age_seconds", "gauge", "Age of the oldest open critical alert without ACK, per tenant (no_ack_critical_alert).");
        foreach (var group in all.Where(i => i.State == IncidentState.Open && NoAckMatrix.Applies(i)).GroupBy(i => i.TenantId))
        {
            Line(text, "kora_critical_alert_unacked_age_seconds", TenantLabel(group.Key), group.Max(i => i.UnackedAge(now).TotalSeconds));
        }

        Header(text, "kora_safe_mode_active", "gauge", "1 while the tenant is in safe mode.");
        foreach (var tenant in controls.Where(c => c.Control == "safe_mode").Select(c => c.Tenant).Distinct())
        {
            Line(text, "kora_safe_mode_active", TenantLabel(tenant), 1);
        }

        Header(text, "kora_tenant_control_active", "gauge", "1 for each response control engaged (safe_mode, throttle, degraded, component_off).");
        foreach (var (tenant, control, component) in controls)
        {
            Line(text, "kora_tenant_control_active", $"tenant_id=\"{tenant}\",control=\"{control}\",component=\"{Escape(component)}\"", 1);
        }

        Header(text, "kora_incidents_opened_total", "counter", "Incidents opened.");
        foreach (var priority in Enum.GetValues<Priority>())
        {
            Line(text, "kora_incidents_opened_total", $"priority=\"{priority}\"", all.Count(i => i.Priority == priority));
        }

        Histogram(text, "kora_incident_time_to_ack_seconds", "Time from opening to the operational ACK, per priority.",
            all.Where(i => i.AckedAt is not null).Select(i => (i.Priority, (i.AckedAt!.Value - i.OpenedAt).TotalSeconds)));
        Histogram(text, "kora_incident_time_to_containment_seconds", "Time from opening to the initial containment, per priority.",
            all.Where(i => i.ContainedAt is not null).Select(i => (i.Priority, (i.ContainedAt!.Value - i.OpenedAt).TotalSeconds)));

        Header(text, "kora_incident_sla_breaches_total", "counter", "Incidents whose ACK or containment exceeded (or, still pending, already exceeds) the seed's SLA.");
        foreach (var sla in ResponseSla.All)
        {
            var of = all.Where(i => i.Priority == sla.Priority).ToList();
            Line(text, "kora_incident_sla_breaches_total", $"priority=\"{sla.Priority}\",sla=\"ack\"", of.Count(i => ((i.AckedAt ?? (i.State == IncidentState.Open ? now : i.ResolvedAt ?? now)) - i.OpenedAt) > sla.Ack));
            if (sla.Containment is { } containment)
            {
                Line(text, "kora_incident_sla_breaches_total", $"priority=\"{sla.Priority}\",sla=\"containment\"", of.Count(i => ((i.ContainedAt ?? now) - i.OpenedAt) > containment));
            }
        }

        return text.ToString();
    }

    private static void Histogram(StringBuilder text, string name, string help, IEnumerable<(Priority Priority, double Seconds)> samples)
    {
        Header(text, name, "histogram", help);
        var list = samples.ToList();
        foreach (var priority in Enum.GetValues<Priority>())
        {
            var of = list.Where(s => s.Priority == priority).Select(s => s.Seconds).ToList();
            foreach (var bucket in Buckets)
            {
                Line(text, name + "_bucket", $"priority=\"{priority}\",le=\"{bucket.ToString(CultureInfo.InvariantCulture)}\"", of.Count(s => s <= bucket));
            }

            Line(text, name + "_bucket", $"priority=\"{priority}\",le=\"+Inf\"", of.Count);
            Line(text, name + "_sum", $"priority=\"{priority}\"", of.Sum());
            Line(text, name + "_count", $"priority=\"{priority}\"", of.Count);
        }
    }

    private static string Labels(Incident incident, (string Key, string Value) extra) =>
        $"{TenantLabel(incident.TenantId)},priority=\"{incident.Priority}\",{extra.Key}=\"{extra.Value}\"";

    private static string TenantLabel(Guid? tenant) => $"tenant_id=\"{tenant?.ToString() ?? string.Empty}\"";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string name, string labels, double value) =>
        text.Append(name).Append('{').Append(labels).Append("} ").Append(value.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
}
