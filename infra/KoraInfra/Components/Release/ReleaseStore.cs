using Pulumi;
using Pulumi.AzureNative.Storage;
using Pulumi.AzureNative.Storage.Inputs;

namespace KoraInfra.Components.Release;

/// <summary>
/// The release store: a storage account without shared keys or anonymous access, and one blob
/// container under a time-based immutability (WORM) policy, where the pipeline keeps signed
/// manifests and every version of the deploy audit log. The policy is created unlocked (Azure
/// locks it only by an explicit operation, which the release runbook performs once).
/// </summary>
public sealed class ReleaseStore : ComponentResource
{
    /// <summary>Declares the store.</summary>
    public ReleaseStore(string name, ReleaseStoreArgs args, ComponentResourceOptions? options = null)
        : base("kora:release:ReleaseStore", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;

        var account = new StorageAccount("release-store", new StorageAccountArgs
        {
            AccountName = plan.AccountName,
            ResourceGroupName = args.ResourceGroupName,
            Location = plan.Location,
            Kind = Kind.StorageV2,
            Sku = new SkuArgs { Name = plan.SkuName },
            AllowBlobPublicAccess = false,
            AllowSharedKeyAccess = false,
            EnableHttpsTrafficOnly = true,
            // The API's own value: the property takes a string or the enum, and the string cannot be misspelt by codegen.
            MinimumTlsVersion = "TLS1_2",

            // Reached only through its private endpoint (the pipeline's in-VNet runners).
            PublicNetworkAccess = plan.PublicNetworkAccess ? "Enabled" : "Disabled",
            Tags = Tagging.ToInput(plan.Tags),
        }, new CustomResourceOptions { Parent = this });

        var container = new BlobContainer("release-container", new BlobContainerArgs
        {
            AccountName = account.Name,
            ContainerName = plan.ContainerName,
            ResourceGroupName = args.ResourceGroupName,
            PublicAccess = PublicAccess.None,
        }, new CustomResourceOptions { Parent = this });

        _ = new BlobContainerImmutabilityPolicy("release-worm", new BlobContainerImmutabilityPolicyArgs
        {
            AccountName = account.Name,
            ContainerName = container.Name,
            ResourceGroupName = args.ResourceGroupName,
            ImmutabilityPolicyName = "default",
            ImmutabilityPeriodSinceCreationInDays = plan.ImmutabilityDays,

            // Every audit log version is a new blob; nothing is ever appended in place.
            AllowProtectedAppendWrites = false,
        }, new CustomResourceOptions { Parent = this });

        AccountId = account.Id;
        AccountName = account.Name;
        ContainerName = container.Name;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["accountName"] = AccountName,
            ["containerName"] = ContainerName,
        });
    }

    /// <summary>The storage account's resource id (its private endpoint connects to it).</summary>
    public Output<string> AccountId { get; }

    /// <summary>The storage account's name (the pipeline's RELEASE_STORE_ACCOUNT).</summary>
    public Output<string> AccountName { get; }

    /// <summary>The WORM container's name (the pipeline's RELEASE_STORE_CONTAINER).</summary>
    public Output<string> ContainerName { get; }
}
