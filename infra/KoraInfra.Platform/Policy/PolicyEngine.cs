using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy;

/// <summary>Evaluates the rule set over a stack. One engine for the CrossGuard pack, the tests and the reviewer's report.</summary>
public static class PolicyEngine
{
    private static readonly IReadOnlyList<PolicyRule> ResourceRules = PolicyRules.All.Where(r => r.Scope == PolicyScope.Resource).ToList();
    private static readonly IReadOnlyList<PolicyRule> StackRules = PolicyRules.All.Where(r => r.Scope == PolicyScope.Stack).ToList();

    /// <summary>The rules of one scope, in id order.</summary>
    public static IReadOnlyList<PolicyRule> RulesOf(PolicyScope scope) => scope == PolicyScope.Resource ? ResourceRules : StackRules;

    /// <summary>
    /// Evaluates the per-resource rules on one resource, as the engine registers it: what the
    /// CrossGuard pack asks for each resource before it is created.
    /// </summary>
    public static PolicyEvaluation EvaluateResource(string stackName, ResourceSnapshot resource, DateTimeOffset now) =>
        Evaluate(new StackSnapshot(stackName, [resource], []), now, ResourceRules);

    /// <summary>Evaluates every rule enabled in the stack's environment.</summary>
    /// <param name="stack">The stack's resources.</param>
    /// <param name="now">The evaluation time.</param>
    /// <param name="rules">The rules (default: <see cref="PolicyRules.All"/>).</param>
    public static PolicyEvaluation Evaluate(StackSnapshot stack, DateTimeOffset now, IReadOnlyList<PolicyRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (!StackNames.TryParse(stack.StackName, out var environment))
        {
            throw new ArgumentException($"stack '{stack.StackName}' is not a KoraOS stack; expected {StackNames.Expected}", nameof(stack));
        }

        var profile = EnvironmentProfiles.For(environment);
        var context = new PolicyContext(stack, profile, now);
        var levels = new List<RuleLevel>();
        var violations = new List<PolicyViolation>();
        var errors = new List<PolicyRuleError>();
        foreach (var rule in rules ?? PolicyRules.All)
        {
            var level = rule.LevelFor(profile);
            levels.Add(new RuleLevel(rule, level));
            if (level == EnforcementLevel.Disabled)
            {
                continue;
            }

            try
            {
                violations.AddRange(rule.Evaluate(context).Select(f => new PolicyViolation(rule.Id, rule.Title, rule.Severity, level, f.ResourceUrn, f.Message)));
            }
#pragma warning disable CA1031 // A rule that throws is reported as that rule's error; the other rules still run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors.Add(new PolicyRuleError(rule.Id, level, $"{ex.GetType().Name}: {ex.Message}"));
            }
        }

        return new PolicyEvaluation(stack.StackName, stack.Resources.Count, levels, violations, errors, stack.EngineFindings);
    }
}
