namespace KoraInfra.Platform.Release.Manifest;

/// <summary>One piece of evidence: what it proves, whether it passed, where a reviewer reads it.</summary>
/// <param name="Kind">What the evidence is about.</param>
/// <param name="Passed">Whether the check passed (or the test was approved).</param>
/// <param name="Url">An https link to the report (CI job, test report, runbook record).</param>
public sealed record EvidenceLink(EvidenceKind Kind, bool Passed, Uri Url);
