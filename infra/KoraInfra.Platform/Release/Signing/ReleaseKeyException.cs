namespace KoraInfra.Platform.Release.Signing;

/// <summary>Release key material that is missing or unusable.</summary>
public sealed class ReleaseKeyException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public ReleaseKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public ReleaseKeyException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public ReleaseKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
