namespace KoraInfra.Platform.Monitoring;

/// <summary>
/// How an alert meets the seed's duration. The time an alert takes to fire is its signal's
/// window plus its <c>for:</c>; each kind says which of the two carries the seed's duration, so
/// a 5-minute rate with <c>for: 15m</c> on top (20 minutes, not the seed's 15) is refused.
/// </summary>
public enum AlertTiming
{
    /// <summary>The condition must hold for the seed's duration: window + <c>for:</c> = the duration.</summary>
    Sustained,

    /// <summary>The signal is an age; each rung's threshold is the seed's duration, so window and <c>for:</c> are zero.</summary>
    Age,

    /// <summary>A count or quantile over the seed's window, judged at once: window = the duration, <c>for:</c> zero.</summary>
    Windowed,

    /// <summary>A level the seed gives no duration for: judged at once, window and <c>for:</c> zero.</summary>
    Level,
}
