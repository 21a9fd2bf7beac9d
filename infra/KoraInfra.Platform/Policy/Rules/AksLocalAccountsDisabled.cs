using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-004: AKS clusters accept Entra ID only, with Azure RBAC.</summary>
public sealed class AksLocalAccountsDisabled : ResourceRule
{
    /// <inheritdoc />
    public override string Id => "KORA-004";

    /// <inheritdoc />
    public override string Title => "AKS clusters disable local accounts and authorize with Entra ID (Azure RBAC)";

    /// <inheritdoc />
    public override string Rationale => "A local admin kubeconfig is a shared, unaudited, non-expiring credential to every tenant's workloads.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.High;

    /// <inheritdoc />
    public override IReadOnlyList<string> CheckovIds => ["CKV_AZURE_141", "CKV_AZURE_5"];

    /// <inheritdoc />
    protected override IReadOnlySet<string> Types { get; } = new HashSet<string> { TypeTokens.ManagedCluster };

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    protected override IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Flag("disableLocalAccounts") != true)
        {
            yield return "disableLocalAccounts is not true; set it so only Entra ID identities reach the API server";
        }

        if (resource.Flag("aadProfile.enableAzureRBAC") != true || resource.Flag("aadProfile.managed") != true)
        {
            yield return "aadProfile must be managed with enableAzureRBAC true";
        }
    }
}
