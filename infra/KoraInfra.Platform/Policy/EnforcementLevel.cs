namespace KoraInfra.Platform.Policy;

/// <summary>How a rule is enforced in one environment; the names are CrossGuard's.</summary>
public enum EnforcementLevel
{
    /// <summary>Not evaluated.</summary>
    Disabled,

    /// <summary>Reported; never blocks.</summary>
    Advisory,

    /// <summary>Blocks the deployment and the release.</summary>
    Mandatory,
}

/// <summary>CrossGuard's spelling of levels.</summary>
public static class EnforcementLevels
{
    /// <summary>The CrossGuard name: <c>advisory</c>, <c>mandatory</c> or <c>disabled</c>.</summary>
    public static string ToCrossGuard(this EnforcementLevel level) => level switch
    {
        EnforcementLevel.Disabled => "disabled",
        EnforcementLevel.Advisory => "advisory",
        EnforcementLevel.Mandatory => "mandatory",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not an enforcement level"),
    };
}
