namespace KoraInfra.Platform.Policy;

/// <summary>A rule that checks resources of some types one at a time.</summary>
public abstract class ResourceRule : PolicyRule
{
    /// <summary>The type tokens the rule applies to.</summary>
    protected abstract IReadOnlySet<string> Types { get; }

    /// <inheritdoc />
    /// <remarks>A check that looks at other resources of the stack overrides this with <see cref="PolicyScope.Stack"/>.</remarks>
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <summary>What is wrong with one resource (nothing when compliant).</summary>
    protected abstract IEnumerable<string> Check(ResourceSnapshot resource, PolicyContext context);

    /// <inheritdoc />
    public sealed override IEnumerable<Finding> Evaluate(PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Stack.OfTypes(Types.Contains)
            .SelectMany(r => Check(r, context).Select(message => new Finding(r.Urn, message)));
    }
}
