using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Naming;

namespace KoraInfra.Platform.Tests.Naming;

public sealed class ResourceNamerTests
{
    private static readonly AzureRegion BrazilSouth = AzureRegions.Find("brazilsouth")!;

    [Fact]
    public void Names_follow_abbreviation_prefix_stack_region()
    {
        var names = new ResourceNamer("kora", EnvironmentName.Prod, BrazilSouth);

        Assert.Equal("rg-kora-prod-brs", names.Name(ResourceKind.ResourceGroup));
        Assert.Equal("id-kora-prod-brs-n8n", names.Name(ResourceKind.ManagedIdentity, "n8n"));
        Assert.Equal("kv-kora-prod-brs", names.Name(ResourceKind.KeyVault));
    }

    [Fact]
    public void Kinds_that_forbid_hyphens_drop_them()
    {
        var names = new ResourceNamer("kora", EnvironmentName.Staging, BrazilSouth);

        Assert.Equal("stkorastagingbrsaudit", names.Name(ResourceKind.StorageAccount, "audit"));
    }

    [Fact]
    public void A_name_over_azures_limit_is_refused_with_the_limit()
    {
        var names = new ResourceNamer("koraplat", EnvironmentName.Staging, BrazilSouth);

        var ex = Assert.Throws<ArgumentException>(() => names.Name(ResourceKind.KeyVault, "secrets"));
        Assert.Contains("Azure allows 24", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("K")]
    [InlineData("kora-x")]
    [InlineData("1kora")]
    [InlineData("korakorak")]
    public void A_bad_prefix_is_refused(string prefix) =>
        Assert.Throws<ArgumentException>(() => new ResourceNamer(prefix, EnvironmentName.Dev, BrazilSouth));

    [Theory]
    [InlineData("N8N")]
    [InlineData("-n8n")]
    [InlineData("n8n--x")]
    public void A_bad_workload_segment_is_refused(string workload) =>
        Assert.Throws<ArgumentException>(() => new ResourceNamer("kora", EnvironmentName.Dev, BrazilSouth).Name(ResourceKind.ManagedIdentity, workload));

    [Theory]
    [InlineData("kv-kora-prod-brs", null)]
    [InlineData("kv-kora-production-brazilsouth", "length")]
    [InlineData("kv-Kora", "lowercase")]
    [InlineData("kv--kora", "lowercase")]
    public void Violation_names_the_broken_rule(string name, string? expected)
    {
        var violation = ResourceNamer.Violation(ResourceKind.KeyVault, name);

        if (expected is null)
        {
            Assert.Null(violation);
        }
        else
        {
            Assert.Contains(expected, violation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Storage_names_must_be_letters_and_digits_only() =>
        Assert.NotNull(ResourceNamer.Violation(ResourceKind.StorageAccount, "st-kora"));

    [Fact]
    public void Every_stack_of_every_region_fits_every_kind()
    {
        var kinds = new[] { ResourceKind.ResourceGroup, ResourceKind.ManagedIdentity, ResourceKind.LogAnalyticsWorkspace, ResourceKind.KubernetesCluster, ResourceKind.KeyVault, ResourceKind.PostgreSqlServer, ResourceKind.RedisCache, ResourceKind.StorageAccount };
        foreach (var region in AzureRegions.All)
        {
            foreach (var environment in Enum.GetValues<EnvironmentName>())
            {
                var names = new ResourceNamer("kora", environment, region);
                Assert.All(kinds, kind => Assert.Null(ResourceNamer.Violation(kind, names.Name(kind))));
            }
        }
    }

    [Fact]
    public void Region_short_codes_are_unique()
    {
        Assert.Equal(AzureRegions.All.Count, AzureRegions.All.Select(r => r.ShortCode).Distinct().Count());
        Assert.Null(AzureRegions.Find("BrazilSouth"));
    }
}
