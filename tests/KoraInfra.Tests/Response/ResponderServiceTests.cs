using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Response;
using KoraInfra.TestCases;
using KoraInfra.Tests.Support;
using KoraInfra.Tests.Workloads;
using static KoraInfra.Tests.Workloads.Inputs;

namespace KoraInfra.Tests.Response;

public sealed class ResponderServiceTests
{
    private const string Component = "kora:response:ResponderService";
    private const string DeploymentType = "kubernetes:apps/v1:Deployment";
    private const string SecretType = "kubernetes:core/v1:Secret";

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    public static TheoryData<string> PromotedStacks => new() { "staging", "prod" };

    private static RecordedResource Of(StackRun run, string type, string name) =>
        Assert.Single(run.Under(Component, type), r => r.MetadataName() == name);

    private static RecordedResource Deployment(StackRun run) => Of(run, DeploymentType, ResponderEndpoint.Name);

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_object_is_in_the_responders_namespace_through_the_explicit_provider(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var objects = run.Under(Component).ToList();
        Assert.Equal(
            ["kubernetes:apps/v1:Deployment", "kubernetes:core/v1:Namespace", "kubernetes:core/v1:Secret", "kubernetes:core/v1:Service", "kubernetes:core/v1:ServiceAccount", "kubernetes:networking.k8s.io/v1:NetworkPolicy", "kubernetes:policy/v1:PodDisruptionBudget"],
            objects.Select(o => o.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.All(objects, o => Assert.NotNull(o.Provider));
        var ns = Of(run, "kubernetes:core/v1:Namespace", ResponderEndpoint.Namespace);
        Assert.Equal("restricted", Object(ns.At("metadata", "labels"))["pod-security.kubernetes.io/enforce"]);
        Assert.All(objects.Where(o => o.Type != "kubernetes:core/v1:Namespace"), o => Assert.Equal(ResponderEndpoint.Namespace, o.At("metadata", "namespace")));
        var account = Of(run, "kubernetes:core/v1:ServiceAccount", ResponderEndpoint.Name);
        Assert.Equal(false, account.Inputs["automountServiceAccountToken"]);
        Assert.Equal(ResponderEndpoint.Name, Deployment(run).At("spec", "template", "spec", "serviceAccountName"));
    }

    [Theory]
    [MemberData(nameof(PromotedStacks))]
    public async Task Staging_and_prod_run_the_releases_digest(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var expected = ReleaseFixtures.Responder.ToString();
        Assert.Equal(expected, Assert.Single(Deployment(run).Containers())["image"]);
        var migrate = Assert.Single(run.OfType("kubernetes:batch/v1:Job"), j => j.Name == "kora-responder-migrate");
        Assert.Equal(expected, Assert.Single(migrate.Containers())["image"]);
        Assert.Equal(["migrate", ResponderPlan.MigrationsPathInImage], Texts(Assert.Single(migrate.Containers())["args"]));
    }

    [Fact]
    public async Task Dev_runs_the_branch_image()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.Equal(ResponderImage.BranchImage, Assert.Single(Deployment(run).Containers())["image"]);
    }

    [Theory]
    [MemberData(nameof(PromotedStacks))]
    public async Task A_release_without_the_responders_digest_is_refused_before_anything_is_declared(string stack)
    {
        using var key = ReleaseFixtures.NewKey();
        var manifest = TestRelease.ManifestFor(stack, key);
        var release = TestRelease.Signed(manifest with { Images = [.. manifest.Images.Where(i => i.Name != ResponderImage.Repository)] }, key, key);

        var (error, _, recorded) = await StackRun.TryRunAsync(stack, release);

        Assert.NotNull(error);
        var message = error is AggregateException all ? string.Join("\n", all.Flatten().InnerExceptions.Select(e => e.Message)) : error.Message;
        Assert.Contains("'ghcr.io/koraos/kora-responder:main' is not pinned by digest", message, StringComparison.Ordinal);
        Assert.Contains("ghcr.io/koraos/kora-responder@sha256:<digest>", message, StringComparison.Ordinal);
        Assert.Empty(recorded);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task One_restricted_pod_probed_on_its_health_endpoints_with_requests_and_limits(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var deployment = Deployment(run);
        Assert.Equal(1d, deployment.At("spec", "replicas"));
        Assert.Equal("Recreate", deployment.At("spec", "strategy", "type"));
        var pod = Object(deployment.At("spec", "template", "spec"));
        Assert.Equal(false, pod["automountServiceAccountToken"]);
        Assert.Equal(true, Object(pod["securityContext"])["runAsNonRoot"]);
        var container = Assert.Single(deployment.Containers());
        var security = Object(container["securityContext"]);
        Assert.Equal((true, false, true, 1654d), ((bool)security["runAsNonRoot"]!, (bool)security["allowPrivilegeEscalation"]!, (bool)security["readOnlyRootFilesystem"]!, (double)security["runAsUser"]!));
        Assert.Equal(["ALL"], Texts(Object(security["capabilities"])["drop"]));
        Assert.Equal("RuntimeDefault", Object(security["seccompProfile"])["type"]);
        Assert.Equal(("/healthz", 8080d), ((string)Object(Object(container["livenessProbe"])["httpGet"])["path"]!, (double)Object(Object(container["livenessProbe"])["httpGet"])["port"]!));
        Assert.Equal("/readyz", Object(Object(container["readinessProbe"])["httpGet"])["path"]);
        var resources = Object(container["resources"]);
        Assert.Equal(["cpu", "memory"], Object(resources["requests"]).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["cpu", "memory"], Object(resources["limits"]).Keys.Order(StringComparer.Ordinal));

        // The pack's rules (KORA-* container, image, secret-literal rules) pass for every responder object.
        var evaluation = PolicyEngine.Evaluate(run.Snapshot(), DateTimeOffset.UtcNow);
        Assert.Empty(evaluation.Violations.Where(v => v.ResourceUrn?.Contains(Component, StringComparison.Ordinal) == true).Select(v => $"{v.RuleId} {v.ResourceUrn}: {v.Message}"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_disruption_budget_covers_the_deployments_pod(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var budget = Of(run, "kubernetes:policy/v1:PodDisruptionBudget", ResponderEndpoint.Name);
        Assert.Equal(1d, budget.At("spec", "maxUnavailable"));
        Assert.Equal(Object(Deployment(run).At("spec", "selector", "matchLabels")), Object(budget.At("spec", "selector", "matchLabels")));
    }

    [Theory]
    [InlineData("dev", new[] { "monitoring/alertmanager", "monitoring/prometheus" })]
    [InlineData("staging", new[] { "arc-runners/*", "monitoring/alertmanager", "monitoring/prometheus" })]
    [InlineData("prod", new[] { "arc-runners/*", "monitoring/alertmanager", "monitoring/prometheus" })]
    public async Task Ingress_only_from_alertmanager_prometheus_and_the_operators_path_egress_only_to_dns_postgres_and_alertmanager(string stack, string[] sources)
    {
        var run = await StackRun.RunAsync(stack);

        var ingress = Of(run, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "kora-responder-ingress");
        var peers = Objects(ingress.At("spec", "ingress")).SelectMany(r => Objects(r["from"])).Select(p =>
            $"{Object(Object(p["namespaceSelector"])["matchLabels"])["kubernetes.io/metadata.name"]}/{(p.TryGetValue("podSelector", out var pods) ? Object(Object(pods)["matchLabels"])["app.kubernetes.io/name"] : "*")}");
        Assert.Equal(sources, peers.Order(StringComparer.Ordinal));
        var deny = Of(run, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "kora-responder-default-deny");
        Assert.Equal(["Ingress", "Egress"], Texts(deny.At("spec", "policyTypes")));
        var egress = Of(run, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "kora-responder-egress");
        var ports = Objects(egress.At("spec", "egress")).SelectMany(r => Objects(r["ports"])).Select(p => $"{p["port"]}/{p["protocol"]}");
        Assert.Equal(["53/TCP", "53/UDP", "5432/TCP", "9093/TCP"], ports.Order(StringComparer.Ordinal));
        Assert.All(
            [deny, ingress, egress],
            p => Assert.Equal(Object(Deployment(run).At("spec", "selector", "matchLabels")), Object(p.At("spec", "podSelector", "matchLabels"))));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_vaults_tokens_and_the_login_reach_the_pod_only_as_a_secret(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var credentials = Of(run, SecretType, ResponderSecrets.SecretName);
        var planned = run.Planned.Single(p => p.Recorded == credentials);
        var data = planned.Inputs.Where(i => i.Path.StartsWith("stringData.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["stringData.connection", "stringData.responder-api-token", "stringData.responder-webhook-token"], data.Select(i => i.Path).Order(StringComparer.Ordinal));
        Assert.All(data, i => Assert.True(i.IsSecret, $"{i.Path} is not marked secret"));
        Assert.Equal(run.GeneratedValues["value-responder-webhook-token"], Object(credentials.Inputs["stringData"])[ResponderEndpoint.WebhookTokenSecretName]);

        var container = Assert.Single(Deployment(run).Containers());
        var env = Objects(container["env"]).ToDictionary(e => (string)e["name"]!, StringComparer.Ordinal);
        Assert.Equal(ResponderSecrets.SecretName, Object(Object(env[ResponderSecrets.ConnectionVariable]["valueFrom"])["secretKeyRef"])["name"]);
        Assert.False(env[ResponderSecrets.ConnectionVariable].ContainsKey("value"));
        Assert.All(env.Values.Where(e => e.ContainsKey("value")), e => Assert.DoesNotContain(e["value"], run.GeneratedValues.Values));
        Assert.Equal(ResponderSecrets.FileOf(ResponderEndpoint.WebhookTokenSecretName), env["Responder__WebhookTokenFile"]["value"]);

        // Only the tokens become files; the connection string stays out of the filesystem.
        var volume = Assert.Single(Objects(Deployment(run).At("spec", "template", "spec", "volumes")), v => (string)v["name"]! == ResponderSecrets.SecretName);
        Assert.Equal(ResponderSecrets.FileKeys.Order(StringComparer.Ordinal), Objects(Object(volume["secret"])["items"]).Select(i => (string)i["key"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_pod_logs_in_on_the_slot_and_version_the_rotation_job_sets(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var rotation = Assert.Single(run.OfType("kubernetes:batch/v1:Job"), j => j.Name == "login-rotation");
        var argument = Assert.Single(Texts(Assert.Single(rotation.Containers())["args"]), a => a.StartsWith("kora_responder:", StringComparison.Ordinal));
        var slotAndVersion = argument["kora_responder:".Length..];
        Assert.Equal(slotAndVersion, Object(Deployment(run).At("spec", "template", "metadata", "annotations"))[ResponderPlan.LoginAnnotation]);
        Assert.StartsWith("kora_responder_", slotAndVersion, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Alertmanagers_receiver_reaches_the_service_with_the_vault_mounted_token(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var service = Of(run, "kubernetes:core/v1:Service", ResponderEndpoint.Name);
        var port = Assert.Single(Objects(service.At("spec", "ports")));
        Assert.Equal((8080d, "http"), ((double)port["port"]!, (string)port["targetPort"]!));
        Assert.StartsWith($"http://{service.MetadataName()}.{service.At("metadata", "namespace")}.svc.cluster.local:8080/", ResponderEndpoint.WebhookUrl, StringComparison.Ordinal);

        var values = Object(run.Named("kubernetes:helm.sh/v3:Release", "kube-prometheus-stack").Inputs["values"]);
        var receivers = Objects(Object(Object(values["alertmanager"])["config"])["receivers"]);
        var webhook = Assert.Single(Objects(receivers.Single(r => (string)r["name"]! == ResponderEndpoint.ReceiverName)["webhook_configs"]));
        Assert.Equal(ResponderEndpoint.WebhookUrl, webhook["url"]);
        Assert.Equal(ReceiverSecrets.FileFor(ResponderEndpoint.WebhookTokenSecretName), Object(Object(webhook["http_config"])["authorization"])["credentials_file"]);

        var providerClass = run.Named("kubernetes:secrets-store.csi.x-k8s.io/v1:SecretProviderClass", ReceiverSecrets.ProviderClassName);
        Assert.Contains($"objectName: {ResponderEndpoint.WebhookTokenSecretName}\n", (string)Object(Object(providerClass.Inputs["spec"])["parameters"])["objects"]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Prometheus_scrapes_the_responders_service(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var service = Of(run, "kubernetes:core/v1:Service", ResponderEndpoint.Name);
        var monitor = Assert.Single(run.Under("kora:monitoring:MonitoringStack", "kubernetes:monitoring.coreos.com/v1:ServiceMonitor"), m => m.MetadataName() == "kora-responder");
        var spec = Object(monitor.Inputs["spec"]);
        Assert.Equal([(string)service.At("metadata", "namespace")!], Texts(Object(spec["namespaceSelector"])["matchNames"]));
        var serviceLabels = Object(service.At("metadata", "labels"));
        Assert.All(Object(Object(spec["selector"])["matchLabels"]), l => Assert.Equal(l.Value, serviceLabels[l.Key]));
        Assert.Equal(Assert.Single(Objects(service.At("spec", "ports")))["name"], Assert.Single(Objects(spec["endpoints"]))["port"]);
    }
}
