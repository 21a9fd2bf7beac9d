namespace KoraInfra.Cli;

/// <summary>A mistake in how kora was called: reported as one clear line, never as a stack trace.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the exception with a cause (required by the exception pattern).</summary>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
