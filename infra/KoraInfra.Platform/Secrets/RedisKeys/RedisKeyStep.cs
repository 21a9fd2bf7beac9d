namespace KoraInfra.Platform.Secrets.RedisKeys;

/// <summary>What a rotation run does to the cache's keys before its <c>up</c>.</summary>
public enum RedisKeyAction
{
    /// <summary>Nothing is due.</summary>
    None,

    /// <summary>
    /// Regenerate the key consumers do not hold, which this version moves them to; the <c>up</c>
    /// that follows writes its value to the vault and restarts the consumers with it.
    /// </summary>
    RegenerateStandby,

    /// <summary>The consumers moved, but the overlap is not over: the previous key still works until a later run.</summary>
    AwaitOverlap,

    /// <summary>The overlap is over: regenerate the key consumers held before, so its value stops working.</summary>
    RegeneratePrevious,

    /// <summary>
    /// Stop before the <c>up</c>: the plan's key is the one consumers hold, but the vault's value
    /// is older than this version, so switching would mean regenerating the key in use.
    /// </summary>
    Refuse,
}

/// <summary>One decision of <see cref="RedisKeyRotationPlan.Next"/>.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Key">The key it acts on (none for <see cref="RedisKeyAction.None"/> and <see cref="RedisKeyAction.Refuse"/>).</param>
/// <param name="Reason">Why, in words for the run's log (never a value).</param>
public sealed record RedisKeyStep(RedisKeyAction Action, RedisKey? Key, string Reason);
