using KoraInfra.Platform.Environments;

namespace KoraInfra.Platform.Policy;

/// <summary>What a rule evaluates: the stack's resources, its environment, and the time of evaluation.</summary>
/// <param name="Stack">The resources.</param>
/// <param name="Environment">The environment's profile.</param>
/// <param name="Now">When the evaluation happens (expiry rules compare against it).</param>
public sealed record PolicyContext(StackSnapshot Stack, EnvironmentProfile Environment, DateTimeOffset Now);
