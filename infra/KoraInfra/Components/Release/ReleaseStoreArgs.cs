using KoraInfra.Platform.Release;
using Pulumi;

namespace KoraInfra.Components.Release;

/// <summary>What <see cref="ReleaseStore"/> declares: Platform's plan, in the stack's resource group.</summary>
public sealed class ReleaseStoreArgs
{
    /// <summary>The store's plan.</summary>
    public required ReleaseStorePlan Plan { get; init; }

    /// <summary>The stack's resource group.</summary>
    public required Input<string> ResourceGroupName { get; init; }
}
