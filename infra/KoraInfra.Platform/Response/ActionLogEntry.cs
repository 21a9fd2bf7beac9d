namespace KoraInfra.Platform.Response;

/// <summary>
/// One entry of the responder's action log: what was engaged, escalated or cleared, by whom, for
/// which incident and tenant. Chained like the deploy audit log (<see cref="ActionLogChain"/>).
/// </summary>
public sealed record ActionLogEntry
{
    /// <summary>1-based position.</summary>
    public required long Sequence { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who: <c>responder</c> for automatic actions, the person's name otherwise.</summary>
    public required string Who { get; init; }

    /// <summary>What: an <see cref="ActionKinds.Wire"/> name, <c>escalation</c>, or <c>clear_&lt;control&gt;</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The incident, when there is one.</summary>
    public long? Incident { get; init; }

    /// <summary>The tenant, when there is one.</summary>
    public Guid? Tenant { get; init; }

    /// <summary>The target (component, escalation step), or empty.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>Why (the rule, or the person's reason).</summary>
    public required string Why { get; init; }

    /// <summary>The previous entry's hash (64 zeros for the first).</summary>
    public string Previous { get; init; } = string.Empty;

    /// <summary>SHA-256 (hex) of the entry without this field.</summary>
    public string Hash { get; init; } = string.Empty;
}
