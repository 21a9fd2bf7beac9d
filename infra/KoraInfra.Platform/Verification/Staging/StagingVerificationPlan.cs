using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Verification.Load;

namespace KoraInfra.Platform.Verification.Staging;

/// <summary>
/// What the program declares for the staging checks, in the stack that runs them only (its
/// <c>kora-infra:verification</c>): Chaos Mesh, the k6 load, soak and smoke CronJobs (suspended,
/// started by the pipeline), their scripts, and the heartbeat writer. Dev and prod get none: no
/// fault is ever injected into prod, and prod's checks are the promoted artifact's staging records.
/// </summary>
/// <param name="Namespace">The namespace of the k6 Jobs and the heartbeat writer.</param>
/// <param name="ChaosMesh">Chaos Mesh.</param>
/// <param name="Runs">The k6 runs by kind.</param>
/// <param name="ScriptsConfigMap">The ConfigMap of the k6 scripts.</param>
/// <param name="Heartbeat">The heartbeat writer.</param>
public sealed record StagingVerificationPlan(string Namespace, ChaosMeshPlan ChaosMesh, IReadOnlyList<K6JobPlan> Runs, string ScriptsConfigMap, HeartbeatWriterPlan Heartbeat)
{
    /// <summary>The committed k6 scripts, relative to the project directory.</summary>
    public const string ScriptsFolder = "deploy/k6";

    /// <summary>Time a k6 Job gets beyond its run: start, ramp-down (k6's 30 s graceful stop), image pull.</summary>
    public const int DeadlineMarginSeconds = 600;

    /// <summary>The labels of every resource of the plan.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/part-of"] = "kora-verification",
        ["app.kubernetes.io/managed-by"] = "pulumi",
    };

    /// <summary>The labels of the checks' namespace: its pods meet the restricted Pod Security Standard.</summary>
    public static IReadOnlyDictionary<string, string> NamespaceLabels { get; } = new SortedDictionary<string, string>(Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal), StringComparer.Ordinal)
    {
        ["pod-security.kubernetes.io/enforce"] = "restricted",
    };

    /// <summary>The plan, or null where the stack runs no check.</summary>
    /// <param name="settings">The stack's validated settings.</param>
    /// <param name="toolsImage">The released kora tools image, by digest (the heartbeat writer runs it).</param>
    public static StagingVerificationPlan? For(StackSettings settings, string? toolsImage)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Verification is not { } verification)
        {
            return null;
        }

        var target = verification.TargetUrl.ToString().TrimEnd('/');
        return new StagingVerificationPlan(
            "kora-verification",
            ChaosMeshPlan.Staging,
            [
                Run("kora-load", VerificationKind.Load, "load.js", target, verification.Load),
                Run("kora-soak", VerificationKind.Soak, "load.js", target, verification.Soak),
                new K6JobPlan("kora-smoke", VerificationKind.SmokeRuntime, "smoke.js", Target(target), DeadlineMarginSeconds),
            ],
            "kora-k6-scripts",
            HeartbeatWriterPlan.For(toolsImage));
    }

    /// <summary>The committed scripts by file name, for the ConfigMap: from the nearest <see cref="ScriptsFolder"/> at or above <paramref name="start"/>.</summary>
    public static IReadOnlyDictionary<string, string> Scripts(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, ScriptsFolder);
            if (Directory.Exists(folder))
            {
                return Directory.GetFiles(folder, "*.js")
                    .Order(StringComparer.Ordinal)
                    .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
            }
        }

        throw new DirectoryNotFoundException($"no {ScriptsFolder} directory at or above '{start}'; run from inside the KoraInfra repository");
    }

    private static K6JobPlan Run(string name, VerificationKind kind, string script, string target, LoadProfile profile)
    {
        var environment = new SortedDictionary<string, string>(Target(target), StringComparer.Ordinal);
        foreach (var (key, value) in profile.ScriptEnvironment())
        {
            environment[key] = value;
        }

        return new K6JobPlan(name, kind, script, environment, (int)profile.Duration.TotalSeconds + DeadlineMarginSeconds);
    }

    private static SortedDictionary<string, string> Target(string target) => new(StringComparer.Ordinal) { ["KORA_TARGET_URL"] = target };
}
