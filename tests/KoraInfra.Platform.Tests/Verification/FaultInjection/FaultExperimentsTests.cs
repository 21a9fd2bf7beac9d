using KoraInfra.Platform.Settings;
using KoraInfra.Platform.Verification.FaultInjection;
using KoraInfra.Platform.Workloads;
using KoraInfra.TestCases;
using YamlDotNet.Serialization;

namespace KoraInfra.Platform.Tests.Verification.FaultInjection;

/// <summary>Each experiment renders the resource (or request) it needs, from the stack's own names; refusals name why.</summary>
public sealed class FaultExperimentsTests
{
    private static readonly FaultExperimentOptions Five = new(TimeSpan.FromMinutes(5), "20260228T141500");

    [Fact]
    public void The_worker_pod_kill_is_a_podchaos_on_the_n8n_workers_of_the_workload_namespace()
    {
        var settings = Settings("staging");

        var document = Parse(Decide(settings, FaultExperimentKind.N8nWorkerPodKill).Chaos!.ToYaml());

        Assert.Equal("chaos-mesh.org/v1alpha1", document["apiVersion"]);
        Assert.Equal("PodChaos", document["kind"]);
        var metadata = Map(document["metadata"]);
        Assert.Equal("kora-n8n-worker-pod-kill-20260228t141500", metadata["name"]);
        Assert.Equal("kora", metadata["namespace"]);
        Assert.Equal("n8n-worker-pod-kill", Map(metadata["labels"])["kora.io/experiment"]);
        var spec = Map(document["spec"]);
        Assert.Equal("pod-kill", spec["action"]);
        Assert.Equal("one", spec["mode"]);
        Assert.Equal("0", spec["gracePeriod"]);
        var selector = Map(spec["selector"]);
        Assert.Equal(["kora"], List(selector["namespaces"]));
        var worker = WorkloadsPlan.For(settings, "kora").N8n.Worker;
        Assert.Equal(worker.SelectorLabels.OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"), Map(selector["labelSelectors"]).Select(l => $"{l.Key}={l.Value}"));
        Assert.Equal("worker", Map(selector["labelSelectors"])["app.kubernetes.io/component"]);
    }

    [Fact]
    public void The_redis_partition_cuts_every_koraos_pod_off_from_the_stacks_cache_for_the_duration()
    {
        var settings = Settings("staging");

        var document = Parse(FaultExperiments.Decide(settings, FaultExperimentKind.RedisPartition, Five with { Duration = TimeSpan.FromMinutes(7) }).Experiment!.Chaos!.ToYaml());

        Assert.Equal("NetworkChaos", document["kind"]);
        var spec = Map(document["spec"]);
        Assert.Equal("partition", spec["action"]);
        Assert.Equal("all", spec["mode"]);
        Assert.Equal("to", spec["direction"]);
        Assert.Equal("7m", spec["duration"]);
        var cache = WorkloadsPlan.For(settings, "kora").Redis.Azure!.Name;
        Assert.Equal([cache + ".redis.cache.windows.net"], List(spec["externalTargets"]));
        Assert.Equal("koraos", Map(Map(spec["selector"])["labelSelectors"])["app.kubernetes.io/part-of"]);
    }

    [Fact]
    public void The_postgres_failover_is_refused_where_the_server_has_no_ha_standby()
    {
        var decision = FaultExperiments.Decide(Settings("staging"), FaultExperimentKind.PostgresFailover, Five with { SubscriptionId = Guid.NewGuid().ToString() });

        Assert.Null(decision.Experiment);
        Assert.Contains("needs a zone-redundant HA standby", decision.Refusal, StringComparison.Ordinal);
        Assert.Contains("high availability Disabled because the staging profile is not zone-redundant", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_ha_exists_the_failover_is_the_forced_failover_request_of_the_stacks_server()
    {
        var settings = Settings("prod");
        var subscription = Guid.NewGuid().ToString();

        var failover = FaultExperiments.Decide(settings, FaultExperimentKind.PostgresFailover, Five with { SubscriptionId = subscription }).Experiment!.Failover!;

        var server = settings.Names.Name(Platform.Naming.ResourceKind.PostgreSqlServer);
        var group = settings.Names.Name(Platform.Naming.ResourceKind.ResourceGroup);
        Assert.Equal($"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{server}/restart?api-version=2024-08-01", failover.ArmPath);
        Assert.Equal("{\"restartWithFailover\":true,\"failoverMode\":\"ForcedFailover\"}", PostgresFailoverRequest.ArmBody.ToJsonString());
        Assert.Equal(["postgres", "flexible-server", "restart", "--subscription", subscription, "--resource-group", group, "--name", server, "--failover", "Forced"], failover.AzCliArguments);
    }

    [Fact]
    public void Staging_runs_the_pod_kill_and_the_redis_partition_and_failover_only_where_ha_exists()
    {
        Assert.Equal([FaultExperimentKind.N8nWorkerPodKill, FaultExperimentKind.RedisPartition], FaultExperiments.RunnableIn(Settings("staging")));
        Assert.Contains("needs a zone-redundant HA standby", FaultExperiments.StackRefusal(Settings("staging"), FaultExperimentKind.PostgresFailover), StringComparison.Ordinal);

        // Prod's server is zone-redundant: the stack allows the failover (a run still needs the subscription).
        Assert.Contains(FaultExperimentKind.PostgresFailover, FaultExperiments.RunnableIn(Settings("prod")));
    }

    [Fact]
    public void The_failover_needs_the_subscription_id()
    {
        var decision = FaultExperiments.Decide(Settings("prod"), FaultExperimentKind.PostgresFailover, Five);

        Assert.Contains("needs the subscription id", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(16)]
    public void A_duration_outside_one_to_fifteen_minutes_is_refused(double minutes)
    {
        var decision = FaultExperiments.Decide(Settings("staging"), FaultExperimentKind.RedisPartition, Five with { Duration = TimeSpan.FromMinutes(minutes) });

        Assert.Null(decision.Experiment);
        Assert.Contains("expected 1 to 15 min (a fault lasts at most the P0 initial containment, contencao inicial <= 15 min)", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Outside_staging_fault_injection_is_refused(string stack)
    {
        Assert.Contains("fault injection runs in staging only", FaultExperiments.OutsideStaging(stack), StringComparison.Ordinal);
        Assert.Null(FaultExperiments.OutsideStaging("staging"));
    }

    [Fact]
    public void Experiments_go_by_their_command_line_names()
    {
        Assert.Equal(["n8n-worker-pod-kill", "redis-partition", "postgres-failover"], FaultExperimentNames.ByName.Keys);
    }

    internal static StackSettings Settings(string stack) =>
        StackFiles.Validate(Path.Combine(RepositoryRoot.Path, StackFiles.FileName(stack))).Settings ?? throw new InvalidOperationException($"the committed {stack} stack file is invalid");

    private static FaultExperiment Decide(StackSettings settings, FaultExperimentKind kind) =>
        FaultExperiments.Decide(settings, kind, Five).Experiment ?? throw new InvalidOperationException("refused");

    private static Dictionary<object, object> Parse(string yaml) => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(yaml);

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    private static List<object> List(object node) => Assert.IsType<List<object>>(node);
}
