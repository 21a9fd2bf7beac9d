namespace KoraInfra.Platform.Policy.Snapshots;

/// <summary>An input file kora cannot read as Pulumi resources: says which file, where, and what was expected.</summary>
public sealed class PolicyInputException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public PolicyInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public PolicyInputException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public PolicyInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
