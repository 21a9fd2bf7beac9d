using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy;

/// <summary>Evaluates the rule set over a stack. One engine for the CrossGuard pack, the tests and the reviewer's report.</summary>
public static class PolicyEngine
{
    private static readonly IReadOnlyList<PolicyRule> ResourceRules = PolicyRules.All.Where(r => r.Scope == PolicyScope.Resource).ToList();
    // From this many resources on, the rules are judged side by side (measured: below it, starting
    // a second thread costs more than it saves).
    private const int ParallelFrom = 1000;

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
        foreach (var rule in rules ?? PolicyRules.All)
        {
            levels.Add(new RuleLevel(rule, rule.LevelFor(profile)));
        }

        // Each rule reads the snapshot and nothing else, so on a large stack they run side by side
        // on the machine's cores; the outcomes are collected in rule order, so the result is the
        // same as one after the other. A small stack is judged faster than threads start.
        var outcomes = new RuleOutcome[levels.Count];
        if (stack.Resources.Count >= ParallelFrom && levels.Count > 1)
        {
            JudgeSideBySide(levels, context, outcomes);
        }
        else
        {
            for (var i = 0; i < levels.Count; i++)
            {
                outcomes[i] = Judge(levels[i], context);
            }
        }

        var violations = new List<PolicyViolation>();
        var errors = new List<PolicyRuleError>();
        foreach (var outcome in outcomes)
        {
            violations.AddRange(outcome.Violations);
            if (outcome.Error is { } error)
            {
                errors.Add(error);
            }
        }

        return new PolicyEvaluation(stack.StackName, stack.Resources.Count, levels, violations, errors, stack.EngineFindings);
    }

    // The rules are shared out one at a time between this thread and one task per further core,
    // each taking the next rule not yet taken. Not Parallel.For: its first call in a process
    // loads and compiles more of the runtime's machinery (about 10 ms) than a report of
    // thousands of resources gains from it on two cores.
    private static void JudgeSideBySide(List<RuleLevel> levels, PolicyContext context, RuleOutcome[] outcomes)
    {
        var next = -1;
        void JudgeUntilNoneLeft()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < levels.Count)
            {
                outcomes[i] = Judge(levels[i], context);
            }
        }

        var helpers = new Task[Math.Min(Environment.ProcessorCount, levels.Count) - 1];
        for (var h = 0; h < helpers.Length; h++)
        {
            helpers[h] = Task.Run(JudgeUntilNoneLeft);
        }

        JudgeUntilNoneLeft();
        foreach (var helper in helpers)
        {
            // Judge keeps a rule's exception as that rule's error: a helper ends without one.
            helper.GetAwaiter().GetResult();
        }
    }

    private static RuleOutcome Judge(RuleLevel rule, PolicyContext context)
    {
        if (rule.Level == EnforcementLevel.Disabled)
        {
            return RuleOutcome.None;
        }

        // What a rule found before it threw is kept, as the rule's error is.
        var violations = new List<PolicyViolation>();
        try
        {
            foreach (var finding in rule.Rule.Evaluate(context))
            {
                violations.Add(new PolicyViolation(rule.Rule.Id, rule.Rule.Title, rule.Rule.Severity, rule.Level, finding.ResourceUrn, finding.Message));
            }

            return new RuleOutcome(violations, null);
        }
#pragma warning disable CA1031 // A rule that throws is reported as that rule's error; the other rules still run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new RuleOutcome(violations, new PolicyRuleError(rule.Rule.Id, rule.Level, $"{ex.GetType().Name}: {ex.Message}"));
        }
    }

    // One rule's violations, or the error it stopped with.
    private sealed record RuleOutcome(IReadOnlyList<PolicyViolation> Violations, PolicyRuleError? Error)
    {
        public static RuleOutcome None { get; } = new([], null);
    }
}
