using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>How rules derive their levels from the environment's profile, so a level never contradicts the profile.</summary>
internal static class Levels
{
    /// <summary>Mandatory where the profile demands the control, otherwise the given level.</summary>
    public static EnforcementLevel MandatoryWhere(bool demanded, EnforcementLevel otherwise) =>
        demanded ? EnforcementLevel.Mandatory : otherwise;

    /// <summary>Mandatory where data services must not be public; advisory where the profile allows it (dev).</summary>
    public static EnforcementLevel PrivateNetwork(EnvironmentProfile environment) =>
        MandatoryWhere(!environment.AllowsPublicNetworkAccess, EnforcementLevel.Advisory);
}
