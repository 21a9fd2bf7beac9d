namespace KoraInfra.Platform.Policy;

/// <summary>Every resource of one stack, as one input to the rules.</summary>
/// <param name="StackName">The stack the resources belong to.</param>
/// <param name="Resources">The resources, in registration order.</param>
/// <param name="EngineFindings">Violations the Pulumi engine already reported (CrossGuard <c>policyEvent</c> records), when read from engine events.</param>
public sealed record StackSnapshot(string StackName, IReadOnlyList<ResourceSnapshot> Resources, IReadOnlyList<EngineFinding> EngineFindings)
{
    /// <summary>Resources of one type, in registration order.</summary>
    /// <remarks>The snapshot is grouped by type once, on first use; its resources are not expected to change after that.</remarks>
    public IReadOnlyList<ResourceSnapshot> OfType(string type) => ResourceTypes.Of(this).OfType(type);

    /// <summary>Resources whose type token <paramref name="accepts"/> takes, in registration order.</summary>
    /// <param name="accepts">Asked once per distinct type token of the stack.</param>
    public IReadOnlyList<ResourceSnapshot> OfTypes(Func<string, bool> accepts)
    {
        ArgumentNullException.ThrowIfNull(accepts);
        return ResourceTypes.Of(this).OfTypes(accepts);
    }
}

/// <summary>A CrossGuard violation as the engine streamed it (<c>policyEvent</c>).</summary>
/// <param name="ResourceUrn">The resource, or empty for a stack-level violation.</param>
/// <param name="PolicyName">The policy (our rule id, when the pack is ours).</param>
/// <param name="PolicyPackName">The pack.</param>
/// <param name="EnforcementLevel">As the engine spells it (<c>mandatory</c>, <c>advisory</c>, <c>warning</c>…).</param>
/// <param name="Message">The message.</param>
/// <param name="Severity">The severity, when the engine reports one.</param>
public sealed record EngineFinding(string ResourceUrn, string PolicyName, string PolicyPackName, string EnforcementLevel, string Message, string? Severity);
