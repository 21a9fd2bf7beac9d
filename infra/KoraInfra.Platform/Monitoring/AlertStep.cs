namespace KoraInfra.Platform.Monitoring;

/// <summary>One rung of an alert's ladder: beyond <paramref name="Threshold"/>, the alert fires at <paramref name="Severity"/>.</summary>
/// <param name="Severity">The severity of this rung.</param>
/// <param name="Threshold">The threshold, in the signal's unit.</param>
/// <param name="Spelled">The threshold as the seed (or the settings) spells it, for summaries and docs.</param>
public sealed record AlertStep(AlertSeverity Severity, double Threshold, string Spelled);
