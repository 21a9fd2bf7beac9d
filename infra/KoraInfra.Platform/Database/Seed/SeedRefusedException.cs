namespace KoraInfra.Platform.Database.Seed;

/// <summary>Seeding is not allowed where it was asked for (prod holds real tenant data).</summary>
public sealed class SeedRefusedException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public SeedRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public SeedRefusedException()
    {
    }

    /// <summary>Creates the exception with a cause (required by the exception pattern).</summary>
    public SeedRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
