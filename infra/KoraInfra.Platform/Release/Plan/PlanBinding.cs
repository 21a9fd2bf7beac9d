namespace KoraInfra.Platform.Release.Plan;

/// <summary>
/// The signed statement that a saved <c>pulumi preview --save-plan</c> file is the plan of a
/// stack's admitted release: the GA workflow applies it with <c>pulumi up --plan</c> only when
/// this binding verifies for the same manifest and the same plan bytes.
/// </summary>
public sealed record PlanBinding
{
    /// <summary>The stack the plan is for.</summary>
    public required string Stack { get; init; }

    /// <summary>The release the stack runs (the manifest's version or main-build label).</summary>
    public required string Release { get; init; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the signed manifest file the stack's <c>kora-infra:release</c> names.</summary>
    public required string ManifestSha256 { get; init; }

    /// <summary><c>sha256:&lt;hex&gt;</c> of the saved plan file.</summary>
    public required string PlanSha256 { get; init; }

    /// <summary>When the plan was bound.</summary>
    public required DateTimeOffset BoundAt { get; init; }

    /// <summary>Who bound it (the pipeline actor).</summary>
    public required string BoundBy { get; init; }
}
