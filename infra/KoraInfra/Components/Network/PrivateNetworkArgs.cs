using KoraInfra.Platform.Network;
using Pulumi;

namespace KoraInfra.Components.Network;

/// <summary>What <see cref="PrivateNetwork"/> needs: Platform's network plan and where to put it.</summary>
public sealed class PrivateNetworkArgs
{
    /// <summary>The environment's network, fully decided.</summary>
    public required NetworkPlan Plan { get; init; }

    /// <summary>The stack's resource group.</summary>
    public required Output<string> ResourceGroupName { get; init; }

    /// <summary>The Azure region.</summary>
    public required string Location { get; init; }

    /// <summary>The stack's tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
