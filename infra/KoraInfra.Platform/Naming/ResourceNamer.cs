using System.Text.RegularExpressions;
using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Naming;

/// <summary>
/// One naming convention for every Azure resource: <c>{abbreviation}-{prefix}-{stack}-{region}</c>
/// with an optional workload segment, e.g. <c>id-kora-prod-brs-n8n</c>. Kinds that forbid hyphens
/// drop them (<c>stkoraprodbrs</c>).
/// </summary>
public sealed partial class ResourceNamer
{
    private readonly string _prefix;
    private readonly string _stack;
    private readonly string _region;

    /// <summary>Creates the namer of one stack.</summary>
    /// <param name="prefix">The stack file's naming prefix (validated by the settings).</param>
    /// <param name="environment">The environment the stack deploys.</param>
    /// <param name="region">The stack's region.</param>
    public ResourceNamer(string prefix, EnvironmentName environment, AzureRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (!PrefixPattern().IsMatch(prefix))
        {
            throw new ArgumentException($"naming prefix '{prefix}' must be 2-8 lowercase letters or digits, starting with a letter", nameof(prefix));
        }

        _prefix = prefix;
        _stack = StackNames.Of(environment);
        _region = region.ShortCode;
    }

    /// <summary>The name of a resource of the given kind, optionally for one workload.</summary>
    /// <param name="kind">The Azure resource kind.</param>
    /// <param name="workload">A lowercase workload segment such as <c>n8n</c>, or null.</param>
    public string Name(ResourceKind kind, string? workload = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (workload is not null && !WorkloadPattern().IsMatch(workload))
        {
            throw new ArgumentException($"workload segment '{workload}' must be lowercase letters, digits or single hyphens", nameof(workload));
        }

        string[] parts = workload is null
            ? [kind.Abbreviation, _prefix, _stack, _region]
            : [kind.Abbreviation, _prefix, _stack, _region, workload];
        var name = kind.AllowsHyphens ? string.Join('-', parts) : string.Concat(parts).Replace("-", string.Empty, StringComparison.Ordinal);
        if (name.Length > kind.MaxLength)
        {
            throw new ArgumentException($"resource name '{name}' is {name.Length} characters; Azure allows {kind.MaxLength} for '{kind.Abbreviation}' resources: shorten the naming prefix or the workload segment", nameof(workload));
        }

        return name;
    }

    /// <summary>
    /// Checks a name against Azure's rules for its kind; returns the broken rule, or null.
    /// Used by tests over everything the program declares.
    /// </summary>
    public static string? Violation(ResourceKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > kind.MaxLength)
        {
            return $"length {name.Length} is outside 1-{kind.MaxLength}";
        }

        var pattern = kind.AllowsHyphens ? HyphenatedName() : PlainName();
        return pattern.IsMatch(name) ? null : kind.AllowsHyphens
            ? "must be lowercase letters and digits in hyphen-separated words, starting with a letter"
            : "must be lowercase letters and digits only, starting with a letter";
    }

    [GeneratedRegex("^[a-z][a-z0-9]{1,7}$")]
    internal static partial Regex PrefixPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex WorkloadPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex HyphenatedName();

    [GeneratedRegex("^[a-z][a-z0-9]*$")]
    private static partial Regex PlainName();
}
