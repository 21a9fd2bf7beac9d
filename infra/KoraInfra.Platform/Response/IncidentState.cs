namespace KoraInfra.Platform.Response;

/// <summary>Where an incident is in its life. Only a person moves it out of <see cref="Open"/>.</summary>
public enum IncidentState
{
    /// <summary>Opened from an alert; nobody has acknowledged it yet (escalation and the no-ACK actions run).</summary>
    Open,

    /// <summary>A person acknowledged it: escalation stops; the actions already taken stay.</summary>
    Acknowledged,

    /// <summary>A person resolved it, saying why. Final.</summary>
    Resolved,
}
