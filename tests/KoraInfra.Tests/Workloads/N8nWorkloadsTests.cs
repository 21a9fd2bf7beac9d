using System.Text.RegularExpressions;
using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Workloads;
using KoraInfra.Tests.Support;

namespace KoraInfra.Tests.Workloads;

public sealed partial class N8nWorkloadsTests
{
    private const string DeploymentType = "kubernetes:apps/v1:Deployment";

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    public static TheoryData<string> PromotedStacks => new() { "staging", "prod" };

    private static RecordedResource Deployment(StackRun run, string name) => Assert.Single(run.OfType(DeploymentType), d => d.MetadataName() == name);

    private static Dictionary<string, EnvEntry> Env(RecordedResource deployment) =>
        Inputs.Objects(Assert.Single(deployment.Containers())["env"]).ToDictionary(e => (string)e["name"]!, e => new EnvEntry(e), StringComparer.Ordinal);

    [Fact]
    public async Task A_rotation_of_a_credential_n8n_reads_rolls_every_n8n_deployment()
    {
        var requested = DateTimeOffset.UtcNow.AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await StackRun.RunAsync("staging");
        var emergency = await StackRun.RunAsync("staging", config => config.With(
            "kora-infra:emergencyRotations",
            $"[{{\"name\":\"redis-access-key\",\"requestedAt\":\"{requested}\"}}]"));

        static string? Versions(StackRun run, string name) => Deployment(run, name).At("spec", "template", "metadata", "annotations", N8nCredentialVersions.Annotation) as string;
        foreach (var name in new[] { "n8n-main", "n8n-worker", "n8n-webhook" })
        {
            Assert.Matches("^postgres-n8n-password=.+ redis-access-key=.+;key=(primary|secondary) n8n-encryption-key=.+$", Versions(scheduled, name));
            Assert.NotEqual(Versions(scheduled, name), Versions(emergency, name));
        }
    }

    [Theory]
    [MemberData(nameof(PromotedStacks))]
    public async Task Every_container_in_staging_and_prod_is_pinned_by_digest(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var containers = run.Recorded
            .Where(r => r.Type is DeploymentType or "kubernetes:apps/v1:StatefulSet" or "kubernetes:apps/v1:DaemonSet" or "kubernetes:batch/v1:Job" or "kubernetes:batch/v1:CronJob")
            .SelectMany(r => r.Containers().Select(c => (Owner: r.Name, Image: c["image"] as string)))
            .ToList();
        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.True(c.Image is not null && PinnedByDigest().IsMatch(c.Image), $"{c.Owner} runs '{c.Image}', not an image pinned by digest"));
    }

    [Theory]
    [InlineData("dev", 1d, 0d)]
    [InlineData("staging", 2d, 2d)]
    [InlineData("prod", 4d, 3d)]
    public async Task One_main_workers_and_webhook_processors_per_environment(string stack, double workers, double webhooks)
    {
        var run = await StackRun.RunAsync(stack);

        Assert.Equal(1d, Deployment(run, "n8n-main").At("spec", "replicas"));
        Assert.Equal(workers, Deployment(run, "n8n-worker").At("spec", "replicas"));
        var webhook = run.OfType(DeploymentType).SingleOrDefault(d => d.MetadataName() == "n8n-webhook");
        Assert.Equal(webhooks, webhook?.At("spec", "replicas") ?? 0d);
    }

    [Fact]
    public async Task The_in_cluster_redis_of_a_developers_cluster_is_locked_down_too()
    {
        AssertRestricted(await StackRuns.DevOnExistingClusterAsync());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_n8n_container_is_locked_down_and_probed_on_the_health_endpoints(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        AssertRestricted(run);
        foreach (var name in new[] { "n8n-main", "n8n-worker" })
        {
            var container = Assert.Single(Deployment(run, name).Containers());
            Assert.Equal(1000d, Inputs.Object(container["securityContext"])["runAsUser"]);
            Assert.Equal("/healthz", Inputs.Object(Inputs.Object(container["livenessProbe"])["httpGet"])["path"]);
            Assert.Equal("/healthz/readiness", Inputs.Object(Inputs.Object(container["readinessProbe"])["httpGet"])["path"]);
        }
    }

    // The restricted Pod Security Standard the workload namespace enforces, plus a read-only root and limits.
    private static void AssertRestricted(StackRun run)
    {
        var deployments = run.OfType(DeploymentType).ToList();
        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            var pod = Inputs.Object(deployment.At("spec", "template", "spec"));
            Assert.True(pod["automountServiceAccountToken"] is false);
            Assert.Equal("RuntimeDefault", Inputs.Object(Inputs.Object(pod["securityContext"])["seccompProfile"])["type"]);
            foreach (var container in deployment.Containers())
            {
                var security = Inputs.Object(container["securityContext"]);
                Assert.True(security["runAsNonRoot"] is true);
                Assert.True(security["allowPrivilegeEscalation"] is false);
                Assert.True(security["readOnlyRootFilesystem"] is true);
                Assert.Equal(["ALL"], Inputs.Texts(Inputs.Object(security["capabilities"])["drop"]));
                Assert.Equal("RuntimeDefault", Inputs.Object(security["seccompProfile"])["type"]);
                Assert.NotNull(Inputs.Object(container["resources"]).GetValueOrDefault("limits"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_environment_is_platforms_with_credentials_only_as_files(string stack)
    {
        var run = await StackRun.RunAsync(stack);
        var secret = Assert.Single(run.OfType("kubernetes:core/v1:Secret"), s => s.MetadataName() == N8nSecrets.SecretName);
        var secretValues = Inputs.Object(secret.Inputs["stringData"]);
        Assert.Equal(N8nSecrets.Keys.Order(StringComparer.Ordinal), secretValues.Keys.Order(StringComparer.Ordinal));

        foreach (var name in new[] { "n8n-main", "n8n-worker" })
        {
            var env = Env(Deployment(run, name));
            Assert.All(env.Keys, n => Assert.True(N8nDocumentedVariables.IsDocumented(n), $"{name}: {n}"));
            Assert.All(env.Values, v => Assert.Null(v.Entry.GetValueOrDefault("valueFrom")));
            Assert.All(env.Values, v => Assert.DoesNotContain(v.Value, secretValues.Values));
            Assert.Equal("queue", env["EXECUTIONS_MODE"].Value);
            Assert.Equal($"psql-kora-{stack}-brs.postgres.database.azure.com", env["DB_POSTGRESDB_HOST"].Value);
            Assert.Equal($"redis-kora-{stack}-brs.redis.cache.windows.net", env["QUEUE_BULL_REDIS_HOST"].Value);
            Assert.Equal("true", env["QUEUE_BULL_REDIS_TLS"].Value);
            Assert.Equal(N8nSecrets.FileOf(N8nSecrets.EncryptionKeyKey), env["N8N_ENCRYPTION_KEY_FILE"].Value);
        }

        Assert.Equal("true", Env(Deployment(run, "n8n-worker"))["QUEUE_HEALTH_CHECK_ACTIVE"].Value);
    }

    [Fact]
    public async Task Prod_routes_production_webhooks_to_the_processors_and_protects_workers_from_drains()
    {
        var run = await StackRun.RunAsync("prod");

        var ingress = run.Named("kubernetes:networking.k8s.io/v1:Ingress", "n8n-ingress");
        Assert.Equal("webapprouting.kubernetes.azure.com", ingress.At("spec", "ingressClassName"));
        var rule = Assert.Single(Inputs.Objects(ingress.At("spec", "rules")));
        Assert.Equal("n8n.koraos.example.com", rule["host"]);
        var paths = Inputs.Objects(Inputs.Object(rule["http"])["paths"]);
        Assert.Equal(["/webhook/", "/"], paths.Select(p => (string)p["path"]!));
        Assert.Equal(
            ["n8n-webhook", "n8n-main"],
            paths.Select(p => (string)Inputs.Object(Inputs.Object(p["backend"])["service"])["name"]!));

        var budget = Assert.Single(run.OfType("kubernetes:policy/v1:PodDisruptionBudget"), b => b.MetadataName() == "n8n-worker");
        Assert.Equal(1d, budget.At("spec", "maxUnavailable"));

        var spread = Inputs.Objects(Deployment(run, "n8n-worker").At("spec", "template", "spec", "topologySpreadConstraints"));
        Assert.Equal(["kubernetes.io/hostname", "topology.kubernetes.io/zone"], spread.Select(c => (string)c["topologyKey"]!));
        Assert.All(spread, c => Assert.Equal("ScheduleAnyway", c["whenUnsatisfiable"]));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task N8n_starts_denied_and_admits_only_what_the_plan_lists(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var policies = run.OfType("kubernetes:networking.k8s.io/v1:NetworkPolicy").ToDictionary(p => p.MetadataName(), StringComparer.Ordinal);
        var deny = policies["n8n-default-deny"];
        Assert.Equal(["Ingress", "Egress"], Inputs.Texts(deny.At("spec", "policyTypes")));
        Assert.Empty(Inputs.Objects(deny.At("spec", "ingress")));
        Assert.Empty(Inputs.Objects(deny.At("spec", "egress")));

        var worker = policies["n8n-worker"];
        var from = Assert.Single(Inputs.Objects(Assert.Single(Inputs.Objects(worker.At("spec", "ingress")))["from"]));
        Assert.Equal("monitoring", Inputs.Object(Inputs.Object(from["namespaceSelector"])["matchLabels"])["kubernetes.io/metadata.name"]);

        var egressPorts = Inputs.Objects(policies["n8n-egress"].At("spec", "egress")).SelectMany(r => Inputs.Objects(r["ports"])).Select(p => p["port"]).ToList();
        Assert.Equal([53d, 53d, 5432d, 6380d, 443d], egressPorts);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_policy_pack_finds_nothing_to_object_to_in_the_workloads(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var evaluation = PolicyEngine.Evaluate(run.Snapshot(), DateTimeOffset.UtcNow);
        var ours = evaluation.Violations.Where(v => v.ResourceUrn?.Contains("kora:workloads:", StringComparison.Ordinal) == true && v.Level == EnforcementLevel.Mandatory).ToList();
        Assert.True(ours.Count == 0, string.Join(Environment.NewLine, ours.Select(v => $"{v.RuleId} {v.ResourceUrn}: {v.Message}")));
    }

    [GeneratedRegex("^[a-z0-9./:_-]+@sha256:[a-f0-9]{64}$")]
    private static partial Regex PinnedByDigest();

    /// <summary>One recorded env entry: its literal value, if any.</summary>
    private sealed record EnvEntry(System.Collections.Immutable.ImmutableDictionary<string, object?> Entry)
    {
        public string? Value => Entry.GetValueOrDefault("value") as string;
    }
}
