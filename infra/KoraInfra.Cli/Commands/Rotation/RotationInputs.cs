using System.Security.Cryptography;
using KoraInfra.Cli.Release;
using KoraInfra.Platform.Environments;
using KoraInfra.Platform.Release.Audit;
using KoraInfra.Platform.Secrets;
using KoraInfra.Platform.Settings;

namespace KoraInfra.Cli.Commands.Rotation;

/// <summary>
/// What every rotation command reads: the stack's settings and, for a promoted stack, the deploy
/// audit log its settings name (<c>kora-infra:promotion.auditLog</c>), opened with the release key
/// and verified against the head the release store holds. Dev has no promotion settings and keeps
/// no audit log: its <see cref="Log"/> is null and it has no records.
/// </summary>
internal sealed class RotationInputs : IDisposable
{
    private readonly ECDsa? _key;

    private RotationInputs(string stack, StackSettings settings, string projectDirectory, ECDsa? key, DeployAuditLog? log, AuditVerification? verification)
    {
        Stack = stack;
        Settings = settings;
        ProjectDirectory = projectDirectory;
        _key = key;
        Log = log;
        Verification = verification;
    }

    public string Stack { get; }

    public StackSettings Settings { get; }

    public string ProjectDirectory { get; }

    /// <summary>The stack's deploy audit log, or null for a stack that keeps none (dev).</summary>
    public DeployAuditLog? Log { get; }

    /// <summary>The log's verification, or null for a stack that keeps none.</summary>
    public AuditVerification? Verification { get; }

    /// <summary>The verified entries (none for a stack without a log).</summary>
    public IReadOnlyList<DeployAuditEntry> Entries => Verification?.Entries ?? [];

    /// <summary>
    /// Reads the stack's settings and, where the settings name one, its audit log with the key
    /// from <paramref name="keyFile"/> or <paramref name="keyVariable"/>: the signing key to append,
    /// the verification key to read.
    /// </summary>
    public static RotationInputs Load(string stack, string? keyFile, string keyVariable, AuditHead? anchor, string? projectDir, TimeProvider time)
    {
        if (!StackNames.TryParse(stack, out _))
        {
            throw new UsageException($"unknown stack '{stack}'; expected dev, staging or prod");
        }

        var dir = KoraInfra.Cli.ProjectDirectory.Resolve(projectDir);
        var file = Path.Combine(dir, StackFiles.FileName(stack));
        if (!File.Exists(file))
        {
            throw new UsageException($"stack file '{file}' does not exist; the rotation of {stack} is read from it");
        }

        var result = StackFiles.Validate(file);
        if (!result.IsValid)
        {
            throw new UsageException($"{StackFiles.FileName(stack)} is invalid; run 'kora validate --stack {stack}': " + string.Join("; ", result.Problems));
        }

        var settings = result.Require();
        if (settings.Promotion is not { } promotion)
        {
            if (anchor is not null)
            {
                throw new UsageException($"--expect-count/--expect-hash given for {stack}, which keeps no deploy audit log (no kora-infra:promotion); expected them only for staging or prod");
            }

            return new RotationInputs(stack, settings, dir, null, null, null);
        }

        var key = ReleaseFiles.LoadKey(keyFile, keyVariable, dir);
        var log = AuditLogAccess.Open(ReleaseFiles.Full(dir, promotion.AuditLog), time, key);
        return new RotationInputs(stack, settings, dir, key, log, AuditLogAccess.Verify(log, anchor));
    }

    /// <summary>
    /// Prints why the audit log cannot be trusted and returns true when it failed verification;
    /// nothing is proven from, or appended to, such a log.
    /// </summary>
    public bool RefusesLog(TextWriter output)
    {
        if (Verification is not { IsIntact: false } failed)
        {
            return false;
        }

        output.WriteLine($"refused: the deploy audit log {Settings.Promotion!.AuditLog} of {Stack} failed verification; nothing was checked or recorded:");
        failed.Problems.ToList().ForEach(p => output.WriteLine("  " + p));
        return true;
    }

    /// <summary>Every rotation record of the stack, oldest first.</summary>
    public IReadOnlyList<CredentialRotationRecord> Records => RotationRecords.Of(Entries, Stack);

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

    public void Dispose() => _key?.Dispose();
}
