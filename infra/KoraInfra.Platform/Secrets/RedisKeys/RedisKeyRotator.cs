using System.Globalization;

namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>
/// Runs the step <see cref="RedisKeyRotationPlan.Next"/> decides, through the cache and the vault:
/// reads both, decides, regenerates at most one key, and marks the vault version once the
/// previous key is regenerated. No value is returned or written anywhere but the cache.
/// </summary>
public static class RedisKeyRotator
{
    /// <summary>Observes, decides and acts once; returns the step taken.</summary>
    public static async Task<RedisKeyStep> RunAsync(RedisKeyRotation rotation, IRedisKeyService cache, IVaultSecretStore vault, DateTimeOffset now, bool endOverlap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(vault);
        var current = await vault.GetAsync(SecretCatalogue.RedisAccessKey, cancellationToken).ConfigureAwait(false);
        RedisKeyState? state = null;
        if (current is not null)
        {
            var keys = await cache.ListKeysAsync(cancellationToken).ConfigureAwait(false);
            state = new RedisKeyState(RedisKeyState.Match(current.Value, keys), current.CreatedOn, Marker(current));
        }

        var step = RedisKeyRotationPlan.Next(rotation, state, now, endOverlap);
        switch (step.Action)
        {
            case RedisKeyAction.RegenerateStandby:
                await cache.RegenerateKeyAsync(step.Key!.Value, cancellationToken).ConfigureAwait(false);
                break;
            case RedisKeyAction.RegeneratePrevious:
                await cache.RegenerateKeyAsync(step.Key!.Value, cancellationToken).ConfigureAwait(false);

                // Marked only after the regeneration succeeded; a lost marker costs one more
                // regeneration of a key nobody holds, never an outage.
                await vault.TagAsync(SecretCatalogue.RedisAccessKey, current!.Version, RedisKeyState.PreviousRegeneratedTag, Iso(now), cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }

        return step;
    }

    private static DateTimeOffset? Marker(VaultSecretVersion version) =>
        version.Tags.TryGetValue(RedisKeyState.PreviousRegeneratedTag, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
