namespace KoraInfra.Platform.Policy;

/// <summary>One thing a rule found wrong.</summary>
/// <param name="ResourceUrn">The offending resource, or null for a stack-level finding.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record Finding(string? ResourceUrn, string Message);
