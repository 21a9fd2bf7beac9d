namespace KoraInfra.Platform.Policy;

/// <summary>A finding of a rule, with the rule's metadata and its level in the stack's environment.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Level">The rule's level in this environment.</param>
/// <param name="ResourceUrn">The offending resource, or null for the stack as a whole.</param>
/// <param name="Message">What is wrong.</param>
public sealed record PolicyViolation(string RuleId, string Title, PolicySeverity Severity, EnforcementLevel Level, string? ResourceUrn, string Message);

/// <summary>A rule that could not be evaluated: reported, never a crash of the evaluation.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Level">The rule's level: a mandatory rule that errs blocks, as it proved nothing.</param>
/// <param name="Message">What went wrong.</param>
public sealed record PolicyRuleError(string RuleId, EnforcementLevel Level, string Message);
