namespace KoraInfra.Platform.Environments;

/// <summary>What data an environment may hold (seed section 3, column "Dados").</summary>
public enum DataPolicy
{
    /// <summary>"sinteticos/fixtures por tenant, sem dado real".</summary>
    SyntheticFixturesPerTenant,

    /// <summary>"mascarados + sinteticos com reset deterministico".</summary>
    MaskedAndSyntheticWithDeterministicReset,

    /// <summary>"reais segregados por tenant (RLS)".</summary>
    RealTenantSegregatedByRls,
}
