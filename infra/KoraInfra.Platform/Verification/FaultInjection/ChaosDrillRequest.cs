using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>What a fault-injection drill runs against and how it watches.</summary>
/// <param name="Stack">The stack (staging).</param>
/// <param name="Commit">The commit of the artifact running (40 hex).</param>
/// <param name="ReleaseCandidate">The RC running.</param>
/// <param name="Images">Every image running, by digest.</param>
/// <param name="Hypotheses">The steady state (<see cref="SteadyStateHypotheses.For"/>).</param>
/// <param name="SampleInterval">How often Prometheus is read during and after the fault.</param>
/// <param name="RecoveryTimeout">How long after the fault the steady state has to return.</param>
public sealed record ChaosDrillRequest(
    string Stack,
    string Commit,
    ReleaseVersion ReleaseCandidate,
    IReadOnlyList<ImageReference> Images,
    IReadOnlyList<SteadyStateHypothesis> Hypotheses,
    TimeSpan SampleInterval,
    TimeSpan RecoveryTimeout)
{
    /// <summary>
    /// The default recovery timeout: the signals look back 15 minutes (the seed counts in 15
    /// minutes), so a fault stays in them that long after it ends; plus 5 minutes for the
    /// recording rules and the replay to catch up.
    /// </summary>
    public static TimeSpan DefaultRecoveryTimeout { get; } = TimeSpan.FromMinutes(20);

    /// <summary>The default sampling: the scrape interval of the product's metrics.</summary>
    public static TimeSpan DefaultSampleInterval { get; } = TimeSpan.FromSeconds(30);
}
