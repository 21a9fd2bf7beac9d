using KoraInfra.Platform.Foundation;

namespace KoraInfra.Components.Foundation;

/// <summary>What <see cref="PlatformFoundation"/> declares: Platform's decision, nothing more.</summary>
public sealed class PlatformFoundationArgs
{
    /// <summary>The stack's foundation plan.</summary>
    public required FoundationPlan Plan { get; init; }
}
