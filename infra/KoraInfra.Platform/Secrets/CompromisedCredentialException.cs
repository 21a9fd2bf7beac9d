using KoraInfra.Platform.Release.Gates;

namespace KoraInfra.Platform.Secrets;

/// <summary>Stops a prod deployment while a compromised credential is pending rotation.</summary>
public sealed class CompromisedCredentialException : Exception
{
    /// <summary>Creates the exception naming every pending credential.</summary>
    public CompromisedCredentialException(IReadOnlyList<PendingCompromisedCredential> pending)
        : base(CompromisedCredentialCheck.Failure(pending ?? []) ?? "no compromised credential is pending") =>
        Pending = pending ?? [];

    /// <summary>Creates an exception without credentials (required by the exception pattern).</summary>
    public CompromisedCredentialException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message (required by the exception pattern).</summary>
    public CompromisedCredentialException(string message)
        : base(message) => Pending = [];

    /// <summary>Creates an exception with a message and a cause (required by the exception pattern).</summary>
    public CompromisedCredentialException(string message, Exception innerException)
        : base(message, innerException) => Pending = [];

    /// <summary>The credentials still pending.</summary>
    public IReadOnlyList<PendingCompromisedCredential> Pending { get; }
}
