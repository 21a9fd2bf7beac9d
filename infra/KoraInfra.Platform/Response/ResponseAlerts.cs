using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Response;

/// <summary>
/// The alerts on the response SLAs (seed section 7), in their own rule file (<c>kora-response</c>)
/// beside the catalogue's: they judge the responder's <c>kora_incident_sla_breaches_total</c>, which
/// counts every incident whose ACK or initial containment took (or is already taking) longer than
/// its priority allows.
/// </summary>
public static class ResponseAlerts
{
    /// <summary>The rule file.</summary>
    public const string File = "kora-response";

    /// <summary>The rule group.</summary>
    public const string Group = "kora.response-sla";

    /// <summary>The recorded signal: SLA breaches in the last 15 minutes, per priority and SLA (ack, containment).</summary>
    public static Signal SlaBreaches { get; } = new(
        "kora:incident_sla_breaches:increase15m",
        "sum by (priority, sla) (increase(kora_incident_sla_breaches_total[15m]))",
        [MonitoringLabels.Priority, "sla"],
        "incidents");

    /// <summary>The alert's name.</summary>
    public const string AlertName = "IncidentResponseSlaBreached";

    /// <summary>The rule file for a runbook base URL.</summary>
    public static RuleFile RuleFile(Uri runbookBaseUrl)
    {
        var slas = string.Join("; ", ResponseSla.All.Select(s => s.Spelled));
        return new RuleFile(File,
        [
            new YamlMap
            {
                { "name", Group },
                { "interval", PrometheusRules.EvaluationInterval },
                {
                    "rules", new List<YamlMap>
                    {
                        new() { { "record", SlaBreaches.Record }, { "expr", SlaBreaches.Expression } },
                        new()
                        {
                            { "alert", AlertName },
                            { "expr", $"{SlaBreaches.Record} > 0" },
                            {
                                // No priority label of its own: the alert keeps the breached incident's.
                                "labels", new YamlMap { { MonitoringLabels.Severity, AlertSeverity.High.Label() } }
                            },
                            {
                                "annotations", new YamlMap
                                {
                                    { "summary", "A {{ $labels.priority }} incident missed its {{ $labels.sla }} SLA (" + slas + ")" },
                                    { "runbook_url", RunbookLinks.For(runbookBaseUrl, "response-and-recovery-slas") },
                                    { "source", "seed 7: SLA de resposta" },
                                }
                            },
                        },
                    }
                },
            },
        ]);
    }
}
