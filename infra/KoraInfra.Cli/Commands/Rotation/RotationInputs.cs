using KoraInfra.Cli.Release;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands.Rotation;

/// <summary>What every rotation command reads: the stack's settings, its verified audit log and the records in it.</summary>
internal sealed record RotationInputs(string Stack, StackSettings Settings, DeployAuditLog Log, IReadOnlyList<DeployAuditEntry> Entries, string ProjectDirectory)
{
    public static RotationInputs Load(string stack, string? auditLog, string? projectDir, TimeProvider time)
    {
        if (!StackNames.TryParse(stack, out _))
        {
            throw new UsageException($"unknown stack '{stack}'; expected dev, staging or prod");
        }

        var dir = KoraInfra.Cli.ProjectDirectory.Resolve(projectDir);
        var result = StackFiles.Validate(Path.Combine(dir, StackFiles.FileName(stack)));
        if (!result.IsValid)
        {
            throw new UsageException($"{StackFiles.FileName(stack)} is invalid; run 'kora validate --stack {stack}': " + string.Join("; ", result.Problems));
        }

        var path = ReleaseFiles.AuditLogPath(dir, auditLog);
        var log = new DeployAuditLog(path, time);
        var verification = log.Verify();
        if (!verification.IsIntact)
        {
            throw new UsageException($"the deploy audit log {path} failed verification; nothing can be proven from it: " + string.Join("; ", verification.Problems));
        }

        return new RotationInputs(stack, result.Require(), log, verification.Entries, dir);
    }

    /// <summary>Every rotation record of the stack, oldest first.</summary>
    public IReadOnlyList<CredentialRotationRecord> Records =>
        Entries.Where(e => e.Stack == Stack && e.Action == DeployAction.Rotate && e.Result == DeployResult.Admitted)
            .SelectMany(e => e.Rotations ?? [])
            .ToList();

    /// <summary><c>sha256:&lt;hex&gt;</c> of the manifest the stack file names, or null when it names none or it is absent.</summary>
    public string? ManifestSha256()
    {
        if (Settings.ReleaseManifestPath is not { } manifest)
        {
            return null;
        }

        var full = ReleaseFiles.Full(ProjectDirectory, manifest);
        return File.Exists(full) ? ReleaseFiles.Sha256Of(File.ReadAllText(full)) : null;
    }
}
