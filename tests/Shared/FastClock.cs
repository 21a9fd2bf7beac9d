using System.Diagnostics;

namespace KoraInfra.TestSupport;

/// <summary>
/// A clock that starts at a chosen instant and runs <c>speed</c> times faster than real time,
/// timers included: a drill that samples every 30 s for 10 minutes runs in a second, against
/// series recorded at that instant, with its real waiting and ordering intact. It starts at the
/// first reading, so the time a command spends starting up does not move it.
/// </summary>
public sealed class FastClock(DateTimeOffset start, double speed) : TimeProvider
{
    private long _origin;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.CompareExchange(ref _origin, Stopwatch.GetTimestamp(), 0);
        return start + (Stopwatch.GetElapsedTime(Interlocked.Read(ref _origin)) * speed);
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / speed;
}
