using System.Globalization;
using KoraInfra.Platform.Database;
using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Foundation;
using KoraInfra.Platform.Network;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Workloads;
using Npgsql;

namespace KoraInfra.Platform.Response;

/// <summary>
/// The responder in one environment, fully decided: its image, one pod under the restricted pod
/// security standard, its probes and sizing, its configuration, its network policies, its
/// disruption budget, and the Job that applies its schema (db/responder) after the tenant
/// migrations and before the logins are rotated.
/// </summary>
/// <param name="Image">The responder image (by digest outside dev).</param>
/// <param name="Replicas">Pods: one (see <see cref="SingleReplica"/>).</param>
/// <param name="Resources">Requests and limits.</param>
/// <param name="Security">The pod's security context.</param>
/// <param name="Liveness">Restarts a hung process (<c>/healthz</c>).</param>
/// <param name="Readiness">Takes the pod out of its Service while the database is unreachable (<c>/readyz</c>).</param>
/// <param name="Environment">The plain variables (token files, Alertmanager's URL, the port).</param>
/// <param name="NetworkPolicies">Who may talk to it, and what it may reach.</param>
/// <param name="DisruptionBudget">What a node drain may take.</param>
/// <param name="MigrationJob">The Job that applies db/responder with the administrator's connection.</param>
/// <param name="NamespaceLabels">Labels of its namespace: the workload namespace's, restricted Pod Security Standard included.</param>
public sealed record ResponderPlan(
    ContainerImage Image,
    int Replicas,
    ResourceSizing Resources,
    PodSecurity Security,
    HttpProbe Liveness,
    HttpProbe Readiness,
    IReadOnlyList<ResponderVariable> Environment,
    IReadOnlyList<NetworkPolicyPlan> NetworkPolicies,
    DisruptionBudgetPlan DisruptionBudget,
    MigrationJobPlan MigrationJob,
    IReadOnlyDictionary<string, string> NamespaceLabels)
{
    /// <summary>
    /// The escalation loop is not leader-elected: two pods would each send every escalation and
    /// take every action. So one pod everywhere, replaced with <c>Recreate</c> so a rollout never
    /// runs two; a restart loses nothing (state is in PostgreSQL, escalation is by age), and
    /// humans are paged directly for every critical alert, so a responder that is down silences
    /// nothing.
    /// </summary>
    public const int SingleReplica = 1;

    /// <summary>The Deployment strategy (see <see cref="SingleReplica"/>).</summary>
    public const string DeploymentStrategy = "Recreate";

    /// <summary>The liveness endpoint: the process answers.</summary>
    public const string LivenessPath = "/healthz";

    /// <summary>The readiness endpoint: the database answers as <c>kora_responder</c>.</summary>
    public const string ReadinessPath = "/readyz";

    /// <summary>The container port's name (the Service and the ServiceMonitor use it).</summary>
    public const string PortName = "http";

    /// <summary>Alertmanager's API port (kube-prometheus-stack's Service).</summary>
    public const int AlertmanagerPort = 9093;

    /// <summary>The variable the responder image's <c>migrate</c> reads its connection from.</summary>
    public const string MigrationConnectionVariable = "KORA_RESPONDER_MIGRATION_CONNECTION";

    /// <summary>Where db/responder lives inside the responder image.</summary>
    public const string MigrationsPathInImage = "/app/db/responder";

    /// <summary>The pod-template annotation naming the login slot and password version in use: a rotation rolls the pod.</summary>
    public const string LoginAnnotation = "kora.io/database-login";

    /// <summary>The label value of <c>app.kubernetes.io/name</c>.</summary>
    public const string AppName = ResponderEndpoint.Name;

    /// <summary>Alertmanager's in-cluster base URL (kube-prometheus-stack's <c>&lt;release&gt;-alertmanager</c> Service).</summary>
    public static string AlertmanagerUrl =>
        $"http://kube-prometheus-stack-alertmanager.{N8nNetworkPolicies.MonitoringNamespace}.svc.cluster.local:{AlertmanagerPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The labels the Deployment selects its pod by (the Service, the budget and the policies too).</summary>
    public static IReadOnlyDictionary<string, string> SelectorLabels { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = AppName,
    };

    /// <summary>Every label of the responder's objects.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = AppName,
        ["app.kubernetes.io/component"] = "responder",
        ["app.kubernetes.io/part-of"] = "koraos",
        ["app.kubernetes.io/managed-by"] = "pulumi",
    };

    /// <summary>
    /// The responder's database login: the <c>kora_responder</c> group with two slots, rotated from
    /// the vault by the same Job as the other logins (<see cref="DatabaseLogin.All"/>).
    /// </summary>
    public static DatabaseLogin Login => DatabaseLogin.Find(ResponderDatabase.Role)!;

    /// <summary>Decides the responder of a stack.</summary>
    /// <param name="settings">The stack's validated settings.</param>
    /// <param name="releasedImages">The verified release manifest's images, or null without a release.</param>
    /// <param name="migrationsFingerprint">From <see cref="MigrationSet.Fingerprint"/> over db/responder.</param>
    /// <exception cref="InvalidOperationException">The image is refused in this environment (a tag outside dev).</exception>
    public static ResponderPlan For(StackSettings settings, IEnumerable<ImageReference>? releasedImages, string migrationsFingerprint)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(migrationsFingerprint);
        var image = ResponderImage.Admit(releasedImages, settings.Environment);

        // The aspnet image's unprivileged 'app' user (the Dockerfile's USER 1654); ASP.NET Core
        // writes nothing but temporary files.
        var security = new PodSecurity(1654, 1654, 1654, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["tmp"] = "/tmp" });
        var environment = new List<ResponderVariable>
        {
            new("ASPNETCORE_URLS", $"http://+:{ResponderEndpoint.Port.ToString(CultureInfo.InvariantCulture)}"),
            new("Responder__WebhookTokenFile", ResponderSecrets.FileOf(ResponderEndpoint.WebhookTokenSecretName)),
            new("Responder__ApiTokenFile", ResponderSecrets.FileOf(ResponderEndpoint.ApiTokenSecretName)),
            new("Responder__AlertmanagerUrl", AlertmanagerUrl),
        };
        var migration = new MigrationJobPlan(
            Image: image.ToString(),
            MeetsImagePolicy: true,
            Args: ["migrate", MigrationsPathInImage],
            ConnectionVariable: MigrationConnectionVariable,
            SecretName: "kora-responder-migrator",
            SecretKey: "connection",
            MigrationsFingerprint: migrationsFingerprint,
            BackoffLimit: 2,
            ActiveDeadlineSeconds: 300,
            Labels: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = "kora-responder-migrate",
                ["app.kubernetes.io/component"] = "db-migrations",
                ["app.kubernetes.io/part-of"] = "koraos",
                ["app.kubernetes.io/managed-by"] = "pulumi",
            });

        return new ResponderPlan(
            image,
            SingleReplica,
            new ResourceSizing("100m", "128Mi", "500m", "256Mi"),
            security,
            Liveness: new HttpProbe(LivenessPath, ResponderEndpoint.Port, 10, 3, 3),
            Readiness: new HttpProbe(ReadinessPath, ResponderEndpoint.Port, 10, 3, 3),
            environment,
            ResponderNetworkPolicies.For(PipelineRunnerPlan.For(settings.Environment)),

            // One pod may go for a drain: blocking node upgrades would cost more than the minute
            // it takes to reschedule, during which humans are still paged directly.
            new DisruptionBudgetPlan(ResponderEndpoint.Name, SelectorLabels, MaxUnavailable: 1),
            migration,
            KubernetesTarget.For(settings.Environment, null).NamespaceLabels);
    }

    /// <summary>db/responder, beside the tenant migrations (<see cref="MigrationSet.Locate"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">It is not there.</exception>
    public static string MigrationsBeside(string tenantMigrations)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantMigrations);
        var directory = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(tenantMigrations)) ?? tenantMigrations, "responder");
        return Directory.Exists(directory)
            ? directory
            : throw new DirectoryNotFoundException($"no db/responder beside '{tenantMigrations}'; the responder's migrations live next to db/migrations in the KoraInfra repository");
    }

    /// <summary>The value of <see cref="LoginAnnotation"/>: the slot and version of the rotation the pod logs in with.</summary>
    public static string LoginAnnotationValue(LoginRotation rotation)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        return $"{rotation.CurrentSlot}:{rotation.SecretVersion}";
    }

    /// <summary>
    /// The responder's connection: the <c>kora</c> database as the login slot that holds the
    /// vault's current password, TLS with full verification.
    /// </summary>
    public static string ConnectionString(string host, string slot, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = host,
            Port = N8nNetworkPolicies.PostgreSqlPort,
            Database = TenantDatabasePlan.KoraDatabase,
            Username = slot,
            Password = password,
            SslMode = SslMode.VerifyFull,
        }.ConnectionString;
}
