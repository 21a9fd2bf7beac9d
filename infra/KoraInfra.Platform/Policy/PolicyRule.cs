using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy;

/// <summary>
/// A policy rule: an id, what it checks and why, how severe a violation is, how it is enforced in
/// each environment, and the check itself over a whole stack.
/// </summary>
public abstract class PolicyRule
{
    /// <summary>The stable id, <c>KORA-nnn</c>: reports, suppressions and CrossGuard use it.</summary>
    public abstract string Id { get; }

    /// <summary>One line: what compliant looks like.</summary>
    public abstract string Title { get; }

    /// <summary>Why the rule exists.</summary>
    public abstract string Rationale { get; }

    /// <summary>How bad a violation is.</summary>
    public abstract PolicySeverity Severity { get; }

    /// <summary>The equivalent Checkov checks, where Checkov has one.</summary>
    public virtual IReadOnlyList<string> CheckovIds => [];

    /// <summary>Where the rule is documented.</summary>
    public string HelpUri => $"docs/policy.md#{Id.ToLowerInvariant()}";

    /// <summary>
    /// Whether the rule judges one resource alone or needs the stack. A <see cref="PolicyScope.Resource"/>
    /// rule must find on a stack exactly what it finds on each of its resources evaluated alone.
    /// </summary>
    public virtual PolicyScope Scope => PolicyScope.Stack;

    /// <summary>How the rule is enforced in an environment.</summary>
    public abstract EnforcementLevel LevelFor(EnvironmentProfile environment);

    /// <summary>Checks the stack; returns what is wrong (nothing when compliant).</summary>
    public abstract IEnumerable<Finding> Evaluate(PolicyContext context);
}
