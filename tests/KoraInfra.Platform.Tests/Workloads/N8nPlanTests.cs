using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Workloads;

public sealed class N8nPlanTests
{
    public static TheoryData<string> Stacks => WorkloadStacks.All;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Main_has_exactly_one_replica_in_every_environment(string stack)
    {
        var main = WorkloadStacks.Plan(stack).N8n.Main;

        Assert.Equal(1, main.Replicas);
        Assert.Equal(["start"], main.Arguments);
    }

    [Theory]
    [InlineData("dev", 1, 5, 0)]
    [InlineData("staging", 2, 10, 2)]
    [InlineData("prod", 4, 10, 3)]
    public void Workers_and_webhook_processors_are_sized_per_environment(string stack, int workers, int concurrency, int webhooks)
    {
        var n8n = WorkloadStacks.Plan(stack).N8n;

        Assert.Equal(workers, n8n.Worker.Replicas);
        Assert.Equal(["worker", $"--concurrency={concurrency}"], n8n.Worker.Arguments);
        Assert.True(concurrency >= 5, "n8n advises at least 5 concurrent executions per worker");
        Assert.Equal(webhooks, n8n.Webhook?.Replicas ?? 0);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Requests_never_exceed_limits_and_grow_with_the_environment(string stack)
    {
        foreach (var process in WorkloadStacks.Plan(stack).N8n.Processes)
        {
            Assert.True(Quantity.Cpu(process.Resources.CpuRequest) <= Quantity.Cpu(process.Resources.CpuLimit), process.Name);
            Assert.True(Quantity.Memory(process.Resources.MemoryRequest) <= Quantity.Memory(process.Resources.MemoryLimit), process.Name);
        }

        var dev = WorkloadStacks.Plan("dev").N8n.Worker.Resources;
        var prod = WorkloadStacks.Plan("prod").N8n.Worker.Resources;
        Assert.True(Quantity.Memory(prod.MemoryLimit) > Quantity.Memory(dev.MemoryLimit));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_process_is_probed_on_n8n_health_endpoints_and_outlives_its_own_shutdown(string stack)
    {
        foreach (var process in WorkloadStacks.Plan(stack).N8n.Processes)
        {
            Assert.Equal("/healthz", process.Liveness.Path);
            Assert.Equal("/healthz/readiness", process.Readiness.Path);
            Assert.Equal("/healthz", process.Startup.Path);
            Assert.All(new[] { process.Liveness, process.Readiness, process.Startup }, p => Assert.Equal(N8nEnvironment.HttpPort, p.Port));
            var shutdown = int.Parse(WorkloadStacks.Variables(process)["N8N_GRACEFUL_SHUTDOWN_TIMEOUT"].Value!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(process.TerminationGracePeriodSeconds > shutdown, $"{process.Name} would be killed before n8n finishes its shutdown");
        }
    }

    [Theory]
    [InlineData("dev", new[] { "kubernetes.io/hostname" })]
    [InlineData("staging", new[] { "kubernetes.io/hostname" })]
    [InlineData("prod", new[] { "kubernetes.io/hostname", "topology.kubernetes.io/zone" })]
    public void Workers_and_webhook_processors_spread_over_nodes_and_over_zones_in_prod(string stack, string[] keys)
    {
        var n8n = WorkloadStacks.Plan(stack).N8n;

        Assert.Equal(keys, n8n.Worker.SpreadTopologyKeys);
        Assert.Equal(keys, n8n.Webhook?.SpreadTopologyKeys ?? keys);
        Assert.Empty(n8n.Main.SpreadTopologyKeys);
    }

    [Fact]
    public void Pods_meet_the_restricted_pod_security_standard_with_a_read_only_root()
    {
        var security = WorkloadStacks.Plan("prod").N8n.Security;

        Assert.Equal(1000, security.RunAsUser);
        Assert.True(security.RunAsNonRoot);
        Assert.False(security.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], security.DropCapabilities);
        Assert.Equal("RuntimeDefault", security.SeccompProfile);
        Assert.True(security.ReadOnlyRootFilesystem);
        Assert.Contains("/home/node/.n8n", security.WritablePaths.Values);
        Assert.Contains("/tmp", security.WritablePaths.Values);
        Assert.False(security.AutomountServiceAccountToken);
    }

    [Fact]
    public void With_webhook_processors_production_webhooks_are_routed_to_them_and_the_rest_to_main()
    {
        var n8n = WorkloadStacks.Plan("prod").N8n;

        Assert.Equal([new N8nRoute("/webhook/", "n8n-webhook"), new N8nRoute("/", "n8n-main")], n8n.Routing.Routes);
        Assert.Equal("n8n.koraos.example.com", n8n.Routing.Host);
        Assert.Equal(IngressController.AksApplicationRouting, n8n.Routing.Controller);
    }

    [Fact]
    public void Without_webhook_processors_main_takes_everything()
    {
        var n8n = WorkloadStacks.Plan("dev").N8n;

        Assert.Null(n8n.Webhook);
        Assert.Equal([new N8nRoute("/", "n8n-main")], n8n.Routing.Routes);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Workers_have_a_disruption_budget_and_main_has_none(string stack)
    {
        var n8n = WorkloadStacks.Plan(stack).N8n;

        var workers = Assert.Single(n8n.DisruptionBudgets, b => b.Name == "n8n-worker");
        Assert.Equal(n8n.Worker.SelectorLabels, workers.Selector);
        Assert.Equal(1, workers.MaxUnavailable);

        // A budget on a single replica would block every node drain.
        Assert.DoesNotContain(n8n.DisruptionBudgets, b => b.Selector.SequenceEqual(n8n.Main.SelectorLabels));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Staging_and_prod_images_are_pinned_by_digest(string stack)
    {
        var plan = WorkloadStacks.Plan(stack);

        var profile = WorkloadStacks.Settings(stack).Environment;
        Assert.All(plan.Images, image => Assert.Null(ImagePolicy.Violation(image, profile)));
        if (profile.RequiresImageDigests)
        {
            Assert.All(plan.Images, image => Assert.True(image.IsPinnedByDigest, $"{image} in {stack}"));
        }
    }

    [Fact]
    public void N8n_is_pointed_at_the_conventional_postgresql_host_until_the_database_capability_reports_its_own()
    {
        Assert.Equal("psql-kora-staging-brs.postgres.database.azure.com", WorkloadStacks.Plan("staging").ExpectedDatabaseHost);
    }

    [Fact]
    public void A_plan_refuses_a_tag_where_digests_are_required()
    {
        var settings = WorkloadStacks.Settings("prod");
        var tagged = settings with { Workloads = settings.Workloads with { N8nImage = ContainerImage.Parse("n8nio/n8n:2.19.5") } };

        var error = Assert.Throws<ArgumentException>(() => WorkloadsPlan.For(tagged, WorkloadStacks.Namespace));
        Assert.Contains("not pinned by digest", error.Message, StringComparison.Ordinal);
    }
}
