using System.Diagnostics;

namespace KoraInfra.TestSupport;

/// <summary>
/// A clock that starts at a chosen instant and runs <c>speed</c> times faster than real time,
/// timers included: a drill that samples every 30 s for 10 minutes runs in a second, against
/// series recorded at that instant, with its real waiting and ordering intact.
/// </summary>
public sealed class FastClock(DateTimeOffset start, double speed) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => start + (Stopwatch.GetElapsedTime(_origin) * speed);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / speed;
}
