using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Release;

/// <summary>
/// The release store of a gated stack: a storage account with one blob container under a
/// time-based immutability (WORM) policy, holding the signed manifests and every version of the
/// deploy audit log ("log imutavel de deploy", seed section 5). Once written, a blob can be
/// neither changed nor deleted for <see cref="ImmutabilityDays"/> days.
/// </summary>
/// <param name="AccountName">The storage account (globally unique, no hyphens).</param>
/// <param name="ContainerName">The WORM container.</param>
/// <param name="SkuName">Zone-redundant where the environment is (<c>Standard_ZRS</c>), else <c>Standard_LRS</c>.</param>
/// <param name="ImmutabilityDays">How long every blob stays immutable: the stack's audit retention.</param>
/// <param name="Location">The Azure region.</param>
/// <param name="Tags">The stack's tags.</param>
public sealed record ReleaseStorePlan(
    string AccountName,
    string ContainerName,
    string SkuName,
    int ImmutabilityDays,
    string Location,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The container every stack's store uses.</summary>
    public const string Container = "releases";

    /// <summary>
    /// The store refuses public traffic: the pipeline's staging and prod jobs run on the
    /// environment's in-cluster runners and reach it through its private endpoint
    /// (docs/network.md). The other protections hold as well: no shared keys (Entra ID identities
    /// with RBAC only), no anonymous access, TLS 1.2, and WORM so even an authorized writer cannot
    /// rewrite history.
    /// </summary>
    public bool PublicNetworkAccess { get; init; }

    /// <summary>The store of a stack that deploys release manifests; null for dev, which deploys branch builds.</summary>
    public static ReleaseStorePlan? For(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var profile = settings.Environment;
        if (!profile.RequiresReleaseManifest)
        {
            return null;
        }

        return new ReleaseStorePlan(
            AccountName: settings.Names.Name(ResourceKind.StorageAccount, "rel"),
            ContainerName: Container,
            SkuName: profile.ZoneRedundant ? "Standard_ZRS" : "Standard_LRS",
            ImmutabilityDays: FoundationPlan.LogRetentionDays(profile.Name),
            Location: settings.Region.Name,
            Tags: settings.Tags.All)
        {
            PublicNetworkAccess = profile.AllowsPublicNetworkAccess,
        };
    }
}
