namespace KoraInfra.Platform.Release;

/// <summary>A deploy of a gated stack refused before any resource was declared.</summary>
public sealed class ReleaseRefusedException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public ReleaseRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public ReleaseRefusedException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public ReleaseRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
