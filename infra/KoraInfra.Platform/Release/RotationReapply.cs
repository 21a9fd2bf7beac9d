using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Secrets;

namespace KoraInfra.Platform.Release;

/// <summary>
/// A rotation run (scheduled, or at once for an emergency rotation) re-applies the release a
/// stack already runs: the same signed manifest file, so the same artifact and images, never a
/// new one. A new release reaches staging and prod only through their promotion gates.
/// </summary>
public static class RotationReapply
{
    /// <summary>
    /// The audit entry of the release the stack runs, replayed from the log: an admitted promotion
    /// puts a release on top, an admitted rollback takes the top one off, a rotation changes nothing.
    /// </summary>
    public static DeployAuditEntry? Running(IEnumerable<DeployAuditEntry> entries, string stack)
    {
        var deployed = ReleaseLedger.Of(entries).Deployed(stack);
        return deployed.Count == 0 ? null : deployed[^1];
    }

    /// <summary>Checks that a rotation run of <paramref name="stack"/> re-applies what it runs.</summary>
    /// <param name="stack">The stack.</param>
    /// <param name="releaseSetting">The stack file's <c>kora-infra:release</c> (null when it names none).</param>
    /// <param name="manifestSha256"><c>sha256:&lt;hex&gt;</c> of that file as checked out, or null when absent.</param>
    /// <param name="entries">The verified deploy audit log.</param>
    /// <returns>The running release's entry, or null for a stack without releases (dev).</returns>
    /// <exception cref="ReleaseRefusedException">The run would apply anything but the running release.</exception>
    public static DeployAuditEntry? Check(string stack, string? releaseSetting, string? manifestSha256, IReadOnlyList<DeployAuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var running = Running(entries, stack);
        if (running is null)
        {
            return releaseSetting is null
                ? null
                : throw new ReleaseRefusedException($"rotation of {stack} refused: the stack file names the release '{releaseSetting}' but the deploy audit log shows no admitted release of {stack}; a rotation re-applies the running release and is never a first deploy");
        }

        if (releaseSetting != running.Manifest)
        {
            throw new ReleaseRefusedException($"rotation of {stack} refused: the stack file names the release '{releaseSetting ?? "(none)"}' but {stack} runs '{running.Manifest}' (audit entry {running.Sequence}); a rotation never takes a new release: promote it through its gate");
        }

        if (manifestSha256 != running.ManifestSha256)
        {
            throw new ReleaseRefusedException($"rotation of {stack} refused: '{releaseSetting}' is not the file promoted in audit entry {running.Sequence} ({manifestSha256 ?? "missing"} != {running.ManifestSha256}); a rotation re-applies the same signed manifest");
        }

        return running;
    }

    /// <summary>The audit entry of a successful rotation run: the running release, re-applied, with what was rotated where.</summary>
    public static DeployAuditEntry Entry(string stack, DeployAuditEntry? running, string who, string commit, IReadOnlyList<CredentialRotationRecord> rotations) => new()
    {
        Sequence = 0,
        At = default,
        Who = who,
        Stack = stack,
        Action = DeployAction.Rotate,
        Release = running?.Release ?? "main-" + commit[..Math.Min(12, commit.Length)],
        Commit = running?.Commit ?? commit,
        Images = running?.Images ?? [],
        Result = DeployResult.Admitted,
        Manifest = running?.Manifest,
        ManifestSha256 = running?.ManifestSha256,
        Rotations = rotations,
    };
}
