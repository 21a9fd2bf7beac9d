namespace KoraInfra.Platform.Release.Manifest;

/// <summary>A release document (manifest, envelope, evidence, audit log) that cannot be read as one.</summary>
public sealed class ReleaseDocumentException : Exception
{
    /// <summary>Creates the exception with the message the user sees.</summary>
    public ReleaseDocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (required by the exception pattern).</summary>
    public ReleaseDocumentException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public ReleaseDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
