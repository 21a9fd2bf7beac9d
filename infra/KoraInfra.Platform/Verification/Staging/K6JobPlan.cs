using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Verification.Staging;

/// <summary>
/// One k6 run the pipeline starts (load, soak, smoke): a CronJob that is suspended, so it never
/// runs by itself, whose template the pipeline instantiates with <c>kubectl create job --from=cronjob/NAME</c>.
/// The script comes from a ConfigMap of the committed <c>deploy/k6/</c> files; the thresholds from
/// the stack settings, as variables. The summary is printed as one marked line k6's
/// <c>handleSummary</c> writes, which the pipeline turns into a record with <c>kora evidence from-k6</c>.
/// </summary>
/// <param name="Name">The CronJob's name.</param>
/// <param name="Kind">The record kind its summary makes.</param>
/// <param name="Script">The script file in the ConfigMap.</param>
/// <param name="Environment">The script's variables.</param>
/// <param name="ActiveDeadlineSeconds">How long a run may take: its duration plus a margin.</param>
public sealed record K6JobPlan(string Name, VerificationKind Kind, string Script, IReadOnlyDictionary<string, string> Environment, int ActiveDeadlineSeconds)
{
    /// <summary>grafana/k6 1.7.1, by digest.</summary>
    public static ContainerImage Image { get; } = ContainerImage.Parse("grafana/k6@sha256:4fd3a694926b064d3491d9b02b01cde886583c4931f1223816e3d9a7bdfa7e0f");

    /// <summary>The k6 image's own non-root user.</summary>
    public const int RunAsUser = 12345;

    /// <summary>Where the scripts are mounted.</summary>
    public const string ScriptsPath = "/scripts";

    /// <summary>The prefix of the summary line in the Job's log.</summary>
    public const string SummaryMarker = "KORA_K6_SUMMARY ";

    /// <summary>A schedule that is never reached while suspended; a CronJob needs one.</summary>
    public const string DormantSchedule = "0 0 31 2 *";

    /// <summary>The container's arguments.</summary>
    public IReadOnlyList<string> Args => ["run", "--quiet", "--no-color", $"{ScriptsPath}/{Script}"];

    /// <summary>What the container reserves and may use: k6 holds every virtual user in memory.</summary>
    public static IReadOnlyDictionary<string, string> Requests { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cpu"] = "500m", ["memory"] = "256Mi" };

    /// <summary>The container's limits.</summary>
    public static IReadOnlyDictionary<string, string> Limits { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cpu"] = "2", ["memory"] = "1Gi" };
}
