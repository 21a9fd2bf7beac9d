namespace KoraInfra.Platform.Secrets;

/// <summary>A secret catalogue that breaks a rule (a period over the seed's maximum, a duplicate name…).</summary>
public sealed class InvalidSecretCatalogueException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    public InvalidSecretCatalogueException(IReadOnlyList<string> problems)
        : base("the secret catalogue is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  " + p))) =>
        Problems = problems ?? [];

    /// <summary>Creates an exception without problems (required by the exception pattern).</summary>
    public InvalidSecretCatalogueException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message (required by the exception pattern).</summary>
    public InvalidSecretCatalogueException(string message)
        : base(message) => Problems = [message];

    /// <summary>Creates an exception with a message and a cause (required by the exception pattern).</summary>
    public InvalidSecretCatalogueException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Every problem, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
