using KoraInfra.Platform.Secrets.RedisKeys;

namespace KoraInfra.Platform.Tests.Secrets.RedisKeys;

/// <summary>
/// The rotation against a real redis-server whose ACL user holds two passwords (the cache's
/// primary and secondary keys): no consumer is cut off while it rotates, and the previous key is
/// refused once the overlap is over.
/// </summary>
public sealed class RedisKeyZeroDowntimeTests : IDisposable
{
    private static readonly DateTimeOffset VersionStart = new(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly RedisKeyRotation ToSecondary = new("redis-kora-prod-brs", "kv-kora-prod-brs", "window=p90-20261118", VersionStart, RedisKey.Secondary);
    private readonly ThrowawayRedis _redis = new();

    public void Dispose() => _redis.Dispose();

    [Fact]
    public async Task Consumers_keep_working_through_the_switch_and_the_previous_key_is_refused_after_the_overlap()
    {
        var cache = new AclRedisKeyService(_redis);
        var vault = new InMemoryVault();
        var before = await cache.ListKeysAsync(CancellationToken.None);
        vault.Write(before.Primary, VersionStart.AddDays(-60));
        using var holder = new ReloadingRedisConsumer(_redis.Port, () => vault.Current);
        Assert.Equal("OK", holder.Run("SET", "tenant:1:queue", "job-1"));

        // Before the up: the key nobody holds is regenerated; the holder's connection and a new
        // connection with the primary key both keep working.
        var run = VersionStart.AddHours(3);
        var standby = await RedisKeyRotator.RunAsync(ToSecondary, cache, vault, run, endOverlap: false, CancellationToken.None);
        Assert.Equal(RedisKeyAction.RegenerateStandby, standby.Action);
        Assert.Equal([RedisKey.Secondary], cache.Regenerated);
        Assert.Equal("job-1", holder.Run("GET", "tenant:1:queue"));
        Assert.Equal("PONG", LogInAndPing(before.Primary));
        var refused = Assert.Throws<RedisErrorException>(() => LogInAndPing(before.Secondary));
        Assert.True(refused.IsRefusedLogin);

        // The up writes the new secondary key to the vault; a consumer that restarts reads it.
        vault.Write((await cache.ListKeysAsync(CancellationToken.None)).Secondary, run.AddMinutes(10));
        using var restarted = new ReloadingRedisConsumer(_redis.Port, () => vault.Current);
        Assert.Equal("job-1", restarted.Run("GET", "tenant:1:queue"));

        // Within the overlap the previous key is left alone: the holder still reconnects with it.
        var early = await RedisKeyRotator.RunAsync(ToSecondary, cache, vault, run.AddHours(2), endOverlap: false, CancellationToken.None);
        Assert.Equal(RedisKeyAction.AwaitOverlap, early.Action);
        holder.Drop();
        Assert.Equal("job-1", holder.Run("GET", "tenant:1:queue"));
        Assert.Equal(0, holder.Reloads);

        // After the overlap the primary is regenerated: its old value is refused, and the holder's
        // next connection reloads the vault and goes on without a failed operation.
        var late = await RedisKeyRotator.RunAsync(ToSecondary, cache, vault, run.AddHours(25), endOverlap: false, CancellationToken.None);
        Assert.Equal(RedisKeyAction.RegeneratePrevious, late.Action);
        Assert.Equal([RedisKey.Secondary, RedisKey.Primary], cache.Regenerated);
        Assert.True(Assert.Throws<RedisErrorException>(() => LogInAndPing(before.Primary)).IsRefusedLogin);
        holder.Drop();
        Assert.Equal("OK", holder.Run("SET", "tenant:1:queue", "job-2"));
        Assert.Equal(1, holder.Reloads);
        Assert.Equal("job-2", restarted.Run("GET", "tenant:1:queue"));

        // The vault version is marked: the next daily run regenerates nothing.
        var next = await RedisKeyRotator.RunAsync(ToSecondary, cache, vault, run.AddHours(49), endOverlap: false, CancellationToken.None);
        Assert.Equal(RedisKeyAction.None, next.Action);
        Assert.Equal(2, cache.Regenerated.Count);
    }

    [Fact]
    public async Task A_run_that_failed_before_its_up_regenerates_only_the_standby_again()
    {
        var cache = new AclRedisKeyService(_redis);
        var vault = new InMemoryVault();
        var before = await cache.ListKeysAsync(CancellationToken.None);
        vault.Write(before.Primary, VersionStart.AddDays(-60));

        await RedisKeyRotator.RunAsync(ToSecondary, cache, vault, VersionStart.AddHours(3), endOverlap: false, CancellationToken.None);
        var retry = await RedisKeyRotator.RunAsync(ToSecondary, cache, vault, VersionStart.AddHours(4), endOverlap: false, CancellationToken.None);

        Assert.Equal(RedisKeyAction.RegenerateStandby, retry.Action);
        Assert.Equal([RedisKey.Secondary, RedisKey.Secondary], cache.Regenerated);
        Assert.Equal("PONG", LogInAndPing(before.Primary));
    }

    private string? LogInAndPing(string key)
    {
        using var connection = RespConnection.Open(_redis.Port);
        connection.Call("AUTH", AclRedisKeyService.User, key);
        return connection.Call("PING");
    }
}
