using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy.Rules;

/// <summary>KORA-050: a stack never references another environment's vault, database or cache.</summary>
public sealed partial class EnvironmentIsolation : PolicyRule
{
    /// <inheritdoc />
    public override string Id => "KORA-050";

    /// <inheritdoc />
    public override string Title => "A stack never references another environment's vault, database or cache";

    /// <inheritdoc />
    public override string Rationale => "Dev must never see a prod secret or prod data (\"sem segredo de prod\"); each environment has its own vault.";

    /// <inheritdoc />
    public override PolicySeverity Severity => PolicySeverity.Critical;

    /// <inheritdoc />
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <inheritdoc />
    public override EnforcementLevel LevelFor(EnvironmentProfile environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Levels.MandatoryWhere(!environment.SecretScope.MayReadOtherEnvironments, EnforcementLevel.Advisory);
    }

    /// <inheritdoc />
    public override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var own = context.Stack.StackName;
        foreach (var resource in context.Stack.Resources)
        {
            var foreign = Json.Strings(resource.Inputs)
                .Where(s => MayNameADataService(s.Value))
                .SelectMany(s => DataServiceName().Matches(s.Value))
                .Where(m => m.Groups["stack"].Value != own)
                .Select(m => m.Value)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (foreign.Count > 0)
            {
                yield return new Finding(resource.Urn, $"references {string.Join(", ", foreign)}, which belong(s) to another environment than '{own}'");
            }
        }
    }

    // Most strings name no data service at all: a plain search for the name's prefixes spares
    // them the regex (each match still has to be one, below).
    private static bool MayNameADataService(string value) =>
        value.Contains("kv-", StringComparison.Ordinal) || value.Contains("psql-", StringComparison.Ordinal) || value.Contains("redis-", StringComparison.Ordinal);

    // Vaults, PostgreSQL servers and caches are named {kv|psql|redis}-{prefix}-{stack}-...
    [GeneratedRegex(@"\b(kv|psql|redis)-[a-z][a-z0-9]{1,7}-(?<stack>dev|staging|prod)\b")]
    private static partial Regex DataServiceName();
}
