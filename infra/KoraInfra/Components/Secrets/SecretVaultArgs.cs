using KoraInfra.Platform.Secrets;
using Pulumi;

namespace KoraInfra.Components.Secrets;

/// <summary>What <see cref="SecretVault"/> declares: Platform's decisions and the foundation's outputs.</summary>
public sealed class SecretVaultArgs
{
    /// <summary>The stack's secrets plan.</summary>
    public required SecretsPlan Plan { get; init; }

    /// <summary>The Azure region.</summary>
    public required string Location { get; init; }

    /// <summary>The tags every taggable resource carries.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The stack's resource group.</summary>
    public required Input<string> ResourceGroupName { get; init; }

    /// <summary>The Log Analytics workspace that receives the vault's audit log.</summary>
    public required Input<string> LogWorkspaceId { get; init; }

    /// <summary>The principal id of the platform runtime's identity (declared by the foundation).</summary>
    public required Input<string> PlatformRuntimePrincipalId { get; init; }

    /// <summary>
    /// Values of secrets issued by Azure services (the Redis access key), by catalogue name, from
    /// the component that owns the service. A secret without a value yet is declared empty-handed
    /// like an operator-provided one, so its readers' role assignments have a scope.
    /// </summary>
    public IReadOnlyDictionary<string, Output<string>> IssuedSecretValues { get; init; } = new Dictionary<string, Output<string>>();
}
