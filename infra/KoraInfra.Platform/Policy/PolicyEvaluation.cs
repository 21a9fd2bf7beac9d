namespace KoraInfra.Platform.Policy;

/// <summary>The verdict of every rule on one stack.</summary>
/// <param name="StackName">The stack.</param>
/// <param name="ResourceCount">How many resources were evaluated.</param>
/// <param name="Rules">The rules, with their level in the stack's environment.</param>
/// <param name="Violations">What the rules found.</param>
/// <param name="Errors">Rules that failed to evaluate.</param>
/// <param name="EngineFindings">Violations the Pulumi engine reported itself, when the input carried them.</param>
public sealed record PolicyEvaluation(
    string StackName,
    int ResourceCount,
    IReadOnlyList<RuleLevel> Rules,
    IReadOnlyList<PolicyViolation> Violations,
    IReadOnlyList<PolicyRuleError> Errors,
    IReadOnlyList<EngineFinding> EngineFindings)
{
    /// <summary>
    /// Whether the stack must not be deployed: a mandatory rule was violated or could not be
    /// evaluated, or the engine reported a mandatory violation.
    /// </summary>
    public bool IsBlocked =>
        Violations.Any(v => v.Level == EnforcementLevel.Mandatory)
        || Errors.Any(e => e.Level == EnforcementLevel.Mandatory)
        || EngineFindings.Any(f => string.Equals(f.EnforcementLevel, "mandatory", StringComparison.OrdinalIgnoreCase));
}
