using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Monitoring;
using KoraInfra.Platform.Release.Manifest;
using KoraInfra.Platform.Response;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Workloads;
using Npgsql;
using static KoraInfra.Platform.Tests.Secrets.Stacks;

namespace KoraInfra.Platform.Tests.Response;

public sealed class ResponderPlanTests
{
    private const string Fingerprint = "0123abcd";

    private static readonly ImageReference Released = new(ResponderImage.Repository, "sha256:" + new string('e', 64));

    private static ResponderPlan Plan(string stack, IEnumerable<ImageReference>? images = null) =>
        ResponderPlan.For(Committed(stack), images ?? [Released], Fingerprint);

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Outside_dev_a_release_without_the_responders_digest_is_refused_naming_what_it_needs(string stack)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ResponderPlan.For(Committed(stack), [new ImageReference("ghcr.io/koraos/api", "sha256:" + new string('a', 64))], Fingerprint));

        Assert.Contains("'ghcr.io/koraos/kora-responder:main' is not pinned by digest", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"{stack} runs only images referenced as <repository>@sha256:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ghcr.io/koraos/kora-responder@sha256:<digest>", refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ResponderPlan.For(Committed(stack), null, Fingerprint));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Outside_dev_the_release_digest_runs(string stack)
    {
        var plan = Plan(stack);

        Assert.True(plan.Image.IsPinnedByDigest);
        Assert.Equal($"{ResponderImage.Repository}@{Released.Digest}", plan.Image.ToString());
        Assert.Equal(plan.Image.ToString(), plan.MigrationJob.Image);
    }

    [Fact]
    public void Dev_without_a_release_runs_the_branch_image()
    {
        var plan = ResponderPlan.For(Committed("dev"), null, Fingerprint);

        Assert.Equal(ResponderImage.BranchImage, plan.Image.ToString());
        Assert.False(plan.Image.IsPinnedByDigest);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void One_pod_replaced_by_recreate_so_two_escalation_loops_never_run(string stack)
    {
        var plan = Plan(stack);

        Assert.Equal(1, plan.Replicas);
        Assert.Equal("Recreate", ResponderPlan.DeploymentStrategy);
        Assert.Equal(1, plan.DisruptionBudget.MaxUnavailable);
        Assert.Equal(ResponderPlan.SelectorLabels, plan.DisruptionBudget.Selector);
    }

    [Fact]
    public void The_pod_is_restricted_non_root_with_a_read_only_root_and_only_tmp_writable()
    {
        var security = Plan("prod").Security;

        Assert.True(security.RunAsNonRoot);
        Assert.Equal(1654, security.RunAsUser);
        Assert.NotEqual(0, security.RunAsGroup);
        Assert.True(security.ReadOnlyRootFilesystem);
        Assert.False(security.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], security.DropCapabilities);
        Assert.Equal("RuntimeDefault", security.SeccompProfile);
        Assert.False(security.AutomountServiceAccountToken);
        Assert.Equal(["/tmp"], security.WritablePaths.Values);
        Assert.Equal("restricted", Plan("prod").NamespaceLabels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void Probes_use_the_responders_own_health_endpoints_and_requests_stay_under_limits()
    {
        var plan = Plan("prod");

        Assert.Equal(("/healthz", ResponderEndpoint.Port), (plan.Liveness.Path, plan.Liveness.Port));
        Assert.Equal(("/readyz", ResponderEndpoint.Port), (plan.Readiness.Path, plan.Readiness.Port));
        Assert.Equal(("100m", "128Mi", "500m", "256Mi"), (plan.Resources.CpuRequest, plan.Resources.MemoryRequest, plan.Resources.CpuLimit, plan.Resources.MemoryLimit));
    }

    [Fact]
    public void Its_configuration_names_the_mounted_token_files_and_alertmanager_and_holds_no_secret()
    {
        var variables = Plan("prod").Environment.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

        Assert.Equal("/run/secrets/kora-responder/responder-webhook-token", variables["Responder__WebhookTokenFile"]);
        Assert.Equal("/run/secrets/kora-responder/responder-api-token", variables["Responder__ApiTokenFile"]);
        Assert.Equal("http://kube-prometheus-stack-alertmanager.monitoring.svc.cluster.local:9093", variables["Responder__AlertmanagerUrl"]);
        Assert.Equal("http://+:8080", variables["ASPNETCORE_URLS"]);
        Assert.DoesNotContain(ResponderSecrets.ConnectionVariable, variables.Keys);
        Assert.Equal(ResponderSecrets.FileKeys.Select(ResponderSecrets.FileOf).Order(StringComparer.Ordinal), variables.Values.Where(v => v.StartsWith(ResponderSecrets.MountPath, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dev", false)]
    [InlineData("staging", true)]
    [InlineData("prod", true)]
    public void Ingress_admits_alertmanager_prometheus_and_in_private_environments_the_runners_only(string stack, bool runners)
    {
        var policies = Plan(stack).NetworkPolicies;

        var deny = Assert.Single(policies, p => p.Name == "kora-responder-default-deny");
        Assert.Equal((0, 0), (deny.Ingress!.Count, deny.Egress!.Count));
        var ingress = Assert.Single(policies, p => p.Name == "kora-responder-ingress");
        Assert.Null(ingress.Egress);
        Assert.All(ingress.Ingress!, r => Assert.Equal([new TrafficPort(8080)], r.Ports));
        var peers = ingress.Ingress!.SelectMany(r => r.Peers).ToList();
        Assert.All(peers, p => Assert.Null(p.Cidr));
        Assert.Contains(peers, p => p.NamespaceLabels!["kubernetes.io/metadata.name"] == "monitoring" && p.PodLabels!["app.kubernetes.io/name"] == "alertmanager");
        Assert.Contains(peers, p => p.NamespaceLabels!["kubernetes.io/metadata.name"] == "monitoring" && p.PodLabels!["app.kubernetes.io/name"] == "prometheus");
        Assert.Equal(runners, peers.Any(p => p.NamespaceLabels!["kubernetes.io/metadata.name"] == "arc-runners" && p.PodLabels is null));
        Assert.Equal(runners ? 3 : 2, peers.Count);
    }

    [Fact]
    public void Egress_reaches_only_dns_postgresql_and_alertmanagers_api()
    {
        var egress = Assert.Single(Plan("prod").NetworkPolicies, p => p.Name == "kora-responder-egress");

        Assert.Null(egress.Ingress);
        Assert.Equal(
            ["53/TCP", "53/UDP", "5432/TCP", "9093/TCP"],
            egress.Egress!.SelectMany(r => r.Ports).Select(p => $"{p.Port}/{p.Protocol}").Order(StringComparer.Ordinal));
        var alertmanager = Assert.Single(egress.Egress!, r => r.Ports.Any(p => p.Port == 9093));
        Assert.Equal("alertmanager", Assert.Single(alertmanager.Peers).PodLabels!["app.kubernetes.io/name"]);
        Assert.DoesNotContain(egress.Egress!.SelectMany(r => r.Peers), p => p.Cidr is not null);
    }

    [Fact]
    public void The_schema_job_applies_db_responder_with_the_images_migrate_command()
    {
        var job = Plan("prod").MigrationJob;

        Assert.Equal(["migrate", "/app/db/responder"], job.Args);
        Assert.Equal("KORA_RESPONDER_MIGRATION_CONNECTION", job.ConnectionVariable);
        Assert.Equal(Fingerprint, job.MigrationsFingerprint);
        Assert.NotEqual(KoraInfra.Platform.Database.TenantDatabasePlan.For(Committed("prod"), Fingerprint).MigrationJob.SecretName, job.SecretName);
        var root = Directory.CreateTempSubdirectory("kora-responder-plan-").FullName;
        try
        {
            var tenant = Directory.CreateDirectory(Path.Combine(root, "db", "migrations")).FullName;
            var missing = Assert.Throws<DirectoryNotFoundException>(() => ResponderPlan.MigrationsBeside(tenant));
            Assert.Contains("no db/responder beside", missing.Message, StringComparison.Ordinal);
            var responder = Directory.CreateDirectory(Path.Combine(root, "db", "responder")).FullName;
            Assert.Equal(responder, ResponderPlan.MigrationsBeside(tenant));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void The_login_rotates_on_slots_from_the_vaults_responder_db_password()
    {
        var login = ResponderPlan.Login;
        var settings = Committed("prod");
        var rotation = LoginRotationPlan.For(SecretsPlan.For(settings, TimeProvider.System), settings).Single(r => r.Login == login);

        Assert.Equal(("kora_responder", "responder-db-password"), (login.Group, login.Secret));
        Assert.Equal(["kora_responder_a", "kora_responder_b"], login.Slots);
        Assert.Equal($"{rotation.CurrentSlot}:{rotation.SecretVersion}", ResponderPlan.LoginAnnotationValue(rotation));

        var connection = new NpgsqlConnectionStringBuilder(ResponderPlan.ConnectionString("psql.example", rotation.CurrentSlot, "pw"));
        Assert.Equal(("psql.example", 5432, "kora", rotation.CurrentSlot, SslMode.VerifyFull), (connection.Host, connection.Port, connection.Database, connection.Username, connection.SslMode));
    }

    [Fact]
    public void The_three_vault_secrets_are_generated_rotated_and_read_only_by_who_needs_them()
    {
        var catalogue = SecretCatalogue.For(Committed("prod").AlertReceivers);

        var webhook = catalogue.Find(ResponderEndpoint.WebhookTokenSecretName)!;
        var api = catalogue.Find(ResponderEndpoint.ApiTokenSecretName)!;
        var password = catalogue.Find(ResponderEndpoint.DatabasePasswordSecretName)!;
        Assert.All([webhook, api, password], s => Assert.Equal(SecretProduction.GeneratedByPulumi, s.Production));
        Assert.All([webhook, api, password], s => Assert.True(s.Rotation.PeriodDays <= SecretCatalogue.MaximumRotationDays));
        Assert.Equal([Workload.PlatformRuntime, Workload.Responder], webhook.Readers);
        Assert.Equal([Workload.Responder], api.Readers);
        Assert.Equal([Workload.Responder], password.Readers);
        Assert.Equal(SecretCatalogue.BearerTokenContentType, webhook.ContentType);
        Assert.Equal(SecretCatalogue.PasswordContentType, password.ContentType);
        Assert.Contains(ResponderEndpoint.WebhookTokenSecretName, ReceiverSecrets.SecretNames(Committed("prod").AlertReceivers));
    }
}
