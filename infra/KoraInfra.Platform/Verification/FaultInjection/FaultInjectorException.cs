namespace KoraInfra.Platform.Verification.FaultInjection;

/// <summary>The tool that injects faults is missing or refused the request; the message says which and what to do.</summary>
public sealed class FaultInjectorException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public FaultInjectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public FaultInjectorException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public FaultInjectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
