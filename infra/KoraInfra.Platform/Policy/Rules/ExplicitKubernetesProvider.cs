using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-003: every Kubernetes resource goes through the stack's explicit provider.</summary>
public sealed class ExplicitKubernetesProvider : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-003";

    /// <inheritdoc />
    public override string Title => "Kubernetes resources use the stack's explicit Kubernetes provider";

    /// <inheritdoc />
    public override string Rationale => "The default provider follows whatever kubeconfig the machine running Pulumi has: a prod resource could land in a developer's cluster, or the reverse.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Stack.OfTypes(ResourceSnapshot.IsKubernetesType)
            .Where(r => r.Provider is null || r.Provider.Contains("::default", StringComparison.Ordinal) || !r.Provider.Contains("pulumi:providers:kubernetes::", StringComparison.Ordinal))
            .Select(r => new Finding(r.Urn, $"uses {(r.Provider is null ? "no explicit provider" : $"provider '{r.Provider}'")}; pass the stack's Kubernetes provider (k8s-{context.Stack.StackName})"));
    }
}
