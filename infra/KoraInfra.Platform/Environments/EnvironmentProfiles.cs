namespace KoraInfra.Platform.Environments;

/// <summary>The seed's section 3 table as code: one profile per stack.</summary>
public static class EnvironmentProfiles
{
    private static readonly MandatoryCheck[] StagingChecks =
    [
        MandatoryCheck.Smoke,
        MandatoryCheck.MigrationAndRollback,
        MandatoryCheck.RestoreDrill,
        MandatoryCheck.FaultInjection,
        MandatoryCheck.RtmP0,
    ];

    /// <summary>Dev: synthetic fixtures, ephemeral, never a prod secret.</summary>
    public static EnvironmentProfile Dev { get; } = new()
    {
        Name = EnvironmentName.Dev,
        Purpose = "acelerar desenvolvimento e validacao tecnica de story",
        DataPolicy = DataPolicy.SyntheticFixturesPerTenant,
        DataClassification = DataClassification.Synthetic,
        AccessGate = "branch feature ativa; merge em `main` somente com `required-check` verde",
        Owners = ["engineering"],
        IsEphemeral = true,
        SecretScope = new SecretScope(OwnVault: true, PurgeProtection: false, MayReadOtherEnvironments: false),
        MandatoryChecks = [],
        ChecksRunOnPromotedArtifact = false,
        RequiresReleaseManifest = false,
        RequiresImageDigests = false,
        AllowsPublicNetworkAccess = true,
        ZoneRedundant = false,
        MinimumSizingTier = SizingTier.Small,
        MinimumClusterNodes = 1,
    };

    /// <summary>Staging: near-production, masked + synthetic data, the full check list.</summary>
    public static EnvironmentProfile Staging { get; } = new()
    {
        Name = EnvironmentName.Staging,
        Purpose = "validar release candidata em condicao proxima de producao",
        DataPolicy = DataPolicy.MaskedAndSyntheticWithDeterministicReset,
        DataClassification = DataClassification.Masked,
        AccessGate = "deploy apos merge em `main` + `required-check` + aprovacao DevOps para promocao",
        Owners = ["devops", "qa"],
        IsEphemeral = false,
        SecretScope = new SecretScope(OwnVault: true, PurgeProtection: true, MayReadOtherEnvironments: false),
        MandatoryChecks = StagingChecks,
        ChecksRunOnPromotedArtifact = false,
        RequiresReleaseManifest = true,
        RequiresImageDigests = true,
        AllowsPublicNetworkAccess = false,
        ZoneRedundant = false,
        MinimumSizingTier = SizingTier.Medium,
        MinimumClusterNodes = 2,
    };

    /// <summary>Prod: real tenant data under RLS, only an approved RC promoted by the pipeline.</summary>
    public static EnvironmentProfile Prod { get; } = new()
    {
        Name = EnvironmentName.Prod,
        Purpose = "operar comercialmente com confiabilidade e compliance",
        DataPolicy = DataPolicy.RealTenantSegregatedByRls,
        DataClassification = DataClassification.Confidential,
        AccessGate = "promocao apenas de RC aprovada com scorecard final + go/no-go formal",
        Owners = ["devops", "operations", "po"],
        IsEphemeral = false,
        SecretScope = new SecretScope(OwnVault: true, PurgeProtection: true, MayReadOtherEnvironments: false),
        MandatoryChecks = StagingChecks,
        ChecksRunOnPromotedArtifact = true,
        RequiresReleaseManifest = true,
        RequiresImageDigests = true,
        AllowsPublicNetworkAccess = false,
        ZoneRedundant = true,
        MinimumSizingTier = SizingTier.Large,

        // One node per availability zone: a zone outage must leave the platform running.
        MinimumClusterNodes = 3,
    };

    /// <summary>The three profiles, in promotion order.</summary>
    public static IReadOnlyList<EnvironmentProfile> All { get; } = [Dev, Staging, Prod];

    /// <summary>The profile of an environment.</summary>
    public static EnvironmentProfile For(EnvironmentName environment) => environment switch
    {
        EnvironmentName.Dev => Dev,
        EnvironmentName.Staging => Staging,
        EnvironmentName.Prod => Prod,
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a KoraOS environment"),
    };
}
