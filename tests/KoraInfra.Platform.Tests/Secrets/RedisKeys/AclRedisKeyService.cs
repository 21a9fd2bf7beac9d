using System.Security.Cryptography;
using KoraInfra.Platform.Secrets.RedisKeys;

namespace KoraInfra.Platform.Tests.Secrets.RedisKeys;

/// <summary>
/// A cache's primary and secondary keys, modelled by one Redis ACL user with two passwords: either
/// authenticates, and regenerating one removes its value and adds a new one, as Azure's
/// <c>regenerateKey</c> does to an access key.
/// </summary>
public sealed class AclRedisKeyService : IRedisKeyService
{
    public const string User = "kora-cache";
    private readonly ThrowawayRedis _redis;
    private string _primary = NewKey();
    private string _secondary = NewKey();

    public AclRedisKeyService(ThrowawayRedis redis)
    {
        _redis = redis;
        using var admin = redis.Admin();
        admin.Expect("OK", "ACL", "SETUSER", User, "reset", "on", ">" + _primary, ">" + _secondary, "~*", "&*", "+@all");
    }

    public List<RedisKey> Regenerated { get; } = [];

    public Task<RedisAccessKeys> ListKeysAsync(CancellationToken cancellationToken) => Task.FromResult(new RedisAccessKeys(_primary, _secondary));

    public Task RegenerateKeyAsync(RedisKey key, CancellationToken cancellationToken)
    {
        var old = key == RedisKey.Primary ? _primary : _secondary;
        var fresh = NewKey();
        using (var admin = _redis.Admin())
        {
            admin.Expect("OK", "ACL", "SETUSER", User, "<" + old, ">" + fresh);
        }

        if (key == RedisKey.Primary)
        {
            _primary = fresh;
        }
        else
        {
            _secondary = fresh;
        }

        Regenerated.Add(key);
        return Task.CompletedTask;
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
