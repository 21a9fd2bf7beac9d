namespace KoraInfra.Platform.Database;

/// <summary>
/// What a Job of the kora-tools image (the migrations, the login rotation) may use, and how long
/// Pulumi waits for it: the policy pack's container rules (KORA-042) want requests and limits, and
/// a Job that outlives its own deadline has failed, so Pulumi waits the deadline plus a margin for
/// scheduling and the image pull, never less.
/// </summary>
public static class ToolJobResources
{
    /// <summary>The margin beyond the Job's own deadline that Pulumi waits, in seconds.</summary>
    public const int SchedulingMarginSeconds = 300;

    /// <summary>What the scheduler reserves for the container.</summary>
    public static IReadOnlyDictionary<string, string> Requests { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cpu"] = "100m",
        ["memory"] = "128Mi",
    };

    /// <summary>What the container may use at most.</summary>
    public static IReadOnlyDictionary<string, string> Limits { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cpu"] = "500m",
        ["memory"] = "256Mi",
    };

    /// <summary>How long Pulumi waits for a Job whose deadline is <paramref name="activeDeadlineSeconds"/>.</summary>
    public static TimeSpan PulumiWait(int activeDeadlineSeconds) =>
        activeDeadlineSeconds > 0
            ? TimeSpan.FromSeconds(activeDeadlineSeconds + SchedulingMarginSeconds)
            : throw new ArgumentOutOfRangeException(nameof(activeDeadlineSeconds), activeDeadlineSeconds, "a Job's deadline is a positive number of seconds");
}
