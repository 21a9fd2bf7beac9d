namespace KoraInfra.Platform.Environments;

/// <summary>Words for data policies in messages, as the seed says them.</summary>
public static class DataPolicies
{
    /// <summary>The seed's wording of a data policy.</summary>
    public static string Describe(DataPolicy policy) => policy switch
    {
        DataPolicy.SyntheticFixturesPerTenant => "synthetic fixtures per tenant, no real data",
        DataPolicy.MaskedAndSyntheticWithDeterministicReset => "masked + synthetic data with deterministic reset",
        DataPolicy.RealTenantSegregatedByRls => "real data segregated by tenant (RLS)",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "not a data policy"),
    };
}
