using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-024: wherever a tenant database is declared, the migration job is declared too.</summary>
public sealed class MigrationJobPresent : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-024";

    /// <inheritdoc />
    public override string Title => "A stack with a tenant database runs the schema migrations as a Kubernetes Job";

    /// <inheritdoc />
    public override string Rationale => "The RLS policies, roles and guard are part of the schema: a database without its migrations has no tenant isolation.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var servers = context.Stack.OfType(TypeTokens.PostgreSqlServer).ToList();
        var hasMigrationJob = context.Stack.OfType(TypeTokens.KubernetesJob).Any(IsMigrationJob);
        if (servers.Count > 0 && !hasMigrationJob)
        {
            yield return new Finding(servers[0].Urn, "the stack declares a PostgreSQL server but no migration Job (a kubernetes:batch/v1:Job labelled app.kubernetes.io/component=db-migrations)");
        }
    }

    private static bool IsMigrationJob(ResourceSnapshot job) =>
        Json.Text(Json.Get(job.Property("metadata.labels"), "app.kubernetes.io/component")) == "db-migrations"
        || job.Name.Contains("migrat", StringComparison.OrdinalIgnoreCase)
        || (job.Text("metadata.name")?.Contains("migrat", StringComparison.OrdinalIgnoreCase) ?? false);
}
