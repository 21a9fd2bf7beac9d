namespace KoraInfra.Platform.Response;

/// <summary>A parsed webhook: its alerts, or the problems that refuse it whole.</summary>
/// <param name="Alerts">The alerts (empty when refused).</param>
/// <param name="Problems">Each problem with its JSON path.</param>
public sealed record WebhookPayload(IReadOnlyList<ReceivedAlert> Alerts, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the payload can be applied.</summary>
    public bool IsValid => Problems.Count == 0;

    internal static WebhookPayload Refused(IReadOnlyList<string> problems) => new([], problems);
}
