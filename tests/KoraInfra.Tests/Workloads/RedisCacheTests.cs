using System.Globalization;
using KoraInfra.Components.Workloads;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Settings;
using KoraInfra.Tests.Support;
using Pulumi;
using Pulumi.Utilities;

namespace KoraInfra.Tests.Workloads;

public sealed class RedisCacheTests
{
    private const string RedisType = "azure-native:redis:Redis";
    private const string RedisComponentType = "kora:workloads:RedisCache";
    private const string StorageAccountType = "azure-native:storage:StorageAccount";

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_cache_is_tls_only_with_tls_1_2_entra_and_no_eviction(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var redis = run.Named(RedisType, "redis");
        Assert.Equal($"redis-kora-{stack}-brs", redis.Text("name"));
        Assert.True(redis.Inputs["enableNonSslPort"] is false);
        Assert.Equal("1.2", redis.Text("minimumTlsVersion"));
        Assert.True(redis.Inputs["disableAccessKeyAuthentication"] is false);
        Assert.Equal("true", redis.At("redisConfiguration", "aadEnabled"));
        Assert.Equal("noeviction", redis.At("redisConfiguration", "maxmemoryPolicy"));
    }

    [Theory]
    [InlineData("dev", "Basic", "C", 0d, "Enabled")]
    [InlineData("staging", "Standard", "C", 1d, "Disabled")]
    [InlineData("prod", "Premium", "P", 1d, "Disabled")]
    public async Task Size_and_public_access_follow_the_environment(string stack, string sku, string family, double capacity, string publicAccess)
    {
        var run = await StackRun.RunAsync(stack);

        var redis = run.Named(RedisType, "redis");
        Assert.Equal(sku, redis.At("sku", "name"));
        Assert.Equal(family, redis.At("sku", "family"));
        Assert.Equal(capacity, redis.At("sku", "capacity"));
        Assert.Equal(publicAccess, redis.Text("publicNetworkAccess"));
    }

    [Fact]
    public async Task Prod_is_zone_redundant_and_snapshots_to_keyless_storage_with_its_own_identity()
    {
        var run = await StackRun.RunAsync("prod");

        var redis = run.Named(RedisType, "redis");
        Assert.Equal(["1", "2", "3"], Inputs.Texts(redis.Inputs["zones"]));
        Assert.Equal(2d, redis.Inputs["replicasPerPrimary"]);
        Assert.Equal("true", redis.At("redisConfiguration", "rdbBackupEnabled"));
        Assert.Equal("ManagedIdentity", redis.At("redisConfiguration", "preferredDataPersistenceAuthMethod"));
        Assert.Equal("BlobEndpoint=https://stkoraprodbrsredis.blob.core.windows.net/", redis.At("redisConfiguration", "rdbStorageConnectionString"));
        Assert.Equal("UserAssigned", redis.At("identity", "type"));

        // Other capabilities (the release store) declare storage accounts of their own.
        var storage = Assert.Single(run.Under(RedisComponentType, StorageAccountType), a => a.Name == "redis-snapshots");
        Assert.Equal("stkoraprodbrsredis", storage.Text("accountName"));
        Assert.Equal("Disabled", storage.Text("publicNetworkAccess"));
        Assert.True(storage.Inputs["allowSharedKeyAccess"] is false);
        Assert.True(storage.Inputs["allowBlobPublicAccess"] is false);
        Assert.Equal("Deny", storage.At("networkRuleSet", "defaultAction"));
        var grant = Assert.Single(run.OfType("azure-native:authorization:RoleAssignment"), r => r.Name == "redis-writes-snapshots");
        Assert.EndsWith("/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe", grant.Text("roleDefinitionId"), StringComparison.Ordinal);
        Assert.Equal("principal-redis-persistence-identity", grant.Text("principalId"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public async Task Below_prod_there_are_no_zones_and_no_snapshots(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var redis = run.Named(RedisType, "redis");
        Assert.False(redis.Inputs.ContainsKey("zones"));
        Assert.Null(redis.At("redisConfiguration", "rdbBackupEnabled"));
        Assert.Empty(run.Under(RedisComponentType, StorageAccountType));
        Assert.DoesNotContain(run.OfType(StorageAccountType), a => a.Name == "redis-snapshots");
    }

    [Fact]
    public async Task The_access_key_is_a_secret_and_no_stack_output()
    {
        var run = await StackRun.RunAsync("staging");

        var cache = run.Component<RedisCache>("redis");
        Assert.True(await Output.IsSecretAsync(cache.AccessKey));
        var key = await OutputUtilities.GetValueAsync(cache.AccessKey);
        Assert.False(string.IsNullOrEmpty(key));
        foreach (var property in typeof(KoraStack).GetProperties().Where(p => p.PropertyType == typeof(Output<string>)))
        {
            var output = (Output<string>)property.GetValue(run.Stack)!;
            Assert.NotEqual(key, await OutputUtilities.GetValueAsync(output));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_vault_and_n8n_get_the_key_of_this_rotation_version_and_an_emergency_moves_them_to_the_other(string stack)
    {
        var settings = StackFiles.Validate(Repository.StackFile(stack)).Require();
        var expected = RedisKeyRotationPlan.For(SecretsPlan.For(settings, TimeProvider.System), settings)!.Current;
        var scheduled = await StackRun.RunAsync(stack);
        var requested = DateTimeOffset.UtcNow.AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var emergency = await StackRun.RunAsync(stack, config => config.With(
            "kora-infra:emergencyRotations",
            $"[{{\"name\":\"{SecretCatalogue.RedisAccessKey}\",\"requestedAt\":\"{requested}\"}}]"));

        Assert.Equal(KeyValue(scheduled, expected), VaultValue(scheduled));
        Assert.Equal(KeyValue(emergency, expected.Other()), VaultValue(emergency));
        Assert.Equal(KeyValue(scheduled, expected), await OutputUtilities.GetValueAsync(scheduled.Component<RedisCache>("redis").AccessKey));

        static string KeyValue(StackRun run, RedisKey key) => run.GeneratedValues["listRedisKeys." + key.Label() + "Key"];
        static object? VaultValue(StackRun run) => Assert.Single(run.OfType("azure-native:keyvault:Secret"), s => s.Text("secretName") == SecretCatalogue.RedisAccessKey).Map("properties")["value"];
    }

    [Fact]
    public async Task Dev_on_an_existing_cluster_runs_redis_in_the_cluster_instead_of_azure()
    {
        var run = await StackRuns.DevOnExistingClusterAsync();

        Assert.DoesNotContain(run.OfType(RedisType), r => r.Name == "redis");
        var redis = Assert.Single(run.OfType("kubernetes:apps/v1:Deployment"), d => d.MetadataName() == "n8n-redis");
        var container = Assert.Single(redis.Containers());
        Assert.Equal("redis:7.4-alpine", container["image"]);
        Assert.Contains("--requirepass", Inputs.Texts(container["args"]));
        var password = Assert.Single(Inputs.Objects(container["env"]));
        Assert.Equal("REDIS_PASSWORD", password["name"]);
        Assert.Equal("n8n-redis", Inputs.Object(Inputs.Object(password["valueFrom"])["secretKeyRef"])["name"]);
    }
}
