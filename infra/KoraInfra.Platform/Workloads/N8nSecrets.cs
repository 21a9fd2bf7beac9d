namespace KoraInfra.Platform.Workloads;

/// <summary>
/// The Kubernetes Secret n8n reads its credentials from, built from Pulumi secret outputs (the
/// values the vault holds), mounted read-only as files. Its keys are the vault's secret names,
/// so one name means one credential everywhere.
/// </summary>
public static class N8nSecrets
{
    /// <summary>The Secret's name.</summary>
    public const string SecretName = "n8n-credentials";

    /// <summary>The volume name.</summary>
    public const string VolumeName = "n8n-credentials";

    /// <summary>Where the files appear in every n8n container.</summary>
    public const string MountPath = "/run/secrets/n8n";

    /// <summary>n8n's database password (vault: <c>postgres-n8n-password</c>).</summary>
    public const string DatabasePasswordKey = "postgres-n8n-password";

    /// <summary>
    /// n8n's database login: the slot of the <c>n8n</c> role that holds the vault's current
    /// password. Beside the password in the same Secret, so the two always change together.
    /// </summary>
    public const string DatabaseUserKey = "postgres-n8n-user";

    /// <summary>The Redis password or access key (vault: <c>redis-access-key</c>).</summary>
    public const string RedisPasswordKey = "redis-access-key";

    /// <summary>The credentials encryption key, identical on every process, never rotated (vault: <c>n8n-encryption-key</c>).</summary>
    public const string EncryptionKeyKey = "n8n-encryption-key";

    /// <summary>
    /// File mode 0440: readable by the owner and the pod's fsGroup (n8n's group), by nobody else.
    /// </summary>
    public const int FileMode = 288;

    /// <summary>Every key the Secret holds.</summary>
    public static IReadOnlyList<string> Keys { get; } = [DatabaseUserKey, DatabasePasswordKey, RedisPasswordKey, EncryptionKeyKey];

    /// <summary>The path of one key's file.</summary>
    public static string FileOf(string key) => $"{MountPath}/{key}";
}
