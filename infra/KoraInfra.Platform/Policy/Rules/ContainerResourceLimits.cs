using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-042: containers declare CPU and memory limits.</summary>
public sealed class ContainerResourceLimits : ResourceRule
{
    private static readonly string[] RequiredLimits = ["cpu", "memory"];

    /// <inheritdoc />
    public override string Id => "KORA-042";

    /// <inheritdoc />
    public override string Title => "Containers set CPU and memory limits";

    /// <inheritdoc />
    public override string Rationale => "One tenant's runaway workflow must not starve the platform of the others.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Medium;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_K8S_11", "CKV_K8S_13"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types => PodSpecs.WorkloadTypes;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        foreach (var container in PodSpecs.Containers(resource))
        {
            var limits = Json.Get(Json.Get(container.Container, "resources"), "limits");
            var missing = RequiredLimits.Where(l => Json.Get(limits, l) is null).ToList();
            if (missing.Count > 0)
            {
                yield return $"container '{container.Name}' has no {string.Join(" or ", missing)} limit";
            }
        }
    }
}
