using KoraInfra.Platform.Monitoring;

namespace KoraInfra.Platform.Response;

/// <summary>
/// The seed's <c>no_ack_critical_alert</c> matrix (section 6, Alertas criticos): "warning 5 min,
/// alto 10 min, critico 15 min" without ACK on a critical alert; at critico, "safe mode aos 15 min
/// sem ACK". The Prometheus rules judge the same ages from the responder's
/// <c>kora_critical_alert_unacked_age_seconds</c>.
/// </summary>
public static class NoAckMatrix
{
    /// <summary>The matrix, mildest first.</summary>
    public static IReadOnlyList<(AlertSeverity Severity, TimeSpan After, string Spelled)> Steps { get; } =
    [
        (AlertSeverity.Warning, TimeSpan.FromMinutes(5), "warning 5 min"),
        (AlertSeverity.High, TimeSpan.FromMinutes(10), "alto 10 min"),
        (AlertSeverity.Critical, TimeSpan.FromMinutes(15), "critico 15 min"),
    ];

    /// <summary>How long a critical alert may go without ACK before safe mode: the matrix's critico step.</summary>
    public static TimeSpan SafeModeAfter => Steps[^1].After;

    /// <summary>Whether an incident comes from a critical alert (the matrix applies to those only).</summary>
    public static bool Applies(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Severity == AlertSeverity.Critical.Label();
    }

    /// <summary>The matrix step an unacknowledged critical alert has reached at <paramref name="now"/>, or null.</summary>
    public static AlertSeverity? StepAt(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!Applies(incident))
        {
            return null;
        }

        var age = incident.UnackedAge(now);
        AlertSeverity? reached = null;
        foreach (var step in Steps)
        {
            if (age >= step.After)
            {
                reached = step.Severity;
            }
        }

        return reached;
    }
}
