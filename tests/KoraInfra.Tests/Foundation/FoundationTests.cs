using KoraInfra.Platform.Naming;
using KoraInfra.Platform.Settings;
using KoraInfra.Tests.Support;
using Pulumi;
using Pulumi.Utilities;

namespace KoraInfra.Tests.Foundation;

public sealed class FoundationTests
{
    // Azure resources that take no tags (sub-resources and assignments); every other Azure
    // resource the program declares must carry the stack's tags.
    private static readonly HashSet<string> UntaggableTypes =
    [
        "azure-native:authorization:RoleAssignment",
        "azure-native:monitor:DiagnosticSetting",
        "azure-native:dbforpostgresql:Configuration",
        "azure-native:dbforpostgresql:Database",
        "azure-native:dbforpostgresql:FirewallRule",
        "azure-native:managedidentity:FederatedIdentityCredential",
        "azure-native:storage:BlobContainer",
        "azure-native:storage:BlobContainerImmutabilityPolicy",
        "azure-native:network:Subnet",
        "azure-native:network:PrivateDnsZoneGroup",
    ];

    // The input holding the Azure name, and the naming rules of each named type.
    private static readonly Dictionary<string, (string Input, ResourceKind Kind)> NamedTypes = new(StringComparer.Ordinal)
    {
        ["azure-native:resources:ResourceGroup"] = ("resourceGroupName", ResourceKind.ResourceGroup),
        ["azure-native:managedidentity:UserAssignedIdentity"] = ("resourceName", ResourceKind.ManagedIdentity),
        ["azure-native:operationalinsights:Workspace"] = ("workspaceName", ResourceKind.LogAnalyticsWorkspace),
        ["azure-native:containerservice:ManagedCluster"] = ("resourceName", ResourceKind.KubernetesCluster),
        ["azure-native:keyvault:Vault"] = ("vaultName", ResourceKind.KeyVault),
        ["azure-native:dbforpostgresql:Server"] = ("serverName", ResourceKind.PostgreSqlServer),
        ["azure-native:storage:StorageAccount"] = ("accountName", ResourceKind.StorageAccount),
        ["azure-native:redis:Redis"] = ("name", ResourceKind.RedisCache),
    };

    public static TheoryData<string> Stacks => new() { "dev", "staging", "prod" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_taggable_resource_carries_the_required_tags(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var taggable = run.Recorded.Where(r => r.Type.StartsWith("azure-native:", StringComparison.Ordinal) && !UntaggableTypes.Contains(r.Type)).ToList();
        Assert.NotEmpty(taggable);
        Assert.All(taggable, resource =>
        {
            var tags = resource.Map("tags");
            foreach (var required in ResourceTags.Required.Append("managed-by"))
            {
                Assert.True(tags.ContainsKey(required), $"{resource.Type} '{resource.Name}' lacks the '{required}' tag");
            }

            Assert.Equal(stack, tags["environment"]);
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Azure_names_are_unique_and_valid_for_their_type(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        var named = run.Recorded.Where(r => NamedTypes.ContainsKey(r.Type)).ToList();
        Assert.Contains(named, r => r.Type == "azure-native:resources:ResourceGroup");
        foreach (var resource in named)
        {
            var (input, kind) = NamedTypes[resource.Type];
            var name = resource.Text(input);
            Assert.False(string.IsNullOrEmpty(name), $"{resource.Type} '{resource.Name}' has no explicit Azure name");
            Assert.Null(ResourceNamer.Violation(kind, name!));
            Assert.Contains(kind.AllowsHyphens ? $"-{stack}-" : stack, name!, StringComparison.Ordinal);
        }

        Assert.Equal(named.Count, named.Select(r => (r.Type, r.Text(NamedTypes[r.Type].Input))).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_kubernetes_resource_uses_the_one_explicit_provider(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        run.Named("pulumi:providers:kubernetes", $"k8s-{stack}");
        var kubernetes = run.Recorded.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(kubernetes);
        Assert.All(kubernetes, r => Assert.Contains($"pulumi:providers:kubernetes::k8s-{stack}::", r.Provider ?? "(no provider)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_foundation_is_one_group_one_platform_identity_one_workspace_and_aks(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        const string FoundationType = "kora:foundation:PlatformFoundation";
        Assert.Equal("resource-group", Assert.Single(run.Under(FoundationType, "azure-native:resources:ResourceGroup")).Name);
        Assert.Equal("log-workspace", Assert.Single(run.Under(FoundationType, "azure-native:operationalinsights:Workspace")).Name);
        var cluster = run.Named("azure-native:containerservice:ManagedCluster", "aks");
        Assert.True(cluster.Inputs["disableLocalAccounts"] is true, "local accounts must be disabled");
        // Other capabilities add identities of their own (workload identities, the Redis snapshot writer).
        var identities = run.OfType("azure-native:managedidentity:UserAssignedIdentity").Select(r => r.Text("resourceName")).ToList();
        Assert.Contains($"id-kora-{stack}-brs-aks", identities);
        Assert.Contains($"id-kora-{stack}-brs-platform", identities);
    }

    [Fact]
    public async Task Prod_spreads_the_system_pool_over_three_zones()
    {
        var run = await StackRun.RunAsync("prod");

        var pool = (System.Collections.Immutable.ImmutableDictionary<string, object?>)Assert.Single(run.Named("azure-native:containerservice:ManagedCluster", "aks").List("agentPoolProfiles"))!;
        Assert.Equal(["1", "2", "3"], ((System.Collections.Immutable.ImmutableArray<object?>)pool["availabilityZones"]!).Cast<string>());
        Assert.Equal("Standard_D8s_v5", pool["vmSize"]);
    }

    [Fact]
    public async Task The_kubeconfig_output_is_secret()
    {
        var run = await StackRun.RunAsync("staging");

        Assert.True(await Output.IsSecretAsync(run.Stack.Kubeconfig));
        Assert.Contains("kubelogin", await OutputUtilities.GetValueAsync(run.Stack.Kubeconfig), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_on_an_existing_cluster_declares_no_aks_and_points_the_provider_at_its_context()
    {
        var run = await StackRun.RunAsync("dev", config => config
            .With("kora-infra:cluster", "{\"mode\":\"existing\",\"context\":\"kind-kora\"}")
            .With("kora-infra:kubeconfig", "apiVersion: v1\nkind: Config\n") with
        { SecretKeysJson = "[\"kora-infra:kubeconfig\"]" });

        Assert.DoesNotContain(run.OfType("azure-native:containerservice:ManagedCluster"), r => r.Name == "aks");
        Assert.Equal("kind-kora", run.Named("pulumi:providers:kubernetes", "k8s-dev").Text("context"));
        Assert.True(await Output.IsSecretAsync(run.Stack.Kubeconfig));
    }

    [Fact]
    public async Task Invalid_settings_stop_the_program_before_any_resource_with_every_problem_listed()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("prod", config => config
            .With("kora-infra:sizingTier", "small")
            .With("kora-infra:sizingTeir", "large")));

        var message = ex is AggregateException all ? string.Join("\n", all.Flatten().InnerExceptions.Select(e => e.Message)) : ex.Message;
        Assert.Contains("kora-infra:sizingTier", message, StringComparison.Ordinal);
        Assert.Contains("kora-infra:sizingTeir", message, StringComparison.Ordinal);
    }
}
