using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-041: containers run as a non-root user.</summary>
public sealed class ContainersRunAsNonRoot : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-041";

    /// <inheritdoc />
    public override string Title => "Containers set runAsNonRoot (container or pod security context)";

    /// <inheritdoc />
    public override string Rationale => "A root process that escapes its container owns the node and every tenant's pods on it.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_K8S_23"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types => PodSpecs.WorkloadTypes;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context) =>
        PodSpecs.Containers(resource)
            .Where(c => (Json.Flag(Json.Get(Json.Get(c.Container, "securityContext"), "runAsNonRoot")) ?? Json.Flag(Json.Get(Json.Get(c.PodSpec, "securityContext"), "runAsNonRoot"))) != true)
            .Select(c => $"container '{c.Name}' does not set runAsNonRoot: true");
}
