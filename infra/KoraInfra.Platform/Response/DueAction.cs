namespace KoraInfra.Platform.Response;

/// <summary>An action an incident calls for now.</summary>
/// <param name="Rule">The rule that calls for it.</param>
/// <param name="Kind">The action.</param>
/// <param name="TenantId">The tenant it applies to (null when the alert names none).</param>
/// <param name="Component">For a component flag: the component (the alert's <c>flow_id</c>); empty otherwise.</param>
public sealed record DueAction(string Rule, ActionKind Kind, Guid? TenantId, string Component)
{
    /// <summary>
    /// The idempotency key: an incident takes each action on each target once, however often the
    /// loop or a repeated alert asks for it.
    /// </summary>
    public string Key => $"{Rule}/{Kind.Wire()}/{Component}";

    /// <summary>Whether the action needs a tenant it does not have (it is then logged for a person, never guessed).</summary>
    public bool MissingTenant => Kind.Control() is not null && TenantId is null;
}
