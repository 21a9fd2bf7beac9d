using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Database.Seed;

/// <summary>Which seed an environment gets, from its data policy; prod gets none.</summary>
public static partial class SeedPolicy
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

    /// <summary>
    /// A second lock on the same door: whatever <c>--stack</c> says, a host named like a prod
    /// server (<c>psql-&lt;prefix&gt;-prod-&lt;region&gt;</c>, the project's naming convention)
    /// is never seeded, because seeding starts by emptying the tenant tables.
    /// </summary>
    public static void EnsureNotProdServer(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (ProdServerName().IsMatch(host))
        {
            throw new SeedRefusedException($"refusing to seed '{host}': it is named like a prod server, and prod holds {DataPolicies.Describe(DataPolicy.RealTenantSegregatedByRls)}");
        }
    }

    [GeneratedRegex(@"(^|[.-])prod([.-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ProdServerName();
}
