using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-023: PostgreSQL backups are kept long enough to restore from.</summary>
public sealed class PostgresBackupRetention : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-023";

    /// <inheritdoc />
    public override string Title => "PostgreSQL backups are retained at least 7 days (35 in prod)";

    /// <inheritdoc />
    public override string Rationale => "The restore drill and incident recovery need backups older than the incident; prod keeps Azure's maximum.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Medium;

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.PostgreSqlServer };

    /// <summary>The minimum retention in an environment.</summary>
    public static int MinimumDays(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.ZoneRedundant ? 35 : 7;
    }

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(context);
        var minimum = MinimumDays(context.Environment);
        var days = resource.Number("backup.backupRetentionDays");
        if (days is null || days < minimum)
        {
            yield return $"backup.backupRetentionDays is {(days is null ? "unset" : days.ToString())}; expected at least {minimum}";
        }
    }
}
