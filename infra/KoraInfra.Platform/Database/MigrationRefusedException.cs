namespace KoraInfra.Platform.Database;

/// <summary>
/// The migrations cannot be applied as they are: an applied migration was edited (its checksum
/// no longer matches the one recorded), a file is misnamed, or the database is unreachable.
/// Nothing was applied by the run that raised it.
/// </summary>
public sealed class MigrationRefusedException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public MigrationRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public MigrationRefusedException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public MigrationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
