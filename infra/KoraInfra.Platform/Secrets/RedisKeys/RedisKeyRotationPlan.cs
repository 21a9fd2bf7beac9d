using System.Globalization;
using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>
/// The Redis access key's rotation, without downtime: every new version (rotation window or
/// emergency) moves consumers to the other key of the cache. Before the <c>up</c> the run
/// regenerates the key nobody holds; the <c>up</c> writes its value to the vault as a new version
/// and restarts the consumers with it; once the overlap is over, a later run regenerates the key
/// they held before, and its value is refused from then on.
/// </summary>
public static class RedisKeyRotationPlan
{
    /// <summary>
    /// How long the previous key keeps working after the switch: n8n restarts with the new key in
    /// the same <c>up</c> (minutes), and a consumer that missed it reloads the vault on its next
    /// refused connection. The same day as the database logins' overlap, far inside the 90-day period.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(24);

    /// <summary>
    /// The rotation of a stack at the plan's time; null where the queue is an in-cluster Redis
    /// (a developer's cluster), whose password is not an Azure key.
    /// </summary>
    /// <remarks>
    /// The key alternates with every version, counted as the login slots are: one flip per window
    /// since the epoch, one per emergency rotation ever requested. So the program (which hands the
    /// consumers that key) and the rotation run (which regenerates it first) agree from the
    /// same settings and clock, with nothing stored between them.
    /// </remarks>
    public static RedisKeyRotation? For(SecretsPlan plan, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        if (RedisPlan.HostingFor(settings) != RedisHosting.AzureCache)
        {
            return null;
        }

        var secret = plan.Secrets.FirstOrDefault(s => s.Name == SecretCatalogue.RedisAccessKey)
            ?? throw new InvalidOperationException($"secret '{SecretCatalogue.RedisAccessKey}' is not in the plan");
        var window = secret.Window ?? throw new InvalidOperationException($"secret '{SecretCatalogue.RedisAccessKey}' must rotate on schedule");
        var emergencies = settings.Secrets.EmergencyRotations
            .Where(e => e.Name == SecretCatalogue.RedisAccessKey && e.RequestedAt <= plan.PlannedAt)
            .Select(e => e.RequestedAt)
            .Distinct()
            .ToList();
        var windows = (long)((window.Start - DateTimeOffset.UnixEpoch).TotalDays / window.PeriodDays);
        var current = (windows + emergencies.Count) % 2 == 0 ? RedisKey.Primary : RedisKey.Secondary;
        var start = emergencies.Where(window.Contains).Append(window.Start).Max();
        return new RedisKeyRotation(settings.Names.Name(ResourceKind.RedisCache), plan.Vault.Name, RotationRecords.Version(secret), start, current);
    }

    /// <summary>
    /// What the run does before its <c>up</c>, from what the vault and cache say now.
    /// </summary>
    /// <param name="rotation">The plan's rotation.</param>
    /// <param name="state">The observed state; null when the vault has no <c>redis-access-key</c> yet (the first <c>up</c> writes it).</param>
    /// <param name="now">The run's time.</param>
    /// <param name="endOverlap">An operator ends the overlap early (an emergency, once every consumer restarted).</param>
    public static RedisKeyStep Next(RedisKeyRotation rotation, RedisKeyState? state, DateTimeOffset now, bool endOverlap = false)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        if (state is null)
        {
            return new RedisKeyStep(RedisKeyAction.None, null, $"the vault holds no {SecretCatalogue.RedisAccessKey} yet; the up writes the {rotation.Current.Label()} key");
        }

        if (state.Held is not { } held)
        {
            // Consumers hold a value the cache no longer accepts: nothing to protect, the up hands them the current key.
            return new RedisKeyStep(RedisKeyAction.None, null, $"the vault's {SecretCatalogue.RedisAccessKey} matches neither key of {rotation.Cache}; the up writes the {rotation.Current.Label()} key");
        }

        if (held != rotation.Current)
        {
            return new RedisKeyStep(RedisKeyAction.RegenerateStandby, rotation.Current, $"version {rotation.Version} moves consumers from the {held.Label()} to the {rotation.Current.Label()} key, which nobody holds: regenerate it, then the up writes it");
        }

        if (state.WrittenAt < rotation.VersionStart)
        {
            return new RedisKeyStep(RedisKeyAction.Refuse, null, $"the vault's {SecretCatalogue.RedisAccessKey} (written {Iso(state.WrittenAt)}) is the {held.Label()} key, which version {rotation.Version} (from {Iso(rotation.VersionStart)}) should move consumers to: the value changed twice since it was written, and regenerating the key in use would cut them off. Add a kora-infra:emergencyRotations entry for {SecretCatalogue.RedisAccessKey} (it moves consumers to the other key) and run again");
        }

        if (state.PreviousRegeneratedAt is { } done && done >= state.WrittenAt)
        {
            return new RedisKeyStep(RedisKeyAction.None, null, $"consumers hold the {held.Label()} key of version {rotation.Version}; the {rotation.Previous.Label()} key was regenerated at {Iso(done)}");
        }

        var overlapEnds = state.WrittenAt + Overlap;
        if (now < overlapEnds && !endOverlap)
        {
            return new RedisKeyStep(RedisKeyAction.AwaitOverlap, rotation.Previous, $"consumers moved to the {held.Label()} key at {Iso(state.WrittenAt)}; the {rotation.Previous.Label()} key keeps working until the overlap ends at {Iso(overlapEnds)}");
        }

        return new RedisKeyStep(RedisKeyAction.RegeneratePrevious, rotation.Previous, endOverlap && now < overlapEnds
            ? $"the overlap is ended early by the operator: regenerate the {rotation.Previous.Label()} key, which consumers held before {Iso(state.WrittenAt)}"
            : $"the overlap ended at {Iso(overlapEnds)}: regenerate the {rotation.Previous.Label()} key, which consumers held before {Iso(state.WrittenAt)}");
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
