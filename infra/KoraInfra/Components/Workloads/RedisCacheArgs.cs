using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Workloads;
using Pulumi;

namespace KoraInfra.Components.Workloads;

/// <summary>What <see cref="RedisCache"/> needs: Platform's cache decision and where to put it.</summary>
public sealed class RedisCacheArgs
{
    /// <summary>The cache, fully decided.</summary>
    public required AzureRedisPlan Plan { get; init; }

    /// <summary>The access key's rotation: which of the cache's two keys the vault and the consumers get.</summary>
    public required RedisKeyRotation KeyRotation { get; init; }

    /// <summary>The stack's resource group.</summary>
    public required Output<string> ResourceGroupName { get; init; }

    /// <summary>The Azure region.</summary>
    public required string Location { get; init; }

    /// <summary>The stack's tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
}
