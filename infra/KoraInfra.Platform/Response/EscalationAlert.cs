using System.Globalization;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Response;

/// <summary>
/// The alerts the responder posts back to Alertmanager (<c>POST /api/v2/alerts</c>), so every
/// notification still goes through the routes: <c>alertname="KoraIncidentEscalation"</c> with
/// <c>escalation</c> naming the step of the chain (<c>superadmin</c>, <c>devops</c>,
/// <c>management</c>) or <c>all</c> for the seed's "notificacao redundante".
/// </summary>
public static class EscalationAlert
{
    /// <summary>The alert name of every escalation.</summary>
    public const string AlertName = "KoraIncidentEscalation";

    /// <summary>The <c>escalation</c> value of a redundant notification: every step at once.</summary>
    public const string Everyone = "all";

    /// <summary>The label carrying the incident id.</summary>
    public const string IncidentLabel = "incident";

    /// <summary>The <c>escalation</c> label value of a step.</summary>
    public static string Step(EscalationLevel level) => level switch
    {
        EscalationLevel.Superadmin => "superadmin",
        EscalationLevel.Devops => "devops",
        EscalationLevel.Management => "management",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The labels of an escalation of an incident to <paramref name="escalation"/> for <paramref name="reason"/>.</summary>
    public static IReadOnlyDictionary<string, string> Labels(Incident incident, string escalation, string reason)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = AlertName,
            [MonitoringLabels.Escalation] = escalation,
            [IncidentLabel] = incident.Id.ToString(CultureInfo.InvariantCulture),
            [PriorityMapping.PriorityLabel] = incident.Priority.ToString(),
            ["source_alertname"] = incident.AlertName,
            ["reason"] = reason,
        };
        if (incident.TenantId is { } tenant)
        {
            labels[MonitoringLabels.TenantId] = tenant.ToString();
        }

        return labels;
    }

    /// <summary>The summary annotation: what a person reading the page needs first.</summary>
    public static string Summary(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var age = incident.UnackedAge(now);
        return $"{incident.Priority} incident {incident.Id} ({incident.AlertName}) has had no ACK for {(int)age.TotalMinutes} min; acknowledge with: kora incident ack {incident.Id} --who NAME";
    }
}
