namespace KoraInfra.Cli;

/// <summary>What <c>kora</c>'s exit status means, for pipelines that branch on it.</summary>
public static class ExitCodes
{
    /// <summary>Everything checked is valid.</summary>
    public const int Ok = 0;

    /// <summary>The check ran and found problems (invalid settings, a violated rule, a failed gate).</summary>
    public const int Findings = 1;

    /// <summary>The command line or its inputs were unusable (unknown stack, missing file).</summary>
    public const int UsageError = 2;

    /// <summary>A server kora needs (the database) is unreachable: retry when it is back (sysexits' EX_UNAVAILABLE).</summary>
    public const int Unavailable = 69;

    /// <summary>A defect in kora itself.</summary>
    public const int InternalError = 70;
}
