namespace KoraInfra.Cli.Output.Reports;

/// <summary><c>kora validate --json</c>: every stack file checked, and the verdict.</summary>
/// <param name="Valid">Whether every file is valid (exit code 0).</param>
/// <param name="Total">Stack files checked.</param>
/// <param name="Invalid">Stack files with at least one problem.</param>
/// <param name="StackFiles">Each file, in the order checked.</param>
internal sealed record ValidateReport(bool Valid, int Total, int Invalid, IReadOnlyList<StackFileReport> StackFiles);

/// <summary>One stack file's verdict; the settings summary is null when the file is invalid.</summary>
/// <param name="File">The file name, e.g. <c>Pulumi.prod.yaml</c>.</param>
/// <param name="Valid">Whether it has no problem.</param>
/// <param name="Stack">The stack it configures, when valid.</param>
/// <param name="Region">Its Azure region, when valid.</param>
/// <param name="SizingTier">Its sizing tier, when valid.</param>
/// <param name="Cluster">Its cluster mode (managed, existing), when valid.</param>
/// <param name="Network">Its address space, when valid.</param>
/// <param name="Problems">Every problem found (empty when valid).</param>
internal sealed record StackFileReport(
    string File,
    bool Valid,
    string? Stack,
    string? Region,
    string? SizingTier,
    string? Cluster,
    string? Network,
    IReadOnlyList<SettingsProblemReport> Problems);
