namespace KoraInfra.Platform.Database.Seed;

/// <summary>What synthetic data an environment may be loaded with (seed section 3, column "Dados").</summary>
public enum SeedMode
{
    /// <summary>Dev: readable synthetic fixtures per tenant, no real data.</summary>
    DevFixtures,

    /// <summary>Staging: masked-looking synthetic data, loaded after a deterministic reset.</summary>
    StagingMaskedWithReset,
}
