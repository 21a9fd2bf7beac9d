namespace KoraInfra.Platform.Response;

/// <summary>A transition the incident's state does not allow, or one missing who/why; nothing changed.</summary>
public sealed class IncidentTransitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IncidentTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public IncidentTransitionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public IncidentTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
