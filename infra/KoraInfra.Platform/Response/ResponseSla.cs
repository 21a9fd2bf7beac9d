namespace KoraInfra.Platform.Response;

/// <summary>
/// The response SLA of a priority (seed section 7, "SLA de resposta"), with the seed's own words.
/// P2's ACK is "4h uteis" (business hours); the responder counts wall-clock hours, which can only
/// flag a breach earlier, never later.
/// </summary>
/// <param name="Priority">The priority.</param>
/// <param name="Ack">Time to the operational ACK.</param>
/// <param name="Containment">Time to initial containment, or null where the seed sets none (P2).</param>
/// <param name="Spelled">The seed's line.</param>
public sealed record ResponseSla(Priority Priority, TimeSpan Ack, TimeSpan? Containment, string Spelled)
{
    /// <summary>Every priority's SLA, P0 first.</summary>
    public static IReadOnlyList<ResponseSla> All { get; } =
    [
        new(Priority.P0, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), "P0: ACK operacional <= 5 min; contencao inicial <= 15 min"),
        new(Priority.P1, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), "P1: ACK <= 15 min; contencao inicial <= 60 min"),
        new(Priority.P2, TimeSpan.FromHours(4), null, "P2: ACK <= 4h uteis"),
    ];

    /// <summary>The SLA of a priority.</summary>
    public static ResponseSla For(Priority priority) => All.Single(s => s.Priority == priority);
}
