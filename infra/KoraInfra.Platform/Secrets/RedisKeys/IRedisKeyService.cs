namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>The cache's key operations (Azure's <c>listKeys</c> and <c>regenerateKey</c>).</summary>
public interface IRedisKeyService
{
    /// <summary>Both key values, in memory only.</summary>
    Task<RedisAccessKeys> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>Replaces one key by a new random value; the other keeps working.</summary>
    Task RegenerateKeyAsync(RedisKey key, CancellationToken cancellationToken);
}
