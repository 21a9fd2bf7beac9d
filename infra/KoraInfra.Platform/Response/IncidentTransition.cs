namespace KoraInfra.Platform.Response;

/// <summary>One step of an incident's timeline (seed section 7: "registrar linha do tempo, owners").</summary>
/// <param name="From">The state before (null for the opening).</param>
/// <param name="To">The state after.</param>
/// <param name="Who">Who did it: a person, or <c>responder</c> for the opening from an alert.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Why">Why, when given (required to resolve).</param>
public sealed record IncidentTransition(IncidentState? From, IncidentState To, string Who, DateTimeOffset At, string? Why);
