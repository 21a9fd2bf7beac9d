using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-060: staging and prod deploy every alert of the seed's catalogue.</summary>
public sealed class SeedAlertSetPresent : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-060";

    /// <inheritdoc />
    public override string Title => "Staging and prod deploy every alert of the seed's catalogue as PrometheusRules";

    /// <inheritdoc />
    public override string Rationale => "The release plan's minimum observability (no ACK, replay backlog, ack_to_enqueue_gap, log coverage, the n8n HA reopen trigger) must be live wherever a release candidate is judged or tenants are served.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <summary>The alert names the catalogue requires (thresholds come from settings; the names do not).</summary>
    /// <remarks>From the default thresholds, not <see cref="MonitoringSettings.Defaults"/>: the names are all the rule needs, and the defaults' runbook location is a Uri to parse.</remarks>
    public static IReadOnlyList<string> RequiredAlerts { get; } =
        AlertCatalogue.For(MonitoringSettings.DefaultRedisFallbackRate, MonitoringSettings.DefaultTakeoverSlaBreachRate)
            .Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Levels.MandatoryWhere(environment.MandatoryChecks.Count > 0, EnforcementLevel.Disabled);
    }

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deployed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in context.Stack.OfType(TypeTokens.PrometheusRule))
        {
            foreach (var group in Json.Objects(resource.Property("spec.groups")))
            {
                foreach (var rule in Json.Objects(Json.Get(group, "rules")))
                {
                    if (Json.Text(Json.Get(rule, "alert")) is { } alert)
                    {
                        deployed.Add(alert);
                    }
                }
            }
        }

        var missing = RequiredAlerts.Where(a => !deployed.Contains(a)).ToList();
        if (missing.Count > 0)
        {
            yield return new Finding(null, $"stack '{context.Stack.StackName}' does not deploy the alert(s) {string.Join(", ", missing)}");
        }
    }
}
