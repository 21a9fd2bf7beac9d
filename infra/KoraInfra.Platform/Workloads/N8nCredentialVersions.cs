using KoraInfra.Platform.Database.Logins;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Secrets.RedisKeys;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Platform.Workloads;

/// <summary>
/// The versions of the credentials n8n reads, as a pod-template annotation. n8n reads its
/// credential files once, at start, and Kubernetes updates a mounted Secret without restarting
/// anyone: without this annotation a rotated password or key would reach the Secret but not the
/// running processes, which would then be cut off when the previous value stops working. A new
/// version changes the template, so the same <c>up</c> rolls every n8n Deployment (within its
/// disruption budget), well inside the overlap. Versions are window and emergency ids, never values.
/// </summary>
public static class N8nCredentialVersions
{
    /// <summary>The pod-template annotation.</summary>
    public const string Annotation = "kora.io/credential-versions";

    /// <summary>The annotation's value for a plan: one <c>secret=version</c> per credential n8n reads.</summary>
    public static string For(SecretsPlan plan, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        var login = LoginRotationPlan.For(plan, settings).Single(l => l.Login.Secret == SecretCatalogue.PostgresN8nPassword);
        var redis = RedisKeyRotationPlan.For(plan, settings);
        var key = plan.Secrets.Single(s => s.Name == SecretCatalogue.N8nEncryptionKey);
        return string.Join(
            ' ',
            $"{login.Login.Secret}={login.SecretVersion};slot={login.CurrentSlot}",
            redis is null ? $"{SecretCatalogue.RedisAccessKey}=in-cluster" : $"{SecretCatalogue.RedisAccessKey}={redis.RecordVersion}",
            $"{key.Name}={RotationRecords.Version(key)}");
    }
}
