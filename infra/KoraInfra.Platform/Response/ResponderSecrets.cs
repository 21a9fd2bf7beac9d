namespace KoraInfra.Platform.Response;

/// <summary>
/// The Kubernetes Secret the responder reads its credentials from, built from the vault's values
/// (Pulumi secret outputs) as n8n's is: the two bearer tokens mounted read-only as files (the
/// responder re-reads a changed file, so a rotation needs no restart), and the database
/// connection, which carries the <c>kora_responder</c> login's password, as a variable.
/// </summary>
public static class ResponderSecrets
{
    /// <summary>The Secret's name (and its volume's).</summary>
    public const string SecretName = "kora-responder-credentials";

    /// <summary>Where the token files appear in the container.</summary>
    public const string MountPath = "/run/secrets/kora-responder";

    /// <summary>The key of the connection string (read through <see cref="ConnectionVariable"/>, never mounted).</summary>
    public const string ConnectionKey = "connection";

    /// <summary>The variable ASP.NET Core's configuration reads as <c>Responder:Connection</c>.</summary>
    public const string ConnectionVariable = "Responder__Connection";

    /// <summary>File mode 0440: the owner and the pod's fsGroup (the responder's group) only.</summary>
    public const int FileMode = 288;

    /// <summary>The mounted files, by Secret key: each token under its vault secret's name.</summary>
    public static IReadOnlyList<string> FileKeys { get; } = [ResponderEndpoint.WebhookTokenSecretName, ResponderEndpoint.ApiTokenSecretName];

    /// <summary>The path of one mounted key.</summary>
    public static string FileOf(string key) => $"{MountPath}/{key}";
}
