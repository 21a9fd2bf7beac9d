using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-022: prod's PostgreSQL survives a zone loss and a region loss.</summary>
public sealed class PostgresResilience : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-022";

    /// <inheritdoc />
    public override string Title => "PostgreSQL servers use zone-redundant high availability and geo-redundant backups (prod)";

    /// <inheritdoc />
    public override string Rationale => "Prod holds real tenant data: a zone outage must fail over, and a regional loss must still leave a restorable backup.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_136"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.PostgreSqlServer };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Levels.MandatoryWhere(environment.ZoneRedundant, EnforcementLevel.Disabled);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!string.Equals(resource.Text("highAvailability.mode"), "ZoneRedundant", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"highAvailability.mode is {resource.Text("highAvailability.mode") ?? "unset"}; expected ZoneRedundant";
        }

        if (!string.Equals(resource.Text("backup.geoRedundantBackup"), "Enabled", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"backup.geoRedundantBackup is {resource.Text("backup.geoRedundantBackup") ?? "unset"}; expected Enabled";
        }
    }
}
