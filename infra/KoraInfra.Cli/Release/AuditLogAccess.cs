using System.Security.Cryptography;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Release;

/// <summary>
/// The deploy audit log a stack's settings name (<c>kora-infra:promotion.auditLog</c>), opened with
/// the release key and checked against the head the caller expects (the one the release store
/// holds): the only way the release commands reach the log.
/// </summary>
internal static class AuditLogAccess
{
    /// <summary>The stacks promoted into, whose settings name an audit log.</summary>
    public static IReadOnlyList<string> GatedStacks { get; } =
        Enum.GetValues<EnvironmentName>().Select(EnvironmentProfiles.For).Where(p => p.RequiresReleaseManifest).Select(p => p.StackName).ToList();

    /// <summary>A stack's promotion settings, from its stack file; a usage error when the file is invalid.</summary>
    public static PromotionSettings Settings(string projectDir, string stack)
    {
        var file = Path.Combine(projectDir, StackFiles.FileName(stack));
        if (!File.Exists(file))
        {
            throw new UsageException($"stack file '{file}' does not exist; the audit log and approval window of {stack} are read from it");
        }

        var result = StackFiles.Validate(file);
        if (result.Settings is not { } settings)
        {
            throw new UsageException($"{Path.GetFileName(file)} is invalid, so its audit log cannot be trusted and nothing was changed: {string.Join("; ", result.Problems)}");
        }

        return settings.Promotion ?? throw new UsageException($"{stack} is not promoted into; expected 'staging' or 'prod'");
    }

    /// <summary>The full path of the log a stack's settings name.</summary>
    public static string PathFor(string projectDir, string stack) => ReleaseFiles.Full(projectDir, Settings(projectDir, stack).AuditLog);

    /// <summary>
    /// Verifies the log and that it extends <paramref name="expected"/>; a log that holds entries
    /// needs an expected head, since a log rewritten together with its head file cannot otherwise
    /// be told from a genuine one.
    /// </summary>
    public static AuditVerification Verify(DeployAuditLog log, AuditHead? expected)
    {
        var verification = log.Verify(expected);
        if (expected is null && verification.Head.Count > 0)
        {
            return verification with
            {
                Problems = [.. verification.Problems, $"no expected head: the log holds {verification.Head.Count} entries; give the head the release store holds (--expect-count N --expect-hash H) so a log rewritten with its head is refused"],
            };
        }

        return verification;
    }

    /// <summary>Opens a log with a key (the signing key to append, a public key to read).</summary>
    public static DeployAuditLog Open(string path, TimeProvider time, ECDsa key) => new(path, time, key);
}
