namespace KoraInfra.Platform.Secrets;

/// <summary>
/// How often a secret is replaced: every <see cref="PeriodDays"/> days, or never (with the reason
/// written down, so the exception is a decision and not an omission).
/// </summary>
public sealed record RotationPolicy
{
    private RotationPolicy(int? periodDays, string? neverReason)
    {
        PeriodDays = periodDays;
        NeverReason = neverReason;
    }

    /// <summary>Days between scheduled rotations; null when the secret is never rotated on schedule.</summary>
    public int? PeriodDays { get; }

    /// <summary>Why the secret is never rotated on schedule; null for rotated secrets.</summary>
    public string? NeverReason { get; }

    /// <summary>Whether the secret rotates on a schedule.</summary>
    public bool IsScheduled => PeriodDays is not null;

    /// <summary>A secret replaced every <paramref name="days"/> days (checked by the catalogue).</summary>
    public static RotationPolicy Every(int days) => new(days, null);

    /// <summary>A secret that must keep its value; <paramref name="reason"/> says what would break.</summary>
    public static RotationPolicy Never(string reason) => new(null, reason);

    /// <inheritdoc />
    public override string ToString() => PeriodDays is { } days ? $"every {days} days" : $"never ({NeverReason})";
}
