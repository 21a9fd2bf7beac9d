namespace KoraInfra.Platform.Response;

/// <summary>One alert of an Alertmanager webhook, validated.</summary>
/// <param name="Fingerprint">Alertmanager's fingerprint.</param>
/// <param name="Firing">True for <c>firing</c>, false for <c>resolved</c>.</param>
/// <param name="AlertName">The <c>alertname</c> label.</param>
/// <param name="Labels">Every label.</param>
/// <param name="Annotations">Every annotation.</param>
/// <param name="StartsAt">When it started firing.</param>
/// <param name="EndsAt">When it resolved (null while firing: Alertmanager sends the zero time).</param>
public sealed record ReceivedAlert(
    string Fingerprint,
    bool Firing,
    string AlertName,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt);
