using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Database.Seed;

/// <summary>Which seed an environment gets, from its data policy; prod gets none.</summary>
public static class SeedPolicy
{
    /// <summary>The seed mode for an environment, or <see cref="SeedRefusedException"/> for real data.</summary>
    public static SeedMode ModeFor(EnvironmentProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.DataPolicy switch
        {
            DataPolicy.SyntheticFixturesPerTenant => SeedMode.DevFixtures,
            DataPolicy.MaskedAndSyntheticWithDeterministicReset => SeedMode.StagingMaskedWithReset,
            DataPolicy.RealTenantSegregatedByRls => throw new SeedRefusedException(
                $"refusing to seed {profile.StackName}: it holds {DataPolicies.Describe(profile.DataPolicy)}; synthetic data goes to dev or staging only"),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile.DataPolicy, "not a data policy"),
        };
    }
}
