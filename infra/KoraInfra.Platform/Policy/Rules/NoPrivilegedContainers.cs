using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-043: no container is privileged or may escalate privileges.</summary>
public sealed class NoPrivilegedContainers : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-043";

    /// <inheritdoc />
    public override string Title => "Containers are never privileged and set allowPrivilegeEscalation: false";

    /// <inheritdoc />
    public override string Rationale => "A privileged container is the node; no KoraOS workload needs it.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_K8S_16", "CKV_K8S_20"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types => PodSpecs.WorkloadTypes;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        foreach (var container in PodSpecs.Containers(resource))
        {
            var security = Json.Get(container.Container, "securityContext");
            if (Json.Flag(Json.Get(security, "privileged")) == true)
            {
                yield return $"container '{container.Name}' is privileged";
            }

            if (Json.Flag(Json.Get(security, "allowPrivilegeEscalation")) != false)
            {
                yield return $"container '{container.Name}' does not set allowPrivilegeEscalation: false";
            }
        }
    }
}
