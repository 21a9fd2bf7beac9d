namespace KoraInfra.Platform.Policy;

/// <summary>A rule with its enforcement level in the evaluated stack's environment.</summary>
/// <remarks>
/// A class, not a value tuple: a list of value tuples over a project enum is framework generic
/// code that ReadyToRun cannot precompile, JIT-compiled in every report; a list of a class is
/// shared, precompiled code.
/// </remarks>
/// <param name="Rule">The rule.</param>
/// <param name="Level">Its level in the stack's environment.</param>
public sealed record RuleLevel(PolicyRule Rule, EnforcementLevel Level);
