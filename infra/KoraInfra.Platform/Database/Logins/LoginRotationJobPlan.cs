using System.Security.Cryptography;
using System.Text;

namespace KoraInfra.Platform.Database.Logins;

/// <summary>
/// The Kubernetes Job that runs <c>kora db rotate-logins</c> after the migration Job, with the
/// migration's image and the server administrator's connection. Its pod reads each password from a
/// Secret through an environment variable (never an argument); its arguments name only the slot and
/// version of each login, so a new version replaces (and re-runs) the Job.
/// </summary>
/// <param name="Image">The kora tools image (the migration Job's).</param>
/// <param name="Args">The container arguments.</param>
/// <param name="SecretName">The Kubernetes Secret with the connection and the passwords.</param>
/// <param name="ConnectionVariable">The variable kora reads the connection string from.</param>
/// <param name="ConnectionKey">The connection's key in the Secret.</param>
/// <param name="Passwords">Per login: the variable kora reads, and the Secret key (the vault secret's name).</param>
/// <param name="RotationFingerprint">SHA-256 over the arguments: a new version re-runs the Job.</param>
/// <param name="BackoffLimit">Retries before the Job (and the <c>up</c>) fails.</param>
/// <param name="ActiveDeadlineSeconds">The longest a rotation may run.</param>
/// <param name="Labels">Labels on the Job and its pod.</param>
public sealed record LoginRotationJobPlan(
    string Image,
    IReadOnlyList<string> Args,
    string SecretName,
    string ConnectionVariable,
    string ConnectionKey,
    IReadOnlyList<(string Variable, string SecretKey)> Passwords,
    string RotationFingerprint,
    int BackoffLimit,
    int ActiveDeadlineSeconds,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The annotation that carries <see cref="RotationFingerprint"/>.</summary>
    public const string FingerprintAnnotation = "kora.io/login-rotation-sha256";

    /// <summary>The Job for these rotations, beside the migration Job.</summary>
    public static LoginRotationJobPlan For(MigrationJobPlan migration, IReadOnlyList<LoginRotation> rotations)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(rotations);
        var args = new List<string> { "db", "rotate-logins" };
        foreach (var rotation in rotations)
        {
            args.Add("--login");
            args.Add(rotation.Argument);
        }

        var labels = new SortedDictionary<string, string>(migration.Labels.ToDictionary(), StringComparer.Ordinal)
        {
            ["app.kubernetes.io/component"] = "login-rotation",
        };
        return new LoginRotationJobPlan(
            migration.Image,
            args,
            SecretName: "kora-login-rotation",
            ConnectionVariable: migration.ConnectionVariable,
            ConnectionKey: "connection",
            Passwords: rotations.Select(r => (r.Login.PasswordVariable, r.Login.Secret)).ToList(),
            RotationFingerprint: Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', args)))),
            BackoffLimit: migration.BackoffLimit,
            ActiveDeadlineSeconds: 300,
            Labels: labels);
    }
}
