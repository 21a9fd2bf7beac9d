namespace KoraInfra.Platform.Environments;

/// <summary>The three environments of the seed's section 3; each is one Pulumi stack.</summary>
public enum EnvironmentName
{
    /// <summary>Fast development and technical validation of a story.</summary>
    Dev,

    /// <summary>Validation of a release candidate in near-production conditions.</summary>
    Staging,

    /// <summary>Commercial operation with reliability and compliance.</summary>
    Prod,
}

/// <summary>Maps environments to and from the Pulumi stack names used on the command line.</summary>
public static class StackNames
{
    /// <summary>The stack names, in promotion order.</summary>
    public static IReadOnlyList<string> All { get; } = ["dev", "staging", "prod"];

    /// <summary>The stack name of an environment: <c>dev</c>, <c>staging</c> or <c>prod</c>.</summary>
    public static string Of(EnvironmentName environment) => environment switch
    {
        EnvironmentName.Dev => "dev",
        EnvironmentName.Staging => "staging",
        EnvironmentName.Prod => "prod",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "not a KoraOS environment"),
    };

    /// <summary>Parses a stack name; stack names are exact and lowercase, as Pulumi stores them.</summary>
    public static bool TryParse(string? stackName, out EnvironmentName environment)
    {
        switch (stackName)
        {
            case "dev":
                environment = EnvironmentName.Dev;
                return true;
            case "staging":
                environment = EnvironmentName.Staging;
                return true;
            case "prod":
                environment = EnvironmentName.Prod;
                return true;
            default:
                environment = default;
                return false;
        }
    }

    /// <summary>The names for an error message: <c>'dev', 'staging' or 'prod'</c>.</summary>
    public static string Expected => "'dev', 'staging' or 'prod'";
}
