using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-002: every taggable Azure resource carries the stack's required tags.</summary>
public sealed class RequiredTags : PolicyRule
{
    // The paths of the required tags, made once rather than once per tag of every resource.
    private static readonly string[] RequiredTagPaths = [.. ResourceTags.Required.Select(t => $"tags.{t}")];

    /// <inheritdoc />
    public override string Id => "KORA-002";

    /// <inheritdoc />
    public override string Title => "Azure resources carry the environment, owner, data-classification and cost-center tags";

    /// <inheritdoc />
    public override string Rationale => "Tags are how cost, ownership and data classification are traced back to an environment and a team.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Medium;

    /// <inheritdoc />
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment) => EnforcementLevel.Mandatory;

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var resource in context.Stack.OfTypes(type => type.StartsWith("azure-native:", StringComparison.Ordinal) && !TypeTokens.Untaggable.Contains(type)))
        {
            var missing = new List<string>();
            for (var i = 0; i < RequiredTagPaths.Length; i++)
            {
                if (resource.Text(RequiredTagPaths[i]) is null)
                {
                    missing.Add(ResourceTags.Required[i]);
                }
            }

            if (missing.Count > 0)
            {
                yield return new Finding(resource.Urn, $"missing tag(s) {string.Join(", ", missing)}; every taggable resource carries {string.Join(", ", ResourceTags.Required)}");
            }
            else if (resource.Text("tags.environment") != context.Stack.StackName)
            {
                yield return new Finding(resource.Urn, $"tag environment is '{resource.Text("tags.environment")}' in stack '{context.Stack.StackName}'");
            }
        }
    }
}
