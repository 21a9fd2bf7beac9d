namespace KoraInfra.Platform.Database;

/// <summary>
/// The Kubernetes Job that runs <c>kora db migrate</c> on each <c>up</c> that changes the tools
/// image or the migrations, before anything that needs the schema.
/// </summary>
/// <param name="Image">The kora tools image (kora + db/migrations inside).</param>
/// <param name="MeetsImagePolicy">False when the environment requires images by digest and this one is a tag.</param>
/// <param name="Args">The container arguments.</param>
/// <param name="ConnectionVariable">The environment variable kora reads the connection string from.</param>
/// <param name="SecretName">The Kubernetes Secret holding the connection string.</param>
/// <param name="SecretKey">The key inside that Secret.</param>
/// <param name="MigrationsFingerprint">SHA-256 over the migration files: a new value replaces (re-runs) the Job.</param>
/// <param name="BackoffLimit">Retries before the Job fails (and with it the <c>up</c>).</param>
/// <param name="ActiveDeadlineSeconds">The longest a migration may run.</param>
/// <param name="Labels">Labels on the Job and its pod.</param>
public sealed record MigrationJobPlan(
    string Image,
    bool MeetsImagePolicy,
    IReadOnlyList<string> Args,
    string ConnectionVariable,
    string SecretName,
    string SecretKey,
    string MigrationsFingerprint,
    int BackoffLimit,
    int ActiveDeadlineSeconds,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The annotation that carries <see cref="MigrationsFingerprint"/>.</summary>
    public const string FingerprintAnnotation = "kora.io/migrations-sha256";

    /// <summary>Where the migrations live inside the tools image.</summary>
    public const string MigrationsPathInImage = "/app/db/migrations";
}
