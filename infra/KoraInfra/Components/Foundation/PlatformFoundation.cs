using Pulumi;
using Pulumi.AzureNative.ManagedIdentity;
using Pulumi.AzureNative.OperationalInsights;
using Pulumi.AzureNative.OperationalInsights.Inputs;
using Pulumi.AzureNative.Resources;

namespace KoraInfra.Components.Foundation;

/// <summary>
/// What every stack stands on: the resource group, the platform runtime's managed identity and
/// the Log Analytics workspace that receives audit and diagnostic logs.
/// </summary>
public sealed class PlatformFoundation : ComponentResource
{
    /// <summary>Declares the foundation.</summary>
    public PlatformFoundation(string name, PlatformFoundationArgs args, ComponentResourceOptions? options = null)
        : base("kora:foundation:PlatformFoundation", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var tags = Tagging.ToInput(plan.Tags);

        var group = new ResourceGroup("resource-group", new ResourceGroupArgs
        {
            ResourceGroupName = plan.ResourceGroupName,
            Location = plan.Location,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        var identity = new UserAssignedIdentity("platform-identity", new UserAssignedIdentityArgs
        {
            ResourceName = plan.PlatformIdentityName,
            ResourceGroupName = group.Name,
            Location = plan.Location,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        var workspace = new Workspace("log-workspace", new WorkspaceArgs
        {
            WorkspaceName = plan.LogWorkspace.Name,
            ResourceGroupName = group.Name,
            Location = plan.Location,
            Sku = new WorkspaceSkuArgs { Name = plan.LogWorkspace.Sku },
            RetentionInDays = plan.LogWorkspace.RetentionInDays,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this });

        ResourceGroupName = group.Name;
        PlatformIdentityId = identity.Id;
        PlatformIdentityClientId = identity.ClientId;
        PlatformIdentityPrincipalId = identity.PrincipalId;
        PlatformIdentityTenantId = identity.TenantId;
        LogWorkspaceId = workspace.Id;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["resourceGroupName"] = ResourceGroupName,
            ["platformIdentityId"] = PlatformIdentityId,
            ["platformIdentityClientId"] = PlatformIdentityClientId,
            ["logWorkspaceId"] = LogWorkspaceId,
        });
    }

    /// <summary>The resource group every other resource of the stack goes in.</summary>
    public Output<string> ResourceGroupName { get; }

    /// <summary>The platform runtime identity's resource id.</summary>
    public Output<string> PlatformIdentityId { get; }

    /// <summary>The platform runtime identity's client id (for workload identity).</summary>
    public Output<string> PlatformIdentityClientId { get; }

    /// <summary>The platform runtime identity's principal id (for role assignments).</summary>
    public Output<string> PlatformIdentityPrincipalId { get; }

    /// <summary>The Entra tenant of the platform identity (and of the stack's vault).</summary>
    public Output<string> PlatformIdentityTenantId { get; }

    /// <summary>The Log Analytics workspace's resource id.</summary>
    public Output<string> LogWorkspaceId { get; }
}
