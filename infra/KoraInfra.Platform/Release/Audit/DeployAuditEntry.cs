using KoraInfra.Platform.Release.Manifest;

namespace KoraInfra.Platform.Release.Audit;

/// <summary>What a deploy audit entry records (seed section 5: "quem, quando, commit, imagem, resultado, rollback").</summary>
public enum DeployAction
{
    /// <summary>A promotion through a gate.</summary>
    Promote,

    /// <summary>A promotion of the previous stable manifest.</summary>
    Rollback,

    /// <summary>
    /// The check, before <c>pulumi up --plan</c>, that the saved plan is the one bound to the
    /// manifest the stack runs; it changes no release, so the history ignores it.
    /// </summary>
    PlanCheck,
    /// <summary>A scheduled or emergency re-apply of the release the stack already runs, to rotate its credentials.</summary>
    Rotate,
}

/// <summary>The outcome of the action.</summary>
public enum DeployResult
{
    /// <summary>The gate admitted the release; the stack's release setting now names its manifest.</summary>
    Admitted,

    /// <summary>The gate refused; nothing changed.</summary>
    Refused,
}

/// <summary>
/// One line of the deploy audit log. <see cref="Previous"/> and <see cref="Hash"/> chain the
/// entries: each hash covers the entry and the previous hash, so no entry can be edited,
/// removed or moved without breaking every later link.
/// </summary>
public sealed record DeployAuditEntry
{
    /// <summary>1-based position in the log.</summary>
    public required long Sequence { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who ran it (the pipeline actor).</summary>
    public required string Who { get; init; }

    /// <summary>The stack.</summary>
    public required string Stack { get; init; }

    /// <summary>Promote or rollback.</summary>
    public required DeployAction Action { get; init; }

    /// <summary>The release (version or main build).</summary>
    public required string Release { get; init; }

    /// <summary>The commit deployed.</summary>
    public required string Commit { get; init; }

    /// <summary>The images deployed, by digest.</summary>
    public required IReadOnlyList<string> Images { get; init; }

    /// <summary>Admitted or refused.</summary>
    public required DeployResult Result { get; init; }

    /// <summary>The gate a promotion went through (none for a rollback, or for evidence too malformed to name one).</summary>
    public PromotionGate? Gate { get; init; }

    /// <summary>For a refusal that no gate judged (unreadable evidence, a refused rollback): why, in one line.</summary>
    public string? Reason { get; init; }

    /// <summary>For a refusal: the ids of the failed conditions.</summary>
    public IReadOnlyList<string> FailedConditions { get; init; } = [];

    /// <summary>For a rollback: the release it rolls back.</summary>
    public string? RollbackOf { get; init; }

    /// <summary>The signed manifest the stack's release setting names (admitted entries).</summary>
    public string? Manifest { get; init; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of that signed manifest file, so a rollback can prove it is the same file.</summary>
    public string? ManifestSha256 { get; init; }

    /// <summary>For a rotation: what was applied where, and when (absent from other entries, so their hashes are unchanged).</summary>
    public IReadOnlyList<Secrets.CredentialRotationRecord>? Rotations { get; init; }

    /// <summary>The previous entry's hash (64 zeros for the first entry).</summary>
    public string Previous { get; init; } = string.Empty;

    /// <summary>SHA-256 (hex) of this entry without this field and without <see cref="Signature"/>.</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>
    /// The release key's ECDSA P-256 signature over <see cref="Hash"/> (base64, IEEE P1363): whoever
    /// rewrites the log and its head together still cannot sign the rewritten entries.
    /// </summary>
    public string Signature { get; init; } = string.Empty;
}
