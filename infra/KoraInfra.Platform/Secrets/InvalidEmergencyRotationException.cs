namespace KoraInfra.Platform.Secrets;

/// <summary>An emergency rotation the plan cannot honour (dated in the future, or naming no catalogue secret).</summary>
public sealed class InvalidEmergencyRotationException : Exception
{
    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public InvalidEmergencyRotationException()
    {
    }

    /// <summary>Creates the exception with a message naming the key, the value and what would be right.</summary>
    public InvalidEmergencyRotationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause (required by the exception pattern).</summary>
    public InvalidEmergencyRotationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
