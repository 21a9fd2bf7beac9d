namespace KoraInfra.Cli;

/// <summary>
/// A server kora needs could not be reached (database down, wrong host or port, no route, DNS):
/// reported as one line naming the server, with its own exit code so a pipeline can retry it;
/// neither the user's mistake nor a defect in kora.
/// </summary>
public sealed class DependencyUnavailableException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public DependencyUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public DependencyUnavailableException()
    {
    }

    /// <summary>Creates the exception with a cause (required by the exception pattern).</summary>
    public DependencyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
