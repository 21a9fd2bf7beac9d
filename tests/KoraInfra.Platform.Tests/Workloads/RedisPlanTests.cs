using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Workloads;

namespace KoraInfra.Platform.Tests.Workloads;

public sealed class RedisPlanTests
{
    public static TheoryData<string> Stacks => WorkloadStacks.All;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_azure_cache_is_tls_only_with_tls_1_2_entra_and_no_eviction_of_queued_jobs(string stack)
    {
        var plan = WorkloadStacks.Plan(stack).Redis;

        Assert.Equal(RedisHosting.AzureCache, plan.Hosting);
        var azure = plan.Azure!;
        Assert.False(azure.EnableNonSslPort);
        Assert.Equal("1.2", azure.MinimumTlsVersion);
        Assert.True(azure.EntraAuthentication);
        Assert.Equal("noeviction", azure.MaxMemoryPolicy);

        // n8n's queue client authenticates with the key: disabling keys would stop n8n.
        Assert.False(azure.DisableAccessKeyAuthentication);
        Assert.Equal(new RedisEndpoint(null, 6380, Tls: true), plan.Endpoint);
        Assert.Null(ResourceNamer.Violation(ResourceKind.RedisCache, azure.Name));
        Assert.Equal($"redis-kora-{stack}-brs", azure.Name);
    }

    [Theory]
    [InlineData("dev", RedisSkuName.Basic, RedisSkuFamily.C, 0, true)]
    [InlineData("staging", RedisSkuName.Standard, RedisSkuFamily.C, 1, false)]
    [InlineData("prod", RedisSkuName.Premium, RedisSkuFamily.P, 1, false)]
    public void The_size_and_exposure_follow_the_environment(string stack, RedisSkuName name, RedisSkuFamily family, int capacity, bool publicAccess)
    {
        var azure = WorkloadStacks.Plan(stack).Redis.Azure!;

        Assert.Equal(new RedisSku(name, family, capacity), azure.Sku);
        Assert.Equal(publicAccess, azure.PublicNetworkAccess);
    }

    [Fact]
    public void Prod_spreads_a_primary_and_two_replicas_over_three_zones_and_snapshots_hourly()
    {
        var azure = WorkloadStacks.Plan("prod").Redis.Azure!;

        Assert.Equal(["1", "2", "3"], azure.Zones);
        Assert.Equal(2, azure.ReplicasPerPrimary);
        var persistence = Assert.IsType<RdbPersistencePlan>(azure.Persistence);
        Assert.Equal(60, persistence.FrequencyMinutes);
        Assert.Equal("ManagedIdentity", persistence.AuthMethod);
        Assert.Null(ResourceNamer.Violation(ResourceKind.StorageAccount, persistence.StorageAccountName));
        Assert.Equal("id-kora-prod-brs-redis", persistence.IdentityName);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public void Below_prod_there_are_no_zones_and_no_persistence(string stack)
    {
        var azure = WorkloadStacks.Plan(stack).Redis.Azure!;

        Assert.Empty(azure.Zones);
        Assert.Null(azure.ReplicasPerPrimary);
        Assert.Null(azure.Persistence);
    }

    [Fact]
    public void Family_always_matches_the_tier()
    {
        foreach (var tier in Enum.GetValues<KoraInfra.Platform.Environments.SizingTier>())
        {
            var sku = RedisPlan.SkuFor(tier);
            Assert.Equal(sku.Name == RedisSkuName.Premium ? RedisSkuFamily.P : RedisSkuFamily.C, sku.Family);
            Assert.True(RedisPlan.SupportsEntraAuthentication(sku.Name));
        }
    }

    [Fact]
    public void Dev_on_an_existing_cluster_runs_a_password_protected_redis_in_the_cluster_instead()
    {
        var plan = RedisPlan.For(WorkloadStacks.DevOnExistingCluster(), WorkloadStacks.Namespace);

        Assert.Equal(RedisHosting.InCluster, plan.Hosting);
        Assert.Null(plan.Azure);
        var local = plan.InCluster!;
        Assert.Equal(new RedisEndpoint("n8n-redis.kora.svc.cluster.local", 6379, Tls: false), plan.Endpoint);
        Assert.Contains("--requirepass", local.Arguments);
        Assert.Equal("$(REDIS_PASSWORD)", local.Arguments[local.Arguments.ToList().IndexOf("--requirepass") + 1]);
        Assert.Equal("noeviction", local.Arguments[local.Arguments.ToList().IndexOf("--maxmemory-policy") + 1]);
        Assert.Equal("n8n", local.Labels[N8nPlan.WorkloadLabel]);
    }
}
