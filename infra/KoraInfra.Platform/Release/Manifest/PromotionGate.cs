namespace KoraInfra.Platform.Release.Manifest;

/// <summary>The three gates of the seed's section 4.2 ("CD (deploy)"), one per step.</summary>
public enum PromotionGate
{
    /// <summary>"Deploy staging": merge to main with required-check green + DevOps on-call approval.</summary>
    DeployStaging,

    /// <summary>"Promote RC": staging stable, load/soak/fault injection, QA + architect + DevOps, scorecard, RTM P0, no critical finding.</summary>
    PromoteRc,

    /// <summary>"Deploy prod": GA tag from an approved RC, go/no-go by PO + PM + DevOps + QA, validated artifact only.</summary>
    DeployProd,
}

/// <summary>Names of the gates as the command line and documents spell them.</summary>
public static class PromotionGates
{
    /// <summary>Every gate by its name.</summary>
    public static IReadOnlyDictionary<string, PromotionGate> ByName { get; } = new Dictionary<string, PromotionGate>(StringComparer.Ordinal)
    {
        ["deploy-staging"] = PromotionGate.DeployStaging,
        ["promote-rc"] = PromotionGate.PromoteRc,
        ["deploy-prod"] = PromotionGate.DeployProd,
    };

    /// <summary>The name of a gate.</summary>
    public static string NameOf(PromotionGate gate) => ByName.First(g => g.Value == gate).Key;

    /// <summary>The stack a gate admits into: RCs run in staging, GA in prod.</summary>
    public static string TargetStack(PromotionGate gate) => gate == PromotionGate.DeployProd ? "prod" : "staging";

    /// <summary>The names for an error message.</summary>
    public static string Expected => "'deploy-staging', 'promote-rc' or 'deploy-prod'";
}
