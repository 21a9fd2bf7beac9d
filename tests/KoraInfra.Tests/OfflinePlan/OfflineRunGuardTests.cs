using System.Collections.Immutable;
using KoraInfra.OfflinePlan;
using KoraInfra.Platform.Settings;
using KoraInfra.Tests.Support;
using Pulumi.Testing;

namespace KoraInfra.Tests.OfflinePlan;

/// <summary>The harness itself: a run that leaves anything unknown must stop, naming what.</summary>
public sealed class OfflineRunGuardTests
{
    private static async Task<IncompleteRunException> RunWithEmptyIdsAsync(string type)
    {
        var config = EngineConfiguration.From(StackFileReader.ReadFile(Repository.StackFile("dev")));
        var recorder = new PlanMocks();
        return await Assert.ThrowsAsync<IncompleteRunException>(() => OfflineRun.RunAsync("dev", config, Repository.Root, recorder, new EmptyIdMocks(recorder, type)));
    }

    [Fact]
    public async Task A_vault_left_without_an_id_stops_the_run_naming_it_and_each_input_derived_from_it()
    {
        var ex = await RunWithEmptyIdsAsync("azure-native:keyvault:Vault");

        Assert.Contains("azure-native:keyvault:Vault 'vault': the id is unknown", ex.Problems);
        Assert.Contains("azure-native:monitor:DiagnosticSetting 'vault-audit': input 'resourceUri' is unknown", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("azure-native:authorization:RoleAssignment ", StringComparison.Ordinal) && p.EndsWith("input 'scope' is unknown", StringComparison.Ordinal));
        Assert.Contains("azure-native:monitor:DiagnosticSetting 'vault-audit': input 'resourceUri' is unknown", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cache_left_without_an_id_stops_the_run_naming_the_key_its_invoke_never_listed()
    {
        var ex = await RunWithEmptyIdsAsync("azure-native:redis:Redis");

        Assert.Contains("azure-native:redis:Redis 'redis': the id is unknown", ex.Problems);
        Assert.Contains("kora:workloads:RedisCache 'redis': output 'AccessKey' is unknown", ex.Problems);
    }

    [Fact]
    public async Task The_offline_plans_mocks_make_up_an_id_when_the_sdk_hands_them_an_empty_import_id()
    {
        var mocks = new PlanMocks();

        var (made, _) = await mocks.NewResourceAsync(new MockResourceArgs { Type = "azure-native:keyvault:Vault", Name = "vault", Inputs = ImmutableDictionary<string, object>.Empty, Id = string.Empty });
        var (imported, _) = await mocks.NewResourceAsync(new MockResourceArgs { Type = "azure-native:keyvault:Vault", Name = "old", Inputs = ImmutableDictionary<string, object>.Empty, Id = "/subscriptions/s/vaults/old" });

        Assert.Equal("/subscriptions/sub-kora/resourceGroups/rg/providers/azure-native:keyvault:Vault/vault", made);
        Assert.Equal("/subscriptions/s/vaults/old", imported);
    }
}
