using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Tests.Environments;

public sealed class EnvironmentProfilesTests
{
    [Fact]
    public void Owners_are_the_seeds()
    {
        Assert.Equal(["engineering"], EnvironmentProfiles.Dev.Owners);
        Assert.Equal(["devops", "qa"], EnvironmentProfiles.Staging.Owners);
        Assert.Equal(["devops", "operations", "po"], EnvironmentProfiles.Prod.Owners);
    }

    [Fact]
    public void Data_policies_are_the_seeds()
    {
        Assert.Equal(DataPolicy.SyntheticFixturesPerTenant, EnvironmentProfiles.Dev.DataPolicy);
        Assert.Equal(DataPolicy.MaskedAndSyntheticWithDeterministicReset, EnvironmentProfiles.Staging.DataPolicy);
        Assert.Equal(DataPolicy.RealTenantSegregatedByRls, EnvironmentProfiles.Prod.DataPolicy);
        Assert.Equal("real data segregated by tenant (RLS)", DataPolicies.Describe(EnvironmentProfiles.Prod.DataPolicy));
    }

    [Fact]
    public void Staging_must_run_smoke_migration_rollback_restore_drill_fault_injection_and_rtm_p0()
    {
        Assert.Equal(
            [MandatoryCheck.Smoke, MandatoryCheck.MigrationAndRollback, MandatoryCheck.RestoreDrill, MandatoryCheck.FaultInjection, MandatoryCheck.RtmP0],
            EnvironmentProfiles.Staging.MandatoryChecks);
        Assert.Empty(EnvironmentProfiles.Dev.MandatoryChecks);
    }

    [Fact]
    public void Prod_runs_all_of_stagings_checks_on_the_promoted_artifact()
    {
        Assert.Equal(EnvironmentProfiles.Staging.MandatoryChecks, EnvironmentProfiles.Prod.MandatoryChecks);
        Assert.True(EnvironmentProfiles.Prod.ChecksRunOnPromotedArtifact);
        Assert.False(EnvironmentProfiles.Staging.ChecksRunOnPromotedArtifact);
    }

    [Fact]
    public void Only_dev_is_ephemeral_deployable_without_a_manifest_and_open_to_the_internet()
    {
        Assert.Equal([true, false, false], EnvironmentProfiles.All.Select(p => p.IsEphemeral));
        Assert.Equal([false, true, true], EnvironmentProfiles.All.Select(p => p.RequiresReleaseManifest));
        Assert.Equal([false, true, true], EnvironmentProfiles.All.Select(p => p.RequiresImageDigests));
        Assert.Equal([true, false, false], EnvironmentProfiles.All.Select(p => p.AllowsPublicNetworkAccess));
    }

    [Fact]
    public void Every_environment_has_its_own_vault_and_none_reads_another()
    {
        Assert.All(EnvironmentProfiles.All, p => Assert.True(p.SecretScope.OwnVault));
        Assert.All(EnvironmentProfiles.All, p => Assert.False(p.SecretScope.MayReadOtherEnvironments));
        Assert.Equal([false, true, true], EnvironmentProfiles.All.Select(p => p.SecretScope.PurgeProtection));
    }

    [Fact]
    public void Only_prod_is_zone_redundant_with_a_node_per_zone()
    {
        Assert.Equal([false, false, true], EnvironmentProfiles.All.Select(p => p.ZoneRedundant));
        Assert.Equal(3, EnvironmentProfiles.Prod.MinimumClusterNodes);
        Assert.Equal(SizingTier.Large, EnvironmentProfiles.Prod.MinimumSizingTier);
    }

    [Theory]
    [InlineData("dev", EnvironmentName.Dev)]
    [InlineData("staging", EnvironmentName.Staging)]
    [InlineData("prod", EnvironmentName.Prod)]
    public void Stack_names_map_to_environments_both_ways(string stack, EnvironmentName environment)
    {
        Assert.True(StackNames.TryParse(stack, out var parsed));
        Assert.Equal(environment, parsed);
        Assert.Equal(stack, StackNames.Of(environment));
        Assert.Equal(stack, EnvironmentProfiles.For(environment).StackName);
    }

    [Theory]
    [InlineData("Prod")]
    [InlineData("production")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_stack(string? stack) => Assert.False(StackNames.TryParse(stack, out _));
}
